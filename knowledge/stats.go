package knowledge

import "math"

// wordStats counts in how many documents each folded syllable occurs: the
// vocabulary for typo correction and the weights for coverage.
type wordStats struct {
	df   map[string]int
	docs int
}

func newWordStats() wordStats { return wordStats{df: make(map[string]int)} }

func (s *wordStats) add(words map[string]bool) {
	s.docs++
	for w := range words {
		s.df[w]++
	}
}

func (s *wordStats) remove(words map[string]bool) {
	s.docs--
	for w := range words {
		if s.df[w]--; s.df[w] <= 0 {
			delete(s.df, w)
		}
	}
}

// idf is the inverse document frequency of a folded word; words the corpus
// has never seen weigh the most.
func (s *wordStats) idf(w string) float64 {
	n := float64(s.docs) + 1
	return math.Log(1 + n/(float64(s.df[w])+0.5))
}

const correctionAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789"

// correct returns the most frequent known word at one edit (insertion,
// deletion, substitution or transposition of adjacent letters) from w, or
// "" when w is known or nothing is near. Vietnamese syllables are short, so
// only words of three letters or more are corrected.
func (s *wordStats) correct(w string) string {
	if len(w) < 3 || s.df[w] > 0 {
		return ""
	}
	best, bestN := "", 0
	try := func(c string) {
		if n := s.df[c]; n > bestN {
			best, bestN = c, n
		}
	}
	b := []byte(w)
	for i := range b {
		try(string(b[:i]) + string(b[i+1:]))
		if i+1 < len(b) {
			t := append([]byte(nil), b...)
			t[i], t[i+1] = t[i+1], t[i]
			try(string(t))
		}
		for _, c := range []byte(correctionAlphabet) {
			if c != b[i] {
				t := append([]byte(nil), b...)
				t[i] = c
				try(string(t))
			}
		}
	}
	for i := 0; i <= len(b); i++ {
		for _, c := range []byte(correctionAlphabet) {
			try(string(b[:i]) + string(c) + string(b[i:]))
		}
	}
	return best
}
