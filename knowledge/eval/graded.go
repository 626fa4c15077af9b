package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// Graded is one line of a graded question set: what a correct answer to
// the question must do, taken from the official record of its procedure.
// An empty ExpectCodes marks a question that no official procedure
// answers: the answer must then not be grounded.
type Graded struct {
	Q           string   `json:"q"`
	ExpectCodes []string `json:"expect_codes"`
	Facts       []Fact   `json:"facts"`
	MustNot     []string `json:"must_not"`
	Kind        string   `json:"kind,omitempty"`
	Topic       string   `json:"topic,omitempty"`

	facts   []*regexp.Regexp
	mustNot []*regexp.Regexp
}

// Fact is something a correct answer states: what it is ("fee", "time",
// "place", "papers", …) and a regular expression for it.
type Fact struct {
	What string `json:"what"`
	Re   string `json:"re"`
}

// ReadGraded reads a JSON Lines graded question set, compiling every
// expression case-insensitively.
func ReadGraded(r io.Reader) ([]Graded, error) {
	var qs []Graded
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		var q Graded
		if err := json.Unmarshal([]byte(text), &q); err != nil {
			return nil, fmt.Errorf("eval: line %d: %w", line, err)
		}
		if strings.TrimSpace(q.Q) == "" {
			return nil, fmt.Errorf("eval: line %d: no question", line)
		}
		for _, f := range q.Facts {
			re, err := regexp.Compile("(?i)" + f.Re)
			if err != nil {
				return nil, fmt.Errorf("eval: line %d: fact %s: %w", line, f.What, err)
			}
			q.facts = append(q.facts, re)
		}
		for _, m := range q.MustNot {
			re, err := regexp.Compile("(?i)" + m)
			if err != nil {
				return nil, fmt.Errorf("eval: line %d: must_not: %w", line, err)
			}
			q.mustNot = append(q.mustNot, re)
		}
		if q.Kind == "" {
			q.Kind = "other"
			if len(q.ExpectCodes) == 0 {
				q.Kind = "noproc"
			}
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	return qs, nil
}

// Answer is what a system said to a graded question.
type Answer struct {
	Text     string
	Grounded bool
	// Code is the official procedure code of the first source, "" when the
	// first source is not an official record or there is none.
	Code string
	// Sources are the titles of the sources, for reports.
	Sources []string
}

// Answerer answers a question as a resident would get it.
type Answerer func(ctx context.Context, q string) (Answer, error)

// GradedResult is one question's grade.
type GradedResult struct {
	Q         string   `json:"q"`
	Kind      string   `json:"kind"`
	Expect    []string `json:"expect_codes"`
	Got       string   `json:"got_code"`
	Grounded  bool     `json:"grounded"`
	Procedure bool     `json:"procedure"` // right procedure first, or declined when none exists
	Correct   bool     `json:"correct"`   // and every fact stated, no wrong claim
	Missing   []string `json:"missing,omitempty"`
	Wrong     []string `json:"wrong,omitempty"`
	Answer    string   `json:"answer"`
	Sources   []string `json:"sources,omitempty"`
}

// GradedReport sums a graded run.
type GradedReport struct {
	// InScope and NoProc count questions with and without an official
	// procedure.
	InScope, NoProc int
	// ProcedureFirst is the share of in-scope questions whose first source
	// is an expected official record.
	ProcedureFirst float64
	// Correct is the share of in-scope questions answered with the right
	// procedure and every fact, and no wrong claim.
	Correct float64
	// Declined is the share of no-procedure questions not answered as
	// grounded (and making no wrong claim).
	Declined float64
	// CorrectAll is the share of all questions answered right, either way.
	CorrectAll float64
	// MedianChars is the median length of the answers, in characters.
	MedianChars int
	ByKind      map[string]KindGrade
	Results     []GradedResult
}

// KindGrade is one kind's share of right answers.
type KindGrade struct {
	N       int     `json:"n"`
	Correct float64 `json:"correct"`
}

// RunGraded asks every question and grades the answers.
func RunGraded(ctx context.Context, ask Answerer, qs []Graded) (GradedReport, error) {
	rep := GradedReport{ByKind: map[string]KindGrade{}}
	var first, correct, declined, all int
	var lengths []int
	kinds := map[string][2]int{}
	for _, q := range qs {
		a, err := ask(ctx, q.Q)
		if err != nil {
			return rep, fmt.Errorf("eval: %q: %w", q.Q, err)
		}
		res := grade(q, a)
		rep.Results = append(rep.Results, res)
		lengths = append(lengths, utf8.RuneCountInString(a.Text))
		k := kinds[q.Kind]
		k[0]++
		if res.Correct {
			k[1]++
			all++
		}
		kinds[q.Kind] = k
		if len(q.ExpectCodes) == 0 {
			rep.NoProc++
			if res.Correct {
				declined++
			}
			continue
		}
		rep.InScope++
		if res.Procedure {
			first++
		}
		if res.Correct {
			correct++
		}
	}
	share := func(n, of int) float64 {
		if of == 0 {
			return 0
		}
		return float64(n) / float64(of)
	}
	rep.ProcedureFirst = share(first, rep.InScope)
	rep.Correct = share(correct, rep.InScope)
	rep.Declined = share(declined, rep.NoProc)
	rep.CorrectAll = share(all, len(qs))
	if len(lengths) > 0 {
		slices.Sort(lengths)
		rep.MedianChars = lengths[len(lengths)/2]
	}
	for kind, k := range kinds {
		rep.ByKind[kind] = KindGrade{N: k[0], Correct: share(k[1], k[0])}
	}
	return rep, nil
}

// grade checks one answer against its question's expectations. A fact
// matches the text as written or folded to lower-case ASCII (đ→d).
func grade(q Graded, a Answer) GradedResult {
	res := GradedResult{Q: q.Q, Kind: q.Kind, Expect: q.ExpectCodes, Got: a.Code, Grounded: a.Grounded,
		Answer: a.Text, Sources: a.Sources}
	if len(q.ExpectCodes) == 0 {
		res.Procedure = !a.Grounded
	} else {
		res.Procedure = a.Grounded && a.Code != "" && slices.Contains(q.ExpectCodes, a.Code)
	}
	folded := vietnamese.Fold(a.Text)
	matches := func(re *regexp.Regexp) bool { return re.MatchString(a.Text) || re.MatchString(folded) }
	for i, re := range q.facts {
		if !matches(re) {
			res.Missing = append(res.Missing, q.Facts[i].What+": "+q.Facts[i].Re)
		}
	}
	for i, re := range q.mustNot {
		if matches(re) {
			res.Wrong = append(res.Wrong, q.MustNot[i])
		}
	}
	res.Correct = res.Procedure && len(res.Missing) == 0 && len(res.Wrong) == 0
	return res
}

// WriteGraded prints the report's figures, a row per kind and overall.
func WriteGraded(w io.Writer, rep GradedReport) {
	fmt.Fprintf(w, "| figure | value |\n|---|---|\n")
	fmt.Fprintf(w, "| right procedure first (in scope, n=%d) | %.3f |\n", rep.InScope, rep.ProcedureFirst)
	fmt.Fprintf(w, "| correct answers (in scope) | %.3f |\n", rep.Correct)
	fmt.Fprintf(w, "| no-procedure questions declined (n=%d) | %.3f |\n", rep.NoProc, rep.Declined)
	fmt.Fprintf(w, "| all questions answered right (n=%d) | %.3f |\n", rep.InScope+rep.NoProc, rep.CorrectAll)
	fmt.Fprintf(w, "| median answer length (characters) | %d |\n\n", rep.MedianChars)
	kinds := make([]string, 0, len(rep.ByKind))
	for k := range rep.ByKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	fmt.Fprintf(w, "| kind | n | answered right |\n|---|---|---|\n")
	for _, k := range kinds {
		g := rep.ByKind[k]
		fmt.Fprintf(w, "| %s | %d | %.3f |\n", k, g.N, g.Correct)
	}
}
