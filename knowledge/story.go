package knowledge

import (
	"strconv"
	"strings"
	"time"
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
// before it. 0 means the question tells no such story.
func nowAt(typed, said []string) int {
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
			if pastMarkers[t] || j > 0 && said[j-1] == "nam" && pastYear(t) {
				return k
			}
		}
		return 0
	}
	return wantAt(typed, said)
}

// wantAt returns the index of the first "muốn" (want) after a word saying
// a step is done, when no "giờ" turns the story: "cưới vợ xong muốn tách
// hộ khẩu ra riêng" asks about the household, not the marriage. Without
// one, what follows "xong rồi" is asked: "hợp đồng công chứng xong rồi,
// thời hạn khai thuế thu nhập cá nhân là bao nhiêu ngày". 0 for none.
func wantAt(typed, said []string) int {
	done := false
	for i, t := range typed {
		if said[i] == "muon" && done && i+1 < len(said) {
			return i
		}
		done = done || pastMarkers[t]
	}
	for i := 1; i+3 < len(said); i++ {
		if said[i] == "roi" && said[i-1] == "xong" {
			return i + 1
		}
	}
	return 0
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

// pastOnly returns the words said in the story before now (nowAt), and
// the words of the dictionary's phrases for it ("cưới vợ" → "kết hôn"),
// that what is asked after it does not say; nil when there is no story.
func (ix *Index) pastOnly(typed, said []string, now int) map[string]bool {
	if now == 0 {
		return nil
	}
	past := make(map[string]bool)
	for _, w := range said[:now] {
		past[w] = true
	}
	if ix.dict != nil {
		for _, x := range ix.dict.Expand(strings.Join(typed[:now], " ")) {
			for _, w := range strings.Fields(x) {
				past[w] = true
			}
		}
		for _, x := range ix.dict.Expand(strings.Join(typed[now:], " ")) {
			for _, w := range strings.Fields(x) {
				delete(past, w)
			}
		}
	}
	for _, w := range said[now:] {
		delete(past, w)
	}
	return past
}
