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
	"github.com/hoidap/hoidap/knowledge/portal"
)

// ingestBatch is how many documents go into one store transaction and one
// index batch.
const ingestBatch = 250

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
	for _, name := range f.Args() {
		start := time.Now()
		n, err := ingestFile(ctx, kb, name, commune)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: %d documents in %s\n", name, n, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// checkInputs reports, all at once, the files that are missing, are not
// regular files, cannot be read, or are of a kind ingest does not read.
func checkInputs(names []string) error {
	var errs []error
	for _, name := range names {
		if !ingestible(name) {
			errs = append(errs, fmt.Errorf("%s: %w: want .json, .jsonl, .jsonl.gz, .md or .txt", name, knowledge.ErrInvalid))
			continue
		}
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

// ingestible reports whether ingest reads files named so.
func ingestible(name string) bool {
	lower := strings.ToLower(name)
	for _, ext := range []string{".json", ".jsonl", ".gz", ".md", ".txt"} {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
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

// ingestFile adds the documents in one file: the national portal's JSON,
// JSON Lines (gzip'd or not), or a Markdown or text article.
func ingestFile(ctx context.Context, kb *knowledge.Base, name, commune string) (int, error) {
	file, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	defer file.Close()
	lower := strings.ToLower(name)
	switch {
	case strings.HasSuffix(lower, ".json"), strings.HasSuffix(lower, ".jsonl"), strings.HasSuffix(lower, ".gz"):
		return ingestPortal(ctx, kb, file, commune)
	case strings.HasSuffix(lower, ".md"), strings.HasSuffix(lower, ".txt"):
		raw, err := io.ReadAll(io.LimitReader(file, 20<<20))
		if err != nil {
			return 0, err
		}
		title, body := knowledge.MarkdownTitle(string(raw))
		base := filepath.Base(name)
		if title == "" {
			title = strings.TrimSuffix(base, filepath.Ext(base))
		}
		doc := knowledge.Document{ID: "file-" + slugify(base), Kind: knowledge.KindArticle, Title: title,
			Body: body, Commune: commune, Source: base}
		return 1, kb.Ingest(ctx, doc)
	}
	return 0, fmt.Errorf("%s: %w: want .json, .jsonl, .jsonl.gz, .md or .txt", name, knowledge.ErrInvalid)
}

func ingestPortal(ctx context.Context, kb *knowledge.Base, r io.Reader, commune string) (int, error) {
	var batch []knowledge.Document
	n := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := kb.Ingest(ctx, batch...); err != nil {
			return err
		}
		n += len(batch)
		batch = batch[:0]
		return nil
	}
	err := portal.Read(r, func(rec portal.Record) error {
		d := rec.Document()
		d.Commune = commune
		batch = append(batch, d)
		if len(batch) == ingestBatch {
			return flush()
		}
		return nil
	})
	if err != nil {
		return n, err
	}
	return n, flush()
}

// slugify keeps letters and digits of an ASCII-folded name, joined by "-".
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
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
