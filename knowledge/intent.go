package knowledge

import "strings"

// askWords are folded phrases that say which part of a procedure the
// resident asks about (papers, fee, time, place), not which procedure.
// They help find the passage, not the title: "đăng ký khai sinh cần giấy tờ
// gì" must not prefer a title that happens to say "giấy tờ".
var askWords = map[string]bool{
	"giay to": true, "ho so": true, "thu tuc": true, "le phi": true,
	"phi": true, "tien": true, "bao lau": true, "thoi gian": true,
	"thoi han": true, "mat": true, "nop": true, "noi nop": true,
	"truc tuyen": true, "online": true, "qua mang": true, "mang": true,
	"mang theo": true, "gom": true, "nhung": true, "cach": true,
	"dieu kien": true, "cac buoc": true, "quy trinh": true,
	"ket qua": true, "ngay": true, "xin": true, "can": true,
	"mau": true, "to khai": true, "nhan": false, "gi": true,
}

// splitAsk separates a query's content words into those naming the
// procedure (topic) and those naming what is asked about it.
func splitAsk(words []string) (topic, ask []string) {
	for i := 0; i < len(words); i++ {
		if i+1 < len(words) && askWords[words[i]+" "+words[i+1]] {
			ask = append(ask, words[i], words[i+1])
			i++
			continue
		}
		if askWords[words[i]] {
			ask = append(ask, words[i])
			continue
		}
		topic = append(topic, words[i])
	}
	return topic, ask
}

// titleKey is a title without what tells near-identical procedures apart
// only by where they are done ("(thực hiện tại cấp xã)") or by a leading
// "Thủ tục": results keep one of each.
func titleKey(foldTitle string) string {
	t := strings.TrimSpace(foldTitle)
	if i := strings.Index(t, " thuc hien tai cap"); i > 0 {
		t = t[:i]
	}
	t = strings.TrimPrefix(t, "thu tuc ")
	return strings.TrimSpace(t)
}
