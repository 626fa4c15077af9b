package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hoidap/hoidap/chatbot"
	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/eval"
	"github.com/hoidap/hoidap/knowledge/ingest"
)

func cmdEval(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	f := newFlagSet("eval", getenv, stderr)
	var data, corpus string
	var asJSON, misses, answers, show bool
	var commune string
	f.dataFlag(&data)
	f.BoolVar(&answers, "answers", false, "grade answers instead of titles: QUESTIONS.jsonl holds expect_codes, facts and must_not (see DESIGN)")
	f.BoolVar(&show, "show", false, "with --answers, print every question with its answer and grade")
	f.StringVar(&commune, "commune", "demo", "with --answers, the commune page the questions are asked on")
	f.StringVar(&corpus, "corpus", "", `evaluate on a fresh in-memory corpus instead of --data: "default" (the embedded national records and the starter articles), or a portal JSON/JSONL(.gz) file`)
	f.BoolVar(&asJSON, "json", false, "print the reports as JSON")
	f.BoolVar(&misses, "misses", false, "list the questions missed in the top 3")
	files, err := parseInterspersed(f, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return fmt.Errorf("%w: name one QUESTIONS.jsonl file", errUsage)
	}
	if answers {
		return evalAnswers(ctx, files[0], data, corpus, commune, asJSON, misses, show, stdout, stderr)
	}
	qf, err := os.Open(files[0])
	if err != nil {
		return err
	}
	qs, err := eval.ReadQuestions(qf)
	qf.Close()
	if err != nil {
		return err
	}
	kb, err := evalBase(ctx, data, corpus, stderr)
	if err != nil {
		return err
	}
	defer kb.Close()

	var docs []knowledge.Document
	if err := kb.EachDocument(ctx, func(d knowledge.Document) error {
		docs = append(docs, d)
		return nil
	}); err != nil {
		return err
	}
	base, err := eval.NewBaseline(docs)
	if err != nil {
		return err
	}
	defer base.Close()

	// inScope counts in-scope questions and those the chatbot would answer
	// as grounded: the other half of the grounding calibration.
	var inScope, inGrounded int
	ours := eval.System{
		Name: "hoidap",
		Titles: func(ctx context.Context, q string) ([]string, error) {
			hits, err := kb.Search(ctx, knowledge.Query{Text: q, Limit: 10})
			inScope++
			if chatbot.Grounded(q, hits) {
				inGrounded++
			}
			titles := make([]string, len(hits))
			for i, h := range hits {
				titles[i] = h.Title
			}
			return titles, err
		},
		Grounded: func(ctx context.Context, q string) (bool, error) {
			hits, err := kb.Search(ctx, knowledge.Query{Text: q, Limit: 3})
			return chatbot.Grounded(q, hits), err
		},
	}
	plain := eval.System{Name: "bleve-standard", Titles: base.Titles, Grounded: base.Grounded}
	a, err := eval.Run(ctx, ours, qs)
	if err != nil {
		return err
	}
	b, err := eval.Run(ctx, plain, qs)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode([]eval.Report{a, b})
	}
	fmt.Fprintf(stdout, "%s: %d questions, %d documents\n\n", files[0], len(qs), len(docs))
	eval.WriteTable(stdout, a, b)
	if inScope > 0 {
		fmt.Fprintf(stdout, "\nhoidap grounded: in-scope %d/%d (%.1f%%), out-of-scope not grounded %.1f%%\n",
			inGrounded, inScope, 100*float64(inGrounded)/float64(inScope), 100*a.ByKind["outofscope"].Hit1)
	}
	if misses {
		fmt.Fprintf(stdout, "\nhoidap misses (%d):\n", len(a.Misses))
		for _, m := range a.Misses {
			fmt.Fprintf(stdout, "- %s\n    expect %s\n    got    %s\n", m.Q, m.Expect, strings.Join(m.Got, " | "))
		}
	}
	return nil
}

// evalBase opens the knowledge base to evaluate: a fresh in-memory one
// holding the named corpus, or the store in data.
func evalBase(ctx context.Context, data, corpus string, stderr io.Writer) (*knowledge.Base, error) {
	if corpus == "" {
		kb, err := knowledge.Open(ctx, knowledge.Config{Dir: data, Logger: newLogger(stderr, parseLevel("warn"))})
		if err != nil {
			return nil, err
		}
		if kb.Indexed() == 0 {
			if err := seedDefaults(ctx, kb, nil, true); err != nil {
				kb.Close()
				return nil, err
			}
		}
		return kb, nil
	}
	kb, err := knowledge.Open(ctx, knowledge.Config{})
	if err != nil {
		return nil, err
	}
	if corpus == "default" {
		err = seedDefaults(ctx, kb, nil, true)
	} else {
		_, err = ingestFile(ctx, ingest.New(kb, ingestLimits, nil), corpus, "")
	}
	if err != nil {
		kb.Close()
		return nil, err
	}
	return kb, nil
}

// parseInterspersed parses flags that may stand before or after the
// positional arguments, and returns those arguments.
func parseInterspersed(f *flagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := f.parse(args); err != nil {
			return nil, err
		}
		rest := f.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
