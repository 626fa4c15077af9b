package chatbot

import (
	"context"
	"regexp"
	"slices"
	"strings"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// joiner splits a question that asks two things: "làm khai sinh và nhập
// hộ khẩu cho con", "căn cước, tạm trú", "làm giấy khai sinh có làm luôn
// thẻ bảo hiểm y tế".
var joiner = regexp.MustCompile(`(?i)\s+(?:và|va|với|voi|kèm|kem|cùng với|đồng thời|dong thoi|(?:có\s+|co\s+)?(?:làm|lam)\s+(?:luôn|luon))\s+`)

// withSomeone is what follows a "với" that says with whom, not a second
// thing asked: "chung hộ khẩu với bố mẹ", "sống với ông bà". Typed
// without marks, only words no paper shares: "voi ho khau" is "hộ
// khẩu", not "họ". The word ends at a space or a stop, not at \b, which
// sees no word in "bố" or "mẹ".
var withSomeone = regexp.MustCompile(`^(?:ông|bà|bố|mẹ|má|cha|vợ|chồng|con|cháu|anh|chị|em|cô|chú|bác|dì|cậu|thím|mợ|người|gia đình|nhà nước|họ hàng|hàng xóm|bạn|ong ba|bo me|cha me|vo chong|ong|chong|chau|nguoi|gia dinh|nha nuoc|hang xom)(?:[\s,.;:!?)]|$)`)

// joinerAt is where the joiner that splits a question sits, or nil: a
// "với" that says with whom ("tách hộ khỏi hộ chung với bố mẹ") joins
// no second thing asked.
func joinerAt(q string) []int {
	for _, loc := range joiner.FindAllStringIndex(q, -1) {
		w := strings.ToLower(strings.TrimSpace(q[loc[0]:loc[1]]))
		if (w == "với" || w == "voi" || w == "cùng với") && withSomeone.MatchString(strings.ToLower(q[loc[1]:])) {
			continue
		}
		return loc
	}
	return nil
}

// fillerNamed are words a residents' name may share with a question
// without saying what the procedure is ("làm một lần … cho bé", "giấy"
// of "giấy khai sinh", "con" of "cho con").
var fillerNamed = map[string]bool{"mot": true, "lan": true, "luc": true, "cung": true, "nay": true, "moi": true, "hai": true,
	"giay": true, "con": true}

// maxSideWords bounds each side of a two-procedure question: a long story
// joined by "và" is one question.
const maxSideWords = 10

// bothAsked finds the two procedures a question joining two things asks
// about: each side of its joiner answered on its own by its own
// procedure, in the order asked, and true. A procedure the whole
// question found first that names both sides' words answers alone (nil),
// and so does a linked one found further down that names them: it comes
// back alone, and false.
func (b *Bot) bothAsked(ctx context.Context, p *plan, hits []knowledge.Hit) ([]knowledge.Hit, bool) {
	loc := joinerAt(p.q.Text)
	if loc == nil || len(hits) == 0 {
		return nil, false
	}
	// Both asked at once ("… làm giấy khai sinh và thẻ bảo hiểm y tế cho
	// bé luôn một lần ở xã thì tối đa mất bao lâu, có tốn tiền không")
	// may say more on each side.
	together := togetherAsked.MatchString(p.padded)
	maxWords := maxSideWords
	if together {
		maxWords *= 2
	}
	var tops []knowledge.Hit
	for _, part := range []string{p.q.Text[:loc[0]], p.q.Text[loc[1]:]} {
		if together {
			// "… luôn một lần" says when, not what: "hưởng bảo hiểm xã
			// hội một lần" is no side of it.
			part = withoutTogether(part)
		}
		// A side that only asks ("… mất bao lâu và lệ phí bao nhiêu")
		// names no procedure of its own.
		words := vietnamese.ContentWords(part)
		if n := len(words); n < 2 || n > maxWords || !topical(words) {
			return nil, false
		}
		hs, err := b.cfg.Knowledge.Search(ctx, knowledge.Query{Text: part, Commune: p.q.Commune, Limit: 1})
		if err != nil || len(hs) == 0 || !Grounded(part, hs) {
			return nil, false
		}
		tops = append(tops, hs[0])
	}
	if tops[0].DocID == tops[1].DocID || hits[0].DocID != tops[0].DocID && hits[0].DocID != tops[1].DocID && hits[0].Topical && !(together && linked(hits[0].Title)) {
		return nil, false
	}
	names := func(h knowledge.Hit, of ...knowledge.Hit) bool {
		for _, o := range of {
			if o.DocID == h.DocID {
				continue
			}
			for _, w := range o.Named {
				if len(w) > 2 && !genericWords[w] && !fillerNamed[w] && !slices.Contains(h.Named, w) {
					return false
				}
			}
		}
		return true
	}
	first := names(hits[0], tops...)
	if first && !(together && linked(hits[0].Title)) {
		return nil, false
	}
	// Both asked at once ("làm giấy khai sinh và nhập hộ khẩu cho con
	// luôn một lần") is the linked procedure, found further down, that
	// names both: it answers alone, and of several the one that links
	// the fewest other procedures, also when the whole question found
	// another link first (birth with residence and the card, for birth
	// with the card).
	if together {
		var best *knowledge.Hit
		// A link the whole question found first answers it unless a
		// shorter one names both sides: "làm 1 lần cả khai sinh, nhập hộ
		// khẩu và thẻ bhyt" is the birth linked with residence and the
		// card, though the card's side alone found its re-issue.
		if first || linked(hits[0].Title) && p.grounding.grounded(hits[:1]) {
			best = &hits[0]
		}
		for i, h := range hits[1:] {
			// Against a link found first, one that names all it names:
			// "khai sinh, nhập hộ khẩu và thẻ bảo hiểm y tế" keeps the
			// link with residence.
			// Nor is a link the one found first qualifies ("… nhận cha, mẹ,
			// con có yếu tố nước ngoài" for a father from Korea) shorter
			// by what the whole question chose it for.
			if f := fold(h.Title); len(fold(hits[0].Title)) > len(f) && strings.HasPrefix(fold(hits[0].Title), f) {
				continue
			}
			if linked(h.Title) && names(h, tops...) && (!first || names(h, hits[0])) && p.grounding.grounded([]knowledge.Hit{h}) &&
				(best == nil || len(strings.Fields(h.Title)) < len(strings.Fields(best.Title))) {
				best = &hits[1+i]
			}
		}
		switch {
		case best == nil:
		case best.DocID == hits[0].DocID:
			return nil, false
		default:
			return []knowledge.Hit{*best}, false
		}
	}
	return tops, true
}

// togetherAsked is a question (folded, padded) that wants two procedures
// done at once.
var togetherAsked = regexp.MustCompile(` (cung luc|mot lan|1 lan|luon|dong thoi|lien thong|mot the|cung mot luc|gop) `)

// togetherWords are the folded words, one or more in a row, by which a
// question wants things done at once (togetherAsked).
var togetherWords = [][]string{{"cung", "mot", "luc"}, {"cung", "luc"}, {"mot", "lan"}, {"1", "lan"}, {"luon"}, {"dong", "thoi"}}

// withoutTogether returns a side of a question without the words that
// want it done at once with the other.
func withoutTogether(part string) string {
	fields := strings.Fields(part)
	var kept []string
	for i := 0; i < len(fields); i++ {
		n := 0
		for _, tw := range togetherWords {
			if i+len(tw) <= len(fields) && slices.EqualFunc(fields[i:i+len(tw)], tw, func(f, w string) bool { return fold(f) == " "+w+" " }) {
				n = len(tw)
				break
			}
		}
		if n > 0 {
			i += n - 1
			continue
		}
		kept = append(kept, fields[i])
	}
	return strings.Join(kept, " ")
}

// linked reports a title of procedures done together: "Liên thông thủ
// tục hành chính về đăng ký khai sinh, đăng ký thường trú, …", "Đăng ký
// khai sinh kết hợp đăng ký nhận cha, mẹ, con".
func linked(title string) bool {
	f := fold(title)
	return strings.Contains(f, " lien thong ") || strings.Contains(f, " ket hop ")
}

func lastTopic(ts []turn) *turn {
	for i := len(ts) - 1; i >= 0; i-- {
		if ts[i].DocID != "" {
			return &ts[i]
		}
	}
	return nil
}
