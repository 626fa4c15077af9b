package knowledge

import (
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// askWords are folded phrases that say which part of a procedure the
// resident asks about (papers, fee, time, place), not which procedure.
// They help find the passage, not the title: "đăng ký khai sinh cần giấy tờ
// gì" must not prefer a title that happens to say "giấy tờ".
var askWords = map[string]bool{
	"giay to": true, "ho so": true, "thu tuc": true, "le phi": true,
	"phi": true, "tien": true, "bao lau": true, "thoi gian": true,
	"thoi han": true, "mat": true, "het": true, "nop": true, "noi nop": true,
	"truc tuyen": true, "online": true, "qua mang": true, "mang": true,
	"mang theo": true, "gom": true, "nhung": true, "cach": true,
	"dieu kien": true, "cac buoc": true, "quy trinh": true,
	"ket qua": true, "ngay": true, "xin": true, "can": true,
	"mau": true, "to khai": true, "nhan": false, "gi": true,
	// "trên cổng dịch vụ công" says the channel, as "online" does.
	"cong dich": true, "vu cong": true,
	// By when the resident must act: "khai tử hạn chót là bao lâu".
	"han chot": true, "han cuoi": true, "cham nhat": true, "tre nhat": true, "muon nhat": true,
}

// costAfter are the words after which "mất" or "hết" asks what
// something costs or how long it takes.
var costAfter = map[string]bool{"bao": true, "phi": true, "tien": true, "may": true, "thoi": true, "nhieu": true,
	"het": true, "lau": true, "khoang": true, "le": true, "chi": true, "bn": true, "ngay": true, "gio": true}

// splitAsk separates a query's content words into those naming the
// procedure (topic) and those naming what is asked about it.
func splitAsk(words []string) (topic, ask []string) {
	for i := 0; i < len(words); i++ {
		// "mất", "hết" ask a cost before "bao lâu", "phí", "tiền";
		// otherwise they are part of the topic ("mất giấy khai sinh",
		// "tạm trú hết hạn").
		if (words[i] == "mat" || words[i] == "het") && (i+1 == len(words) || !costAfter[words[i+1]]) {
			topic = append(topic, words[i])
			continue
		}
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
	// "Phê duyệt kế hoạch khuyến nông địa phương (cấp xã)" is the
	// commune's copy of the title without it.
	for _, lv := range levelSuffixes {
		t = strings.TrimSuffix(t, lv)
	}
	t = strings.TrimPrefix(t, "thu tuc ")
	return strings.TrimSpace(t)
}

// levelSuffixes end a title that names its level after it, folded.
var levelSuffixes = []string{" cap xa", " cap tinh", " cap huyen"}

// initials reports a folded word written as initials, without a vowel
// but "y" ("dk", "cmnd", "bhyt"): an abbreviation, not a word of its own
// like "passport" that a document may say itself.
func initials(w string) bool {
	return w != "" && !strings.ContainsAny(w, "aeiou")
}

// atCommune reports a folded title that says it is the commune level's
// ("… (thực hiện tại cấp xã)", "… (cấp xã)").
func atCommune(foldTitle string) bool {
	return strings.Contains(foldTitle, "thuc hien tai cap xa") || strings.HasSuffix(strings.TrimSpace(foldTitle), " cap xa")
}

// atProvince reports a folded title that says it is the province's
// ("… (thực hiện tại cấp tỉnh)", "… (cấp tỉnh)").
func atProvince(foldTitle string) bool {
	return strings.Contains(foldTitle, "thuc hien tai cap tinh") || strings.HasSuffix(strings.TrimSpace(foldTitle), " cap tinh")
}

// nearTie is the share of the best score within which the commune's own
// copy of a procedure is kept instead of another level's.
const nearTie = 0.8

// Weights of a title whose age bounds exclude, or include, the age asked
// about.
const (
	ageMismatch = 0.5
	ageMatch    = 1.2
)

// ageBound is an age at which titles split a procedure: "dưới 14 tuổi"
// (under) and "từ đủ 14 tuổi" (from 14 on).
type ageBound struct {
	age   int
	under bool
}

// phrase is the bound as folded title words.
func (b ageBound) phrase() string {
	if b.under {
		return "duoi " + strconv.Itoa(b.age) + " tuoi"
	}
	return "tu du " + strconv.Itoa(b.age) + " tuoi"
}

// titleAgeBounds finds the age bounds a folded title states.
func titleAgeBounds(words []string) []ageBound {
	var out []ageBound
	for i := 1; i+1 < len(words); i++ {
		n, err := strconv.Atoi(words[i])
		if err != nil || words[i+1] != "tuoi" || n <= 0 || n > 120 {
			continue
		}
		switch {
		case words[i-1] == "duoi":
			out = append(out, ageBound{age: n, under: true})
		case words[i-1] == "du" && i >= 2 && words[i-2] == "tu":
			out = append(out, ageBound{age: n})
		}
	}
	return out
}

// ageExpansions turns an age into the title phrases that cover it, from
// the bounds the corpus's titles use: the tightest "dưới N tuổi" above it
// and the tightest "từ đủ N tuổi" at or below it. A resident says "con 16
// tuổi", the title says "từ đủ 14 tuổi trở lên".
func ageExpansions(age int, bounds map[ageBound]int) []string {
	if age == 0 {
		return nil
	}
	var under, from ageBound
	for b := range bounds {
		switch {
		case b.under && age < b.age && (under.age == 0 || b.age < under.age):
			under = b
		case !b.under && age >= b.age && b.age > from.age:
			from = b
		}
	}
	var out []string
	for _, b := range []ageBound{under, from} {
		if b.age > 0 {
			out = append(out, b.phrase())
		}
	}
	return out
}

// ageFit weighs a title by whether the age asked about falls within the
// age bounds it states: a 16-year-old's card is not the one "cho người
// dưới 14 tuổi".
func ageFit(age int, bounds []ageBound) float64 {
	fit := 1.0
	for _, b := range bounds {
		if b.under == (age >= b.age) {
			fit = ageMismatch
		} else if fit == 1 {
			fit = ageMatch
		}
	}
	return fit
}

// asideWeight is how much a title word inside parentheses counts when
// judging how much of a title a question explains: "(thực hiện tại cấp
// xã)" or "(công trình không theo tuyến/…/nhà ở riêng lẻ)" list where or
// to what the procedure applies, which a resident rarely says.
const asideWeight = 0.5

// titleWeights returns each distinct folded word of title with the share it
// counts with: 1, or asideWeight when it occurs only inside parentheses.
func titleWeights(title string) map[string]float64 {
	out := make(map[string]float64)
	depth := 0
	var word strings.Builder
	flush := func() {
		if word.Len() == 0 {
			return
		}
		for _, w := range vietnamese.Words(word.String()) {
			weight := 1.0
			if depth > 0 {
				weight = asideWeight
			}
			if weight > out[w] {
				out[w] = weight
			}
		}
		word.Reset()
	}
	for _, r := range vietnamese.Fold(title) {
		switch r {
		case '(':
			flush()
			depth++
		case ')':
			flush()
			if depth > 0 {
				depth--
			}
		default:
			word.WriteRune(r)
		}
	}
	flush()
	return out
}

// vneidChannel finds VNeID named as the way to submit ("trên VNeID", "qua
// app VNeID"), not as what is asked about.
var vneidChannel = regexp.MustCompile(`(?i)\b(?:(?:trên|tren|qua|bằng|bang|dùng|dung|vào|vao|trong)\s+)?(?:(?:app|ứng dụng|ung dung)\s+)?vneid\b`)

// accountWords name the VNeID account itself: a question with them is
// about the account, whatever else it says.
var accountWords = []string{"tai khoan", "dinh danh", "muc 2", "muc do 2", "kich hoat", "khoa", "mat khau", "dang nhap", "can cuoc dien tu", "cai dat", "tich hop"}

// dropChannel removes VNeID from a question that names it only as the way
// to submit something else ("thông báo lưu trú qua app VNeID"), so that
// the VNeID account procedure does not answer it.
func dropChannel(text string) string {
	if !vneidChannel.MatchString(text) {
		return text
	}
	rest := vneidChannel.ReplaceAllString(text, " ")
	padded := " " + strings.Join(vietnamese.Words(rest), " ") + " "
	for _, w := range accountWords {
		if strings.Contains(padded, " "+w+" ") {
			return text
		}
	}
	topic, _ := splitAsk(vietnamese.ContentWords(rest))
	if len(topic) < 2 {
		return text
	}
	return rest
}

// officeVisit finds the commune's People's Committee or police named as
// where the resident goes ("ra UBND xã", "nhờ ủy ban xã chứng thực", "nộp
// ở CA xã hay UBND"), not as what is asked about: titles that say "thuộc thẩm quyền của Chủ tịch Ủy ban
// nhân dân cấp xã" must not win on it.
var officeVisit = regexp.MustCompile(`(?i)(^|\s)(?:ở|o|tại|tai|ra|lên|len|đến|den|tới|toi|nhờ|nho|qua|hay|hoặc|hoac)\s+(?:(?:ubnd|ủy ban|uỷ ban|uy ban)(?:\s+(?:nhân dân|nhan dan))?(?:\s+(?:cấp\s+|cap\s+)?(?:xã|xa|phường|phuong))?|(?:công an|cong an|ca)\s+(?:cấp\s+|cap\s+)?(?:xã|xa|phường|phuong))(\s|$|[?,.!])`)

// submitWay finds how the resident means to hand in the file ("nộp trực
// tiếp", "làm online"): titles that say "trực tiếp thực hiện tại cấp …"
// must not win on it.
var submitWay = regexp.MustCompile(`(?i)(^|\s)(?:nộp|nop|làm|lam|gửi|gui)\s+(?:hồ sơ\s+|ho so\s+)?(?:trực tiếp|truc tiep|trực tuyến|truc tuyen|online|qua mạng|qua mang)`)

// deniedKind is a kind of household or beneficiary the resident says
// they are not: "không phải hộ nghèo hay cận nghèo".
var deniedKind = regexp.MustCompile(`(?i)(^|[\s,(])(?:không|khong|ko|chẳng|chang) (?:phải|phai) (?:là |la )?(?:hộ|ho|diện|dien|đối tượng|doi tuong) [^,.;?!()]{1,50}`)

// dropDenied removes the kind of household a question says the resident
// is not, when it says something else to look for: a farming household
// of average living standard, "không phải hộ nghèo hay cận nghèo", asks
// for that household's recognition, not the poor household's.
func dropDenied(text string) string {
	if !deniedKind.MatchString(text) {
		return text
	}
	rest := deniedKind.ReplaceAllString(text, "$1")
	if topic, _ := splitAsk(vietnamese.ContentWords(rest)); len(topic) < 2 {
		return text
	}
	return rest
}

// dropOffice removes the commune office said as a place to go, and the
// way to hand in the file, when the question says something else to
// look for.
func dropOffice(text string) string {
	text = norm.NFC.String(text)
	if !officeVisit.MatchString(text) && !submitWay.MatchString(text) {
		return text
	}
	rest := text
	for officeVisit.MatchString(rest) { // "ở CA xã hay UBND": matches share a space
		rest = officeVisit.ReplaceAllString(rest, " ")
	}
	rest = submitWay.ReplaceAllString(rest, " ")
	topic, _ := splitAsk(vietnamese.ContentWords(rest))
	if len(topic) < 2 {
		return text
	}
	return rest
}

// holdsAlias reports whether e holds one of the phrases a dictionary
// term of the question stands for ("dk" → "dang ky").
func (s *wordStats) holdsAlias(e *docEntry, phrases []string) bool {
	for _, x := range phrases {
		if s.holds(e, x) {
			return true
		}
	}
	return false
}
