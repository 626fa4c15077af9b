package chatbot

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// official reports whether d is the official word: a record imported from
// the national portal, a starter article, or a document the operator
// ingested on the server. An officer's upload through the admin pages or
// API (which always names its original file) is not: a notice that says
// "chuyển khoản vào tài khoản …" is the uploader's word only.
func official(d knowledge.Document) bool {
	return d.OriginalName == "" && d.OriginalPath == ""
}

// trust holds the phone and account numbers and the links that may reach
// a resident: those of the official records and of the commune's details.
type trust struct {
	numbers []string // digits of each long number
	words   string   // the trusted text folded, " "-padded, for links
}

func newTrust(text string) *trust {
	t := &trust{words: " " + strings.Join(vietnamese.Words(text), " ") + " "}
	for _, m := range longDigits.FindAllString(text, -1) {
		t.numbers = append(t.numbers, onlyDigits(m))
	}
	return t
}

// holds reports whether every long number and link of s is trusted. A
// link to a government site (".gov.vn") is the state's word wherever it
// is written.
func (t *trust) holds(s string) bool {
	for _, m := range longDigits.FindAllString(s, -1) {
		d, ok := onlyDigits(m), false
		for _, n := range t.numbers {
			if strings.Contains(n, d) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	for _, m := range linkClaim.FindAllString(s, -1) {
		m = strings.TrimRight(m, ".,;:!?")
		if govLink(m) {
			continue
		}
		if !strings.Contains(t.words, " "+strings.Join(vietnamese.Words(m), " ")+" ") {
			return false
		}
	}
	return true
}

// govLink reports a link to a host under gov.vn.
func govLink(link string) bool {
	if !strings.Contains(link, "://") {
		link = "http://" + link
	}
	u, err := url.Parse(link)
	if err != nil {
		return false
	}
	h := strings.ToLower(u.Hostname())
	return h == "gov.vn" || strings.HasSuffix(h, ".gov.vn")
}

func onlyDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// dropUntrusted removes from an uploaded document's text the sentences
// holding a number or a link that t does not hold, and reports whether it
// removed any.
func dropUntrusted(text string, t *trust) (string, bool) {
	if !strings.ContainsFunc(text, func(r rune) bool { return r >= '0' && r <= '9' || r == '/' || r == '.' }) {
		return text, false
	}
	return dropSentences(text, func(s string) bool { return !t.holds(s) })
}

// leftOut says which of screen's checks left sentences out.
type leftOut struct {
	untrusted    bool // a number or a link the trust does not hold
	addressed    bool // an order to the answering machine
	contradicted bool // a fee, a way to pay or a time the record does not hold
}

// screen returns the text of an upload without the sentences that may
// reach neither a resident nor the LLM: those holding a number or a link
// t does not hold, those that speak to the answering machine, and, when
// record is not nil, those that contradict the official record of the
// procedure the upload is about.
func screen(text string, t *trust, record *knowledge.Procedure) (string, leftOut) {
	var left leftOut
	text, left.untrusted = dropUntrusted(text, t)
	text, left.addressed = dropSentences(text, addressedToModel)
	if record != nil {
		text, left.contradicted = dropSentences(text, func(s string) bool { return contradicts(s, record) })
	}
	return text, left
}

// dropSentences removes from text the sentences that drop reports, keeping
// the lines, and reports whether it removed any.
func dropSentences(text string, drop func(sentence string) bool) (string, bool) {
	var b strings.Builder
	dropped := false
	for _, line := range strings.SplitAfter(text, "\n") {
		for line != "" {
			j := sentenceEnd(line, 0)
			if j < 0 {
				j = len(line)
			}
			if s := line[:j]; !drop(s) {
				b.WriteString(s)
			} else {
				dropped = true
				if strings.HasSuffix(s, "\n") {
					b.WriteByte('\n')
				}
			}
			line = line[j:]
		}
	}
	return b.String(), dropped
}

// uploadTitle is an uploaded document's title or heading as residents may
// see it: without the numbers and links t does not hold, and none at all
// (empty) when it speaks to the answering machine.
func uploadTitle(s string, t *trust) string {
	if addressedToModel(s) {
		return ""
	}
	return redactUntrusted(s, t)
}

// redactUntrusted replaces in an uploaded document's title or heading
// each number or link that t does not hold: the title is shown whole.
func redactUntrusted(s string, t *trust) string {
	if t.holds(s) {
		return s
	}
	for _, re := range []*regexp.Regexp{longDigits, linkClaim} {
		s = re.ReplaceAllStringFunc(s, func(m string) string {
			if t.holds(m) {
				return m
			}
			return "…"
		})
	}
	return s
}

// communeTrust is the trust of an answer that has no official record in
// it: the commune's details only.
func communeTrust(v view) *trust {
	if !v.office {
		return newTrust("")
	}
	return newTrust(contactLines(v.contact, v))
}
