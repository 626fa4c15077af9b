package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/hoidap/hoidap/chatbot"
	"github.com/hoidap/hoidap/internal/places"
	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge/eval"
)

// evalAnswers grades the extractive answers residents would get to a
// graded question set: the right official procedure first, its facts
// stated, no wrong claim, and no procedure where none applies.
func evalAnswers(ctx context.Context, file, data, corpus, commune string, asJSON, misses, show bool, stdout, stderr io.Writer) error {
	qf, err := os.Open(file)
	if err != nil {
		return err
	}
	qs, err := eval.ReadGraded(qf)
	qf.Close()
	if err != nil {
		return err
	}
	kb, err := evalBase(ctx, data, corpus, stderr)
	if err != nil {
		return err
	}
	defer kb.Close()
	dir, err := places.Load()
	if err != nil {
		return err
	}
	rs, err := records.Open(ctx, kb.DB())
	if err != nil {
		return err
	}
	defer rs.Close()
	communes, err := records.NewCommunes(ctx, rs, dir)
	if err != nil {
		return err
	}
	bot, err := chatbot.New(chatbot.Config{Knowledge: kb, Places: dir, CommuneContact: chatbot.OfficeContacts(communes)})
	if err != nil {
		return err
	}
	ask := func(ctx context.Context, q string) (eval.Answer, error) {
		r, err := bot.Reply(ctx, chatbot.Question{Text: q, Commune: commune})
		if err != nil {
			return eval.Answer{}, err
		}
		a := eval.Answer{Text: r.Answer, Grounded: r.Grounded}
		for i, s := range r.Sources {
			if i == 0 {
				a.Code = s.Code
			}
			a.Sources = append(a.Sources, s.Title)
		}
		return a, nil
	}
	rep, err := eval.RunGraded(ctx, ask, qs)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	fmt.Fprintf(stdout, "%s: %d questions (%d with an official procedure, %d without), %d documents, commune %s\n\n",
		file, len(qs), rep.InScope, rep.NoProc, kb.Indexed(), commune)
	eval.WriteGraded(stdout, rep)
	for _, r := range rep.Results {
		if show || misses && !r.Correct {
			verdict := "right"
			if !r.Correct {
				verdict = "WRONG"
			}
			fmt.Fprintf(stdout, "\n### %s [%s] %s\nexpect %v, got %q grounded=%v\n", verdict, r.Kind, r.Q, r.Expect, r.Got, r.Grounded)
			for _, m := range r.Missing {
				fmt.Fprintf(stdout, "missing %s\n", m)
			}
			for _, m := range r.Wrong {
				fmt.Fprintf(stdout, "wrong claim %s\n", m)
			}
			fmt.Fprintf(stdout, "sources: %s\n%s\n", strings.Join(r.Sources, " | "), r.Answer)
		}
	}
	return nil
}
