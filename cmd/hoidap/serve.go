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

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/places"
	"github.com/hoidap/hoidap/web"
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

	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: cfg.Data, Logger: log})
	if err != nil {
		return err
	}
	defer func() {
		if err := kb.Close(); err != nil {
			log.Error("close knowledge base", slog.Any("error", err))
		}
	}()
	if _, err := kb.SeedStarter(ctx); err != nil {
		return err
	}
	dir, err := places.Load()
	if err != nil {
		return err
	}
	bot, err := newBot(kb, dir, cfg, log)
	if err != nil {
		return err
	}
	srv, err := web.New(web.Config{Knowledge: kb, Logger: log, BaseURL: cfg.BaseURL, STTBaseURL: cfg.STTBaseURL, STTModel: cfg.STTModel,
		Bot: bot, Places: dir})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", cfg.Addr, err)
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       120 * time.Second,
		// No WriteTimeout: it would cut answers that stream; handlers set
		// their own deadlines.
	}
	log.Info("serving", slog.String("addr", ln.Addr().String()), slog.String("demo", cfg.BaseURL+"/x/demo"))
	fmt.Fprintf(stdout, "hoidap: serving on %s — demo commune: %s/x/demo\n", ln.Addr(), cfg.BaseURL)
	if qr, err := terminalQR(web.ChatURL(cfg.BaseURL, "demo", "")); err == nil {
		fmt.Fprint(stdout, qr)
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down: draining requests")
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Error("shutdown", slog.Any("error", err))
	}
	return nil
}
