package chatbot

import (
	"context"
	"strings"

	"github.com/hoidap/hoidap/knowledge"
)

// officeID starts the source id of answers from a commune office's own
// details: "office:" and the commune's slug.
const officeID = "office:"

// What a resident asks of the office itself, in folded words: its
// opening hours, its phone, where it is.
var (
	officeSubjects = []string{"xa", "phuong", "uy ban", "ubnd", "trung tam", "mot cua", "bo phan tiep nhan",
		"dac khu", "tru so", "van phong", "co quan", "can bo"}
	hoursCues   = []string{"gio lam viec", "may gio", "gio nao", "mo cua", "dong cua", "lam viec", "thu bay", "thu 7", "t7", "chu nhat", "ngay le", "nghi trua", "buoi sang", "buoi chieu", "sang thu", "gio hanh chinh"}
	phoneCues   = []string{"so dien thoai", "dien thoai", "sdt", "so dt", "hotline", "duong day nong", "goi cho", "lien he", "lien lac", "zalo"}
	addressCues = []string{"dia chi", "o dau", "cho nao", "duong nao", "ban do", "chi duong", "nam o", "vi tri", "tru so"}
)

// officeAsk is what an office question asks: hours, phone, address.
type officeAsk struct{ hours, phone, address bool }

func (a officeAsk) any() bool { return a.hours || a.phone || a.address }

// detectOffice reads a question about the commune office itself ("ủy
// ban xã làm việc mấy giờ", "số điện thoại xã", "thứ bảy có làm việc
// không"): it names the office and asks its hours, phone or address, and
// names no procedure (a question's other words are few).
func detectOffice(padded string) officeAsk {
	has := func(cues []string) bool {
		for _, c := range cues {
			if strings.Contains(padded, " "+c+" ") {
				return true
			}
		}
		return false
	}
	var a officeAsk
	if !has(officeSubjects) {
		return a
	}
	a.hours, a.phone, a.address = has(hoursCues), has(phoneCues), has(addressCues)
	return a
}

// officeWords are the words an office question is made of; a question
// with more than a couple of others is about something else ("xã có làm
// căn cước vào thứ bảy không").
var officeWords = func() map[string]bool {
	m := map[string]bool{}
	for _, list := range [][]string{officeSubjects, hoursCues, phoneCues, addressCues} {
		for _, c := range list {
			for _, w := range strings.Fields(c) {
				m[w] = true
			}
		}
	}
	for _, w := range []string{"minh", "toi", "nay", "cua", "co", "khong", "ko", "k", "vay", "a", "oi", "nhe", "hom", "mai",
		"bao", "nhieu", "gi", "va", "hay", "den", "di", "nop", "ho", "so", "gio", "sang", "chieu", "toi", "ngay",
		"nhan", "tiep", "dan", "cong", "dich", "vu", "hanh", "chinh", "phuc", "nhe", "roi", "duoc", "khi", "nao", "moi", "sap", "nhap", "vua"} {
		m[w] = true
	}
	return m
}()

// answerOffice answers a question about the commune office from the
// details the commune keeps (address, hours, phone, map link), cited as
// such; a commune without them is told so, not grounded. It reports
// whether it answered.
func (b *Bot) answerOffice(ctx context.Context, p *plan, done *Done, out func(Event) error) (bool, error) {
	if p.grounding.blocked || p.q.Commune == "" {
		return false, nil
	}
	ask := detectOffice(p.padded)
	if !ask.any() {
		return false, nil
	}
	other := 0
	for _, w := range strings.Fields(p.padded) {
		if !officeWords[w] && len(w) > 1 {
			other++
		}
	}
	if other > 2 {
		return false, nil
	}
	c, ok := b.contact(p.q.Commune)
	if !ok {
		return false, nil
	}
	v := view{lang: p.q.Lang}
	var s strings.Builder
	if c.Address == "" && c.Hours == "" && c.Hotline == "" {
		s.WriteString(v.word("Xã chưa cập nhật địa chỉ, giờ làm việc và số điện thoại của "+c.Name+" trên trang này, nên tôi không trả lời để tránh nói sai. Bạn có thể xem thông tin niêm yết tại trụ sở xã hoặc tra cứu trên Cổng Dịch vụ công: "+portalHome+"\n",
			"The commune has not filled in the address, hours and phone of "+c.Name+" here yet, so I will not guess. See the notice at the commune office or the National Public Service Portal: "+portalHome+"\n"))
		return true, emitLines(s.String(), out)
	}
	all := !ask.hours && !ask.phone && !ask.address
	s.WriteString(v.word("Theo thông tin xã cập nhật, ", "According to the commune's own details, ") + c.Name)
	if c.Province != "" {
		s.WriteString(", " + c.Province)
	}
	s.WriteString(":\n")
	line := func(asked bool, label, value, missing string) {
		switch {
		case !asked && !all:
		case value != "":
			s.WriteString("- " + label + ": " + value + "\n")
		default:
			s.WriteString("- " + label + ": " + missing + "\n")
		}
	}
	notYet := v.word("xã chưa cập nhật", "not filled in yet")
	line(ask.hours, v.word("Giờ làm việc", "Opening hours"), c.Hours, notYet)
	line(ask.address, v.word("Địa chỉ", "Address"), c.Address, notYet)
	if (ask.address || all) && c.MapURL != "" {
		s.WriteString("- " + v.word("Bản đồ", "Map") + ": " + c.MapURL + "\n")
	}
	line(ask.phone, v.word("Điện thoại", "Phone"), c.Hotline, notYet)
	if ask.hours && c.Hours != "" {
		s.WriteString(v.word("Ngày lễ, Tết và lịch thay đổi: xem thông báo của xã.\n", "Public holidays and changes: see the commune's notices.\n"))
	}
	src := Source{N: 1, ID: officeID + p.q.Commune, DocID: officeID + p.q.Commune,
		Title: v.word("Thông tin của ", "Details of ") + c.Name, Section: "office", URL: c.MapURL}
	if err := out(Event{Kind: EventSource, Source: &src}); err != nil {
		return true, err
	}
	p.docs = []knowledge.Document{{ID: src.ID, Kind: knowledge.KindArticle, Title: src.Title}}
	p.hits = []knowledge.Hit{{DocID: src.ID, PassageID: src.ID, Kind: knowledge.KindArticle, Title: src.Title, Section: src.Section}}
	return true, emitLines(s.String(), out)
}
