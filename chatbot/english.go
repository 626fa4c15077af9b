package chatbot

import (
	"strings"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// English questions (the English page, or a foreigner living here) are
// asked of the Vietnamese records in Vietnamese words: the procedures'
// names and what is asked of them. The answer is framed in English; the
// record's own facts stay as the record writes them.

// englishTerms maps English phrases, longest first within a meaning, to
// the Vietnamese words of the procedure or of the part asked about. They
// are names, never facts.
var englishTerms = []struct{ en, vi string }{
	// what is asked
	{"what do i need", "cần giấy tờ gì"}, {"what papers", "giấy tờ gì"}, {"which documents", "giấy tờ gì"},
	{"what documents", "giấy tờ gì"}, {"documents", "giấy tờ"}, {"papers", "giấy tờ"}, {"paperwork", "giấy tờ"},
	{"how much", "lệ phí bao nhiêu"}, {"fee", "lệ phí"}, {"fees", "lệ phí"}, {"cost", "lệ phí"}, {"price", "lệ phí"},
	{"how long", "mất bao lâu"}, {"how many days", "mất bao lâu"}, {"processing time", "thời hạn giải quyết"},
	{"where", "ở đâu"}, {"which office", "nộp ở đâu"}, {"online", "trực tuyến"}, {"steps", "các bước"},
	{"how do i", "thủ tục thế nào"}, {"how to", "thủ tục thế nào"}, {"requirements", "điều kiện"}, {"eligible", "điều kiện"},
	// procedures
	{"birth certificate", "đăng ký khai sinh"}, {"register a birth", "đăng ký khai sinh"}, {"birth registration", "đăng ký khai sinh"},
	{"register my baby", "đăng ký khai sinh"}, {"newborn", "đăng ký khai sinh"},
	{"marriage certificate", "đăng ký kết hôn"}, {"register a marriage", "đăng ký kết hôn"}, {"marriage registration", "đăng ký kết hôn"},
	{"get married", "đăng ký kết hôn"}, {"marry", "đăng ký kết hôn"},
	{"single status", "xác nhận tình trạng hôn nhân"}, {"marital status", "xác nhận tình trạng hôn nhân"}, {"certificate of no impediment", "xác nhận tình trạng hôn nhân"},
	{"death certificate", "đăng ký khai tử"}, {"register a death", "đăng ký khai tử"}, {"death registration", "đăng ký khai tử"},
	{"temporary residence", "đăng ký tạm trú"}, {"temporary resident", "đăng ký tạm trú"}, {"permanent residence", "đăng ký thường trú"},
	{"household registration", "đăng ký thường trú"}, {"overnight stay", "thông báo lưu trú"}, {"guests staying", "thông báo lưu trú"},
	{"temporary absence", "khai báo tạm vắng"}, {"residence confirmation", "xác nhận thông tin về cư trú"},
	{"id card", "thẻ căn cước"}, {"identity card", "thẻ căn cước"}, {"citizen id", "thẻ căn cước"}, {"chip id", "thẻ căn cước"},
	{"lost my id", "cấp lại thẻ căn cước"}, {"renew my id", "cấp đổi thẻ căn cước"}, {"electronic id", "định danh điện tử"},
	{"passport", "hộ chiếu"}, {"criminal record", "lý lịch tư pháp"}, {"police check", "lý lịch tư pháp"},
	{"driving licence", "giấy phép lái xe"}, {"driving license", "giấy phép lái xe"}, {"driver's license", "giấy phép lái xe"},
	{"register a motorbike", "đăng ký xe"}, {"motorbike registration", "đăng ký xe"}, {"vehicle registration", "đăng ký xe"},
	{"transfer a motorbike", "sang tên xe"}, {"land certificate", "giấy chứng nhận quyền sử dụng đất"},
	{"land title", "giấy chứng nhận quyền sử dụng đất"}, {"red book", "sổ đỏ"}, {"pink book", "sổ hồng"},
	{"building permit", "giấy phép xây dựng nhà ở"}, {"construction permit", "giấy phép xây dựng nhà ở"}, {"build a house", "giấy phép xây dựng nhà ở"},
	{"health insurance", "bảo hiểm y tế"}, {"social insurance", "bảo hiểm xã hội"}, {"maternity", "chế độ thai sản"},
	{"household business", "hộ kinh doanh"}, {"business registration", "đăng ký hộ kinh doanh"}, {"open a shop", "đăng ký hộ kinh doanh"},
	{"certified copy", "chứng thực bản sao"}, {"certify a copy", "chứng thực bản sao"}, {"notarize", "chứng thực"},
	{"notarise", "chứng thực"}, {"signature", "chứng thực chữ ký"}, {"adoption", "nuôi con nuôi"}, {"adopt", "nuôi con nuôi"},
	{"guardianship", "đăng ký giám hộ"}, {"change my name", "thay đổi hộ tịch"}, {"poor household", "hộ nghèo"},
	// the office
	{"opening hours", "giờ làm việc xã"}, {"office hours", "giờ làm việc xã"}, {"phone number", "số điện thoại xã"},
	{"commune office", "ủy ban xã"}, {"people's committee", "ủy ban xã"}, {"saturday", "thứ bảy xã"},
}

// englishWords are common English words: a question made mostly of them
// (and typed without Vietnamese letters) is English.
var englishWords = map[string]bool{
	"what": true, "how": true, "where": true, "when": true, "which": true, "who": true, "why": true, "do": true,
	"does": true, "i": true, "my": true, "me": true, "we": true, "our": true, "you": true, "need": true, "to": true,
	"for": true, "the": true, "a": true, "an": true, "is": true, "are": true, "can": true, "get": true, "of": true,
	"in": true, "at": true, "and": true, "or": true, "it": true, "much": true, "long": true, "take": true,
	"does it": true, "register": true, "certificate": true, "please": true, "with": true, "from": true,
	"have": true, "should": true, "will": true, "be": true, "this": true, "that": true, "there": true, "if": true,
	"apply": true, "new": true, "child": true, "baby": true, "wife": true, "husband": true, "office": true,
	"open": true, "on": true, "any": true, "papers": true, "documents": true, "fee": true, "cost": true, "card": true,
}

// englishQuestion reports an English question and returns it in the
// Vietnamese words the records use.
func englishQuestion(text string) (string, bool) {
	if vietnamese.Fold(text) != strings.ToLower(vietnamese.Normalize(text)) {
		return "", false // Vietnamese letters: Vietnamese
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '\'')
	})
	if len(words) < 2 {
		return "", false
	}
	n := 0
	for _, w := range words {
		if englishWords[w] {
			n++
		}
	}
	if 2*n < len(words) {
		return "", false
	}
	padded := " " + strings.Join(words, " ") + " "
	var vi []string
	for _, t := range englishTerms {
		if strings.Contains(padded, " "+t.en+" ") {
			vi = append(vi, t.vi)
			padded = strings.ReplaceAll(padded, " "+t.en+" ", " ")
		}
	}
	return strings.Join(vi, " "), true
}
