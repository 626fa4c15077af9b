package places

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Vietnamese tone marks in decomposed form: grave, acute, tilde, hook above,
// dot below. The other marks (circumflex, breve, horn) belong to the vowel.
func isTone(r rune) bool {
	switch r {
	case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
		return true
	}
	return false
}

// fold returns s as lower-case ASCII words separated by single spaces:
// diacritics dropped, đ→d, everything that is not a letter or digit a space.
// "Xã Hoà-Bình" and "xa hoa binh" fold alike, in NFC or NFD.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		r = foldRune(r)
		if r < 0 {
			continue
		}
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r >= utf8.RuneSelf && unicode.IsLetter(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// foldRune lower-cases r, drops its diacritics and maps đ to d; it returns
// -1 for a combining mark.
func foldRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r == 'đ' || r == 'Đ':
		return 'd'
	case unicode.Is(unicode.Mn, r):
		return -1
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	if dec := norm.NFD.Properties(buf[:n]).Decomposition(); len(dec) > 0 {
		r, _ = utf8.DecodeRune(dec) // the base letter
	}
	return unicode.ToLower(r)
}

// toned returns one lower-case word with its tone mark moved to the end, so
// that "hòa" and "hoà" compare equal while "hòa" and "hóa" do not.
func toned(word string) string {
	var b strings.Builder
	var tone rune
	for _, r := range norm.NFD.String(strings.ToLower(word)) {
		if isTone(r) {
			tone = r
			continue
		}
		b.WriteRune(r)
	}
	if tone != 0 {
		b.WriteRune(tone)
	}
	return b.String()
}

// token is one word of a question.
type token struct {
	fold  string // folded: "hoa"
	tone  string // tone-normalised: "hoa\u0300"
	ascii bool   // typed without diacritics
	upper bool   // typed with a capital first letter
	seg   int    // punctuation-delimited segment the word is in
}

// tokenize splits text into words; , . ; : ? ! ( ) and line breaks start a
// new segment, since a place name never spans them. memo remembers words
// already analysed.
func tokenize(text string, memo *wordMemo) []token {
	var (
		toks []token
		seg  int
	)
	text = norm.NFC.String(text)
	flush := func(w string) {
		if w == "" {
			return
		}
		t := memo.analyse(w)
		if t.fold == "" {
			return
		}
		t.seg = seg
		toks = append(toks, t)
	}
	start := -1 // the word being read begins here
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			flush(text[start:i])
			start = -1
		}
		switch r {
		case ',', '.', ';', ':', '?', '!', '(', ')', '[', ']', '\n', '"', '“', '”':
			seg++
		}
	}
	if start >= 0 {
		flush(text[start:])
	}
	return toks
}

// analyse folds one word. A word typed without diacritics, as residents
// mostly type, is its own fold and tone form once lower-cased.
func analyse(w string) token {
	r, _ := utf8.DecodeRuneInString(w)
	if isASCII(w) {
		lower := strings.ToLower(w)
		return token{fold: lower, tone: lower, ascii: true, upper: unicode.IsUpper(r)}
	}
	return token{fold: fold(w), tone: toned(w), upper: unicode.IsUpper(r)}
}

// maxMemoWords bounds a wordMemo: residents use a few thousand words, and
// a stream of made-up ones must not grow it without end. maxMemoWordLen
// keeps out words longer than any syllable (Vietnamese ones are at most 7
// letters), so that the memo stays within a few megabytes.
const (
	maxMemoWords   = 50_000
	maxMemoWordLen = 24 // bytes
)

// wordMemo remembers how words fold, for the directory's names and then
// for residents' questions. It is safe for concurrent use.
type wordMemo struct {
	m sync.Map // word → token
	n atomic.Int64
}

func (w *wordMemo) analyse(word string) token {
	if t, ok := w.m.Load(word); ok {
		return t.(token)
	}
	t := analyse(word)
	if len(word) <= maxMemoWordLen && w.n.Load() < maxMemoWords {
		// word and its fold may be slices of a question: keep copies.
		kept := token{fold: strings.Clone(t.fold), tone: strings.Clone(t.tone), ascii: t.ascii, upper: t.upper}
		if _, loaded := w.m.LoadOrStore(strings.Clone(word), kept); !loaded {
			w.n.Add(1)
		}
	}
	return t
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// words returns the folded and tone-normalised words of a name.
func words(name string, memo *wordMemo) (folded string, tones []string) {
	toks := tokenize(name, memo)
	f := make([]string, len(toks))
	tones = make([]string, len(toks))
	for i, t := range toks {
		f[i], tones[i] = t.fold, t.tone
	}
	return strings.Join(f, " "), tones
}
