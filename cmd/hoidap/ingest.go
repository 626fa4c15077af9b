package main

import (
	"context"
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
	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: data, Logger: newLogger(stderr, parseLevel("warn"))})
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
