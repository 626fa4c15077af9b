package knowledge

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"sort"
	"strings"
	"time"
)

//go:embed starter/articles/*.md
var starterFS embed.FS

// SourceStarter marks the documents of the embedded starter corpus.
const SourceStarter = "starter"

// starterDate is when the starter articles were last revised; shown as
// their "last updated".
var starterDate = time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)

// StarterDocuments returns the embedded starter articles: plain-words
// explanations of the two-level local government, the public
// administration service centre, online submission and following up a
// file. They are this project's own words and answer general questions
// only: fees, times, places and papers come from the official records.
func StarterDocuments() ([]Document, error) {
	var docs []Document
	arts, err := fs.Glob(starterFS, "starter/articles/*.md")
	if err != nil {
		return nil, fmt.Errorf("knowledge: starter: %w", err)
	}
	for _, name := range arts {
		raw, err := starterFS.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("knowledge: starter %s: %w", name, err)
		}
		title, body := MarkdownTitle(string(raw))
		slug := strings.TrimSuffix(path.Base(name), ".md")
		docs = append(docs, Document{
			ID: "starter-" + slug, Kind: KindArticle, Title: title, Source: SourceStarter,
			Body: body, Updated: starterDate,
		})
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	return docs, nil
}

// MarkdownTitle takes the first "# " heading of a Markdown text as its
// title and returns the rest as the body.
func MarkdownTitle(md string) (title, body string) {
	// One cut around the title line, not a slice of every line: an
	// upload may hold hundreds of thousands of them.
	md = strings.ReplaceAll(md, "\r\n", "\n")
	for off := 0; off < len(md); {
		line, next := md[off:], len(md)
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line, next = line[:i], off+i+1
		}
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "# ") {
			return strings.TrimSpace(strings.TrimPrefix(t, "# ")), strings.TrimSpace(md[:off] + md[next:])
		}
		off = next
	}
	return "", strings.TrimSpace(md)
}

// starterVersion is a hash of the embedded corpus, so that a binary with
// new starter content updates a store seeded by an older one.
func starterVersion() (string, error) {
	h := sha256.New()
	err := fs.WalkDir(starterFS, "starter", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := starterFS.ReadFile(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(raw))
		h.Write(raw)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("knowledge: starter version: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// SeedStarter writes the starter articles into the store unless this
// version of them is there already, and removes starter documents that
// this version no longer has. It reports whether it wrote anything.
func (b *Base) SeedStarter(ctx context.Context) (bool, error) {
	version, err := starterVersion()
	if err != nil {
		return false, err
	}
	have, err := b.store.Meta(ctx, "starter_version")
	if err != nil || have == version {
		return false, err
	}
	docs, err := StarterDocuments()
	if err != nil {
		return false, err
	}
	if err := b.Ingest(ctx, docs...); err != nil {
		return false, err
	}
	// Starter documents an older binary wrote and this one no longer has
	// (the procedures it once wrote itself) go: they would compete with
	// the official records.
	stored, err := b.store.Documents(ctx, ListOptions{Source: SourceStarter})
	if err != nil {
		return false, err
	}
	keep := make(map[string]bool, len(docs))
	for _, d := range docs {
		keep[d.ID] = true
	}
	for _, d := range stored {
		if !keep[d.ID] {
			if err := b.Delete(ctx, d.ID); err != nil {
				return false, err
			}
		}
	}
	b.log.Info("starter corpus loaded", slog.Int("documents", len(docs)), slog.String("version", version))
	return true, b.store.SetMeta(ctx, "starter_version", version)
}
