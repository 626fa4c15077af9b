package chatbot

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// stepPrefix is the numbering a record's steps carry: "- Bước 1:", "1.",
// "a)", "(i)", "(5)", or a bullet alone ("+", "*").
var stepPrefix = regexp.MustCompile(`^(?:[-+•*]\s*)*(?:(?:Bước|bước)\s*\d+\s*[:.\-–]?\s*|\d{1,2}(?:\.\d{1,2})?\s*[.)]\s*|[a-zđ]\d?\)\s*|\((?:i{1,3}|iv|v|vi{0,3}|\d{1,2})\)\s*)?`)

// stepsOf returns a record's steps without their own numbering or stray
// labels, ready to be numbered once.
func stepsOf(p *knowledge.Procedure) []string {
	var out []string
	for _, s := range p.Steps {
		for i := 0; i < 3; i++ {
			s = strings.TrimSpace(stepPrefix.ReplaceAllString(s, ""))
		}
		s = strings.TrimSpace(s)
		if utf8.RuneCountInString(s) < 4 || !hasLetter(s) {
			continue // a stray "b)" or "-"
		}
		out = append(out, s)
	}
	return out
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// shortTitle is a procedure's title cut for a line of text: without a
// leading "Thủ tục", at most about 90 characters.
func shortTitle(title string) string {
	t := strings.TrimSpace(title)
	if strings.HasPrefix(t, "Thủ tục ") {
		t = upperFirst(strings.TrimPrefix(t, "Thủ tục "))
	}
	t = strings.TrimRight(t, ".: ")
	if utf8.RuneCountInString(t) > 70 {
		t = clip(t, 70)
	}
	return t
}

// widens opens a title's note that says what else the procedure covers.
var widens = regexp.MustCompile(`(?i)^\s*(áp dụng|bao gồm|kể cả|gồm cả)`)

// maxWholeTitle bounds a title shown to the end of its note because the
// question names what the note says (titleFor).
const maxWholeTitle = 200

// titleFor is shortTitle, but to the end of a note in brackets that
// widens what the procedure covers ("(áp dụng cho cả trường hợp …)")
// when two words the question says side by side are only in that note:
// "chứng thực … điểm chỉ có được không" is answered by "Chứng thực chữ
// ký … (áp dụng cho cả trường hợp chứng thực điểm chỉ …)".
func titleFor(title, question string) string {
	short := shortTitle(title)
	whole := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(title), "Thủ tục "))
	before, note, ok := strings.Cut(whole, "(")
	note, _, closed := strings.Cut(note, ")")
	if !ok || !closed || !widens.MatchString(note) || !strings.HasSuffix(short, "…") {
		return short
	}
	whole = before + "(" + note + ")"
	if utf8.RuneCountInString(whole) > maxWholeTitle {
		return short
	}
	kept, left := foldedWords(strings.TrimSuffix(short, "…")), foldedWords(note)
	words := vietnamese.ContentWords(question)
	for i := 0; i+1 < len(words); i++ {
		pair := " " + words[i] + " " + words[i+1] + " "
		if strings.Contains(left, pair) && !strings.Contains(kept, pair) {
			return upperFirst(whole)
		}
	}
	return short
}

// daysBefore is a length of time before an event the resident causes:
// "03 ngày làm việc trước ngày tạm ngừng", "trước ngày hết hạn hợp đồng
// thuê nhà tối thiểu 30 ngày".
var daysBefore = regexp.MustCompile(`\d+\s*(ngày|giờ|tháng)( làm việc)? trước (ngày|khi)|trước ngày [^.;]{0,60}?(tối thiểu|ít nhất) \d+ (ngày|tháng)`)

// fromRequest is a time counted from a request received ("… có trách
// nhiệm xác nhận … trong thời hạn 03 ngày làm việc kể từ khi nhận được
// đề nghị của người nộp thuế"): whoever receives it keeps the time.
var fromRequest = regexp.MustCompile(`(?i)kể từ (ngày|khi) (nhận|tiếp nhận) được (đề nghị|yêu cầu|văn bản đề nghị|văn bản yêu cầu)`)

// handsIn matches a clause in which someone hands in the file to an
// office ("gửi hồ sơ thông báo thay đổi đến cơ quan đăng ký kinh
// doanh", "nộp hồ sơ đăng ký hoạt động chi nhánh, văn phòng đại diện
// đến cơ quan đăng ký kinh doanh"), or must ("trình báo … phải được
// trình Cảnh sát đường thủy hoặc Ủy ban nhân dân gần nhất", "người nộp
// thuế phải lập hồ sơ, gửi đến cơ quan thuế nơi chuyển đến"), or
// readies it and sends it ("cá nhân … chuẩn bị hồ sơ khai thuế và gửi
// đến cơ quan thuế"): its time
// is theirs to keep.
var handsIn = regexp.MustCompile(`(nộp|gửi) (0?1 bộ |01 \(một\) bộ )?hồ sơ( [^\s.;]+){0,16} (đến|tới|cho|lên|về|tại)|chuẩn bị hồ sơ( [^\s.;]+){0,16} (và )?(nộp|gửi) (đến|tới|cho|lên|về|tại)|phải (được )?(trình|nộp|gửi) |phải lập (hồ sơ|tờ khai|văn bản)`)

// fullStop ends a sentence: a full stop or a line break.
var fullStop = regexp.MustCompile(`\.\s+|\n+`)

// timeAmount is a number of hours, days or months in a sentence.
var timeAmount = regexp.MustCompile(`\d+ (giờ|ngày|tháng)`)

// reorganised matches a body reorganised (folded), an event a deadline
// counts from: "tổ chức lại doanh nghiệp".
var reorganised = regexp.MustCompile(` to chuc lai( doanh nghiep| hop tac xa| cong ty)? `)

// romanPart is the name of a part of a record's steps numbered in roman,
// up to its first step: "(ii) Khai quyết toán thuế tài nguyên".
var romanPart = regexp.MustCompile(`^\s*\((i|ii|iii|iv|v|vi)\)[^+:.;]{3,120}`)

// maxDeadlineCase bounds the case quoted before a deadline.
const maxDeadlineCase = 130

// deadline is a time limit a record sets on the resident: "trong thời hạn
// 60 ngày kể từ ngày sinh con", "chậm nhất là 15 ngày", "trước ngày hết
// hạn hợp đồng tối thiểu 30 ngày", or a day: "chậm nhất là ngày cuối
// cùng của tháng thứ 3", "chậm nhất là ngày thứ 20 (hai mươi) của tháng
// tiếp theo", "chậm nhất là ngày thứ 10 kể từ ngày phát sinh nghĩa vụ
// thuế".
var deadline = regexp.MustCompile(`(?i)(trong thời hạn|trong vòng|chậm nhất|không quá|kể từ ngày)[^.;]{0,40}?\d+\)?\s*(\([^()]{1,15}\)\s*)?(ngày|giờ|tháng|năm)|trước \d+ giờ|trước ngày [^.;]{0,60}?(tối thiểu|ít nhất) \d+ (ngày|tháng)|chậm nhất (là )?(vào )?ngày (cuối cùng|thứ \d+|\d+) (\([^()]{1,15}\) )?((của )?(tháng|quý|năm)|kể từ)|(trước|chậm nhất là) ngày \d{1,2}/\d{1,2}( hàng năm| hằng năm)|(trước|chậm nhất là) ngày \d{1,2} ((của )?(tháng|quý) (cuối|đầu|tiếp theo|sau)|(hằng|hàng) (tháng|quý))`)

// officeGoesOn opens a clause that goes on with what the office does.
var officeGoesOn = regexp.MustCompile(`^(trả lời|thẩm định|kiểm tra|xem xét|giải quyết|phê duyệt|ban hành|thông báo|trả kết quả|cấp giấy)`)

// deadlineOf returns the record's sentence that sets the resident a time
// limit, from its steps, conditions and papers' notes: of those that
// name one, the one sharing most of the question's words, and not one
// that sets the office its own ("Ủy ban nhân dân cấp xã có trách nhiệm
// kiểm tra trong 03 ngày"). "" when there is none.
func deadlineOf(p *knowledge.Procedure, question string) string {
	var texts []string
	texts = append(texts, p.Conditions)
	texts = append(texts, p.Steps...)
	for _, pp := range p.Papers {
		texts = append(texts, pp.Name)
	}
	var words []string
	for _, w := range vietnamese.ContentWords(question) {
		if !intentWords[w] && len(w) > 1 {
			words = append(words, w)
		}
	}
	said := " " + strings.Join(vietnamese.Words(question), " ") + " "
	// Words beyond the procedure's name tell its cases apart: "đóng bảo
	// hiểm xã hội tự nguyện" picks the voluntary member's 60 days over
	// the employee's 45, though both speak of "hưởng chế độ thai sản".
	own := ownWords(question, p.Title)
	body := speaksForBody(said) // whether the asker speaks for an organisation
	best, bestScore, bestNext, bestPrev := "", -1<<30, "", ""
	section, bestPart := "", -1
	for i, t := range texts {
		if i == 0 || i > len(p.Steps) {
			section = "" // the conditions and the papers are no steps' part
		}
		for _, sentence := range fullStop.Split(t, -1) {
			// A part of the steps numbered in roman ("(i) Khai thuế tài
			// nguyên …", "(ii) Khai quyết toán thuế tài nguyên …") names
			// whose deadline each clause in it is, in its steps after it:
			// of clauses that score alike, the one in the part the
			// question names most.
			if m := romanPart.FindString(sentence); m != "" {
				section = m
			}
			// A clause is scored with the clauses before it in its sentence:
			// "Người tham gia BHXH tự nguyện lập hồ sơ …; thời hạn nộp hồ sơ
			// chậm nhất 60 ngày" is the voluntary member's deadline.
			before := ""
			clauses := sentenceBreak.Split(sentence, -1)
			for ci, s := range clauses {
				before += " " + s
				if !deadline.MatchString(s) {
					continue
				}
				// A time counted from the office's receipt of the file is
				// the office's, whoever else the clause names; and so is
				// one the record calls "thời hạn giải quyết".
				if fromReceipt.MatchString(s) || fromRequest.MatchString(s) || strings.HasPrefix(strings.ToLower(strings.TrimLeft(s, "-+*• ")), "thời hạn giải quyết") {
					continue
				}
				l := strings.ToLower(s)
				// "Ảnh mới chụp không quá 06 tháng" is how recent a photo
				// must be, not a time limit.
				if strings.HasPrefix(strings.TrimLeft(l, "-+*•0123456789.) "), "ảnh") || strings.Contains(l, "mới chụp") || strings.Contains(l, "ảnh chụp") {
					continue
				}
				office := strings.Contains(l, "ủy ban") || strings.Contains(l, "uỷ ban") || strings.Contains(l, "cơ quan") ||
					strings.Contains(l, "công chức") || strings.Contains(l, "cán bộ") || strings.Contains(l, "trả kết quả") || strings.Contains(l, "thẩm tra")
				// "chậm nhất là 03 ngày làm việc trước ngày tạm ngừng": a
				// time before an event is the resident's, whoever the
				// sentence names.
				// Nor is one in which whoever asks hands in the file ("cơ sở
				// sản xuất nộp 01 bộ hồ sơ đến Ủy ban nhân dân cấp xã").
				resident := strings.Contains(l, "cha") || strings.Contains(l, "mẹ") || strings.Contains(l, "người") || strings.Contains(l, "công dân") ||
					strings.Contains(l, "chủ") || strings.Contains(l, "gia đình") || strings.Contains(l, "thân nhân") || strings.Contains(l, "hộ kinh doanh") ||
					daysBefore.MatchString(l) || handsIn.MatchString(l)
				if office && !resident {
					continue
				}
				// Nor is one whose subject is an office that hands in
				// nothing ("đơn vị đo đạc có trách nhiệm thực hiện trích
				// đo … không quá 05 ngày làm việc"); an employer that
				// sends the file on keeps a deadline.
				if officeSubject(s) && !handsIn.MatchString(l) && !daysBefore.MatchString(l) {
					continue
				}
				// Nor one that goes on with the office's own act, its
				// subject said before it: "Ủy ban nhân dân cấp xã trả lời
				// ngay …; trả lời … trong vòng 01 ngày làm việc đối với
				// trường hợp nộp hồ sơ qua môi trường mạng".
				if ci > 0 && officeSubject(clauses[0]) && officeGoesOn.MatchString(strings.TrimLeft(l, "-+*• ")) {
					continue
				}
				score := matchScore(words, said, before) + matchScore(own, said, before)
				if office {
					score -= 2
				}
				// An organisation's deadline ("Nhà thầu, nhà đầu tư dầu khí
				// khi chuyển nhượng phần vốn góp …") is not a resident's who
				// speaks for none, while the record gives another. A body
				// reorganised ("… hoặc là ngày thứ 45 kể từ ngày … tổ chức
				// lại doanh nghiệp") is an event, not whose the deadline is.
				if bw := reorganised.ReplaceAllString(foldedWords(before), " "); !body && bodyCase.MatchString(bw) && !personCase.MatchString(bw) {
					score -= 100
				}
				if strings.Contains(said, " truoc ") && daysBefore.MatchString(l) {
					score += 2 // "báo trước mấy ngày"
				}
				part := matchScore(words, said, section)
				if score > bestScore || score == bestScore && part > bestPart {
					best, bestScore, bestPart, bestNext, bestPrev = s, score, part, "", ""
					if ci+1 < len(clauses) {
						bestNext = clauses[ci+1]
					}
					if ci > 0 {
						bestPrev = clauses[ci-1]
					}
				}
			}
		}
	}
	best = unnumbered(strings.TrimSpace(strings.Trim(best, "-+*.: "))) // not "Bước 1: …"
	best = strings.TrimSuffix(best, ", như sau")                       // the list that followed is not quoted
	// "… trước 23 giờ của ngày bắt đầu lưu trú; trường hợp người đến lưu
	// trú sau 23 giờ thì … trước 08 giờ ngày hôm sau": the case the same
	// limit does not fit is said with it.
	if next := strings.TrimSpace(strings.Trim(bestNext, "-+*.: ")); strings.HasPrefix(strings.ToLower(next), "trường hợp") &&
		utf8.RuneCountInString(best)+utf8.RuneCountInString(next) <= maxCaseDetail {
		for _, d := range timeAmount.FindAllString(best, -1) {
			if strings.Contains(next, d) {
				return best + "; " + next
			}
		}
	}
	// A case picked ("trường hợp người đến lưu trú sau 23 giờ thì …
	// trước 08 giờ") is said after the rule it is the exception to.
	if prev := strings.TrimSpace(strings.Trim(bestPrev, "-+*.: ")); strings.HasPrefix(strings.ToLower(best), "trường hợp") && deadline.MatchString(prev) &&
		utf8.RuneCountInString(best)+utf8.RuneCountInString(prev) <= maxCaseDetail {
		for _, d := range timeAmount.FindAllString(prev, -1) {
			if strings.Contains(best, d) {
				return upperFirst(prev) + "; " + best
			}
		}
	}
	// The quote holds the time limit, however far into the sentence.
	at := daysBefore.FindString(strings.ToLower(best))
	if at == "" {
		at = deadline.FindString(best)
	}
	if at == "" {
		return clip(best, 200)
	}
	// "Trường hợp hộ kinh doanh tạm ngừng kinh doanh từ 15 ngày trở lên
	// …, hộ kinh doanh gửi hồ sơ … chậm nhất là 03 ngày làm việc trước
	// ngày tạm ngừng": the case the deadline holds for is kept with it,
	// not the channel before a colon ("Trường hợp đăng ký trực tiếp: …").
	// A case may end at its "thì" instead: "Trường hợp hợp đồng … không
	// có thỏa thuận bên mua là người nộp thuế thay … thì nộp hồ sơ khai
	// thuế chậm nhất là 10 (mười) ngày".
	sep := ", "
	if i, j := strings.Index(best, ", "), strings.Index(best, " thì "); j >= 0 && (i < 0 || j < i) {
		sep = " thì "
	}
	if head, rest, ok := strings.Cut(best, sep); ok && utf8.RuneCountInString(best) > 200 && strings.Contains(strings.ToLower(rest), strings.ToLower(at)) {
		if i := strings.LastIndex(head, ": "); i >= 0 {
			head = head[i+2:]
		}
		if n := utf8.RuneCountInString(head); n <= maxDeadlineCase && strings.HasPrefix(strings.ToLower(head), "trường hợp") {
			return head + sep + quoteAround(rest, strings.Fields(vietnamese.Fold(at))[:1], 220-n)
		}
	}
	return quoteAround(best, strings.Fields(vietnamese.Fold(at))[:1], 200)
}
