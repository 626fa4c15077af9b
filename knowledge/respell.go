package knowledge

import (
	"strings"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// soundInitials and soundFinals are the spellings of a syllable's first
// and last sounds that residents confuse, as they speak them (folded):
// "tạm chú" for "tạm trú", "kết hôm" for "kết hôn", "giấy sác nhận". A
// bare "g" ends no syllable: it is "ng" with its "n" dropped on a
// phone's keyboard ("hợp đồg", "chứg thực").
var (
	soundInitials = [][2]string{{"ch", "tr"}, {"tr", "ch"}, {"s", "x"}, {"x", "s"}, {"d", "gi"}, {"gi", "d"}, {"r", "d"}, {"d", "r"}, {"l", "n"}, {"n", "l"}}
	soundFinals   = [][2]string{{"n", "ng"}, {"ng", "n"}, {"c", "t"}, {"t", "c"}, {"m", "n"}, {"n", "m"}, {"g", "ng"}}
)

// timeWords are syllables of time a question says as often as any, no
// slip of a title's word: "…, giờ đi đăng ký sang tên" says "now", not
// "đất do" with "giờ" read as "dờ".
var timeWords = map[string]bool{"gio": true, "nay": true, "roi": true}

// minRespell is how many titles must hold a pair for a syllable beside
// its first word to be read as its second; and fewer than that many
// titles may spell the syllable as typed.
const minRespell = 2

// soundAlikes returns the spellings a folded syllable may stand for when
// its first or last sound is confused.
func soundAlikes(w string) []string {
	var out []string
	for _, s := range soundInitials {
		rest, ok := strings.CutPrefix(w, s[0])
		// "nh", "ng" and "gi" are sounds of their own, not "n" or "d"
		// followed by a letter.
		if !ok || rest == "" || s[0] == "n" && (rest[0] == 'h' || rest[0] == 'g') || s[0] == "d" && rest[0] == 'i' && s[1] == "gi" {
			continue
		}
		out = append(out, s[1]+rest)
	}
	for _, s := range soundFinals {
		head, ok := strings.CutSuffix(w, s[0])
		// "ng", "nh" and "ch" end a syllable as sounds of their own.
		if !ok || head == "" || !strings.ContainsRune("aeiouy", rune(head[len(head)-1])) {
			continue
		}
		out = append(out, head+s[1])
	}
	return out
}

// respell returns a question with each syllable that makes no pair of
// any title with the word before it, but whose sound-alike (soundAlikes)
// makes one that several titles hold, spelled as the titles spell it:
// "dăng kí kết hôm" is "kết hôn", "tạm chú" is "tạm trú". A syllable that
// titles spell as the resident typed it is no slip ("hộ đóng" is not "hộ
// giống"). It also returns the syllables it wrote, spelled without
// diacritics, or nil when it wrote none. The caller holds ix.mu for
// reading.
func (ix *Index) respell(text string) (string, map[string]bool) {
	typed, said := vietnamese.Said(text)
	var with map[int]string
	var respelled map[string]bool
	for i := 0; i+1 < len(said); i++ {
		a, b := said[i], said[i+1]
		if vietnamese.IsStopword(a) || vietnamese.IsStopword(b) || timeWords[b] {
			continue
		}
		if ix.stats.titlePair(a+" "+b) || ix.dict != nil && ix.dict.HasPair(a+" "+b) {
			// A pair titles or the dictionary hold, with a syllable in a
			// tone no title spells it with: speech and phones slip on
			// tones ("sổ hổ khẩu" heard for "sổ hộ khẩu", "giấy tở"). The
			// syllable is read without its marks, as the pair is known.
			for _, k := range []int{i, i + 1} {
				if _, done := with[k]; done || !ix.toneSlip(typed[k], said[k]) {
					continue
				}
				if with == nil {
					with, respelled = make(map[int]string), make(map[string]bool)
				}
				with[k], respelled[said[k]] = said[k], true
			}
			continue
		}
		at, best, bestN := i+1, "", minRespell-1
		if ix.spelledAsTitles(typed[i+1], b) {
			// The slip may be the pair's first syllable instead: "chug
			// thuc", where no word before it makes a pair to mend it by.
			if _, done := with[i]; done || ix.spelledAsTitles(typed[i], a) {
				continue
			}
			// Only a syllable no Vietnamese one is spelled as: a sound-alike
			// of a real word before a title's word is as often a word of
			// its own ("mầm non thôn bên" is no "nông thôn").
			at = i
			if v := vietnamese.MendSyllable(a); v != "" && ix.stats.pairs[v+" "+b] > bestN {
				best = v
			}
		} else {
			for _, v := range soundAlikes(b) {
				if n := ix.stats.pairs[a+" "+v]; n > bestN {
					best, bestN = v, n
				}
			}
		}
		if best == "" {
			continue
		}
		if with == nil {
			with, respelled = make(map[int]string), make(map[string]bool)
		}
		with[at], respelled[best] = best, true
		said[at] = best
	}
	if with == nil {
		return text, nil
	}
	return vietnamese.ReplaceSyllables(text, with), respelled
}

// spelledAsTitles reports a syllable, typed and folded, that titles
// spell as the resident typed it, at least minRespell of them: no slip.
func (ix *Index) spelledAsTitles(typed, folded string) bool {
	if typed != folded {
		return ix.stats.spelled[typed] >= minRespell
	}
	return ix.stats.titled[folded] >= minRespell
}

// toneSlip reports a syllable typed with marks (typed) that titles
// hardly ever spell so, while they often spell its folded form another
// way: "hổ" where titles say "hộ", "tở" where they say "tờ".
func (ix *Index) toneSlip(typed, folded string) bool {
	return typed != folded && ix.stats.spelled[typed] < minRespell && ix.stats.titled[folded] >= minRespell
}
