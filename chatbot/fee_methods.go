package chatbot

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// feeOf reads the fee of every channel, in person first, and says it
// once when the channels agree.
func feeOf(p *knowledge.Procedure, today time.Time) string {
	return perChannel(p.Methods, func(m knowledge.Method) string { return methodFee(m, today) })
}

// methodFee reads a channel's fee together with the channel's
// description, where the portal often writes what the amount column
// leaves out: a lower rate in force today ("áp dụng mức phí 250.000
// đồng/hồ sơ kể từ ngày 01/7/2025 đến hết ngày 31/12/2026"), the tiers of
// the amount ("2.000 đồng/trang; từ trang thứ 3 trở lên thu 1.000
// đồng/trang, tối đa thu không quá 200.000 đồng/bản"), or where an amount
// in another currency applies ("Tại cơ quan đại diện: 10 USD/bản").
func methodFee(m knowledge.Method, today time.Time) string {
	r := readFee(m.Fee, today)
	note := strings.TrimSpace(m.Note)
	if note == "" || r.text == "" {
		return r.text
	}
	main := m.Fee
	if i := strings.IndexByte(main, '('); i >= 0 {
		main = strings.TrimSpace(main[:i])
	}
	base, ok := amountOf(main)
	if !ok {
		if strings.HasPrefix(note, "Tại ") && utf8.RuneCountInString(note) <= 60 && strings.Contains(note, ":") {
			return lowerFirst(strings.TrimRight(note, ".; "))
		}
		return r.text
	}
	if !strings.Contains(r.text, "mức áp dụng") && !strings.Contains(r.text, "giảm còn") {
		if red, ok := reduced(main, note, today); ok {
			if low, ok := amountOf(red); ok && low < base {
				return red
			}
		}
	}
	for _, sentence := range strings.FieldsFunc(note, func(r rune) bool { return r == '\n' }) {
		for _, seg := range strings.Split(sentence, ". ") {
			if window.MatchString(seg) {
				continue
			}
			loc := moneyRe.FindAllStringIndex(seg, -1)
			if len(loc) < 2 {
				continue
			}
			start, other := -1, false
			for _, l := range loc {
				a, ok := amountOf(seg[l[0]:l[1]])
				switch {
				case ok && a == base && start < 0:
					start = l[0]
				case ok && a != base:
					other = true
				}
			}
			if start < 0 || !other {
				continue
			}
			if strings.HasPrefix(seg, "Tại ") && start < 100 {
				start = 0
			}
			return lowerFirst(clip(strings.TrimRight(seg[start:], ".; "), 200))
		}
	}
	return r.text
}

// perChannel writes a value per submission channel: in person, online,
// then by post (left out when another channel says the same or has a
// value), once when all agree.
func perChannel(methods []knowledge.Method, value func(knowledge.Method) string) string {
	type cv struct{ channel, v string }
	var vals []cv
	for _, order := range []string{"trực tiếp", "trực tuyến", "bưu chính", ""} {
		for _, m := range methods {
			c := strings.ToLower(m.Channel)
			if order != "" && !strings.Contains(c, order) || order == "" && (strings.Contains(c, "trực tiếp") || strings.Contains(c, "trực tuyến") || strings.Contains(c, "bưu chính")) {
				continue
			}
			if v := value(m); v != "" {
				vals = append(vals, cv{c, v})
			}
		}
	}
	if len(vals) == 0 {
		return ""
	}
	same := true
	for _, x := range vals[1:] {
		if x.v != vals[0].v && !strings.Contains(x.channel, "bưu chính") {
			same = false
		}
	}
	if same {
		return vals[0].v
	}
	oneChannel := true // values that differ by case, not by channel
	for _, x := range vals[1:] {
		if x.channel != vals[0].channel {
			oneChannel = false
		}
	}
	// sets is each channel's values but the post's, which follows another.
	sets := make(map[string][]string)
	for _, x := range vals {
		if !strings.Contains(x.channel, "bưu chính") && !slices.Contains(sets[x.channel], x.v) {
			sets[x.channel] = append(sets[x.channel], x.v)
		}
	}
	sameSets := len(sets) > 1
	for _, vs := range sets {
		sameSets = sameSets && len(vs) == len(sets[vals[0].channel])
		for _, v := range vs {
			sameSets = sameSets && slices.Contains(sets[vals[0].channel], v)
		}
	}
	if !oneChannel && sameSets {
		// Every channel has the same values, one per case: say each once.
		return strings.Join(sets[vals[0].channel], "; ")
	}
	var parts []string
	for _, x := range vals {
		if strings.Contains(x.channel, "bưu chính") && len(parts) > 0 {
			continue
		}
		if oneChannel {
			parts = append(parts, x.v)
			continue
		}
		parts = append(parts, x.channel+": "+x.v)
	}
	return strings.Join(parts, "; ")
}

// feeAsked is feeOf for a question about the fee: where a channel's fee
// prices kinds one by one ("+ Đối với thi sát hạch lái xe các hạng xe
// A1, A, B1: …; + Đối với thi sát hạch lái xe ô tô (hạng xe B, C1 …):
// …") and the question names some kinds and not others, the kinds it
// does not name are left out, so that the asked kind's amounts and the
// fees after them are said.
func feeAsked(p *knowledge.Procedure, question string, today time.Time) string {
	q := foldedWords(question)
	return perChannel(p.Methods, func(m knowledge.Method) string {
		m.Fee = tiersAsked(m.Fee, q)
		return methodFee(m, today)
	})
}

// feeTier opens a kind's price in a fee: "+ Đối với … hạng xe A1, A,
// B1:".
var feeTier = regexp.MustCompile(`\+\s*Đối với ([^:;+]{3,200}):`)

// tiersAsked returns a fee cell without the priced kinds that the
// question (folded words) does not name, when it names some: a kind is
// named by a word of its heading, or two words side by side ("ô tô"),
// that another kind's heading does not hold.
func tiersAsked(cell, question string) string {
	locs := feeTier.FindAllStringSubmatchIndex(cell, -1)
	if len(locs) < 2 {
		return cell
	}
	heads := make([]string, len(locs))
	for i, l := range locs {
		heads[i] = foldedWords(cell[l[2]:l[3]])
	}
	named := make([]bool, len(locs))
	some := 0
	for i, h := range heads {
		ws := strings.Fields(h)
		var keys []string
		for j, w := range ws {
			if len(w) > 1 && !vietnamese.IsStopword(w) && !genericWords[w] && !intentWords[w] {
				keys = append(keys, w)
			}
			if j+1 < len(ws) {
				keys = append(keys, w+" "+ws[j+1])
			}
		}
		for _, k := range keys {
			k = " " + k + " "
			if !strings.Contains(question, k) {
				continue
			}
			in := 0
			for _, o := range heads {
				if strings.Contains(o, k) {
					in++
				}
			}
			if in < len(heads) {
				named[i] = true
				some++
				break
			}
		}
	}
	if some == 0 || some == len(heads) {
		return cell
	}
	var b strings.Builder
	last := 0
	for i, l := range locs {
		// A kind's price runs to the next kind, list item or clause.
		end := len(cell)
		if j := strings.IndexAny(cell[l[1]:], ";+"); j >= 0 {
			end = l[1] + j
		}
		if j := strings.Index(cell[l[1]:end], " - "); j >= 0 {
			end = l[1] + j
		}
		if end < len(cell) && cell[end] == ';' {
			end++
		}
		if !named[i] {
			b.WriteString(cell[last:l[0]])
			last = end
		}
	}
	b.WriteString(cell[last:])
	return b.String()
}
