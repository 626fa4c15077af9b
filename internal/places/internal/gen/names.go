package main

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func nfc(s string) string { return norm.NFC.String(s) }

// formerName returns a name of the list of former units in NFC with the
// tone marks of "oa", "oe" and "uy" ending a syllable on the second vowel
// ("Hoà", "Hoá", "Thuỵ"), where the current official list
// (units-2026.json) has them; the former list writes "Hòa". One spelling
// for unit names: residents see current and former names side by side.
func formerName(s string) string { return norm.NFC.String(newStyleTones(norm.NFD.String(s))) }

// isTone reports whether r is one of the five combining tone marks.
func isTone(r rune) bool {
	switch r {
	case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
		return true
	}
	return false
}

// newStyleTones moves the tone mark of a syllable ending in "oa", "oe"
// or "uy" (NFD) from the first vowel to the second: "hòa" → "hoà".
func newStyleTones(s string) string {
	type letter struct {
		base  rune
		marks []rune
	}
	var out strings.Builder
	var word []letter
	flush := func() {
		n := len(word)
		if n >= 2 {
			a, b := &word[n-2], &word[n-1]
			pair := string(unicode.ToLower(a.base)) + string(unicode.ToLower(b.base))
			q := n >= 3 && unicode.ToLower(word[n-3].base) == 'q'
			if (pair == "oa" || pair == "oe" || (pair == "uy" && !q)) && len(b.marks) == 0 && len(a.marks) == 1 && isTone(a.marks[0]) {
				a.marks, b.marks = nil, a.marks
			}
		}
		for _, l := range word {
			out.WriteRune(l.base)
			for _, m := range l.marks {
				out.WriteRune(m)
			}
		}
		word = word[:0]
	}
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r) && len(word) > 0:
			word[len(word)-1].marks = append(word[len(word)-1].marks, r)
		case unicode.IsLetter(r):
			word = append(word, letter{base: r})
		default:
			flush()
			out.WriteRune(r)
		}
	}
	flush()
	return out.String()
}

func capitalize(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// slugify folds s to lower-case ASCII words joined by "-".
func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.Is(unicode.Mn, r):
			continue
		}
		r = unicode.ToLower(r)
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}
