package vietnamese

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fuzzSeeds are questions as residents type them: with and without
// diacritics, NFD from some keyboards, abbreviations, personal numbers,
// odd spacing and punctuation.
var fuzzSeeds = []string{
	"Đăng ký khai sinh cần giấy tờ gì?",
	"dang ky khai sinh can giay to gi",
	norm.NFD.String("Thủ tục cấp lại CCCD/CMND ở đâu?"),
	"  LÀM   SỔ ĐỎ\tmất bao lâu\n",
	"hoà hòa Hoà HÒA",
	"tôi sinh năm 1990, CCCD 001234567890, sđt 0912 345 678",
	"BHYT hết hạn thì gia hạn thế nào???",
	"xin giấy xác nhận tình trạng hôn nhân (để kết hôn với người nước ngoài)",
	"ǅemal ǈ ﬁ Ⅻ ² ¹⁄₂ İstanbul ß",
	"\xff\xfe invalid \xc3",
	"a\u0300\u0301\u0323\u0302 ơ\u0309",
	"",
}

func FuzzFold(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := Fold(s)
		if utf8.ValidString(s) && !utf8.ValidString(folded) {
			t.Fatalf("Fold(%q) = %q: not UTF-8", s, folded)
		}
		if strings.ContainsRune(folded, 'đ') || strings.ContainsRune(folded, 'Đ') {
			t.Fatalf("Fold(%q) = %q keeps đ", s, folded)
		}
		for _, r := range folded {
			if unicode.Is(unicode.Mn, r) {
				t.Fatalf("Fold(%q) = %q keeps the combining mark %U", s, folded, r)
			}
			if 'A' <= r && r <= 'Z' {
				t.Fatalf("Fold(%q) = %q keeps upper case", s, folded)
			}
		}
		if strings.HasPrefix(folded, " ") || strings.HasSuffix(folded, " ") || strings.Contains(folded, "  ") {
			t.Fatalf("Fold(%q) = %q: spaces not collapsed", s, folded)
		}
		// Hangul syllables decompose into letters, not marks: Fold keeps
		// only the first of an NFC syllable (reported; not Vietnamese).
		if utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Hangul, r) }) {
			// NFD input folds as NFC does: both keyboards find the same.
			if nfc, nfd := Fold(norm.NFC.String(s)), Fold(norm.NFD.String(s)); nfc != nfd {
				t.Fatalf("Fold of %q: NFC %q, NFD %q", s, nfc, nfd)
			}
		}
	})
}

func FuzzNormalize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if !utf8.ValidString(s) {
			return
		}
		if !norm.NFC.IsNormalString(n) {
			t.Fatalf("Normalize(%q) = %q: not NFC", s, n)
		}
		if n != strings.TrimSpace(n) || strings.Contains(n, "  ") {
			t.Fatalf("Normalize(%q) = %q: spaces not collapsed", s, n)
		}
		if Normalize(norm.NFD.String(s)) != n {
			t.Fatalf("Normalize of NFD %q differs from NFC", s)
		}
	})
}

func FuzzWords(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range Words(s) {
			if w == "" || strings.IndexFunc(w, notWordRune) >= 0 {
				t.Fatalf("Words(%q) has %q", s, w)
			}
		}
		content := ContentWords(s)
		if len(content) > len(strings.FieldsFunc(Normalize(s), notWordRune)) {
			t.Fatalf("ContentWords(%q) = %q: more words than the question has", s, content)
		}
		for _, w := range content {
			if w == "" || strings.ContainsRune(w, ' ') {
				t.Fatalf("ContentWords(%q) has %q", s, w)
			}
		}
	})
}

func FuzzExpand(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("bản sao giấy khai sinh")
	f.Add("so do so hong")
	f.Add("mất giấy đăng ký kết hôn, xin bản sao")
	dict := DefaultDictionary()
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range dict.Expand(s) {
			if p == "" || p != Fold(p) {
				t.Fatalf("Expand(%q) adds %q: not a folded phrase", s, p)
			}
		}
	})
}

// FuzzTokenize checks the bleve tokenizer: offsets inside the input and in
// order, terms lower-case, never empty.
func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		in := []byte(s)
		prev := 0
		for _, tok := range (syllableTokenizer{}).Tokenize(in) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(in) {
				t.Fatalf("%q: token %q at [%d,%d) after %d", s, tok.Term, tok.Start, tok.End, prev)
			}
			if len(tok.Term) == 0 {
				t.Fatalf("%q: empty term at [%d,%d)", s, tok.Start, tok.End)
			}
			prev = tok.End
		}
		if string(in) != s {
			t.Fatalf("Tokenize changed its input")
		}
	})
}

// FuzzParseDictionary reads administrators' dictionary.txt: it either
// fails with an error naming the line or gives entries that expand.
func FuzzParseDictionary(f *testing.F) {
	f.Add("sổ đỏ = giấy chứng nhận quyền sử dụng đất\n")
	f.Add("# chú thích\nCCCD ; căn cước => căn cước công dân ; thẻ căn cước\n\n")
	f.Add("a = a\n")
	f.Add("=> x\n")
	f.Add("a => b => c\n")
	f.Add("xin bản sao + kết hôn ; a + b + c => trích lục\n")
	f.Add("a + => b\n+ => c\na + b = c\n")
	f.Add(strings.Repeat("x", 70000))
	f.Fuzz(func(t *testing.T, text string) {
		d, err := ParseDictionary(strings.NewReader(text))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "vietnamese: ") {
				t.Fatalf("error without context: %v", err)
			}
			return
		}
		for _, e := range d.Entries() {
			d.Expand(strings.Join(e.Terms, " "))
		}
	})
}

// ReplaceSyllables replaces exactly the syllables it is given, as Said
// counts them, and keeps the rest of the text as normalised.
func FuzzReplaceSyllables(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, at int) {
		n := Normalize(s)
		if got := ReplaceSyllables(s, nil); got != n {
			t.Fatalf("ReplaceSyllables(%q, nil) = %q, want %q", s, got, n)
		}
		typed, _ := Said(s)
		if len(typed) == 0 {
			return
		}
		at = (at%len(typed) + len(typed)) % len(typed)
		got := ReplaceSyllables(s, map[int]string{at: "xyz"})
		after, _ := Said(got)
		if len(after) != len(typed) {
			t.Fatalf("ReplaceSyllables(%q) = %q: %d syllables, want %d", s, got, len(after), len(typed))
		}
		for i := range typed {
			if want := typed[i]; i == at {
				want = "xyz"
				if after[i] != want {
					t.Fatalf("ReplaceSyllables(%q) = %q: syllable %d is %q, want %q", s, got, i, after[i], want)
				}
			} else if after[i] != want {
				t.Fatalf("ReplaceSyllables(%q) = %q: syllable %d is %q, want %q", s, got, i, after[i], want)
			}
		}
	})
}

// FuzzMendTyping checks that mending keeps the syllables' count and
// order, touches only syllables that cannot be Vietnamese as typed, and
// mends nothing twice.
func FuzzMendTyping(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("ra xã chứg thực hợp đồg")
	f.Fuzz(func(t *testing.T, s string) {
		got := MendTyping(s)
		before, folded := Said(s)
		after, _ := Said(got)
		if len(after) != len(before) {
			t.Fatalf("MendTyping(%q) = %q: %d syllables, want %d", s, got, len(after), len(before))
		}
		for i := range before {
			if after[i] != before[i] && (before[i] == folded[i] || MendSyllable(folded[i]) == "") {
				t.Fatalf("MendTyping(%q) = %q: syllable %q mended to %q", s, got, before[i], after[i])
			}
		}
		if again := MendTyping(got); again != got {
			t.Fatalf("MendTyping(%q) = %q, mended again %q", s, got, again)
		}
	})
}
