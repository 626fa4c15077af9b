package chatbot

import (
	"strings"
)

// portalHome is the national portal, where a resident can search every
// procedure.
const portalHome = "https://dichvucong.gov.vn"

// notGrounded is the reply when no procedure answers the question: no
// guess, the commune office's contact, and the portal to search.
func (b *Bot) notGrounded(p *plan) string {
	v := view{lang: p.q.Lang}
	var s strings.Builder
	s.WriteString(v.word("Xin lỗi, tôi không tìm thấy thủ tục hành chính nào đúng với câu hỏi này nên không đoán.",
		"Sorry, I found no administrative procedure that answers this question, so I will not guess."))
	if c, ok := b.contact(p.q.Commune); ok {
		s.WriteString(" " + contactLines(c, v))
	} else {
		s.WriteString("\n")
	}
	s.WriteString(v.word("Tra cứu thủ tục: ", "Search procedures: ") + portalHome + "\n")
	return s.String()
}

func (b *Bot) contact(slug string) (Contact, bool) {
	if slug == "" || b.cfg.CommuneContact == nil {
		return Contact{}, false
	}
	return b.cfg.CommuneContact(slug)
}

// contactLines asks the resident to turn to the commune office, with what
// its details say, or that they are not filled in.
func contactLines(c Contact, v view) string {
	var s strings.Builder
	s.WriteString(v.word("Bạn hãy hỏi ", "Please ask ") + c.Name + ":\n")
	if c.Address != "" {
		s.WriteString(v.word("- Địa chỉ: ", "- Address: ") + c.Address + "\n")
	}
	if c.Hours != "" {
		s.WriteString(v.word("- Giờ làm việc: ", "- Opening hours: ") + c.Hours + "\n")
	}
	if c.Hotline != "" {
		s.WriteString(v.word("- Điện thoại: ", "- Phone: ") + c.Hotline + "\n")
	}
	if c.Address == "" && c.Hours == "" && c.Hotline == "" {
		s.WriteString(v.word("(xã chưa cập nhật địa chỉ, giờ làm việc và số điện thoại)\n", "(the commune has not filled in its address, hours and phone yet)\n"))
	}
	return s.String()
}
