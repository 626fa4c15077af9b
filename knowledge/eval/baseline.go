package eval

import (
	"context"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"

	"github.com/hoidap/hoidap/knowledge"
)

// Baseline is a plain bleve index with the standard analyzer over the same
// passages: what one gets from bleve without Vietnamese analysis.
type Baseline struct {
	idx    bleve.Index
	titles map[string]string
}

type baselineDoc struct {
	Title   string `json:"title"`
	Heading string `json:"heading"`
	Body    string `json:"body"`
}

// NewBaseline indexes docs (with passages) in memory.
func NewBaseline(docs []knowledge.Document) (*Baseline, error) {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = "standard"
	idx, err := bleve.NewMemOnly(m)
	if err != nil {
		return nil, fmt.Errorf("eval: baseline: %w", err)
	}
	b := &Baseline{idx: idx, titles: make(map[string]string)}
	batch := idx.NewBatch()
	for _, d := range docs {
		b.titles[d.ID] = d.Title
		for _, p := range d.Passages {
			if err := batch.Index(p.ID, baselineDoc{Title: d.Title, Heading: p.Heading, Body: p.Text}); err != nil {
				return nil, fmt.Errorf("eval: baseline: %w", err)
			}
		}
		if batch.Size() > 2000 {
			if err := idx.Batch(batch); err != nil {
				return nil, fmt.Errorf("eval: baseline: %w", err)
			}
			batch = idx.NewBatch()
		}
	}
	if err := idx.Batch(batch); err != nil {
		return nil, fmt.Errorf("eval: baseline: %w", err)
	}
	return b, nil
}

// Titles returns the titles of the documents found for q, one per
// document, best first.
func (b *Baseline) Titles(ctx context.Context, q string) ([]string, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewMatchQuery(q), 100, 0, false)
	res, err := b.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []string
	for _, h := range res.Hits {
		id := h.ID[:strings.LastIndexByte(h.ID, '#')]
		if seen[id] {
			continue
		}
		seen[id] = true
		out = append(out, b.titles[id])
	}
	return out, nil
}

// Grounded is true when the baseline finds anything: it has no notion of
// relevance beyond that.
func (b *Baseline) Grounded(ctx context.Context, q string) (bool, error) {
	t, err := b.Titles(ctx, q)
	return len(t) > 0, err
}

// Close releases the index.
func (b *Baseline) Close() error { return b.idx.Close() }
