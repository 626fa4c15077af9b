package chatbot

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hoidap/hoidap/internal/places"
	"github.com/hoidap/hoidap/knowledge"
)

// placesID is the source id of answers from the places directory.
const placesID = "places"

// maxUncuedPlaceWords is the most words of a question that names a former
// unit without saying it is former and is still asked about the unit
// ("xã Thanh Phú Long nộp hồ sơ ở đâu").
const maxUncuedPlaceWords = 10

// answerPlace answers a question that names a former commune: where it
// went since 1 July 2025. It reports whether it answered.
// With an LLM the same facts are its only source, as for a procedure.
func (b *Bot) answerPlace(ctx context.Context, p *plan, done *Done, out func(Event) error) (bool, error) {
	if b.cfg.Places == nil || p.grounding.blocked {
		return false, nil
	}
	res := b.cfg.Places.Resolve(p.q.Text)
	if !res.Found || len(res.Candidates) == 0 {
		return false, nil
	}
	// A long question that names a former commune without saying it is
	// former tells where the resident lives and asks something else ("em
	// ở xã biên giới, muốn cưới cô gái người Lào thì cần giấy tờ gì").
	if !res.Cued && len(strings.Fields(p.q.Text)) > maxUncuedPlaceWords {
		return false, nil
	}
	// So does a long one that says the commune is former and asks a
	// procedure's papers, fee or time, not where to go ("nhà em ở xã mới
	// sáp nhập (trước là xã Tân Phú thuộc huyện cũ). Giờ đi làm giấy khai
	// sinh cho bé thì cần mang những giấy tờ gì"): the papers are the
	// same in any commune.
	if len(strings.Fields(p.q.Text)) > maxUncuedPlaceWords &&
		!slices.ContainsFunc(detectIntents(intentPadded(p.q.Text, p.padded)), func(in intent) bool { return in == intentSubmit || in == intentGeneral }) {
		return false, nil
	}
	var s strings.Builder
	if res.Ambiguous {
		s.WriteString("Có nhiều đơn vị cũ cùng tên. Bạn ở đơn vị nào?\n")
		for _, c := range res.Candidates {
			fmt.Fprintf(&s, "- %s, %s, %s → nay là %s\n", c.Former.FullName, c.Former.District, c.Former.Province, newNames(c.New))
		}
		s.WriteString("Bạn hãy hỏi lại kèm tên huyện cũ hoặc tỉnh.\n")
	} else {
		c := res.Candidates[0]
		fmt.Fprintf(&s, "%s (%s, %s cũ) từ ngày 1/7/2025 ", c.Former.FullName, c.Former.District, c.Former.Province)
		if len(c.New) > 1 {
			s.WriteString("được chia về các đơn vị mới:\n")
		} else {
			s.WriteString("thuộc:\n")
		}
		for _, n := range c.New {
			fmt.Fprintf(&s, "- %s, %s — trang hỏi đáp: /x/%s\n", n.FullName, n.Province, n.Slug)
			if ct, ok := b.contact(n.Slug); ok {
				if ct.Address != "" {
					fmt.Fprintf(&s, "  Trung tâm phục vụ hành chính công: %s\n", ct.Address)
				}
				if ct.Hours != "" {
					fmt.Fprintf(&s, "  Giờ làm việc: %s\n", ct.Hours)
				}
			}
		}
		s.WriteString("Hồ sơ nộp tại Trung tâm phục vụ hành chính công của xã, phường mới, hoặc trực tuyến trên Cổng Dịch vụ công quốc gia.\n")
	}
	src := Source{N: 1, ID: placesID, Title: "Danh mục đơn vị hành chính sau sắp xếp (từ 1/7/2025)", Section: knowledge.SectionOverview}
	if err := out(Event{Kind: EventSource, Source: &src}); err != nil {
		return true, err
	}
	facts := s.String()
	if res.Ambiguous {
		// A question back needs no rewording.
		return true, emitLines(facts, out)
	}
	doc := knowledge.Document{ID: src.ID, Kind: knowledge.KindArticle, Title: src.Title,
		Passages: []knowledge.Passage{{ID: src.ID, DocID: src.ID, Section: src.Section, Heading: "Đơn vị hành chính mới", Text: facts}}}
	p.docs, p.hits = []knowledge.Document{doc}, []knowledge.Hit{{DocID: src.ID, PassageID: src.ID, Kind: doc.Kind, Title: doc.Title, Section: src.Section}}
	p.intents = []intent{intentGeneral}
	return true, b.speak(ctx, p, done, facts, out)
}

func newNames(cs []places.Commune) string {
	var names []string
	for _, c := range cs {
		names = append(names, c.FullName+" ("+c.Province+")")
	}
	return strings.Join(names, ", ")
}
