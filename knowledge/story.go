package knowledge

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// A resident often tells what was already done before asking what comes
// next: "bố mẹ đã công chứng hợp đồng tặng cho mảnh đất, giờ đi đăng ký
// sang tên mất bao lâu". The procedure of the step already done (the
// certified contract) is not what is asked; the one after "giờ" is.

// pastMarkers are the words, as typed, that say a step is done; a word
// typed without diacritics may mean one of them.
var pastMarkers = map[string]bool{
	"đã": true, "da": true, "rồi": true, "roi": true, "xong": true,
	"vừa": true, "vua": true, "mới": true, "moi": true,
}

// notNowBefore are the words before "giờ" that make it an hour or "when"
// ("mấy giờ", "bao giờ", "đến giờ vẫn chưa") rather than "now".
var notNowBefore = map[string]bool{"bao": true, "mấy": true, "may": true, "đến": true, "den": true, "tới": true, "tiếng": true, "tieng": true, "nhiêu": true, "nhieu": true}

// notNowAfter are the words after "giờ" that make it an hour ("giờ làm
// việc", "giờ hành chính").
var notNowAfter = map[string]bool{"lam": true, "hanh": true, "mo": true, "dong": true, "sang": true, "chieu": true, "trua": true, "toi": true}

// nowAt returns the index in said (folded, typed as in typed) of the word
// that turns a story of what was done into what is asked now: the last
// "giờ" or "bây giờ" meaning "now" with a word saying a step is done
// before it (clause: which words open a clause, clauseStarts). 0 means
// the question tells no such story.
func nowAt(typed, said []string, clause []bool) int {
	for i := len(said) - 1; i > 0; i-- {
		if said[i] != "gio" || typed[i] != "giờ" && typed[i] != "gio" {
			continue
		}
		k := i
		if p := said[i-1]; p == "bay" || p == "hien" {
			k = i - 1
		} else if notNowBefore[typed[i-1]] || hour(p) {
			continue
		}
		// "giờ tối" is an hour, "giờ tôi muốn" is now, and so is "giờ
		// sang tên" however it is typed.
		if i+1 < len(said) && notNowAfter[said[i+1]] && typed[i+1] != "tôi" && !transfer(typed, said, i+1) {
			continue
		}
		for j, t := range typed[:k] {
			if done(typed, clause, j) || j > 0 && said[j-1] == "nam" && pastYear(t) || drawing(said, j) {
				return k
			}
		}
		return 0
	}
	return wantAt(typed, said, clause)
}

// done reports a word saying a step is done at j (pastMarkers); "mới"
// that ends a clause is "new", not "just": "mua chiếc xe máy Honda mới,
// xe lắp ráp trong nước" tells no step before what is asked; nor does an
// age ("3 tuổi rồi").
func done(typed []string, clause []bool, j int) bool {
	if !pastMarkers[typed[j]] {
		return false
	}
	if typed[j] == "mới" || typed[j] == "moi" {
		return j+1 < len(typed) && (j+1 >= len(clause) || !clause[j+1])
	}
	// "rồi" after an age says how old, not what was done: "con tôi năm
	// nay 3 tuổi rồi mà chưa làm giấy khai sinh".
	if (typed[j] == "rồi" || typed[j] == "roi") && j > 0 && (typed[j-1] == "tuổi" || typed[j-1] == "tuoi") {
		return false
	}
	return true
}

// wantAt returns the index of the first "muốn" (want) after a word saying
// a step is done, when no "giờ" turns the story: "cưới vợ xong muốn tách
// hộ khẩu ra riêng" asks about the household, not the marriage. Without
// one, what follows "xong rồi" is asked: "hợp đồng công chứng xong rồi,
// thời hạn khai thuế thu nhập cá nhân là bao nhiêu ngày". 0 for none.
func wantAt(typed, said []string, clause []bool) int {
	told := false
	for i := range typed {
		if said[i] == "muon" && told && i+1 < len(said) {
			return i
		}
		told = told || done(typed, clause, i) || drawing(said, i)
	}
	for i := 1; i+3 < len(said); i++ {
		if said[i] == "roi" && said[i-1] == "xong" {
			return i + 1
		}
	}
	return 0
}

// drawingWords are what a benefit already granted is drawn with, after
// "đang" (được): "bố tôi đang hưởng lương hưu hằng tháng, … con cái muốn
// lĩnh thay" tells the pension granted, as "đã" would, and asks what
// comes after it.
var drawingWords = map[string]bool{"huong": true, "nhan": true, "linh": true, "lanh": true}

// drawing reports a benefit said drawn already at j (drawingWords).
func drawing(said []string, j int) bool {
	if !drawingWords[said[j]] || j == 0 {
		return false
	}
	return said[j-1] == "dang" || j > 1 && said[j-1] == "duoc" && said[j-2] == "dang"
}

// transfer reports "sang tên" (transfer the title) at i, not "sáng"
// (morning).
func transfer(typed, said []string, i int) bool {
	return typed[i] == "sang" && i+1 < len(said) && said[i+1] == "ten"
}

// hour reports a word that can be the hour of "8 giờ": a number up to
// 24; "năm 2019, giờ …" is a year, and "giờ" after it is "now".
func hour(w string) bool {
	n, err := strconv.Atoi(w)
	return err == nil && n <= 24
}

// pastYear reports a year before this one: "kết hôn ở Hàn Quốc năm 2019"
// tells a step already done.
func pastYear(w string) bool {
	n, err := strconv.Atoi(w)
	return err == nil && n >= 1900 && n < time.Now().Year()
}

// wordSpan is a run of a question's words, said[from:to].
type wordSpan struct{ from, to int }

// noSpan is the empty span at the end of n words.
func noSpan(n int) wordSpan { return wordSpan{n, n} }

func (s wordSpan) empty() bool { return s.from == s.to }

// asked returns the words of s (said or typed) that ask: after the story
// (before now) and outside the purpose.
func asked(s []string, now int, purpose wordSpan) []string {
	return slices.Concat(s[now:purpose.from], s[purpose.to:])
}

// purposeAt returns the span of said (folded, typed as in typed) from
// the "để" after now that gives the procedure asked about its purpose,
// to the end of its clause (clause: which words open one): "cấp đổi sổ
// đỏ để còn thế chấp ngân hàng" asks for the exchange; the mortgage is
// why. Whether the words outside it name a procedure at all ("cần làm
// gì để được trợ cấp" asks about the allowance) is weighed against the
// results (namesProcedure). A purpose told before the question turns
// ("được giao khu vực biển để nuôi trồng thủy sản nhưng giờ không nuôi
// nữa, muốn trả lại") belongs to the story; the span is empty then.
func purposeAt(typed, said []string, clause []bool, now int) wordSpan {
	none := noSpan(len(said))
	for i := now + 1; i+1 < len(said); i++ {
		if said[i] != "de" || typed[i] != "để" && typed[i] != "de" {
			continue
		}
		// "để lại" leaves something behind ("bố mẹ để lại mảnh đất"),
		// "để trống" leaves a blank, "và để anh ấy nhận con" asks a second
		// thing; typed without diacritics, "de" may be "đề" ("đề nghị",
		// "vấn đề").
		if notPurpose[said[i+1]] || people[said[i+1]] || alsoAsked[said[i-1]] || typed[i] == "de" && (notPurposeAfter[said[i+1]] || notPurposeBefore[said[i-1]]) {
			continue
		}
		end := i + 1
		for end < len(said) && !clause[end] && !clauseWords[said[end]] {
			end++
		}
		for _, w := range said[end:] {
			if turnWords[w] {
				return none
			}
		}
		return wordSpan{i, end}
	}
	return none
}

// clauseWords open a clause after a purpose ("để xin việc thì cần gì");
// turnWords, after it, turn a story into what is asked.
var (
	clauseWords = map[string]bool{"thi": true, "nhung": true, "ma": true, "nen": true, "vi": true, "gio": true, "muon": true}
	turnWords   = map[string]bool{"nhung": true, "gio": true, "muon": true}
)

// clauseStarts returns, for each of the n words Said reads in text,
// whether a mark that ends a clause (",", ".", "?", ";", …) comes just
// before it.
func clauseStarts(text string, n int) []bool {
	out := make([]bool, n)
	at := 0
	for _, piece := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(",.;:?!…\n", r) }) {
		typed, _ := vietnamese.Said(piece)
		at += len(typed)
		if at < n {
			out[at] = true
		}
	}
	return out
}

// notPurpose are the words after "để" that make it "leave" or "mind"
// ("để lại", "để trống", "để ý"); people, those that make it "let"
// ("cả nhà thống nhất để tôi là chú ruột đứng ra làm người giám hộ";
// not "con", which unaccented may be "để còn");
// alsoAsked, those before it that join a second thing asked ("và để").
var (
	notPurpose = map[string]bool{"lai": true, "trong": true, "y": true, "danh": true}
	people     = map[string]bool{"toi": true, "minh": true, "em": true, "anh": true, "chi": true, "chau": true,
		"ong": true, "ba": true, "bo": true, "me": true, "vo": true, "chong": true, "nguoi": true, "no": true}
	alsoAsked = map[string]bool{"va": true, "hoac": true, "hay": true}
)

// notPurposeAfter and notPurposeBefore are the words after and before
// "de" that make it "đề": "đề nghị", "đề xuất", "vấn đề", "chủ đề".
var (
	notPurposeAfter  = map[string]bool{"nghi": true, "xuat": true, "an": true, "tai": true, "cap": true, "ra": true, "thi": true, "bat": true, "can": true}
	notPurposeBefore = map[string]bool{"van": true, "chu": true, "tieu": true, "huong": true, "menh": true}
)

// pastOnly returns the words said outside what is asked (the story
// before now, nowAt, and the purpose, purposeAt), and the words of the
// dictionary's phrases for them ("cưới vợ" → "kết hôn"), that what is
// asked does not say; nil when there is neither.
func (ix *Index) pastOnly(typed, said []string, now int, purpose wordSpan) map[string]bool {
	if now == 0 && purpose.empty() {
		return nil
	}
	past := make(map[string]bool)
	in := func(s []string) []string { return asked(s, now, purpose) }
	out := func(s []string) []string { return slices.Concat(s[:now], s[purpose.from:purpose.to]) }
	for _, w := range out(said) {
		past[w] = true
	}
	if ix.dict != nil {
		for _, x := range ix.dict.Expand(strings.Join(out(typed), " ")) {
			for _, w := range strings.Fields(x) {
				past[w] = true
			}
		}
		for _, x := range ix.dict.Expand(strings.Join(in(typed), " ")) {
			for _, w := range strings.Fields(x) {
				delete(past, w)
			}
		}
	}
	for _, w := range in(said) {
		delete(past, w)
	}
	return past
}
