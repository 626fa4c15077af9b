// Package eval measures retrieval on questions as residents ask them:
// hit@1, hit@3 and MRR@10 of this project's search, and of a plain bleve
// index with the standard analyzer on the same corpus as the baseline.
package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// Question is one line of a question set. An empty Expect marks a question
// out of scope, which hits when the answer is not grounded.
type Question struct {
	Q      string `json:"q"`
	Expect string `json:"expect"`
	Kind   string `json:"kind,omitempty"`
	re     *regexp.Regexp
}

// ReadQuestions reads a JSON Lines question set.
func ReadQuestions(r io.Reader) ([]Question, error) {
	var qs []Question
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		var q Question
		if err := json.Unmarshal([]byte(text), &q); err != nil {
			return nil, fmt.Errorf("eval: line %d: %w", line, err)
		}
		if q.Q == "" {
			return nil, fmt.Errorf("eval: line %d: no question", line)
		}
		if q.Expect != "" {
			re, err := regexp.Compile(q.Expect)
			if err != nil {
				return nil, fmt.Errorf("eval: line %d: expect: %w", line, err)
			}
			q.re = re
		}
		if q.Kind == "" {
			q.Kind = "other"
			if q.Expect == "" {
				q.Kind = "outofscope"
			}
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	return qs, nil
}

// System is a retrieval system under evaluation.
type System struct {
	Name string
	// Titles returns the titles of the documents found for q, best first.
	Titles func(ctx context.Context, q string) ([]string, error)
	// Grounded decides whether the system would answer q from its sources.
	Grounded func(ctx context.Context, q string) (bool, error)
}

// Metrics are averages over a group of questions.
type Metrics struct {
	N     int     `json:"n"`
	Hit1  float64 `json:"hit1"`
	Hit3  float64 `json:"hit3"`
	MRR10 float64 `json:"mrr10"`
}

// Report is one system's figures, overall and by kind, plus the misses.
type Report struct {
	System  string             `json:"system"`
	Overall Metrics            `json:"overall"`
	ByKind  map[string]Metrics `json:"by_kind"`
	Misses  []Miss             `json:"misses,omitempty"`
}

// Miss is a question not hit in the top 3, with what came instead.
type Miss struct {
	Q      string   `json:"q"`
	Expect string   `json:"expect"`
	Got    []string `json:"got"`
}

// Run evaluates sys on qs.
func Run(ctx context.Context, sys System, qs []Question) (Report, error) {
	rep := Report{System: sys.Name, ByKind: map[string]Metrics{}}
	sums := map[string]*Metrics{}
	add := func(kind string, h1, h3, rr float64) {
		for _, k := range []string{kind, ""} {
			m := sums[k]
			if m == nil {
				m = &Metrics{}
				sums[k] = m
			}
			m.N++
			m.Hit1 += h1
			m.Hit3 += h3
			m.MRR10 += rr
		}
	}
	for _, q := range qs {
		if q.re == nil {
			grounded, err := sys.Grounded(ctx, q.Q)
			if err != nil {
				return rep, fmt.Errorf("eval: %q: %w", q.Q, err)
			}
			if grounded {
				add(q.Kind, 0, 0, 0)
				rep.Misses = append(rep.Misses, Miss{Q: q.Q, Expect: "(out of scope, but answered)"})
			} else {
				add(q.Kind, 1, 1, 1)
			}
			continue
		}
		titles, err := sys.Titles(ctx, q.Q)
		if err != nil {
			return rep, fmt.Errorf("eval: %q: %w", q.Q, err)
		}
		rank := 0
		for i, t := range titles {
			if i == 10 {
				break
			}
			if q.re.MatchString(vietnamese.Fold(t)) {
				rank = i + 1
				break
			}
		}
		var h1, h3, rr float64
		if rank == 1 {
			h1 = 1
		}
		if rank >= 1 && rank <= 3 {
			h3 = 1
		}
		if rank > 0 {
			rr = 1 / float64(rank)
		}
		if h3 == 0 {
			got := titles
			if len(got) > 3 {
				got = got[:3]
			}
			rep.Misses = append(rep.Misses, Miss{Q: q.Q, Expect: q.Expect, Got: got})
		}
		add(q.Kind, h1, h3, rr)
	}
	for k, m := range sums {
		n := float64(m.N)
		avg := Metrics{N: m.N, Hit1: m.Hit1 / n, Hit3: m.Hit3 / n, MRR10: m.MRR10 / n}
		if k == "" {
			rep.Overall = avg
		} else {
			rep.ByKind[k] = avg
		}
	}
	return rep, nil
}

// WriteTable prints reports side by side, a row per kind and one overall.
func WriteTable(w io.Writer, reps ...Report) {
	kinds := map[string]bool{}
	for _, r := range reps {
		for k := range r.ByKind {
			kinds[k] = true
		}
	}
	var names []string
	for k := range kinds {
		names = append(names, k)
	}
	sort.Strings(names)
	fmt.Fprintf(w, "| kind | n |")
	for _, r := range reps {
		fmt.Fprintf(w, " %s hit@1 | hit@3 | MRR@10 |", r.System)
	}
	fmt.Fprintf(w, "\n|---|---|")
	for range reps {
		fmt.Fprintf(w, "---|---|---|")
	}
	fmt.Fprintln(w)
	row := func(name string, get func(Report) Metrics) {
		fmt.Fprintf(w, "| %s | %d |", name, get(reps[0]).N)
		for _, r := range reps {
			m := get(r)
			fmt.Fprintf(w, " %.3f | %.3f | %.3f |", m.Hit1, m.Hit3, m.MRR10)
		}
		fmt.Fprintln(w)
	}
	for _, k := range names {
		row(k, func(r Report) Metrics { return r.ByKind[k] })
	}
	row("**all**", func(r Report) Metrics { return r.Overall })
}
