package vietnamese

import (
	"slices"
	"strconv"
	"strings"
)

// AgeSaid returns the age in years a question states ("con 16 tuổi"),
// the last one when it states several (a follow-up's "còn con 3 tuổi thì
// sao?" comes after the question it follows), or 0. The number and
// "tuổi" must stand side by side: "thôn 3, tuổi cao" states no age. A
// bound ("dưới 14 tuổi", "chưa đủ 6 tuổi", "trên 80 tuổi") states an age
// within it, when no age is said outright. The number may be said in
// words, as speech typed by a phone writes it ("cháu tám tuổi", "bà bảy
// mươi hai tuổi").
func AgeSaid(text string) int {
	fields := strings.Fields(Fold(text))
	typed := strings.Fields(Normalize(text))
	if len(typed) != len(fields) {
		typed = nil
	}
	bounded := 0
	for i := len(fields) - 2; i >= 0; i-- {
		if !strings.HasPrefix(fields[i+1], "tuoi") {
			continue
		}
		if rest := strings.TrimPrefix(fields[i+1], "tuoi"); rest != "" && !strings.ContainsAny(rest[:1], ",.;:!?)") {
			continue
		}
		n, start := 0, i
		if v, err := strconv.Atoi(fields[i]); err == nil {
			n = v
		} else {
			n, start = numberInWords(fields, typed, i)
		}
		if n <= 0 || n > 120 {
			continue
		}
		// "con dưới 14 tuổi", "trên 80 tuổi": an age within the bound
		// said, unless an age is said outright as well ("bé 6 tuổi rưỡi,
		// thẻ BHYT trẻ dưới 6 tuổi hết hạn": the bound is the old card's).
		switch {
		case start > 0 && (fields[start-1] == "duoi" || start > 1 && fields[start-2] == "chua" && (fields[start-1] == "du" || fields[start-1] == "den")):
			if bounded == 0 {
				bounded = max(n-1, 1)
			}
			continue
		case start > 0 && fields[start-1] == "tren":
			if bounded == 0 {
				bounded = n + 1
			}
			continue
		}
		return n
	}
	return bounded
}

// digitWords are the folded words of the numbers one to nine, with the
// spellings each may be typed with besides its folded one. "lăm" (five),
// "tư" (four) and "mốt" (one) stand only after "mươi" or "mười".
var digitWords = map[string]struct {
	n     int
	spelt []string
	after bool // only after mươi/mười
}{
	"mot": {1, []string{"một", "mốt"}, false}, "hai": {2, []string{"hai"}, false}, "ba": {3, []string{"ba"}, false},
	"bon": {4, []string{"bốn"}, false}, "tu": {4, []string{"tư"}, true}, "nam": {5, []string{"năm"}, false},
	"lam": {5, []string{"lăm"}, true}, "sau": {6, []string{"sáu"}, false}, "bay": {7, []string{"bảy", "bẩy"}, false},
	"tam": {8, []string{"tám"}, false}, "chin": {9, []string{"chín"}, false},
}

// digitAt returns the number the word at i says, or 0: typed without
// marks, or with a number's own.
func digitAt(fields, typed []string, i int, afterTen bool) int {
	d, ok := digitWords[fields[i]]
	if !ok || d.after && !afterTen {
		return 0
	}
	if typed != nil && typed[i] != fields[i] && !slices.Contains(d.spelt, typed[i]) {
		return 0 // "tạm", "bà", "tâm": no number
	}
	return d.n
}

// tenWord reports "mười" or "mươi", typed without marks or with theirs.
func tenWord(fields, typed []string, i int) bool {
	return i >= 0 && fields[i] == "muoi" && (typed == nil || typed[i] == "muoi" || typed[i] == "mười" || typed[i] == "mươi")
}

// childWords are what stands before an age said as a bare "ba" or "sau"
// typed without marks, where they are a number ("con ba tuổi") and not
// a father or "after" ("sau tuổi nghỉ hưu").
var childWords = map[string]bool{"con": true, "chau": true, "be": true, "em": true, "nay": true, "duoc": true, "moi": true, "len": true, "gan": true, "khoang": true, "tron": true}

// numberInWords reads the number said in words that ends at fields[i]
// ("tám", "mười bốn", "bảy mươi hai", "hai mươi"), and returns it with
// the index of its first word; 0 when the words there say none.
func numberInWords(fields, typed []string, i int) (int, int) {
	if tenWord(fields, typed, i) {
		// "hai mươi tuổi", or "mười tuổi".
		if i > 0 {
			if d := digitAt(fields, typed, i-1, false); d >= 2 {
				return d * 10, i - 1
			}
		}
		return 10, i
	}
	if i > 0 && tenWord(fields, typed, i-1) {
		d := digitAt(fields, typed, i, true)
		if d == 0 {
			return 0, i
		}
		// "bảy mươi hai", or "mười bốn".
		if i > 1 {
			if t := digitAt(fields, typed, i-2, false); t >= 2 {
				return t*10 + d, i - 2
			}
		}
		return 10 + d, i - 1
	}
	d := digitAt(fields, typed, i, false)
	if d == 0 {
		return 0, i
	}
	if (fields[i] == "ba" || fields[i] == "sau") && (typed == nil || typed[i] == fields[i]) && (i == 0 || !childWords[fields[i-1]]) {
		return 0, i
	}
	return d, i
}
