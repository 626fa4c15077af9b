package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/ingest"
	"github.com/hoidap/hoidap/knowledge/upload"
)

// ingestLimits bound the operator's own files, read whole: larger than an
// administrator's upload, so that the national portal's full export (a
// few thousand records) goes in as one file.
var ingestLimits = upload.Limits{MaxBytes: 200 << 20, MaxUnzipped: 500 << 20, MaxText: 200 << 20}

func cmdIngest(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	f := newFlagSet("ingest", getenv, stderr)
	var data, commune string
	f.dataFlag(&data)
	f.StringVar(&commune, "commune", "", "commune slug the documents belong to; empty for province-wide")
	if err := f.parse(args); err != nil {
		return err
	}
	if f.NArg() == 0 {
		return fmt.Errorf("%w: name at least one file", errUsage)
	}
	// Every file is checked before the data directory is opened (or made).
	if err := checkInputs(f.Args()); err != nil {
		return err
	}
	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: data, Logger: newLogger(stderr, parseLevel("warn"))})
	if errors.Is(err, knowledge.ErrBusy) {
		return busyData(data, getenv("HOIDAP_BASE_URL"))
	}
	if err != nil {
		return err
	}
	defer kb.Close()
	flow := ingest.New(kb, ingestLimits, newLogger(stderr, parseLevel("warn")))
	for _, name := range f.Args() {
		start := time.Now()
		n, err := ingestFile(ctx, flow, name, commune)
		if err != nil {
			return fmt.Errorf("%s: %s: %w", name, upload.Message(err), err)
		}
		fmt.Fprintf(stdout, "%s: %d documents in %s\n", name, n, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// checkInputs reports, all at once, the files that are missing, are not
// regular files or cannot be read.
func checkInputs(names []string) error {
	var errs []error
	for _, name := range names {
		fi, err := os.Stat(name)
		switch {
		case errors.Is(err, os.ErrNotExist):
			errs = append(errs, fmt.Errorf("%s: no such file", name))
			continue
		case err != nil:
			errs = append(errs, err)
			continue
		case !fi.Mode().IsRegular():
			errs = append(errs, fmt.Errorf("%s: not a regular file", name))
			continue
		}
		file, err := os.Open(name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		file.Close()
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w (nothing was ingested)", errors.Join(errs...))
	}
	return nil
}

// busyData is the error of a command that found the data directory held
// by a running service: it names the way to add documents meanwhile.
func busyData(data, baseURL string) error {
	if baseURL == "" {
		baseURL = "http://localhost:8080"
	}
	return fmt.Errorf("%s is in use by a running \"hoidap serve\" (its search index is locked). "+
		"Upload through the running service instead: POST /api/v1/admin/documents with an admin token, e.g. "+
		"curl -H \"Authorization: Bearer $HOIDAP_ADMIN_TOKEN\" -F file=@FILE %s/api/v1/admin/documents "+
		"(portal JSON/JSONL, PDF, DOCX, HTML, Markdown, text), or the admin page /admin/documents; or stop the service and run this again: %w",
		data, strings.TrimRight(baseURL, "/"), knowledge.ErrBusy)
}

// ingestFile runs the ingest workflow on one file, whatever its kind by
// content: the national portal's JSON or JSON Lines (gzip'd or not), PDF,
// DOCX, HTML, Markdown or text. Its documents all land, or none does.
func ingestFile(ctx context.Context, flow *ingest.Workflow, name, commune string) (int, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return 0, err
	}
	docs, err := flow.Upload(ctx, upload.File{Name: filepath.Base(name), Data: data}, commune, nil)
	return len(docs), err
}

func cmdReindex(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	f := newFlagSet("reindex", getenv, stderr)
	var data string
	f.dataFlag(&data)
	if err := f.parse(args); err != nil {
		return err
	}
	start := time.Now()
	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: data, Logger: newLogger(stderr, parseLevel("warn"))})
	if errors.Is(err, knowledge.ErrBusy) {
		return fmt.Errorf("%s is in use by a running \"hoidap serve\": stop it first (a stale index is rebuilt at its start anyway): %w", data, err)
	}
	if err != nil {
		return err
	}
	defer kb.Close()
	if err := kb.Reindex(ctx); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "reindexed %d documents in %s\n", kb.Indexed(), time.Since(start).Round(time.Millisecond))
	return nil
}
