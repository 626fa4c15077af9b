package vietnamese

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/unicode/norm"
)

//go:embed dictionary.txt
var defaultDictionary []byte

// ErrDictionary marks a malformed dictionary line; the error names the line.
var ErrDictionary = errors.New("invalid dictionary")

// Entry is one line of a dictionary. Terms and Expansions are as written in
// the file (NFC, white space collapsed, case kept); matching uses their
// folded forms.
type Entry struct {
	// Terms are the words or phrases that trigger the entry.
	Terms []string
	// Expansions are what a one-way entry adds; nil for a group, where
	// every member found adds the other members.
	Expansions []string
	// Line is the 1-based line number in the file the entry came from.
	Line int
	// OneWay is true for "a => b" lines and false for "a = b" groups.
	OneWay bool
}

// adds returns the folded phrases the entry adds when its term number i is
// found.
func (e Entry) adds(i int) []string {
	if e.OneWay {
		return foldAll(e.Expansions)
	}
	others := make([]string, 0, len(e.Terms)-1)
	for j, t := range e.Terms {
		if j != i {
			others = append(others, foldPhrase(t))
		}
	}
	return others
}

func foldAll(phrases []string) []string {
	out := make([]string, len(phrases))
	for i, p := range phrases {
		out[i] = foldPhrase(p)
	}
	return out
}

// foldPhrase folds p to its syllables joined by single spaces, the form
// Expand returns: "Thay đổi, cải chính" becomes "thay doi cai chinh".
func foldPhrase(p string) string {
	return strings.Join(Words(p), " ")
}

// DefaultDictionary returns the dictionary embedded in the package. It
// panics only if the embedded file is broken, which the tests rule out.
func DefaultDictionary() *Dictionary {
	d, err := ParseDictionary(bytes.NewReader(defaultDictionary))
	if err != nil {
		panic(fmt.Sprintf("vietnamese: embedded dictionary.txt: %v", err))
	}
	return d
}

// ParseDictionary reads a dictionary, one entry a line:
//
//	a = b = c          a group: any member found adds all the others
//	a ; b => c ; d     one way: a or b found adds c and d
//	a + b => c         one way: a and b both found, in any order, add c
//
// '#' starts a comment; blank lines are skipped. Terms are written with
// diacritics and matched folded, as whole syllable sequences.
func ParseDictionary(r io.Reader) (*Dictionary, error) {
	var entries []Entry
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		e, err := parseLine(text)
		if err != nil {
			return nil, fmt.Errorf("vietnamese: dictionary line %d: %w", line, err)
		}
		e.Line = line
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("vietnamese: read dictionary after line %d: %w", line, err)
	}
	return newDictionary(entries), nil
}

func parseLine(text string) (Entry, error) {
	if left, right, ok := strings.Cut(text, "=>"); ok {
		if strings.Contains(right, "=>") {
			return Entry{}, fmt.Errorf("%w: more than one \"=>\"", ErrDictionary)
		}
		if strings.Contains(left, "=") || strings.Contains(right, "=") {
			return Entry{}, fmt.Errorf("%w: \"=\" on a \"=>\" line", ErrDictionary)
		}
		terms, err := splitPhrases(left, ";", "term")
		if err != nil {
			return Entry{}, err
		}
		for _, t := range terms {
			if strings.Contains(t, "+") {
				if _, err := splitPhrases(t, "+", "part"); err != nil {
					return Entry{}, err
				}
			}
		}
		exps, err := splitPhrases(right, ";", "expansion")
		if err != nil {
			return Entry{}, err
		}
		if err := distinct(append(append([]string(nil), terms...), exps...)); err != nil {
			return Entry{}, err
		}
		return Entry{Terms: terms, Expansions: exps, OneWay: true}, nil
	}
	if !strings.Contains(text, "=") {
		return Entry{}, fmt.Errorf("%w: no \"=\" or \"=>\" in %q", ErrDictionary, strings.TrimSpace(text))
	}
	if strings.Contains(text, ";") {
		return Entry{}, fmt.Errorf("%w: \";\" in a group; use \"=\" between members", ErrDictionary)
	}
	if strings.Contains(text, "+") {
		return Entry{}, fmt.Errorf("%w: \"+\" in a group; only a \"=>\" line joins parts", ErrDictionary)
	}
	terms, err := splitPhrases(text, "=", "member")
	if err != nil {
		return Entry{}, err
	}
	if err := distinct(terms); err != nil {
		return Entry{}, err
	}
	return Entry{Terms: terms}, nil
}

// splitPhrases splits s on sep and normalises each phrase, rejecting empty
// phrases and phrases without a letter or digit.
func splitPhrases(s, sep, what string) ([]string, error) {
	parts := strings.Split(s, sep)
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		p = cleanPhrase(p)
		if p == "" {
			return nil, fmt.Errorf("%w: empty %s", ErrDictionary, what)
		}
		if len(Words(p)) == 0 {
			return nil, fmt.Errorf("%w: %s %q has no letters or digits", ErrDictionary, what, p)
		}
		out = append(out, p)
	}
	return out, nil
}

// distinct rejects phrases that fold to the same words, such as "Hòa" and
// "hoà", which would expand to themselves.
func distinct(phrases []string) error {
	seen := make(map[string]string, len(phrases))
	for _, p := range phrases {
		key := strings.Join(Words(p), " ")
		if prev, ok := seen[key]; ok {
			return fmt.Errorf("%w: %q and %q are the same once folded", ErrDictionary, prev, p)
		}
		seen[key] = p
	}
	return nil
}

// cleanPhrase returns s in Unicode NFC with white space collapsed and
// trimmed, case kept: the form in which dictionary entries are shown.
func cleanPhrase(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(s)), " ")
}

// Merge returns a new dictionary holding the entries of d followed by those
// of o; neither is changed. Entries keep their own line numbers.
func (d *Dictionary) Merge(o *Dictionary) *Dictionary {
	entries := make([]Entry, 0, d.Len()+o.Len())
	entries = append(entries, d.entries...)
	entries = append(entries, o.entries...)
	return newDictionary(entries)
}

// Len returns the number of entries (lines) in d.
func (d *Dictionary) Len() int { return len(d.entries) }

// Entries returns a copy of d's entries in file order.
func (d *Dictionary) Entries() []Entry {
	out := make([]Entry, len(d.entries))
	for i, e := range d.entries {
		out[i] = Entry{
			Terms:      append([]string(nil), e.Terms...),
			Expansions: append([]string(nil), e.Expansions...),
			Line:       e.Line,
			OneWay:     e.OneWay,
		}
		if e.Expansions == nil {
			out[i].Expansions = nil
		}
	}
	return out
}
