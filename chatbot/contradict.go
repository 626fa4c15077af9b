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

var (
	// freeClaim says nothing is to be paid.
	freeClaim = regexp.MustCompile(` (?:mien (?:le )?phi|khong (?:thu|mat|phai nop|phai tra|phai dong) (?:le )?phi|phi la 0|0 dong|khong dong|free|no fee) `)
	// payClaim tells residents to pay into an account ("tài khoản" alone
	// is also the VNeID account they log in with).
	payClaim = regexp.MustCompile(` (?:chuyen khoan|chuyen tien|(?:nop|dong|chuyen|gui|tra) (?:(?:tien|phi|le phi) )?vao tai khoan|so tai khoan|bank transfer|transfer (?:to|into)|account number) `)
	// onFee is what makes an amount in a sentence a fee.
	onFee = regexp.MustCompile(` (?:phi|le phi|fee|fees) `)
)

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
