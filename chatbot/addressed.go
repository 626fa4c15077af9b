package chatbot

import (
	"regexp"
	"strings"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// addressedWords finds, in a sentence folded to lower-case ASCII words,
// what speaks to the answering machine rather than to residents: orders
// to drop its rules, new rules, telling it who it is or what to say. In
// Vietnamese (with or without diacritics: the text is folded) and in
// English. Words a real notice uses ("đóng vai trò", "ai phải nộp", "từ
// bây giờ", "mô hình cần", "bạn cần báo", "theo hướng dẫn của hệ thống")
// are not on the list.
var addressedWords = regexp.MustCompile(` (?:` + strings.Join([]string{
	// Vietnamese
	`bo qua (?:(?:moi|cac|tat ca|nhung|toan bo|het) )*(?:huong dan|quy tac|chi dan|chi thi|lenh|yeu cau)`,
	`bo qua (?:(?:moi|cac|tat ca|nhung|toan bo|het) )*(?:noi dung|dieu|thong tin) (?:truoc|tren|o tren)`,
	`bo qua moi`,
	`quen (?:di )?(?:(?:moi|cac|tat ca|nhung|het) )+(?:huong dan|quy tac|chi dan|chi thi|lenh)`,
	`(?:quy tac|huong dan|chi thi|lenh|chi dan) moi (?:cho|danh cho|ap dung cho) (?:ban|tro ly|mo hinh|chatbot|bot|he thong)`,
	`quy tac moi`, `chi thi moi`,
	`ban la (?:mot )?(?:tro ly|mo hinh|chatbot|bot|he thong|cong cu|may|llm|gpt)`,
	`ban (?:phai|chi duoc|khong duoc) (?:tra loi|noi|khang dinh|tiet lo|in ra|nhac lai)`,
	`(?:tro ly|chatbot|bot|llm|gpt) (?:phai|hay|can|se|chi duoc|khong duoc)`,
	`hay tra loi`, `tra loi rang`, `hay khang dinh`,
	`hay noi (?:rang|la|voi nguoi dan|voi nguoi hoi|cho nguoi dan|cho nguoi hoi|nguoi dan)`,
	`(?:tra loi|noi voi|bao voi|bao cho) (?:moi )?(?:nguoi dan|nguoi hoi|nguoi dung) (?:rang|la)`,
	`(?:lenh|chi thi|loi nhac|quy tac) (?:cua )?he thong`,
	`tiet lo (?:(?:cac|nhung|toan bo) )?(?:huong dan|quy tac|chi dan|chi thi|loi nhac)`,
	`system prompt`, `prompt`,
	// English
	`ignore (?:(?:all|any|the|of|your|my|these|those) )*(?:previous|prior|above|earlier|preceding|other|instructions|rules|prompts?)`,
	`disregard (?:(?:all|any|the|of|your|my) )*(?:previous|prior|above|earlier|preceding|instructions|rules|prompts?)`,
	`forget (?:(?:all|any|the|of|your|my) )*(?:previous|prior|above|earlier|instructions|rules|prompts?)`,
	`you are (?:now )?(?:(?:a|an|the|helpful|friendly) )*(?:assistant|ai|model|chatbot|language model|bot|llm|gpt)`,
	`(?:new|updated|real) (?:instructions|rules)`, `act as`, `pretend (?:to be|you)`, `from now on`, `as an ai`, `jailbreak`,
	`(?:answer|respond|reply|say|tell) (?:to )?(?:the )?(?:user|users|resident|residents|them|people) that`,
}, "|") + `) `)

// roleMark finds the marks of a chat transcript or a prompt's delimiters
// in raw text: "system:", "[INST]", "<|im_start|>", "<<<", "### Instruction".
var roleMark = regexp.MustCompile(`(?i)(?:^|[\s\[<|(])(?:system|assistant|user|developer)\s*[:\]>|]|\[/?inst\]|<\|[a-z_]+\|>|<<<|>>>|‹‹‹|›››|#{2,}\s*(?:instruction|system|hướng dẫn|quy tắc)`)

// addressedToModel reports whether a sentence of an uploaded document
// speaks to the machine that answers instead of telling residents
// something: it is an instruction smuggled into data, never a fact.
func addressedToModel(s string) bool {
	if roleMark.MatchString(s) {
		return true
	}
	return addressedWords.MatchString(" " + strings.Join(vietnamese.Words(s), " ") + " ")
}
