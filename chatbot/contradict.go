package chatbot

import (
	"context"
	"regexp"
	"slices"
	"strings"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/portal"
	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// procedureCode finds a procedure code of the national portal ("1.000894").
var procedureCode = regexp.MustCompile(`(?:^|[^\d.])(\d\.\d{6})(?:[^\d.]|\.(?:\D|$)|$)`)

// namedRecord returns the official record of the first procedure code an
// uploaded article names, if the knowledge base has it: the record a
// notice about that procedure may not contradict.
func namedRecord(ctx context.Context, kb Knowledge, d knowledge.Document) *knowledge.Procedure {
	if official(d) || d.Procedure != nil {
		return nil
	}
	texts := []string{d.Title, d.Body}
	for _, p := range d.Passages {
		texts = append(texts, p.Heading, p.Text)
	}
	for _, t := range texts {
		m := procedureCode.FindStringSubmatch(t)
		if m == nil {
			continue
		}
		r, err := kb.Document(ctx, portal.IDPrefix+m[1])
		if err != nil || r.Procedure == nil || !official(r) {
			return nil
		}
		return r.Procedure
	}
	return nil
}

// maxRecordSearch bounds the records read to find the one an upload
// that names no code is about.
const maxRecordSearch = 5

// recordOf returns the official record an uploaded article must agree
// with: the one whose code it names, or else the one whose title (or a
// name residents use for it) the article's text holds, among the records
// found for the question (hits) and then for the article's own title. An
// official document, or an upload about no official procedure, has none.
func recordOf(ctx context.Context, kb Knowledge, d knowledge.Document, hits []knowledge.Hit) *knowledge.Procedure {
	if official(d) || d.Procedure != nil {
		return nil
	}
	if r := namedRecord(ctx, kb, d); r != nil {
		return r
	}
	text := uploadWords(d)
	if r := titledRecord(ctx, kb, text, hits); r != nil {
		return r
	}
	found, err := kb.Search(ctx, knowledge.Query{Text: d.Title, Limit: maxRecordSearch})
	if err != nil {
		return nil
	}
	return titledRecord(ctx, kb, text, found)
}

// titledRecord returns the first official record among hits whose title
// or residents' name is in text (folded, " "-padded).
func titledRecord(ctx context.Context, kb Knowledge, text string, hits []knowledge.Hit) *knowledge.Procedure {
	for i, h := range hits {
		if i == maxRecordSearch {
			break
		}
		if h.Kind != knowledge.KindProcedure {
			continue
		}
		r, err := kb.Document(ctx, h.DocID)
		if err != nil || r.Procedure == nil || !official(r) {
			continue
		}
		for _, name := range append([]string{r.Procedure.Title, r.Title}, r.Procedure.Names...) {
			if w := recordName(name); w != "" && strings.Contains(text, w) {
				return r.Procedure
			}
		}
	}
	return nil
}

// recordName is a record's title folded, without the "Thủ tục" every
// portal title starts with, " "-padded; "" when too short to tell one
// procedure from another.
func recordName(title string) string {
	w := strings.TrimPrefix(fold(title), " thu tuc ")
	if !strings.HasPrefix(w, " ") {
		w = " " + w
	}
	if strings.Count(w, " ") < 3 { // fewer than two words
		return ""
	}
	return w
}

// uploadWords is an uploaded article's title, headings and text, folded.
func uploadWords(d knowledge.Document) string {
	texts := []string{d.Title}
	if len(d.Passages) == 0 {
		texts = append(texts, d.Body)
	}
	for _, p := range d.Passages {
		texts = append(texts, p.Heading, p.Text)
	}
	return fold(strings.Join(texts, "\n"))
}

var (
	// freeClaim says nothing is to be paid.
	freeClaim = regexp.MustCompile(` (?:mien (?:le )?phi|khong (?:thu|mat|phai nop|phai tra|phai dong) (?:le )?phi|phi la 0|0 dong|khong dong|free|no fee) `)
	// payClaim tells residents to pay into an account ("tài khoản" alone
	// is also the VNeID account they log in with).
	payClaim = regexp.MustCompile(` (?:chuyen khoan|chuyen tien|(?:nop|dong|chuyen|gui|tra) (?:(?:tien|phi|le phi) )?vao tai khoan|so tai khoan|bank transfer|transfer (?:to|into)|account number) `)
	// onFee is what makes an amount in a sentence a fee.
	onFee = regexp.MustCompile(` (?:phi|le phi|fee|fees) `)
	// onTime is what makes a duration in a sentence the time the office
	// takes ("thời hạn giải quyết", "trả kết quả trong"), not a deadline
	// of the notice's own ("hạn chót nộp hồ sơ ngày 15 tháng 12").
	onTime = regexp.MustCompile(` (?:thoi (?:han|gian) giai quyet|giai quyet (?:trong|trong vong|sau|mat|la)|(?:tra|co|nhan) ket qua (?:trong|sau|sau khi|la)|processing time|processed (?:in|within)) `)
)

// contradicts reports whether s, a sentence of an upload about the
// procedure of the official record p, gives a fee, a way to pay or a
// processing time that p does not hold.
func contradicts(s string, p *knowledge.Procedure) bool {
	return contradictsFee(s, p) || contradictsTime(s, p)
}

// contradictsTime reports whether s gives the office's processing time as
// a duration that the record p does not have ("trả kết quả trong 30 ngày"
// for a procedure done in 3). A record that states no time is not
// contradicted.
func contradictsTime(s string, p *knowledge.Procedure) bool {
	if !onTime.MatchString(fold(s)) {
		return false
	}
	times := []string{p.Time}
	for _, m := range p.Methods {
		times = append(times, m.Time, m.Note)
	}
	held := durations(strings.Join(times, "\n"))
	if len(held) == 0 {
		return false
	}
	for _, q := range durations(s) {
		if !slices.Contains(held, q) {
			return true
		}
	}
	return false
}

// durations are the durations of text as quantities gives them, without
// leading zeros ("05 ngày" and "5 ngày" are one time).
func durations(text string) []string {
	var out []string
	for _, q := range quantities(text) {
		if !strings.HasSuffix(q, " dong") {
			out = append(out, strings.TrimLeft(q, "0"))
		}
	}
	return out
}

// contradictsFee reports whether s claims a fee or a way to pay that the
// official record p does not hold: "lệ phí 0 đồng" for a procedure that
// costs 8.000 đồng, an amount the record does not have, or "chuyển khoản
// vào tài khoản …" when the record says nothing of a transfer.
func contradictsFee(s string, p *knowledge.Procedure) bool {
	words := " " + strings.Join(vietnamese.Words(s), " ") + " "
	fee := []string{p.Fee}
	for _, m := range p.Methods {
		fee = append(fee, m.Fee, m.Note)
	}
	record := " " + strings.Join(vietnamese.Words(strings.Join(fee, "\n")), " ") + " "
	if payClaim.MatchString(words) {
		if !payClaim.MatchString(record + " " + strings.Join(vietnamese.Words(p.Note), " ") + " ") {
			return true
		}
	}
	if !onFee.MatchString(words) {
		return false
	}
	amounts := slices.DeleteFunc(quantities(s), func(q string) bool { return !strings.HasSuffix(q, " dong") })
	held := quantities(strings.Join(fee, "\n"))
	// The record allows "free" when it names no amount or an exemption
	// ("miễn lệ phí" for some residents).
	free := freeClaim.MatchString(record) || !slices.ContainsFunc(held, func(q string) bool { return q != "0 dong" && strings.HasSuffix(q, " dong") })
	if freeClaim.MatchString(words) && !free {
		return true
	}
	for _, a := range amounts {
		if a == "0 dong" {
			if !free {
				return true
			}
			continue
		}
		if !slices.Contains(held, a) {
			return true
		}
	}
	return false
}
