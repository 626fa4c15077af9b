package portal

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/hoidap/hoidap/knowledge"
)

// The national portal's records as crawled in June and July 2026 by the
// public repository chatbot-tthc/chatbot_tthc, and the names residents
// use for some of them (guides.jsonl, this project's own words).
//
//go:embed embedded/dvc-procedures.jsonl.gz embedded/guides.jsonl
var embedded embed.FS

const (
	snapshotFile = "embedded/dvc-procedures.jsonl.gz"
	guidesFile   = "embedded/guides.jsonl"
)

// Snapshot is the date the embedded records stand for: the end of the
// crawl (June–July 2026). Imported documents carry it as their Updated
// time; SnapshotLabel is how answers name it.
var Snapshot = time.Date(2026, 7, 31, 0, 0, 0, 0, time.UTC)

// SnapshotLabel names the embedded records' date in answers: the crawl
// took two months and no record says its own day.
const SnapshotLabel = "dữ liệu tháng 6–7/2026"

// Guide is what residents call a procedure and, where it helps, a short
// explanation in plain words. It never holds a fee, a time, a place or a
// paper: those come from the record.
type Guide struct {
	Code    string   `json:"code"`
	Names   []string `json:"names"`
	Explain string   `json:"explain,omitempty"`
	// OnAnyPaper: the procedure is done on any paper the resident names
	// (knowledge.Procedure.OnAnyPaper).
	OnAnyPaper bool `json:"on_any_paper,omitempty"`
}

// guides are read once from the embedded file; a malformed file fails
// the first import loudly rather than dropping names quietly.
var guides = sync.OnceValues(func() (map[string]Guide, error) {
	raw, err := embedded.ReadFile(guidesFile)
	if err != nil {
		return nil, fmt.Errorf("portal: guides: %w", err)
	}
	return parseGuides(raw)
})

func parseGuides(raw []byte) (map[string]Guide, error) {
	out := make(map[string]Guide)
	sc := bufio.NewScanner(bytes.NewReader(raw))
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		var g Guide
		if err := json.Unmarshal([]byte(text), &g); err != nil {
			return nil, fmt.Errorf("portal: guides line %d: %w", line, err)
		}
		if g.Code == "" || len(g.Names) == 0 {
			return nil, fmt.Errorf("portal: guides line %d: no code or names", line)
		}
		if _, dup := out[g.Code]; dup {
			return nil, fmt.Errorf("portal: guides line %d: %s twice", line, g.Code)
		}
		out[g.Code] = g
	}
	return out, sc.Err()
}

// GuideFor returns the residents' names and explanation for a procedure
// code, if this project has written them.
func GuideFor(code string) (Guide, bool) {
	gs, err := guides()
	if err != nil {
		return Guide{}, false
	}
	g, ok := gs[code]
	return g, ok
}

// reading names how this binary reads a record into a procedure (the
// parsers and Record.Procedure). Change it with them: a store seeded by a
// binary that read the same records differently is then seeded again.
const reading = "2026-12-05e: a cell listing papers as bullets is split; catalogue titles named by their result; steps the export cut at \"thành phần hồ sơ\" are read whole; fee cells that lost their thousands"

// embeddedVersion is a hash of the embedded records, guides and reading,
// so that a binary with a newer snapshot, new names or a mended reading
// updates a store seeded by an older one.
func embeddedVersion() (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", reading)
	for _, name := range []string{snapshotFile, guidesFile} {
		raw, err := embedded.ReadFile(name)
		if err != nil {
			return "", fmt.Errorf("portal: embedded: %w", err)
		}
		fmt.Fprintf(h, "%s\x00%d\x00", name, len(raw))
		h.Write(raw)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// EmbeddedDocuments returns the embedded records as province-wide
// documents stamped with the snapshot date; with codes, only those.
func EmbeddedDocuments(codes ...string) ([]knowledge.Document, error) {
	raw, err := embedded.ReadFile(snapshotFile)
	if err != nil {
		return nil, fmt.Errorf("portal: embedded: %w", err)
	}
	var docs []knowledge.Document
	err = Read(bytes.NewReader(raw), func(r Record) error {
		if len(codes) > 0 && !slices.Contains(codes, cleanText(r.Code)) {
			return nil
		}
		d := r.Document()
		d.Updated = Snapshot
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

// seedKey is the store's meta key for the embedded version it holds.
const seedKey = "portal_snapshot_version"

// seedBatch is how many documents go into one store transaction and one
// index batch while seeding.
const seedBatch = 250

// Seed writes the embedded national records into kb unless this version
// of them is there already, and reports whether it wrote. A record that an
// administrator imported later than the snapshot (a newer export) is kept
// as it is. With codes, only those records are written and the version is
// not remembered: tests use a few real records.
func Seed(ctx context.Context, kb *knowledge.Base, log *slog.Logger, codes ...string) (bool, error) {
	version, err := embeddedVersion()
	if err != nil {
		return false, err
	}
	if len(codes) == 0 {
		have, err := kb.Meta(ctx, seedKey)
		if err != nil || have == version {
			return false, err
		}
	}
	docs, err := EmbeddedDocuments(codes...)
	if err != nil {
		return false, err
	}
	if log != nil && len(codes) == 0 {
		log.Info("importing the national portal's records (once, about half a minute)", slog.Int("records", len(docs)), slog.String("snapshot", SnapshotLabel))
	}
	start := time.Now()
	fresh := docs[:0]
	for _, d := range docs {
		old, err := kb.Document(ctx, d.ID)
		if err == nil && old.Updated.After(Snapshot) {
			continue // a newer export imported by an administrator
		}
		fresh = append(fresh, d)
	}
	for i := 0; i < len(fresh); i += seedBatch {
		if err := kb.Ingest(ctx, fresh[i:min(i+seedBatch, len(fresh))]...); err != nil {
			return false, fmt.Errorf("portal: seed: %w", err)
		}
	}
	if log != nil && len(codes) == 0 {
		log.Info("national portal's records imported", slog.Int("records", len(fresh)), slog.Duration("took", time.Since(start).Round(time.Millisecond)))
	}
	if len(codes) > 0 {
		return len(fresh) > 0, nil
	}
	return true, kb.SetMeta(ctx, seedKey, version)
}

// GuidedCodes returns the codes of the records residents have names for,
// sorted: the procedures a commune's residents ask about most, a small
// real corpus for tests.
func GuidedCodes() []string {
	gs, err := guides()
	if err != nil {
		return nil
	}
	codes := make([]string, 0, len(gs))
	for c := range gs {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	return codes
}
