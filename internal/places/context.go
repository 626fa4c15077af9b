package places

import (
	"slices"
	"strings"
)

// cues are folded word pairs that say a place is a former one.
var cues = map[string]bool{
	"truoc day": true, "truoc kia": true, "ngay truoc": true, "sap nhap": true, "sat nhap": true,
	"gio la": true, "gio thuoc": true, "nay la": true, "nay thuoc": true, "hop nhat": true, "nhap vao": true, "gop vao": true,
	"xa moi": true, "phuong moi": true, "xa nao": true, "phuong nao": true,
}

// weakCues say "now", which a question about a former place often does
// ("xã Tân Mỹ cũ, bây giờ thuộc xã nào") and any other question may
// ("bây giờ muốn nhận con …"): they make a name after a unit word former,
// and a bare one only right beside it ("Thanh Phú Long bây giờ ở đâu").
//
// "đổi tên" is as weak: a place renamed ("xã Tân Mỹ đổi tên thành gì")
// or a child ("muốn đổi tên cho con gái … có phải đóng lệ phí").
var weakCues = map[string]bool{"bay gio": true, "hien nay": true, "doi ten": true}

// thisIs reports a "nay là" at i that says "this is", not "now is":
// typed "này", or typed bare and not followed by a place ("phường …
// tháng nay là ngày nào" asks a date).
func thisIs(q *query, i int) bool {
	t := q.toks[i]
	if t.fold != "nay" && t.fold != "gio" {
		return false
	}
	if !t.ascii {
		return t.fold == "nay" && t.tone != "nay"
	}
	return !placeAfter[q.at(i+2)]
}

// placeAfter are the words that begin a place after "nay là", "giờ
// thuộc".
var placeAfter = map[string]bool{"xa": true, "phuong": true, "thi": true, "tt": true, "dac": true, "huyen": true, "tinh": true,
	"thanh": true, "tp": true, "thuoc": true, "p": true}

// unitWords end a unit prefix; the name after them is a commune's.
var unitWords = map[string]bool{"xa": true, "phuong": true, "tran": true, "khu": true}

// notOld are words that, after an unaccented "cu", mean it is not "cũ":
// "cu tru" (cư trú), "cu the" (cụ thể).
var notOld = map[string]bool{"tru": true, "dan": true, "ngu": true, "the": true, "chi": true, "ba": true, "ong": true}

// scanContext marks the words of district and province names and decides
// whether the question says the place is former: a cue word, a district
// (districts were abolished) or a province that no longer exists.
func (q *query) scanContext() {
	ix := &q.d.names
	for i := range q.toks {
		t := q.toks[i]
		next := q.at(i + 1)
		if t.fold == "cu" && (t.tone == "cu\u0303" || t.ascii && !notOld[next]) {
			q.olds = append(q.olds, i)
		}
		if cues[t.fold+" "+next] && !thisIs(q, i) {
			q.cue = true
		}
		if weakCues[t.fold+" "+next] {
			q.nows = append(q.nows, i)
		}
		n := q.contextAt(i)
		start := i + n
		if start >= len(q.toks) || n == 0 && i > 0 && unitWords[q.folds[i-1]] {
			continue
		}
		// The longest district or province name starting there.
		found, key := 0, ""
		for end := start + 1; end <= min(len(q.toks), start+6); end++ {
			k := q.span(start, end)
			if !ix.prefixes[k] {
				break
			}
			district := n > 0 && q.folds[i] != "tinh" && ix.formerDistricts[k]
			province := ix.currentProvinces[k] || ix.formerProvinces[k]
			if !district && !province || n == 0 && !province {
				continue
			}
			found, key = end, k
		}
		if found == 0 {
			continue
		}
		for k := start; k < found; k++ {
			q.covered[k] = true
		}
		if !ix.currentProvinces[key] { // a former district or province
			q.olds = append(q.olds, start)
		}
	}
}

// narrow keeps the candidates that best fit the districts and provinces
// named in the question, then the unit type and the tones typed.
func (q *query) narrow(m mention, fs []int) []int {
	best, keep := -1, []int(nil)
	for _, fi := range fs {
		s := q.placeScore(m, &q.d.formers[fi])
		switch {
		case s > best:
			best, keep = s, []int{fi}
		case s == best:
			keep = append(keep, fi)
		}
	}
	keep = filter(keep, func(fi int) bool { return q.d.formers[fi].Type == m.unit })
	keep = filter(keep, func(fi int) bool { return q.sameTones(m, &q.d.formers[fi]) })
	// In an accented question, a word typed without marks has no tone.
	keep = filter(keep, func(fi int) bool { return q.exactTones(m, &q.d.formers[fi]) })
	return keep
}

// filter keeps the elements that pass, unless none does.
func filter(fs []int, pass func(int) bool) []int {
	out := slices.DeleteFunc(slices.Clone(fs), func(fi int) bool { return !pass(fi) })
	if len(out) == 0 {
		return fs
	}
	return out
}

// placeScore rates how well the question's other words name f's former
// district, former province and new province.
func (q *query) placeScore(m mention, f *former) int {
	s := 0
	dist := strings.Fields(f.district)
	switch q.occurs(dist, m, false) {
	case 2:
		s += 4
	case 1:
		if len(dist) >= 2 {
			s += 2
		}
	}
	prov := strings.Fields(f.province)
	switch q.occurs(prov, m, true) {
	case 2:
		s += 2
	case 1:
		s++
	}
	for _, ci := range f.targets {
		if q.occurs(strings.Fields(fold(q.d.communes[ci].Province)), m, true) > 0 {
			s++
			break
		}
	}
	return s
}

// occurs returns 2 when the words occur outside the mention after a
// province word (province true) or a district word, 1 when they occur
// otherwise, 0 when not at all.
func (q *query) occurs(seq []string, m mention, province bool) int {
	best := 0
	if len(seq) == 0 {
		return 0
	}
	for i := 0; i+len(seq) <= len(q.folds); i++ {
		if i < m.end && i+len(seq) > m.start || !slices.Equal(q.folds[i:i+len(seq)], seq) {
			continue
		}
		if q.placeWordBefore(i, province) {
			return 2
		}
		best = 1
	}
	return best
}

// placeWordBefore reports whether a province word ("tỉnh", "thành phố") or a
// district word ("huyện", "quận", "thị xã", "thành phố") ends just before i.
func (q *query) placeWordBefore(i int, province bool) bool {
	w, w2 := q.at(i-1), q.at(i-2)+" "+q.at(i-1)
	switch {
	case w == "tp" || w2 == "thanh pho":
		return true
	case province:
		return w == "tinh"
	}
	return w == "huyen" || w == "quan" || w == "tx" || w2 == "thi xa"
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
