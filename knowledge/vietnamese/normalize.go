// Package vietnamese analyses Vietnamese text for search: Unicode
// normalisation, diacritic folding, syllable tokens, question stopwords,
// bleve analyzers and a dictionary of abbreviations and everyday words that
// expands a resident's question at query time.
package vietnamese

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in Unicode NFC, lower-cased, with runs of white space
// collapsed to one space and trimmed. NFD input gives the same result as NFC.
func Normalize(s string) string {
	// Lower-casing can leave a pair NFC composes ("Ϋ̀" → "ῢ" → "ῢ"), so
	// compose again after it.
	s = norm.NFC.String(strings.ToLower(norm.NFC.String(s)))
	return strings.Join(strings.Fields(s), " ")
}

// Fold returns Normalize(s) with every diacritic removed and đ turned into d,
// so "Đăng ký" and "dang ky" compare equal. Tone marks in either position
// ("hòa", "hoà") and decomposed (NFD) input fold alike, and so do the two
// spellings of a syllable Vietnamese writes with i or y (see respelled):
// "đăng kí" is "dang ky", "liệt sỹ" is "liet si".
func Fold(s string) string {
	return respell(fold(s))
}

// respelled maps a folded syllable spelled with i or y to the spelling
// the official records mostly use: "kí, kì, kỉ, kĩ" and "ký, kỳ, kỷ, kỹ"
// are one syllable written two ways (lí/lý, mĩ/mỹ, hi/hy sinh, tỉ/tỷ,
// qui/quy định, sĩ/sỹ). Syllables whose other spelling is another word
// ("vi" of vi phạm, "di" of di chuyển) are not in it.
var respelled = map[string]string{
	"ki": "ky", "li": "ly", "mi": "my", "hi": "hy", "ti": "ty", "qui": "quy", "sy": "si",
}

// respell returns the folded s with every syllable of respelled in the
// records' spelling; s itself when it holds none.
func respell(s string) string {
	var b []byte
	last := 0 // the end of s copied into b
	for i := 0; i < len(s); {
		if !wordByte(s[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && wordByte(s[j]) {
			j++
		}
		// A syllable of two or three letters followed by no other letter
		// of a word (a byte of a non-ASCII letter would continue it).
		if n := j - i; n >= 2 && n <= 3 && (j == len(s) || s[j] < utf8.RuneSelf) && (i == 0 || s[i-1] < utf8.RuneSelf) {
			if to, ok := respelled[s[i:j]]; ok {
				b = append(append(b, s[last:i]...), to...)
				last = j
			}
		}
		i = j
	}
	if b == nil {
		return s
	}
	return string(append(b, s[last:]...))
}

// wordByte reports a byte of a folded word: a lower-case ASCII letter or
// a digit.
func wordByte(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }

func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if asciiSpace(c) {
				pendingSpace = b.Len() > 0
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if pendingSpace {
				b.WriteByte(' ')
				pendingSpace = false
			}
			b.WriteByte(c)
			continue
		}
		r, size := foldRune(s[i:])
		i += size
		switch {
		case r == severalLetters:
			if pendingSpace {
				b.WriteByte(' ')
				pendingSpace = false
			}
			foldDecomposed(&b, s[i-size:i])
			continue
		case r < 0:
			continue // a combining mark: dropped
		case unicode.IsSpace(r):
			pendingSpace = b.Len() > 0
			continue
		}
		if pendingSpace {
			b.WriteByte(' ')
			pendingSpace = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// foldRune folds the first (non-ASCII) rune of s and reports its size in
// bytes; it returns -1 for a combining mark, which folding drops, and
// severalLetters for a rune whose decomposition holds more than one
// letter, which foldDecomposed writes.
func foldRune(s string) (rune, int) {
	r, size := utf8.DecodeRuneInString(s)
	switch r {
	case 'đ', 'Đ':
		return 'd', size
	}
	if unicode.Is(unicode.Mn, r) {
		return -1, size
	}
	// The canonical decomposition of a precomposed letter is its base
	// letter and marks: ệ = e + U+0323 + U+0302, ư = u + U+031B.
	if dec := norm.NFD.PropertiesString(s[:size]).Decomposition(); dec != nil {
		kept, n := rune(-1), 0
		for _, d := range string(dec) {
			if !unicode.Is(unicode.Mn, d) {
				kept, n = d, n+1
			}
		}
		switch n {
		case 0: // marks only (Balinese ᬻ = two marks)
			return -1, size
		case 1:
			r = kept
		default: // Sinhala ො = ෙ + ා: both stay, as they do typed apart
			return severalLetters, size
		}
	}
	return unicode.ToLower(r), size
}

// severalLetters is what foldRune returns for a rune that decomposes into
// more than one letter.
const severalLetters = -2

// foldDecomposed writes the letters of r's decomposition, without marks.
func foldDecomposed(b *strings.Builder, r string) {
	for _, d := range string(norm.NFD.PropertiesString(r).Decomposition()) {
		if !unicode.Is(unicode.Mn, d) {
			b.WriteRune(unicode.ToLower(d))
		}
	}
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// Words splits s, in any Unicode form, into folded syllables: runs of
// letters and digits. Punctuation separates words and is dropped, so
// "CCCD/CMND" gives ["cccd" "cmnd"] and "14 tuổi" gives ["14" "tuoi"].
// It returns nil when s has no letters or digits.
func Words(s string) []string {
	words := strings.FieldsFunc(Fold(s), notWordRune)
	if len(words) == 0 {
		return nil
	}
	return words
}

func notWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z')
	}
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// ContentWords returns the folded syllables of s without question filler,
// in order. A syllable typed with its diacritics is judged by them ("cần"
// is filler, "căn" of "căn cước" is not; "đâu" is filler, "đầu" of "lần
// đầu" is not); one typed without them is filler only when no title word
// folds to it as well ("can" may be căn, "dau" may be đầu: both stay).
func ContentWords(s string) []string { return ContentWordsIn(s, nil) }

// ContentWordsIn is ContentWords with a vocabulary to judge the syllables
// typed without diacritics that fold from filler and from title words
// alike (see pairJudged): such a syllable stays only when, with the
// syllable before or after it, it forms a pair that known reports as a
// title's ("can cuoc", "lan dau"), so "de di" (để đi) goes and "de nghi"
// (đề nghị) stays. A nil known keeps them all.
func ContentWordsIn(s string, known func(pair string) bool) []string {
	accented := strings.FieldsFunc(Normalize(s), notWordRune)
	folded := make([]string, len(accented))
	for i, a := range accented {
		folded[i] = Fold(a)
	}
	out := make([]string, 0, len(accented))
	for i := 0; i < len(accented); i++ {
		a, f := accented[i], folded[i]
		if f == "" {
			continue
		}
		if i+1 < len(accented) {
			if _, filler := fillerPairs[f+" "+folded[i+1]]; filler {
				i++
				continue
			}
		}
		if isFiller(a, f) {
			continue
		}
		if readings, judged := pairJudged[f]; judged && known != nil && (a == f || slices.Contains(readings, a)) &&
			!(i > 0 && known(folded[i-1]+" "+f)) && !(i+1 < len(folded) && known(f+" "+folded[i+1])) {
			continue
		}
		out = append(out, f)
	}
	return out
}

// Said returns the syllables of s as typed (normalised, diacritics kept)
// with their folded forms, in order, filler included.
func Said(s string) (typed, folded []string) {
	typed = strings.FieldsFunc(Normalize(s), notWordRune)
	folded = make([]string, len(typed))
	for i, a := range typed {
		folded[i] = Fold(a)
	}
	return typed, folded
}

// IsFiller reports whether a syllable as typed (normalised) is question
// filler: judged by its diacritics when it has them ("cần" is, "căn" is
// not), and without them only when no title word folds to it as well
// ("cho" is, "can" is not).
func IsFiller(typed string) bool { return isFiller(typed, Fold(typed)) }

// isFiller reports whether a syllable, normalised (a) and folded (f), is
// question filler: judged by its diacritics when typed with them, and
// without them only when no title word folds to it as well.
func isFiller(a, f string) bool {
	if f != a {
		_, stop := accentedStopwords[a]
		return stop
	}
	_, ambiguous := ambiguousStopwords[f]
	return !ambiguous && IsStopword(f)
}

// ReplaceSyllables returns s normalised (Normalize) with its i-th
// syllable, counted as Said counts them, replaced by with[i]; what lies
// between syllables is kept, but for a stray combining mark right after
// a replaced one: it would join the replacement, so it becomes a space.
func ReplaceSyllables(s string, with map[int]string) string {
	n := Normalize(s)
	if len(with) == 0 {
		return n
	}
	var b strings.Builder
	i, start, replaced := 0, -1, false
	flush := func(end int) {
		w, ok := with[i]
		if !ok {
			w = n[start:end]
		}
		b.WriteString(w)
		i, start, replaced = i+1, -1, ok
	}
	for j, r := range n {
		word := !notWordRune(r)
		switch {
		case word && start < 0:
			start = j
		case word:
		case start >= 0:
			flush(j)
			fallthrough
		default:
			if replaced && unicode.Is(unicode.Mn, r) {
				r = ' '
			}
			replaced = false
			b.WriteRune(r)
		}
	}
	if start >= 0 {
		flush(len(n))
	}
	return b.String()
}

// bareG is a folded syllable that ends in "g" after its vowel, which no
// Vietnamese syllable does.
var bareG = regexp.MustCompile(`^[bcdghklmnpqrstvx]*[aeiouy]+g$`)

// MendTyping returns s with each syllable typed with diacritics that
// cannot be Vietnamese as typed mended to the one it must be: a bare
// final "g" is "ng" whose "n" a phone's keyboard dropped ("hợp đồg",
// "chứg thực"). Syllables without diacritics are left to the search,
// since they may be words of another language ("blog"). s comes back
// as is when nothing needs mending, else normalised (Normalize).
func MendTyping(s string) string {
	typed, folded := Said(s)
	var with map[int]string
	for i, a := range typed {
		if a != folded[i] && MendSyllable(folded[i]) != "" {
			if with == nil {
				with = make(map[int]string)
			}
			_, last := utf8.DecodeLastRuneInString(a) // "g", or a letter folded to it
			with[i] = a[:len(a)-last] + "ng"
		}
	}
	if with == nil {
		return s
	}
	return ReplaceSyllables(s, with)
}

// MendSyllable returns the syllable a folded one that no Vietnamese
// syllable is spelled as must be ("dog" is "dong"), or "" when it is
// well-formed.
func MendSyllable(folded string) string {
	if !bareG.MatchString(folded) {
		return ""
	}
	return folded[:len(folded)-1] + "ng"
}
