package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"golang.org/x/term"
)

const usage = `hoidap answers residents' questions about administrative procedures.

Usage:
  hoidap [serve] [flags]          run the service (default)
  hoidap ingest [flags] FILE...   add documents (portal JSON/JSONL(.gz), Markdown, text)
  hoidap eval [flags] QUESTIONS.jsonl
                                  measure retrieval against a plain bleve baseline
  hoidap reindex [flags]          rebuild the search index from the store
  hoidap backup --out FILE [flags]
                                  copy the store while the service runs
  hoidap migrate --from-sqlite FILE --to postgres://…
                                  copy a SQLite store (hoidap.db in --data) into
                                  PostgreSQL; idempotent, counts printed and checked
  hoidap healthcheck [--url URL]  exit 0 when the service answers /healthz
  hoidap qr COMMUNE [--poster P] [--out FILE] [--base-url URL]
                                  write the PNG QR code of a commune's chat page
  hoidap admin reset-password USER [--data DIR] [--database-url URL]
                                  print a one-time password for USER, revoke their
                                  sessions and API tokens (works while serving)

Run "hoidap COMMAND -h" for a command's flags. Every flag also reads an
environment variable, named in its help.
`

// run is main without the process: it returns the exit code, so tests can
// call it.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	cmd := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "serve":
		err = cmdServe(ctx, args, getenv, stdout, stderr)
	case "ingest":
		err = cmdIngest(ctx, args, getenv, stdout, stderr)
	case "eval":
		err = cmdEval(ctx, args, getenv, stdout, stderr)
	case "reindex":
		err = cmdReindex(ctx, args, getenv, stdout, stderr)
	case "qr":
		err = cmdQR(ctx, args, getenv, stdout, stderr)
	case "backup":
		err = cmdBackup(ctx, args, getenv, stdout, stderr)
	case "admin":
		err = cmdAdmin(ctx, args, getenv, stdout, stderr)
	case "migrate":
		err = cmdMigrate(ctx, args, getenv, stdout, stderr)
	case "healthcheck":
		err = cmdHealthcheck(ctx, args, getenv, stdout, stderr)
	case "pdfium-cache": // hidden: the child that compiles the PDF engine
		err = cmdPDFiumCache(ctx, args, getenv, stdout, stderr)
	case "pdf-text": // hidden: the child that reads a PDF's text
		err = cmdPDFText(ctx, args, getenv, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "hoidap: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "hoidap %s: %v\n", cmd, err)
		return 2
	default:
		fmt.Fprintf(stderr, "hoidap %s: %v\n", cmd, err)
		return 1
	}
}

var errUsage = errors.New("usage")

// newLogger logs as text to a terminal and as JSON otherwise (containers).
func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	opts := &slog.HandlerOptions{Level: level}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}
