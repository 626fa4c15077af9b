// Package web serves hoidap over HTTP: the residents' chat pages and API,
// QR codes and posters, the admin pages, health and metrics. It is the only
// package that imports gin.
package web

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/hoidap/hoidap/knowledge/ingest"
	"github.com/hoidap/hoidap/knowledge/upload"
)

// Knowledge is what the web layer needs of the knowledge base: the small
// interfaces each area declares where it uses them, and what the default
// ingest workflow needs (ingest.Base).
type Knowledge interface {
	Searcher
	Library
	Readiness
	ingest.Base
}

// Records is what the web layer needs of the office's records: the small
// interfaces each area declares where it uses them.
type Records interface {
	Accounts
	IdempotencyKeys
	Posters
	AnswerLog
	ApprovedAnswers
	Tickets
}

// Config holds the server's dependencies and settings.
type Config struct {
	Knowledge Knowledge
	// Records are the office's own rows: accounts, posters and scans,
	// answer records and feedback, approved answers, the questions left
	// for the office, idempotency keys.
	Records Records
	// Communes is the one lookup of communes, shared with the chatbot.
	Communes Communes
	// Uploads ingests administrators' files; nil runs knowledge/ingest's
	// workflow on Knowledge within the upload size limit.
	Uploads Uploads
	Logger  *slog.Logger
	// BaseURL is the public URL of the service, without a trailing slash.
	BaseURL string
	// TrustedProxies are the addresses (or CIDRs) of reverse proxies whose
	// X-Forwarded-For is believed; empty trusts none.
	TrustedProxies []string
	// Bot answers residents' questions at /api/v1/ask; nil answers 503.
	Bot Bot
	// Speech transcribes residents' recorded questions; nil leaves voice
	// to the browser.
	Speech Speech

	// AdminPassword is the first administrator's password; empty makes a
	// one-time password, written once to Console at first start.
	AdminPassword string
	// AdminToken is a bearer token for the admin API besides the tokens
	// created in the admin pages; empty adds none.
	AdminToken string
	// Console receives what the operator must read once and that must
	// never reach the log (the one-time password); nil discards it.
	Console io.Writer
	// RetentionDays is how long conversation records are kept, as the
	// dashboard says; 0 means records.DefaultRetentionDays. The records
	// are purged by the retention job that cmd runs.
	RetentionDays int

	// RateLimit is questions per minute per client; 0 turns it off.
	RateLimit int
	// Registry receives the Prometheus metrics served at /metrics; nil
	// makes a registry of the server's own.
	Registry *prometheus.Registry
	// MetricsToken, when set, is the bearer token a scraper must send for
	// /metrics; empty serves /metrics to anyone.
	MetricsToken string
}

// Server is the HTTP face of hoidap.
type Server struct {
	cfg     Config
	log     *slog.Logger
	router  *gin.Engine
	site    *site      // residents' pages: templates, assets, communes, QR, voice
	admin   *adminSite // administrators' pages and API: accounts, sessions, documents
	ops     *ops       // metrics and limits
	bodies  sync.Pool  // *bytes.Buffer for JSON bodies (writeJSON)
	uploads Uploads    // the ingest workflow
}

// New builds the server and its routes.
func New(cfg Config) (*Server, error) {
	if cfg.Knowledge == nil || cfg.Records == nil || cfg.Communes == nil {
		return nil, fmt.Errorf("web: no knowledge base, records or communes")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	gin.SetMode(gin.ReleaseMode)
	s := &Server{cfg: cfg, log: cfg.Logger, router: gin.New(), uploads: cfg.Uploads}
	if s.uploads == nil {
		s.uploads = ingest.New(cfg.Knowledge, upload.Limits{MaxBytes: maxUpload}, cfg.Logger)
	}
	if err := s.router.SetTrustedProxies(cfg.TrustedProxies); err != nil {
		return nil, fmt.Errorf("web: trusted proxies: %w", err)
	}
	site, err := newSite(cfg)
	if err != nil {
		return nil, err
	}
	s.site = site
	if s.admin, err = newAdminSite(cfg); err != nil {
		return nil, err
	}
	if s.ops, err = newOps(cfg); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

// ServeHTTP makes the server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.router.ServeHTTP(w, r) }
