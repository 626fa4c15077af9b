package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/hoidap/hoidap/internal/places"
	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/sqldb"
	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/ingest"
	"github.com/hoidap/hoidap/knowledge/portal"
	"github.com/hoidap/hoidap/knowledge/upload"
	"github.com/hoidap/hoidap/web"
)

const (
	// drainTimeout bounds the wait for in-flight answers at shutdown: one
	// answer takes at most 30 s (web's askDeadline), plus a margin.
	drainTimeout = 35 * time.Second
	// readTimeout bounds reading a whole request, body included: a 20 MB
	// upload on a slow link. Answers end before it (30 s), so the read
	// deadline never cancels a stream.
	readTimeout = 60 * time.Second
)

func parseLevel(s string) slog.Level {
	var l slog.Level
	_ = l.UnmarshalText([]byte(s))
	return l
}

func cmdServe(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	f, cfg := serveFlags(getenv, stderr)
	if err := f.parse(args); err != nil {
		return err
	}
	if err := cfg.validate(); err != nil {
		return err
	}
	log := newLogger(stderr, parseLevel(cfg.LogLevel))
	slog.SetDefault(log)

	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: cfg.Data, DatabaseURL: cfg.DatabaseURL, Logger: log})
	if err != nil {
		return err
	}
	defer func() {
		if err := kb.Close(); err != nil {
			log.Error("close knowledge base", slog.Any("error", err))
		}
	}()
	if err := seedDefaults(ctx, kb, log, cfg.NationalRecords); err != nil {
		return err
	}
	rs, err := openRecords(ctx, cfg.DatabaseURL, kb)
	if err != nil {
		return err
	}
	defer rs.Close()
	p := parts{kb: kb, records: rs, log: log, reg: newRegistry(kb),
		uploads: ingest.New(kb, upload.Limits{MaxBytes: upload.DefaultMaxBytes}, log)}
	registerRecords(p.reg, rs, cfg.DatabaseURL != "")
	if p.dir, err = places.Load(); err != nil {
		return err
	}
	if p.communes, err = records.NewCommunes(ctx, rs, p.dir); err != nil {
		return err
	}
	bot, err := newBot(p, cfg)
	if err != nil {
		return err
	}
	srv, err := newWeb(ctx, rs, webConfig(cfg, p, bot, stdout))
	if err != nil {
		return err
	}
	// No upload is in flight yet: every file no document refers to is
	// left from a process that died mid-upload.
	if _, err := p.uploads.Sweep(ctx, 0); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", cfg.Addr, err)
	}
	ln = capConnections(ln, cfg, log, p.reg)
	if err := servePprof(ctx, cfg.PprofAddr, log); err != nil {
		ln.Close()
		return err
	}
	// Retention runs beside the server and stops before the store closes.
	mctx, stopMaintain := context.WithCancel(ctx)
	maintained := make(chan struct{})
	go func() {
		defer close(maintained)
		maintain(mctx, rs, cfg.RetentionDays, p.uploads.Sweep, log)
	}()
	defer func() {
		stopMaintain()
		<-maintained
	}()
	announce(stdout, log, ln.Addr(), cfg.BaseURL)
	if err := serveUntilDone(ctx, newHTTPServer(srv), ln, log); err != nil {
		return err
	}
	stopMaintain()
	<-maintained
	// The records' writer, the index, then the store, which is the
	// source of truth.
	rs.Close()
	if err := kb.Close(); err != nil {
		return fmt.Errorf("close knowledge base: %w", err)
	}
	log.Info("stopped")
	return nil
}

// newWeb makes the web server, which writes the first administrator
// when there is none, holding the start's lock: replicas starting
// together on one PostgreSQL would both make it, and one would fail.
func newWeb(ctx context.Context, rs *records.Store, cfg web.Config) (*web.Server, error) {
	release, err := sqldb.Lock(ctx, rs.DB(), sqldb.LockStart)
	if err != nil {
		return nil, err
	}
	defer release()
	return web.New(cfg)
}

// openRecords opens the office's records: on the knowledge base's SQLite
// store, or in the PostgreSQL database of url (which the store's Close
// then closes).
func openRecords(ctx context.Context, url string, kb *knowledge.Base) (*records.Store, error) {
	if url == "" {
		return records.Open(ctx, kb.DB())
	}
	return records.OpenFile(ctx, url)
}

// seedDefaults writes what a store starts with: the starter articles and,
// unless records is false, the national portal's records embedded in the
// binary, each only when the store does not hold this version yet.
func seedDefaults(ctx context.Context, kb *knowledge.Base, log *slog.Logger, records bool) error {
	if _, err := kb.SeedStarter(ctx); err != nil {
		return err
	}
	if !records {
		return nil
	}
	_, err := portal.Seed(ctx, kb, log)
	return err
}

// newRegistry is the one Prometheus registry of the process, with Go
// runtime, process and database collectors; web and chatbot add theirs.
func newRegistry(kb *knowledge.Base) *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewDBStatsCollector(kb.DB(), "hoidap"),
	)
	return reg
}

// registerRecords adds the records' metrics: the answer records waiting
// in memory for the database and those dropped, and, when the records
// have a database of their own, its pool.
func registerRecords(reg *prometheus.Registry, rs *records.Store, ownDB bool) {
	reg.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "hoidap_answer_records_queued",
			Help: "Answer records waiting in memory for the records' database, which did not answer.",
		}, func() float64 { n, _ := rs.AnswerBacklog(); return float64(n) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "hoidap_answer_records_dropped_total",
			Help: "Answer records dropped because the records' database was down and the backlog full.",
		}, func() float64 { _, n := rs.AnswerBacklog(); return float64(n) }),
	)
	if ownDB {
		reg.MustRegister(collectors.NewDBStatsCollector(rs.DB(), "hoidap_records"))
	}
}

// webConfig is the web server's share of the configuration.
func webConfig(cfg *config, p parts, bot web.Bot, console io.Writer) web.Config {
	return web.Config{
		Knowledge: p.kb, Records: p.records, Communes: p.communes, Uploads: p.uploads, Logger: p.log, BaseURL: cfg.BaseURL, Bot: bot,
		Speech:         speech(cfg),
		TrustedProxies: cfg.TrustedProxies,
		AdminPassword:  cfg.AdminPassword, AdminToken: cfg.AdminToken, MetricsToken: cfg.MetricsToken,
		Console:       console,
		RetentionDays: cfg.RetentionDays,
		RateLimit:     cfg.RateLimit,
		Registry:      p.reg,
	}
}

// newHTTPServer sets timeouts that bound slow clients without cutting
// answers that stream.
func newHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       readTimeout,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		// No WriteTimeout: it would cut answers that stream; handlers set
		// their own deadlines.
	}
}

// serveUntilDone serves on ln until ctx ends, then stops accepting and
// lets in-flight answers and streams finish, for at most drainTimeout.
func serveUntilDone(ctx context.Context, hs *http.Server, ln net.Listener, log *slog.Logger) error {
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: draining requests", slog.Duration("bound", drainTimeout))
	sctx, cancel := context.WithTimeout(context.Background(), drainTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		log.Error("shutdown: requests cut", slog.Any("error", err))
		_ = hs.Close()
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
