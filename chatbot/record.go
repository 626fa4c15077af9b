package chatbot

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// Reading an official record so that a resident on a phone does not
// misread it: times with their unit, the main papers apart from the
// special cases and notes, steps numbered once.

// bareNumber is a time cell that lost its unit ("1", "120").
var bareNumber = regexp.MustCompile(`^\d+(?:[.,]\d+)?$`)

// readTime writes one channel's time with its unit: the unit the
// record's steps give the same number ("Trong thời hạn 03 ngày làm việc
// kể từ ngày tiếp nhận hồ sơ" for a cell "3"), or says that the record
// gives none.
func readTime(cell string, p *knowledge.Procedure) string {
	cell = strings.TrimSpace(cell)
	if bareNumber.MatchString(cell) {
		if u := stepsUnit(cell, p.Steps); u != "" {
			return cell + " " + u + " (đơn vị theo các bước giải quyết trong bản ghi)"
		}
		if t := nextDayAfter(p.Steps); t != "" {
			// The steps say when the result comes: the same working day,
			// or the next for a file received after the hour they name.
			return "«" + cell + "» (bản ghi thiếu đơn vị; các bước ghi: «" + t + "»)"
		}
		if t := receivedTime(p.Steps); t != "" {
			// The steps count the office's time from the file's receipt:
			// that, beside the number the table lost its unit from.
			return "«" + cell + "» (bản ghi thiếu đơn vị; các bước ghi: «" + t + "»)"
		}
		return "«" + cell + "» (bản ghi thiếu đơn vị ngày/giờ; hỏi cán bộ để biết rõ)"
	}
	// "20 Ngày" in the table, "tối đa không quá 20 ngày làm việc" in its
	// note: the note's unit is the whole of it.
	if m := bareDays.FindStringSubmatch(cell); m != nil {
		for _, mt := range p.Methods {
			for _, d := range workedDays.FindAllStringSubmatch(mt.Note, -1) {
				if d[1] == m[1] {
					return m[1] + " ngày làm việc"
				}
			}
		}
	}
	return cell
}

// workedDays is a number of working days in a note, without leading
// zeros: "20 ngày làm việc", "05 ngày làm việc".
var workedDays = regexp.MustCompile(`(?i)(?:^|\D)0*(\d+) ngày làm việc`)

// bareDays is a time cell of days that does not say whether working
// ones: "20 Ngày".
var bareDays = regexp.MustCompile(`(?i)^0*(\d+) ngày$`)

// afterHour is a step that answers a file received after an hour on the
// next working day: "nếu tiếp nhận hồ sơ sau 15 giờ thì có Phiếu hẹn, trả
// kết quả cho người yêu cầu trong ngày làm việc tiếp theo".
var afterHour = regexp.MustCompile(`(?i)(tiếp nhận hồ sơ sau \d+ giờ)[^.;]*?(trả kết quả)[^.;]*?(trong ngày làm việc tiếp theo)`)

// nextDayAfter returns afterHour's words in the steps, shortened, or "".
func nextDayAfter(steps []string) string {
	for _, step := range steps {
		if m := afterHour.FindStringSubmatch(step); m != nil {
			return m[1] + " thì … " + m[2] + " … " + m[3]
		}
	}
	return ""
}

// fromReceipt is a time limit counted from the office's receipt of the
// file: the office's own, not the resident's ("trong thời hạn 05 ngày
// làm việc kể từ ngày thanh toán hết các khoản nợ" is the resident's).
var fromReceipt = regexp.MustCompile(`(?i)(trong thời hạn|trong vòng|không quá|tối đa)( tối đa)?\s*0*\d+\s*(\([^()]{1,20}\)\s*)?(ngày làm việc|ngày|giờ làm việc|giờ)[^.;]{0,30}?kể từ (ngày|khi) (nhận|tiếp nhận)( được| đủ)?( đầy đủ)? (hồ sơ|giấy đề nghị|văn bản đề nghị|đơn)[^,.;]{0,30}`)

// receivedTime returns the first time limit the steps count from the
// file's receipt, "" when they count none so.
func receivedTime(steps []string) string {
	for _, step := range outcomeSentences(steps) {
		if loc := fromReceipt.FindStringIndex(step); loc != nil {
			m := step[loc[0]:loc[1]]
			if r, _ := utf8.DecodeRuneInString(step[loc[1]:]); unicode.IsLetter(r) {
				// Cut inside a word: end at the word before it.
				if i := strings.LastIndexByte(m, ' '); i > 0 {
					m = m[:i] + " …"
				}
			}
			return strings.TrimSpace(m)
		}
	}
	return ""
}

// checkSentence is a step's sentence that times the check of the file
// for completeness ("trả lời ngay tính hợp lệ của thành phần hồ sơ …
// trong thời hạn 01 ngày làm việc"), not the decision the resident
// waits for.
var checkSentence = regexp.MustCompile(`(?i)tính hợp lệ|tính đầy đủ|chưa đủ thành phần|chưa đầy đủ|chưa hợp lệ|hướng dẫn bổ sung|yêu cầu bổ sung|bổ sung, hoàn thiện`)

// clauseStop ends a sentence or a clause of a step.
var clauseStop = regexp.MustCompile(`\.\s+|\n+|;\s+`)

// outcomeSentences are the sentences of steps, those that time the
// check of the file left out.
func outcomeSentences(steps []string) []string {
	var out []string
	for _, step := range steps {
		// Clauses too: "b) … trả lời tính đầy đủ của hồ sơ …; c) Trong
		// thời hạn 05 ngày làm việc … quyết định công bố" is two.
		for _, s := range clauseStop.Split(step, -1) {
			if !checkSentence.MatchString(s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// unitAfter is a number and the unit of time after it in a step.
var unitAfter = regexp.MustCompile(`(?i)(?:^|[^\d.,])0*(\d+)\s+(ngày làm việc|ngày|giờ làm việc|giờ|tháng)(?:[^\p{L}]|$)`)

// stepsUnit returns the one unit the steps give the number n, or "" when
// they give it none or several.
func stepsUnit(n string, steps []string) string {
	n = strings.TrimLeft(n, "0")
	unit := ""
	for _, step := range outcomeSentences(steps) {
		for _, m := range unitAfter.FindAllStringSubmatch(step, -1) {
			if m[1] != n {
				continue
			}
			u := strings.ToLower(m[2])
			if unit != "" && unit != u {
				return ""
			}
			unit = u
		}
	}
	return unit
}

// timeOf reads the time of every channel, once when they agree; when the
// table gives none, the time the steps set the office ("trong thời hạn
// 03 ngày làm việc … cấp Giấy chứng nhận").
func timeOf(p *knowledge.Procedure) string {
	t := readTime(p.Time, p)
	if len(p.Methods) > 0 {
		// A channel with two times gives each for a case its note
		// names ("1 ngày làm việc (trường hợp thông tin có trong Cơ sở
		// dữ liệu quốc gia về dân cư); 3 ngày làm việc (trường hợp cần
		// xác minh)").
		times := make(map[string]string)
		cased := make(map[string]bool)
		for _, m := range p.Methods {
			if t, ok := times[m.Channel]; ok && t != m.Time {
				cased[m.Channel] = true
			}
			times[m.Channel] = m.Time
		}
		t = perChannel(p.Methods, func(m knowledge.Method) string {
			if c := timeCase(m); cased[m.Channel] && c != "" {
				return readTime(m.Time, p) + " (" + c + ")"
			}
			return readTime(m.Time, p)
		})
	}
	if t == "" {
		if s := stagedNote(p); s != "" {
			return "theo bản ghi: «" + s + "»"
		}
		if s := officeTime(p); s != "" {
			return "theo các bước trong bản ghi: «" + s + "»"
		}
	}
	return t
}

// stageTime is a stage's time in a channel's note: "b) Thẩm định hồ sơ
// …, quyết định: 33 ngày làm việc".
var stageTime = regexp.MustCompile(`:\s*0*\d+\s*(ngày làm việc|ngày|tháng)`)

// stagedNote is the note of a channel whose time cell is empty that
// times each stage ("a) Thông báo …: 02 ngày làm việc …; b) Thẩm định
// …: 33 ngày làm việc"): every stage is said with its time, its name
// cut short, not only the first the steps hold.
func stagedNote(p *knowledge.Procedure) string {
	for _, m := range p.Methods {
		note := strings.TrimSpace(m.Note)
		if m.Time != "" || len(stageTime.FindAllStringIndex(note, 3)) < 2 {
			continue
		}
		var stages []string
		for _, seg := range strings.Split(note, "; ") {
			if loc := stageTime.FindStringIndex(seg); loc != nil {
				stages = append(stages, clip(strings.TrimSpace(seg[:loc[0]]), maxStageName)+seg[loc[0]:loc[1]])
			}
		}
		if len(stages) >= 2 {
			return strings.Join(stages, "; ")
		}
	}
	return ""
}

// maxStageName bounds the name of a timed stage.
const maxStageName = 50

// timeNote returns the opening sentence of a channel's note that sets the
// time otherwise than its cell ("Thời hạn giải quyết khiếu nại lần đầu
// không quá 30 ngày …; đối với vụ việc phức tạp … không quá 45 ngày"
// beside a cell of 60 days, the longest case), "" when no note does.
func timeNote(p *knowledge.Procedure, t string) string {
	for _, m := range p.Methods {
		note := strings.TrimSpace(m.Note)
		if c := casesTimed(note, t); c != "" {
			return c
		}
		// "Theo quy định tại Điều 21 Luật tố cáo: thời hạn giải quyết tố
		// cáo là 60 ngày …" opens with the law it cites; "… (trừ các ngày
		// nghỉ lễ, tết …). Thời hạn giải quyết: - 03 ngày làm việc đối với
		// trường hợp …; - 07 ngày …" labels its own part, however far in.
		i := strings.Index(strings.ToLower(note), "thời hạn giải quyết")
		var first string
		labelled := false
		if at := timeLabel.FindStringIndex(note); at != nil && at[0] > 120 {
			first, _, _ = strings.Cut(note[at[1]:], ". ")
			labelled = true
		} else if i < 0 || i > 0 && !strings.HasSuffix(strings.TrimSpace(note[:i]), ":") || i > 120 {
			continue
		} else {
			first, _, _ = strings.Cut(note[i:], ". ")
		}
		// Each clause up to its time: "… lần đầu không quá 30 ngày; đối
		// với vụ việc phức tạp … không quá 45 ngày", not what it counts
		// from; a clause that opens with its time ("- 03 ngày làm việc đối
		// với trường hợp thông tin … đã có trong Cơ sở dữ liệu …") says its
		// case after it, cut short. A note that says only the cell's own
		// time says nothing.
		var clauses, leading []string
		other := false
		for _, c := range strings.Split(first, ";") {
			c = strings.TrimLeft(strings.TrimSpace(c), "-+• ")
			if loc := durationRe.FindStringIndex(c); loc != nil {
				if loc[0] <= 1 {
					leading = append(leading, strings.TrimRight(c, ". "))
					clauses = append(clauses, "")
				} else if labelled {
					// A part labelled far in whose cases come before
					// their times ("+ Trường hợp … xe: Không quá 02
					// ngày …; + Cấp chứng nhận thu hồi … trong trường
					// hợp bị mất …: … 30 ngày …") is the steps' detail,
					// which caseNoted reads when its case is asked.
					clauses = nil
					break
				} else {
					clauses = append(clauses, strings.TrimSpace(c[:loc[1]]))
				}
				d := durationRe.FindStringSubmatch(c)
				other = other || !strings.Contains(" "+t, " "+d[1]+" ")
			}
		}
		if labelled && clauses == nil {
			if same := sameCaseTime(note[strings.Index(note, first):], t); same != "" {
				return same
			}
		}
		if !other || len(clauses) == 0 {
			continue
		}
		k := 0
		for i, c := range clauses {
			if c == "" {
				clauses[i] = caseAfterTime(leading[k], leading)
				k++
			}
		}
		return clipAmount(upperFirst(strings.Join(clauses, "; ")), maxTimeNote)
	}
	return ""
}

// timedCaseLine is a case of a labelled time part and its time: "+ Cấp lại
// chứng nhận đăng ký xe: Phải tiến hành xác minh trong thời hạn 30 ngày
// …; sau khi xác minh, … cấp lại trong thời hạn 02 ngày làm việc."
var timedCaseLine = regexp.MustCompile(`\+\s*([^:+]{5,80}):\s*([^+]+)`)

// sameCaseTime returns the time that the first cases of a labelled part
// (part) share, when two or more say it word for word and it holds a
// time other than the cell t: a lost registration paper and a lost plate
// are both checked within 30 days, then re-issued in 2 working days,
// which the cell's "2 ngày làm việc" alone leaves out. "" otherwise.
func sameCaseTime(part, t string) string {
	ms := timedCaseLine.FindAllStringSubmatch(part, -1)
	if len(ms) < 2 {
		return ""
	}
	body := strings.TrimRight(strings.TrimSpace(ms[0][2]), ". ")
	if strings.TrimRight(strings.TrimSpace(ms[1][2]), ". ") != body {
		return ""
	}
	for _, d := range durationRe.FindAllStringSubmatch(body, -1) {
		if !strings.Contains(" "+t, " "+d[1]+" ") {
			return clipAmount(upperFirst(body), maxTimeNote)
		}
	}
	return ""
}

// timeLabel labels a note's part on the time, found in the note as
// written (a lowered copy's byte offsets need not be the note's).
var timeLabel = regexp.MustCompile(`(?i)thời hạn giải quyết:`)

// caseAfterTime shortens a clause that opens with its time to the time and
// what tells its case from the others' (all): "03 ngày làm việc … đã
// có trong Cơ sở dữ liệu quốc gia về dân cư" beside "07 ngày làm việc …
// chưa có …", not two cuts that both end "09 số".
func caseAfterTime(c string, all []string) string {
	if utf8.RuneCountInString(c) <= maxTimeCase {
		return c
	}
	loc := durationRe.FindStringIndex(c)
	head, rest := strings.TrimSpace(c[:loc[1]]), c[loc[1]:]
	if r, ok := strings.CutPrefix(strings.TrimSpace(rest), "làm việc"); ok {
		head, rest = head+" làm việc", r
	}
	for _, f := range strings.Fields(rest) {
		w := vietnamese.Fold(f)
		if w == "" || slices.ContainsFunc(all, func(o string) bool { return o != c && strings.Contains(foldedWords(o), " "+w+" ") }) {
			continue
		}
		at := strings.Index(rest, f)
		return head + " … " + clip(strings.TrimSpace(rest[at:]), maxTimeCase-utf8.RuneCountInString(head)-3)
	}
	return clip(c, maxTimeCase)
}

// noteCase is a sentence of a time's note that times a case of its
// own: "Trường hợp mất chứng nhận đăng ký xe thì thời hạn xác minh …
// là 30 ngày".
var noteCase = regexp.MustCompile(`(?i)^[-+•*\s]*trường hợp ([^,;:.]{3,80}?) thì [^;]*?\d+ (ngày|giờ|tháng)`)

// maxCaseNote is the length beyond which a case's note is said by its
// case, what is timed and the time only.
const maxCaseNote = 100

// caseNoted returns the sentence of a time's note that times the case
// the question names: every word of the case beyond the procedure's name
// said in the question ("mất cà vẹt xe máy, xin cấp lại" names "mất
// chứng nhận đăng ký xe"); "" when none does.
func caseNoted(p *knowledge.Procedure, question string) string {
	said := " " + strings.Join(vietnamese.Words(question), " ") + " "
	title := " " + strings.Join(vietnamese.Words(p.Title), " ") + " "
	for _, m := range p.Methods {
		for _, sentence := range fullStop.Split(m.Note, -1) {
			sentence = strings.TrimLeft(strings.TrimSpace(sentence), "-+•* ")
			loc := noteCase.FindStringSubmatchIndex(sentence)
			if loc == nil {
				continue
			}
			var own []string
			for _, w := range vietnamese.ContentWords(sentence[loc[2]:loc[3]]) {
				if !strings.Contains(title, " "+w+" ") && !genericWords[w] && len(w) > 1 {
					own = append(own, w)
				}
			}
			if len(own) == 0 || slices.ContainsFunc(own, func(w string) bool { return !strings.Contains(said, " "+w+" ") }) {
				continue
			}
			// Up to the clause that times it: "… là 30 ngày", not "; thời
			// hạn xác minh không tính vào …".
			if j := strings.Index(sentence[loc[1]:], ";"); j >= 0 {
				sentence = sentence[:loc[1]+j]
			}
			// A long sentence keeps its case, what is timed and the time:
			// "Trường hợp mất chứng nhận đăng ký xe thì thời hạn xác minh …
			// là 30 ngày".
			if utf8.RuneCountInString(sentence) > maxCaseNote {
				then := loc[3] + len(" thì ") // after the case and its "thì"
				what := strings.Fields(sentence[then:loc[1]])
				if len(what) > 7 {
					sentence = sentence[:then] + strings.Join(what[:4], " ") + " … " + strings.Join(what[len(what)-3:], " ")
				}
			}
			return clip(sentence, maxTimeNote)
		}
	}
	return ""
}

// caseTimed is a line of a note that times one case: "- Nhận hồ sơ từ
// NLĐ, người tham gia BHXH tự nguyện: Tối đa 03 ngày làm việc kể từ …".
var caseTimed = regexp.MustCompile(`(?im)^[-+•*\s]*([^:\n]{5,80}):\s*(?:tối đa|không quá|trong)?\s*0*(\d+ (?:ngày|giờ)(?: làm việc)?)`)

// casesTimed returns a note's times for its cases, each with its case
// ("nhận hồ sơ từ đơn vị SDLĐ: 6 ngày làm việc; nhận hồ sơ từ NLĐ, người
// tham gia BHXH tự nguyện: 3 ngày làm việc"), when the note times two or
// more cases and one otherwise than the cell t; "" otherwise.
func casesTimed(note, t string) string {
	ms := caseTimed.FindAllStringSubmatch(note, -1)
	if len(ms) < 2 {
		return ""
	}
	var parts []string
	other := false
	for _, m := range ms {
		if strings.ContainsAny(m[1], "0123456789") {
			continue // a table's cells run together, not a case
		}
		part := lowerFirst(strings.TrimSpace(m[1])) + ": " + m[2]
		if slices.Contains(parts, part) {
			continue // said again for another channel
		}
		n, _, _ := strings.Cut(m[2], " ")
		other = other || !strings.Contains(" "+t, " "+n+" ")
		parts = append(parts, part)
	}
	if !other || len(parts) < 2 {
		return ""
	}
	return clip(upperFirst(strings.Join(parts, "; ")), maxTimeNote)
}

// maxTimeNote bounds the note quoted beside a time.
const maxTimeNote = 200

// caseClause is the case a sentence sets a time for: "đối với trường
// hợp công dân đã có thông tin …", "với trường hợp cần xác minh".
var caseClause = regexp.MustCompile(`(?i)trường hợp\s+[^,;.()]{3,}`)

// leadingNumber is the number a time cell starts with.
var leadingNumber = regexp.MustCompile(`^\s*0*(\d+)`)

// durationRe is a length of time in a note, its number without leading
// zeros.
var durationRe = regexp.MustCompile(`(?:^|\D)0*(\d+)\s*(?:ngày|giờ|tháng)`)

// maxTimeCase bounds the case said beside a time.
const maxTimeCase = 80

// timeCase returns the case a method's note gives its time for: the
// "trường hợp …" of the note's sentence that says the time's number, up
// to a comma or "thì"; "" when the note names none.
func timeCase(m knowledge.Method) string {
	n := leadingNumber.FindStringSubmatch(m.Time)
	if n == nil {
		return ""
	}
	var said []string // the note's sentences that say the time
	for _, s := range sentenceBreak.Split(m.Note, -1) {
		for _, d := range durationRe.FindAllStringSubmatch(s, -1) {
			if d[1] == n[1] {
				said = append(said, s)
				break
			}
		}
	}
	// A time of hours the note gives as "at once" ("Cấp biển số định
	// danh lần đầu: Cấp ngay sau khi tiếp nhận hồ sơ").
	if len(said) == 0 && strings.Contains(strings.ToLower(m.Time), "giờ") {
		for _, s := range sentenceBreak.Split(m.Note, -1) {
			if l := strings.ToLower(s); strings.Contains(l, "cấp ngay") || strings.Contains(l, "ngay sau khi") {
				said = append(said, s)
			}
		}
	}
	// A time the note gives for two things ("Cấp chứng nhận thu hồi …:
	// 02 ngày …; Cấp chứng nhận đăng ký xe: 02 ngày") is not one case's.
	if len(said) != 1 {
		return ""
	}
	c := caseClause.FindString(said[0])
	if i := strings.Index(c, " thì "); i > 0 {
		c = c[:i]
	}
	if c = strings.TrimSpace(c); c == "" {
		// "Cấp lại biển số định danh: Không quá 07 ngày làm việc"
		if label, _, ok := strings.Cut(said[0], ": "); ok && utf8.RuneCountInString(label) <= maxTimeCase {
			c = strings.TrimSpace(strings.Trim(label, "-+*• "))
		}
	}
	if c == "" {
		return ""
	}
	return clip(strings.ToLower(c[:1])+c[1:], maxTimeCase)
}

// officeTimeRe is the office's own time limit in a record's steps.
var officeTimeRe = regexp.MustCompile(`(?i)(trong thời hạn|trong vòng|không quá)\s*\d+\s*(ngày làm việc|ngày|giờ làm việc|giờ)`)

// officeTime is the step that says how long the office takes.
func officeTime(p *knowledge.Procedure) string {
	for _, step := range p.Steps {
		for _, s := range sentenceBreak.Split(step, -1) {
			l := strings.ToLower(s)
			if loc := officeTimeRe.FindStringIndex(s); loc != nil && (strings.Contains(l, "cấp") || strings.Contains(l, "giải quyết") || strings.Contains(l, "trả kết quả")) {
				s = strings.TrimSpace(strings.Trim(s, "-+*. "))
				// The quote holds the time, however far into the step it is.
				limit := strings.Fields(vietnamese.Fold(officeTimeRe.FindString(s)))
				if len(limit) == 0 {
					return clip(s, 160)
				}
				return quoteAround(s, limit[:1], 160)
			}
		}
	}
	return ""
}

// caseTimeRe is a time a record's steps give the office for one case:
// "không quá 03 ngày kể từ ngày nhận đủ hồ sơ", "trả trong ngày".
var caseTimeRe = regexp.MustCompile(`(?i)(không quá|trong thời hạn|trong vòng|tối đa)\s*0*\d+\s*(ngày làm việc|ngày|giờ làm việc|giờ)|trả (kết quả )?(ngay )?trong ngày`)

// maxCaseTime bounds the quote of a case's time.
const maxCaseTime = 240

// caseGroup is a case the steps give a time, with how well the question
// names it.
type caseGroup struct {
	text    string
	heading string  // the line its bullets stand under, if any
	score   int     // matchScore of the question's words
	share   float64 // of the case's own words, the share the question says
}

// timeFor is a time a sentence gives one case: "không quá 01 ngày đối
// với đám tang".
var timeFor = regexp.MustCompile(`(?i)((?:không quá|trong vòng|tối đa)?\s*0*\d+\s*(?:ngày làm việc|ngày|giờ làm việc|giờ)) đối với ([^,;.()]{3,60})`)

// maxBulletCase bounds the condition of a case under a heading.
const maxBulletCase = 70

// maxNoteCase bounds the case a time table's note names before its time.
const maxNoteCase = 100

// minCaseShare is the least share of a case's own words a question says
// to name it when its words alone do not single it out.
const minCaseShare = 0.4

// gradeWord is a grade of a building, a road or a crossing as a case
// names it (folded): "cấp I", "cấp đặc biệt", "cấp 3".
var gradeWord = regexp.MustCompile(` cap (i|ii|iii|iv|v|1|2|3|4|5|dac biet)\b`)

// gradeSaid returns the grade a question (folded, padded) names, or "".
func gradeSaid(padded string) string {
	if m := gradeWord.FindStringSubmatch(padded); m != nil {
		return romanGrade(m[1])
	}
	return ""
}

// gradesOf returns the grades a case's text names, "cấp I, cấp đặc biệt"
// as {"i", "dac biet"}.
func gradesOf(text string) []string {
	var out []string
	for _, m := range gradeWord.FindAllStringSubmatch(foldedWords(text), -1) {
		out = append(out, romanGrade(m[1]))
	}
	return out
}

// romanGrade writes a grade's number as the records do, in Roman.
func romanGrade(g string) string {
	if r, ok := map[string]string{"1": "i", "2": "ii", "3": "iii", "4": "iv", "5": "v"}[g]; ok {
		return r
	}
	return g
}

// restCase names the case of all the others: "đối với công trình còn
// lại", "các trường hợp khác".
var restCase = regexp.MustCompile(` (con lai|truong hop khac|cac truong hop con lai) `)

// pickBest returns the index of the group of the highest value, the
// first of equals.
func pickBest(groups []caseGroup, value func(caseGroup) float64) int {
	best := 0
	for i, g := range groups {
		if value(g) > value(groups[best]) {
			best = i
		}
	}
	return best
}

// secondBest returns the highest value of the groups other than best.
func secondBest(groups []caseGroup, best int, value func(caseGroup) float64) float64 {
	second := 0.0
	for i, g := range groups {
		if i != best {
			second = max(second, value(g))
		}
	}
	return second
}

// caseTime returns the steps' words on the office's time for the case
// the question names, when the steps give several cases their own times
// and the question's words single one out: a record for "Cấp lại, đổi,
// điều chỉnh thông tin trên sổ BHXH, thẻ BHYT" takes 45 days in its
// table, but its steps say "3. Cấp lại, đổi thẻ BHYT: + Trường hợp thay
// đổi thông tin: Không quá 03 ngày …; + Trường hợp không thay đổi thông
// tin …: trả trong ngày". A case is a line that labels its time ("…:
// không quá 5 ngày"), with the heading line above its bullets. "" when
// no case stands out.
func caseTime(p *knowledge.Procedure, question string) string {
	var groups []caseGroup
	heading := ""
	// The steps, and the notes of the time table, once each: "- Nhận hồ
	// sơ từ NLĐ, người tham gia BHXH tự nguyện: Tối đa 03 ngày làm việc".
	// A note's case is a short bullet whose time follows its colon.
	texts := slices.Clone(p.Steps)
	notes := len(texts)
	for _, m := range p.Methods {
		if m.Note != "" && !slices.Contains(texts, m.Note) {
			texts = append(texts, m.Note)
		}
	}
	for i, step := range texts {
		heading = ""
		for _, line := range strings.Split(step, "\n") {
			line = strings.TrimSpace(line)
			l := caseTimeRe.FindStringIndex(line)
			bulleted := strings.HasPrefix(line, "+") || strings.HasPrefix(line, "-")
			if i >= notes && l != nil && (!bulleted || utf8.RuneCountInString(line[:l[0]]) > maxNoteCase) {
				continue
			}
			if l == nil || !strings.HasSuffix(strings.TrimSpace(line[:l[0]]), ":") {
				// "3. Cấp lại, đổi thẻ BHYT:" heads the bullets below it.
				heading = ""
				if strings.HasSuffix(line, ":") && utf8.RuneCountInString(line) <= 120 {
					heading = line
				}
				continue
			}
			// "Thời hạn giải quyết 1. Cấp lại sổ BHXH …": the section's
			// name is no case's word.
			timed := strings.TrimSpace(strings.TrimPrefix(line[:l[1]], "Thời hạn giải quyết"))
			if bulleted && heading != "" {
				// A bullet's long condition is cut, so that every case's
				// time fits: "+ Trường hợp không thay đổi thông tin hoặc
				// người tham gia đang điều trị …: trả trong ngày".
				label := strings.TrimRight(strings.TrimSpace(line[:l[0]]), ":")
				timed = clip(label, maxBulletCase) + ": " + line[l[0]:l[1]]
			}
			if slices.ContainsFunc(groups, func(g caseGroup) bool { return strings.HasSuffix(g.text, timed) }) {
				continue // the table repeats a note for each channel
			}
			switch {
			case bulleted && heading != "" && len(groups) > 0 && strings.HasPrefix(groups[len(groups)-1].text, heading):
				groups[len(groups)-1].text += " …; " + timed
			case bulleted && heading != "":
				groups = append(groups, caseGroup{text: heading + " " + timed, heading: heading})
			default:
				groups = append(groups, caseGroup{text: timed})
				heading = ""
			}
		}
	}
	// "Trong thời hạn không quá 01 ngày đối với đám tang, không quá 05
	// ngày làm việc đối với các trường hợp khác": one sentence, a time
	// for each case it names.
	if len(groups) < 2 {
		groups = groups[:0]
		for _, step := range p.Steps {
			for _, sentence := range fullStop.Split(step, -1) {
				ms := timeFor.FindAllStringSubmatch(sentence, -1)
				if len(ms) < 2 {
					continue
				}
				for _, m := range ms {
					// "công trình còn lại kể từ ngày tiếp nhận …": the case,
					// not what its time counts from.
					c, _, _ := strings.Cut(m[2], " kể từ")
					c = strings.TrimSpace(c)
					groups = append(groups, caseGroup{text: c + ": " + m[1], heading: c})
				}
			}
		}
	}
	if len(groups) < 2 {
		return ""
	}
	// The dictionary says the question in the record's words: "thẻ bảo
	// hiểm y tế" is its "thẻ BHYT"; not what it asks ("bao lâu" is
	// "thời hạn giải quyết" in every case).
	var named []string
	for _, x := range caseDictionary().Expand(question) {
		if !slices.ContainsFunc(strings.Fields(x), func(w string) bool { return intentWords[w] }) {
			named = append(named, x)
		}
	}
	if len(named) > 0 {
		question += " . " + strings.Join(named, " . ")
	}
	// Every word counts that is neither a question's filler nor a word of
	// what it asks ("mấy ngày", not the "mất" of "làm mất thẻ"); and
	// "thẻ", though it folds to a stop word, names the card.
	typed, folded := vietnamese.Said(question)
	padded := " " + strings.Join(folded, " ") + " "
	asks := make(map[string]bool)
	for _, ic := range intentCues {
		for _, c := range ic.cues {
			if strings.Contains(padded, " "+c+" ") {
				for _, w := range strings.Fields(c) {
					asks[w] = true
				}
			}
		}
	}
	var words []string
	for i, w := range folded {
		// A common word typed as the procedure word it folds from
		// ("thẻ", not "thế") names the thing.
		meant := slices.Contains(meantSpelling[w], typed[i])
		if (!genericWords[w] && !asks[w] || meant) && len(w) > 1 && !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	said := padded
	asTyped := spellQuestion(question)
	asked := make(map[string]bool, len(words))
	for _, w := range words {
		asked[w] = true
	}
	for i := range groups {
		g := &groups[i]
		label := g.heading // "Cấp lại, đổi thẻ BHYT:" over its bullets
		if label == "" {
			label = g.text
			if l := caseTimeRe.FindStringIndex(label); l != nil {
				label = label[:l[0]]
			}
		}
		// A word counts as the question spells it: "hộ nghèo" is not
		// the "họ, tên" of a book's change.
		g.score = matchScore(asTyped.spelledIn(words, g.text), said, g.text)
		// How much of the case's own words the question says: "Cấp lại,
		// đổi thẻ BHYT" is all but said by "làm mất thẻ BHYT, cấp lại",
		// the long list of a book's changes hardly.
		var have, all int
		for _, w := range strings.Fields(foldedWords(label)) {
			if genericWords[w] && !asked[w] || len(w) < 2 {
				continue
			}
			all++
			if asked[w] {
				have++
			}
		}
		if all > 0 {
			g.share = float64(have) / float64(all)
		}
	}
	// A grade asked ("công trình cấp III") is not a case that names
	// others ("công trình cấp I, cấp đặc biệt"): it is the rest's ("công
	// trình còn lại") when no case names it.
	if grade := gradeSaid(padded); grade != "" {
		named := slices.ContainsFunc(groups, func(g caseGroup) bool { return slices.Contains(gradesOf(g.text), grade) })
		for i := range groups {
			g := &groups[i]
			switch gs := gradesOf(g.text); {
			case len(gs) > 0 && !slices.Contains(gs, grade):
				g.score, g.share = -1, 0
			case !named && restCase.MatchString(foldedWords(g.text)):
				g.score, g.share = math.MaxInt/2, 1
			}
		}
	}
	best := pickBest(groups, func(g caseGroup) float64 { return float64(g.score) })
	second := secondBest(groups, best, func(g caseGroup) float64 { return float64(g.score) })
	if groups[best].score < 2 {
		return ""
	}
	if groups[best].score-int(second) < 2 {
		// Words alike: the case whose own words the question says most.
		best = pickBest(groups, func(g caseGroup) float64 { return g.share })
		if groups[best].share < minCaseShare || groups[best].share < 2*secondBest(groups, best, func(g caseGroup) float64 { return g.share }) {
			return ""
		}
	}
	text := groups[best].text
	if groups[best].heading == "" { // a heading's bullets are cut each (maxBulletCase)
		text = compactCase(text, words)
	}
	return clip(text, maxCaseTime) + " …"
}

// maxCaseLabel bounds a case's words before its time, beyond which only
// its first clause and the clause the question names are kept.
const maxCaseLabel = 120

// compactCase keeps, of a case whose words run long before its time
// ("1. Cấp lại sổ BHXH do thay đổi họ, tên, chữ đệm; ngày, tháng, năm
// sinh; …; sổ BHXH mất, hỏng; …: không quá 10 ngày"), the first clause,
// the clause that says most of the question's words (folded) beyond the
// first's, and the time, which a quote cut at its length would lose.
func compactCase(text string, words []string) string {
	ls := caseTimeRe.FindAllStringIndex(text, -1)
	if len(ls) == 0 {
		return text
	}
	l := ls[len(ls)-1]
	label := strings.TrimRight(strings.TrimSpace(text[:l[0]]), ": ")
	if utf8.RuneCountInString(label) <= maxCaseLabel {
		return text
	}
	parts := strings.Split(label, "; ")
	first := foldedWords(parts[0])
	best, most := "", 0
	for _, part := range parts[1:] {
		f, n := foldedWords(part), 0
		for _, w := range words {
			if strings.Contains(f, " "+w+" ") && !strings.Contains(first, " "+w+" ") {
				n++
			}
		}
		if n > most {
			best, most = part, n
		}
	}
	out := clip(parts[0], maxCaseLabel/2)
	if best != "" {
		out += "; … " + clip(best, maxCaseLabel/2)
	}
	return out + "; …: " + text[l[0]:l[1]]
}

// paper is one paper to bring, read for a resident.
type paper struct {
	name    string // short name
	full    string // as the record writes it, with its count
	special bool   // only in a special case ("Trường hợp …", "nếu …")
	show    bool   // to show, not to hand in
	other   bool   // of another case than the question's (papersOf)
	asked   bool   // a special case the question says the resident is in (papersOf)
	form    string // the form's file the record attaches, named as a form ("Mẫu số 01 TKN-CNKD"), or ""
}

// byProxy starts a paper needed only when someone else applies on the
// applicant's behalf: the letter of authority.
var byProxy = regexp.MustCompile(`(?i)^((bản sao|bản chính|bản chụp)( có chứng thực)? )?((văn bản|giấy) (ủy|uỷ) quyền|người (ủy|uỷ) quyền)`)

// copyKind is the "bản chính hoặc bản sao có chứng thực … của" that
// starts many papers' names; the count says it, the name is what follows.
var copyKind = regexp.MustCompile(`(?i)^((bản chính|bản sao|bản chụp)( có chứng thực| được chứng thực| điện tử| được cấp| kèm theo bản chính để đối chiếu)*( từ (bản chính|sổ gốc))?( hoặc | và |, )?)+(được chứng thực )?(từ bản chính )?\s*(của )?`)

// specialCase starts a paper needed only in some cases; a bracket that
// names whom the paper is for says so too: "Hộ chiếu còn thời hạn sử
// dụng (đối với người nước ngoài, …)", not "(nếu nộp trực tiếp)" after a
// form's name. A case the name states after its opening words
// caseBeyond reads against the heading, or caseNear without one.
// A form's bracket ("Tờ khai thuế thu nhập cá nhân (áp dụng đối với cá
// nhân có thu nhập từ chuyển nhượng bất động sản …) mẫu số 03/BĐS-TNCN")
// says which form it is, not a case: the only form of its kind is
// everyone's.
var (
	specialCase    = regexp.MustCompile(`(?i)^(trường hợp|đối với|nếu|khi|ngoài ra|riêng|với trường hợp)|^.{0,110}nếu có`)
	specialBracket = regexp.MustCompile(`(?i)\(\s*(đối với|áp dụng (đối )?với|dành cho|chỉ áp dụng) `)
	// "Bản khai … (Mẫu số 04B – HBQP …) đối với người có thời gian phục
	// vụ trong Quân đội trước ngày 01/01/2007 …": a form for those with
	// a past of their own, said after its code; not "(Mẫu TK1-TS) đối
	// với người tham gia lần đầu", every new member's form.
	afterForm = regexp.MustCompile(`(?i)\)\s*(đối với|áp dụng (đối )?với|dành cho) (người|trường hợp) (có thời gian|thuộc|đã từng|bị|được hưởng) `)
	// "Công trình tôn giáo thuộc dự án bảo quản, tu bổ, phục hồi di tích
	// …, phải bổ sung văn bản …": what a kind of work adds, not a paper of
	// every applicant's.
	addedFor = regexp.MustCompile(`(?i)^[^.;:]{5,160}?,\s*phải (bổ sung|nộp thêm|có thêm|kèm theo) `)
)

// caseNear is a case a name states near its start (within ~100
// characters), read as special when no heading says whom the papers are
// for: "Bản sao Giấy chứng nhận … trong trường hợp di chúc liên quan
// đến …" further on is every applicant's whose case it is, and the
// question's words bring it first (papersOf).
var caseNear = regexp.MustCompile(`(?i)^.{0,110}(trong trường hợp|đối với trường hợp)`)

// forSome is a paper its name says is for some applicants only, within
// ~110 characters: "Biên bản giám định mức suy giảm KNLĐ … đối với thân
// nhân bị suy giảm KNLĐ từ 81% trở lên".
var forSome = regexp.MustCompile(`(?i)^.{10,110}? đối với (người|thân nhân|con|trẻ em|lao động|NLĐ)[^.;:()]{0,30}? (bị|thuộc|đã từng|được hưởng|từ đủ) `)

// caseLacking is a case, however far into a name's first sentence, of
// one who lacks another paper: "Giấy tờ, tài liệu, chứng cứ … chứng
// minh sự kiện chết đối với trường hợp đăng ký khai tử cho người chết đã
// lâu, không có Giấy báo tử" is not what a family with the death notice
// brings. A list the name opens ("Một trong những giấy tờ … bao gồm: +
// …") may name such cases among its items; the paper is everyone's.
var caseLacking = regexp.MustCompile(`(?i)^[^.:;+]{0,200}(trong|đối với) trường hợp [^.:;+]{0,120}không (có|còn) (giấy|bản|sổ|văn bản)`)

// laterCase is the case a paper's name states after its opening words
// ("Văn bản của bên nhận thế chấp … đối với trường hợp … đang được thế
// chấp …").
var laterCase = regexp.MustCompile(`(?i)(đối với|trong) trường hợp (.+)$`)

// caseBeyond reports a paper for a case its name states, unless that
// case is the first the heading it stands under states: under "a) Đối
// với trường hợp chuyển đổi, chuyển nhượng, thừa kế …; cho thuê …; bán …
// đất thuê của Nhà nước …" the contract "đối với trường hợp chuyển đổi,
// chuyển nhượng, thừa kế" is every applicant's; the mortgagee's consent
// "đối với trường hợp … đang được thế chấp" and the papers of leased
// land, the heading's third case, are not.
func caseBeyond(name, heading string) bool {
	m := laterCase.FindStringSubmatch(name)
	if m == nil {
		return false
	}
	words := vietnamese.Words(m[2])
	first := strings.Split(heading, ";")[0]
	h := foldedWords(first)
	in := 0
	for _, w := range words {
		if strings.Contains(h, " "+w+" ") {
			in++
		}
	}
	return float64(in) < headingCaseShare*float64(len(words))
}

// minUnsaid is the words a particular case's heading must say beyond
// the question and the title for the dictionary's reading alone not to
// name it (pickCase).
const minUnsaid = 3

// headingCaseShare is the share of a paper's case words its heading must
// hold for the case to be the heading's own.
const headingCaseShare = 0.9

// paperCase is the papers of one case a record lists under its own
// heading ("Đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn, ở
// nhờ"), or of the record as a whole (heading "").
type paperCase struct {
	heading string
	papers  []paper
	// section: its heading is one of the record's sections ("a)
	// Thành phần hồ sơ …, gồm:"), each a case of the whole title.
	section bool
	// The heading's folded words, and the heading's and papers' (see
	// foldedWords), for pickCase.
	headingWords, words string
}

// letteredSection is a heading lettered as a section of the record:
// "A - Đối với cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH".
var letteredSection = regexp.MustCompile(`^[A-H]\s*[-–]\s+`)

// caseHeading tells a heading that names a case of the procedure from
// one that names a kind of paper ("Giấy tờ phải nộp:") or a note. A
// section lettered or numbered in Roman ("A - Đối với …", "II. Trường
// hợp …") is one too.
var caseHeading = regexp.MustCompile(`(?i)^(\d+\.\s*|(?-i:[A-H]|[IVX]{1,4})\s*[-–.)]\s*)?(trường hợp|đối với|đăng ký|người|cá nhân|hộ gia đình|hộ kinh doanh|nlđ|lao động|công dân)`)

// notCase marks a heading that says how to hand papers in, not for whom:
// "… thực hiện việc nộp/xuất trình … các giấy tờ sau:".
var notCase = regexp.MustCompile(`(?i)giấy tờ sau|nộp/xuất trình|xuất trình|tải lên|thành phần hồ sơ|hồ sơ gồm|lưu ý|trực tuyến|trực tiếp|bưu chính|gửi kèm|nộp, |bản chụp|bản sao| thì |không phải`)

// byOneself is who deals with the office, not how papers go in: "Trường
// hợp cá nhân đăng ký thuế trực tiếp với cơ quan thuế" beside "… ủy
// quyền cho cơ quan chi trả thu nhập".
// So is one who owes no tax ("Hộ kinh doanh … không phải nộp thuế thu
// nhập cá nhân …:"): a case, not papers not to hand in.
var byOneself = regexp.MustCompile(`(?i)trực tiếp với|không phải nộp thuế`)

// howHandedIn reports a heading that says how to hand papers in (notCase).
func howHandedIn(h string) bool {
	return notCase.MatchString(byOneself.ReplaceAllString(h, ""))
}

// filesFollow ends a case's heading that announces its papers: "Đăng
// ký tạm trú theo danh sách, hồ sơ gồm:".
var filesFollow = regexp.MustCompile(`(?i)[,;]?\s*(thì\s+)?hồ sơ gồm\s*:?\s*$`)

// whoseRow is a row numbered in the record's outline ("1.4.") that
// names a kind of applicant, then that kind's papers.
var whoseRow = regexp.MustCompile(`^\d+\.\d+\.\s+([^:;]{5,200}?)(?:,? hồ sơ(?: đề nghị[^:;]{0,60})?)? (?:là|gồm|bao gồm)(?: các giấy tờ sau(?: đây)?)?:?\s+((?i:(?:a\) )?(?:bản sao|bản chính|giấy|văn bản|tờ khai|đơn|sổ|trích lục)).*)$`)

// nestedNumber is a number of the record's outline after a case's colon.
var nestedNumber = regexp.MustCompile(`:\s*\d+(\.\d+)+\.?\s+`)

// bracketNote is a note in brackets that ends a heading.
var bracketNote = regexp.MustCompile(`\s*\(([^()]+)\)\.?$`)

// romanNumber starts a heading numbered "(i)", "(iv)".
var romanNumber = regexp.MustCompile(`^\((i{1,3}|iv|v|vi{1,3}|ix|x)\)\s`)

// topNumber starts a heading numbered at the top level: "2. Đại lý thu",
// not "2.1." or "a)".
var topNumber = regexp.MustCompile(`^\d{1,2}\.\s`)

// isCase reports a heading that names a case of the procedure.
func isCase(heading string) bool {
	h := filesFollow.ReplaceAllString(heading, "")
	// A heading that announces its papers names a case however it
	// starts: "Tách hộ để đăng ký thường trú tại cùng một chỗ ở hợp
	// pháp, hồ sơ gồm:".
	announces := h != heading && len(strings.Fields(h)) >= 4 && !strings.Contains(strings.ToLower(h), "thành phần")
	return (caseHeading.MatchString(h) || announces) && !howHandedIn(h) && (utf8.RuneCountInString(h) <= 200 || countedCase.MatchString(h))
}

// longCase reports a long heading that ends in a colon (colon) and names
// a case: "Hộ kinh doanh … thuộc đối tượng nộp thuế … theo phương pháp …
// và các loại thuế khác:" announces its papers.
func longCase(heading string, colon bool) bool {
	return colon && utf8.RuneCountInString(heading) <= maxCaseHeading && caseHeading.MatchString(heading) && !howHandedIn(heading)
}

// maxCaseHeading bounds a heading that announces its papers with a
// colon.
const maxCaseHeading = 280

// countedCase is a case the record counts ("Trường hợp 5: Xác nhận đối
// tượng … (áp dụng cho …)"): a case however long its heading.
var countedCase = regexp.MustCompile(`(?i)^trường hợp \d+\s*:`)

// longSection reports a heading numbered at the top of the record's
// outline that opens a case too long for isCase: "2. Trường hợp người
// hưởng là người sinh con … trong thời gian bảo lưu … (áp dụng cho cả
// …)" and "3. Trường hợp các hồ sơ … do cơ quan … của nước ngoài cấp thì
// phải đáp ứng …" are sections of their own, not more papers of "1.".
func longSection(heading string) bool {
	return utf8.RuneCountInString(heading) > 200 && particular.MatchString(heading)
}

// paperCases reads a record's papers case by case: a row without a count
// heads the papers that follow it; notes between tables are dropped. The
// papers in each case come every applicant's first (see paperRank).
func paperCases(p *knowledge.Procedure) []paperCase {
	var cases []paperCase
	pending := ""
	show := false
	// Of a procedure about authority itself, the letter is what it is about.
	title := strings.ToLower(p.Title)
	proxyProcedure := strings.Contains(title, "ủy quyền") || strings.Contains(title, "uỷ quyền")
	context := ""         // the last heading that names a case, however long: whom the papers under it are for
	numberedCase := false // the last case's heading is numbered ("1. Người tham gia")
	byCase := false       // the papers follow a lead to papers of cases (caseLead)
	var fallbacks []fallback
	for _, pp := range p.Papers {
		name := strings.TrimSpace(pp.Name)
		// "Trường hợp … đã ly hôn … thì người yêu cầu có trách nhiệm cung
		// cấp thông tin về giấy tờ (… Bản án/Quyết định ly hôn …)", a row
		// the portal gives no count ("0 bản"), is that case's paper, not
		// a heading.
		if pp.Count == "" && pp.Form == "" && caseDuty.MatchString(name) {
			if len(cases) == 0 {
				cases = append(cases, paperCase{})
			}
			c := &cases[len(cases)-1]
			c.papers = append(c.papers, paper{name: dutyName(name), full: name, special: true})
			continue
		}
		if pp.Count == "" && pp.Form == "" {
			pending, context, byCase = name, "", false
			if strings.Contains(strings.ToLower(name), "trường hợp") {
				context = name // long or not, it says whom the papers are for
			}
			continue
		}
		if pending != "" {
			l := strings.ToLower(pending)
			// "Giấy tờ phải xuất trình:" heads papers to show; a note
			// that says "không phải xuất trình" heads nothing.
			show = strings.Contains(l, "xuất trình") && !strings.Contains(l, "nộp") && !strings.Contains(l, "không phải xuất trình")
			heading := strings.TrimRight(stepPrefix.ReplaceAllString(pending, ""), ": ")
			// "1. Đối với NLĐ (Trường hợp không quy định là bản chính thì
			// có thể nộp bản sao hợp lệ. …)": a note in brackets on how
			// copies go in does not make the case a way of handing in.
			if m := bracketNote.FindStringSubmatchIndex(heading); m != nil && howHandedIn(heading[m[2]:m[3]]) && isCase(heading[:m[0]]) {
				heading = strings.TrimRight(heading[:m[0]], ": ")
			}
			// "2. Đại lý thu" after "1. Người tham gia": a numbered
			// heading beside a numbered case is the next case.
			numbered := topNumber.MatchString(pending)
			// "(iv) Chấm dứt hiệu lực mã số thuế đối với hộ gia đình, cá
			// nhân …": a heading numbered (i), (ii) that says for whom
			// is a case, as the tax records write theirs.
			roman := romanNumber.MatchString(pending) && strings.Contains(strings.ToLower(heading), "đối với ")
			// "đ) Thành phần hồ sơ chuyển mục đích sử dụng đất thuộc diện
			// …, gồm:" names its case after "Thành phần hồ sơ".
			if m := filesOf.FindStringSubmatch(heading); m != nil && len(strings.Fields(m[1])) >= 3 {
				cases = append(cases, paperCase{heading: m[1], section: true})
				numberedCase = false
			} else if isCase(heading) || longCase(heading, strings.HasSuffix(pending, ":")) || (numbered && numberedCase || roman) && !howHandedIn(heading) || numbered && longSection(heading) {
				// "A - Đối với … sổ BHXH", "B - Đối với … thẻ BHYT": the
				// record's lettered sections, each a case of its title.
				lettered := letteredSection.MatchString(heading)
				if lettered {
					// Said short: "cấp lại, đổi, điều chỉnh thông tin trên
					// thẻ BHYT" is the case.
					heading = strings.TrimPrefix(letteredSection.ReplaceAllString(heading, ""), "Đối với ")
				}
				cases = append(cases, paperCase{heading: filesFollow.ReplaceAllString(heading, ""), section: lettered})
				numberedCase = numbered
			}
			pending = ""
		}
		if len(cases) == 0 {
			cases = append(cases, paperCase{})
		}
		if name == "" {
			name = pp.Form
		}
		full := paperFull(pp)
		c := &cases[len(cases)-1]
		bare := stepPrefix.ReplaceAllString(name, "") // "(ii) Trường hợp ủy quyền …"
		// "Số lượng hồ sơ: 01 (bộ)." in a row of its own counts the
		// files; it is no paper.
		if fileCount.MatchString(bare) {
			continue
		}
		// "Trong đó cung cấp rõ số thuê bao di động chính chủ, …" under
		// the form TK01 says what to write in it: part of that paper.
		if m := inIt.FindStringIndex(bare); m != nil && len(c.papers) > 0 {
			last := &c.papers[len(c.papers)-1]
			note, _, _ := strings.Cut(bare[m[1]:], ", ")
			if note = strings.TrimRight(note, ".;: "); utf8.RuneCountInString(note) <= 60 && !strings.Contains(last.name, ": ") {
				last.name += ": " + note
			}
			last.full += " " + full
			continue
		}
		// "Trường hợp không có văn bản nêu trên thì phải có văn bản cam
		// đoan của các bên … và có ít nhất hai người làm chứng" stands in
		// for a paper that cannot be had: it is said with that paper,
		// wherever the portal lists it (below), or a father reads that
		// only a DNA test will do.
		if m := fallbackRow.FindStringSubmatch(bare); m != nil {
			fallbacks = append(fallbacks, fallback{head: strings.ToLower(m[1]), instead: m[2], full: full, at: len(cases) - 1})
			continue
		}
		// "Ngoài giấy tờ nêu trên, tùy từng trường hợp, bên nam, bên nữ
		// phải nộp giấy tờ tương ứng sau đây:", counted as a paper by the
		// portal, leads the papers of cases up to the next heading.
		if caseLead.MatchString(bare) {
			byCase = true
			continue
		}
		// "Người có yêu cầu đăng ký khai sinh thực hiện việc nộp/xuất
		// trình … các giấy tờ sau:", counted too, leads everyone's papers:
		// it is none of them.
		if papersLead.MatchString(bare) {
			continue
		}
		bracketed := specialBracket.MatchString(bare) && (!formStart.MatchString(bare) || formsLike(p.Papers, bare) > 1)
		// "1.4. Lao động nam … khi vợ sinh con hồ sơ là bản sao giấy khai
		// sinh …": a row of the outline for one kind of applicant is that
		// kind's case.
		whose := whoseRow.FindStringSubmatch(name)
		special := byCase || whose != nil || specialCase.MatchString(bare) || bracketed || afterForm.MatchString(bare) || addedFor.MatchString(bare) || byProxy.MatchString(bare) && !proxyProcedure ||
			context != "" && caseBeyond(bare, context) || context == "" && (caseNear.MatchString(bare) || caseLacking.MatchString(bare) || forSome.MatchString(bare))
		x := paper{name: shortPaper(name), full: full, special: special, show: show, form: formLabel(pp.Form)}
		if whose != nil {
			x.name = clip(strings.TrimRight(whose[1], ", ")+": "+shortPaper(whose[2]), maxPaperName+40)
		}
		if caseDuty.MatchString(bare) { // "Trường hợp … cấp lại … thì phải nộp lại Giấy xác nhận … đã được cấp trước đó"
			x.name = dutyName(bare)
		}
		// "Bản sao Giấy chứng nhận kết hôn được cấp trước đây" asked as a
		// copy only (its register lost): the copy, or a resident who lost
		// the original reads that the original is needed.
		if copyOnly(pp.Count) && strings.HasPrefix(strings.ToLower(bare), "bản sao ") && !strings.HasPrefix(strings.ToLower(x.name), "bản sao") {
			x.name = "Bản sao " + lowerFirst(x.name)
		}
		// Two papers of one short name are one for a resident: the form
		// everyone fills in wins over its variant for a special case
		// ("Tờ khai … (Dùng cho cá nhân trong trường hợp ủy quyền …)").
		if i := slices.IndexFunc(c.papers, func(y paper) bool { return y.name == x.name }); i < 0 {
			c.papers = append(c.papers, x)
		} else if c.papers[i].special && !x.special {
			c.papers[i] = x
		}
	}
	for _, f := range fallbacks {
		// One that names no paper listed stays a case's paper, in the case
		// it stood in.
		if !insteadOf(cases, f) {
			if len(cases) == 0 {
				cases = append(cases, paperCase{})
			}
			c := &cases[max(f.at, 0)]
			c.papers = append(c.papers, paper{name: shortPaper(f.full), full: f.full, special: true})
		}
	}
	// A table whose only rows are "0 bản chính" holds no paper with a
	// count; a row that names a request or a form is still what to hand
	// in ("Đơn đề nghị xem hàng hóa trước khi khai hải quan").
	if len(cases) == 0 {
		var c paperCase
		for _, pp := range p.Papers {
			if name := strings.TrimSpace(pp.Name); uncountedPaper.MatchString(name) && utf8.RuneCountInString(name) <= maxUncounted {
				c.papers = append(c.papers, paper{name: shortPaper(name), full: name})
			}
		}
		if len(c.papers) > 0 {
			cases = append(cases, c)
		}
	}
	shareForms(cases)
	referredPapers(cases)
	for i := range cases {
		cases[i].papers = joinBranches(cases[i].papers, p.Title)
	}
	for i := range cases {
		c := &cases[i]
		inNumberOrder(c.papers)
		slices.SortStableFunc(c.papers, func(a, b paper) int { return paperRank(a) - paperRank(b) })
		text := c.heading
		for _, x := range c.papers {
			text += " " + x.full
		}
		c.headingWords, c.words = foldedWords(c.heading), foldedWords(text)
	}
	return cases
}

// paperNumber is the number a record gives a paper of its list: "(2)
// Điều lệ".
var paperNumber = regexp.MustCompile(`^\((\d{1,2})\)`)

// inNumberOrder puts a case's papers, when every one bears its number
// ("(4) Danh sách thành viên", "(1) Giấy đề nghị đăng ký thành lập", …,
// as the portal scrambles them), in the order of their numbers.
func inNumberOrder(papers []paper) {
	num := make(map[string]int, len(papers))
	for _, x := range papers {
		m := paperNumber.FindStringSubmatch(strings.TrimSpace(x.full))
		if m == nil {
			return
		}
		num[x.full], _ = strconv.Atoi(m[1])
	}
	slices.SortStableFunc(papers, func(a, b paper) int { return num[a.full] - num[b.full] })
}

// papersReferred is a case's paper that is the papers another case
// lists under the letters it names: "Hồ sơ như quy định tại các điểm b,
// c, d, e mục 1".
var papersReferred = regexp.MustCompile(`(?i)^hồ sơ (?:như |theo )?(?:quy định tại |nêu tại )?(?:các )?điểm ((?:[a-zđ]\s*(?:,|và)\s*)*[a-zđ])\s+(?:mục|khoản)\b`)

// papersLikeCase is a case's paper that is the papers of the case the
// record numbers so: "Hồ sơ tương tự như khoản 1 của mục 3.3".
var papersLikeCase = regexp.MustCompile(`(?i)^hồ sơ (?:tương tự |giống )(?:như )?(?:quy định tại )?(?:khoản|mục|trường hợp) (\d+)\b`)

// referredPapers puts in the place of a paper that refers to another
// case's lettered papers those papers: the relatives of a pensioner who
// died bring the death certificate and the relative's declaration
// (09-HSB) the first case lists as b) and c), not "Hồ sơ như quy định
// tại các điểm b, c, d, e mục" (record 2.000821); so does a patient who
// asks for the certificate of no co-payment, whose case's papers are
// "Hồ sơ tương tự như khoản 1" (record 1.001656).
func referredPapers(cases []paperCase) {
	for i := range cases {
		var papers []paper
		changed := false
		for _, x := range cases[i].papers {
			if m := papersLikeCase.FindStringSubmatch(x.full); m != nil {
				if n, _ := strconv.Atoi(m[1]); n >= 1 && n <= len(cases) && n-1 != i && len(cases[n-1].papers) > 0 {
					papers = append(papers, cases[n-1].papers...)
					changed = true
					continue
				}
				// The record's cases read as one: the papers it points
				// to are listed beside it.
				if len(cases) == 1 && len(cases[i].papers) > 1 {
					changed = true
					continue
				}
			}
			m := papersReferred.FindStringSubmatch(x.full)
			if m == nil {
				papers = append(papers, x)
				continue
			}
			var found []paper
			for _, letter := range strings.FieldsFunc(strings.ReplaceAll(m[1], "và", ","), func(r rune) bool { return r == ',' || unicode.IsSpace(r) }) {
				for j, c := range cases {
					if j == i {
						continue
					}
					if k := slices.IndexFunc(c.papers, func(y paper) bool {
						return strings.HasPrefix(strings.ToLower(y.full), strings.ToLower(letter)+")")
					}); k >= 0 {
						found = append(found, c.papers[k])
						break
					}
				}
			}
			if len(found) == 0 {
				papers = append(papers, x)
				continue
			}
			papers = append(papers, found...)
			changed = true
		}
		if changed {
			cases[i].papers = papers
		}
	}
}

// caseLead is a row that leads to the papers of cases, each one's:
// "Ngoài giấy tờ nêu trên, tùy từng trường hợp, … phải nộp giấy tờ tương
// ứng sau đây:".
var caseLead = regexp.MustCompile(`(?i)(tùy|tuỳ) (từng|theo) trường hợp[^:]{0,120}:\s*$`)

// fallbackRow is a row that names what to hand in instead of a paper
// listed: "Trường hợp không có văn bản nêu trên thì …".
var fallbackRow = regexp.MustCompile(`(?i)^(?:trường hợp|nếu) không có (?:các )?(văn bản|giấy tờ|giấy)[^.;:]{0,40}?(?:nêu trên|trên|này|đó)[^.;:]{0,30}? thì (?:phải có |phải nộp |nộp )?(.+)$`)

// fallback is a fallbackRow: the kind of paper it stands in for ("văn
// bản"), what it names instead, the row as the record writes it, and
// the case it stood in (-1 before any).
type fallback struct {
	head, instead, full string
	at                  int
}

// insteadOf names a fallback with the paper of the cases it stands in
// for: the first every applicant's paper whose name opens with the kind
// the fallback names and is no form ("Văn bản của cơ quan y tế, cơ quan
// giám định … (không có thì: văn bản cam đoan của các bên …)"). It
// reports false when no paper is that one.
func insteadOf(cases []paperCase, f fallback) bool {
	for i := range cases {
		for j := range cases[i].papers {
			x := &cases[i].papers[j]
			if x.special || paperRank(*x) == 0 || !strings.HasPrefix(strings.ToLower(x.name), f.head+" ") {
				continue
			}
			// The paper's name to the end of its last whole choice ("Văn
			// bản của cơ quan y tế, cơ quan giám định…", not "… hoặc cơ
			// quan khác có thẩm"), that both fit.
			name := strings.TrimRight(strings.TrimSuffix(x.name, "…"), " ,;")
			if i := max(strings.LastIndex(name, ", "), strings.LastIndex(name, " hoặc ")); i > 0 && len(strings.Fields(name[:i])) >= 4 && i < len(name)-1 {
				name = name[:i] + "…"
			}
			x.name = name + " (không có thì: " + clip(strings.TrimRight(f.instead, ". "), maxFallback) + ")"
			return true
		}
	}
	return false
}

// maxFallback is the most characters of what a fallback row names.
const maxFallback = 110

// papersLead is a row that only leads the papers after it: "… thực hiện
// việc nộp/xuất trình (…) hoặc tải lên (…) các giấy tờ sau:".
var papersLead = regexp.MustCompile(`(?i)(nộp|xuất trình|tải lên)[^:]{0,120} các (giấy tờ|hồ sơ) sau( đây)?\s*:\s*$`)

// caseDuty is a row that says what one in a case must hand in or give:
// "Trường hợp … thì người yêu cầu có trách nhiệm cung cấp thông tin về
// giấy tờ …", not a heading ending "…, hồ sơ gồm:".
var caseDuty = regexp.MustCompile(`(?i)^trường hợp [^:]{10,300}? thì (người yêu cầu |người đề nghị |công dân )?(có trách nhiệm |phải )(cung cấp|nộp|xuất trình|bổ sung)[^:]*$`)

// dutyName names a case's duty (caseDuty) by what is to be done: "Nộp
// lại Giấy xác nhận tình trạng hôn nhân đã được cấp trước đó".
func dutyName(row string) string {
	m := caseDuty.FindStringSubmatchIndex(row)
	duty, _, _ := strings.Cut(row[m[6]:], ";") // from "cung cấp …", its first clause
	// A paper handed in is named as the paper ("Văn bản thỏa thuận …");
	// handed in again, as such ("Nộp lại Giấy xác nhận …").
	if rest, ok := strings.CutPrefix(duty, "nộp "); ok && !strings.HasPrefix(rest, "lại ") {
		duty = rest
	}
	return clip(upperFirst(strings.TrimRight(duty, ". ")), maxPaperName+90)
}

// filesOf is a heading that names the case its papers are for after
// "Thành phần hồ sơ" or "Hồ sơ đề nghị": "Thành phần hồ sơ gia hạn sử
// dụng đất, gồm", "Hồ sơ đề nghị hưởng trợ cấp tai nạn, gồm:".
var filesOf = regexp.MustCompile(`(?i)^(?:thành phần hồ sơ|hồ sơ đề nghị)\s+(?:khi\s+|đối với\s+)?(.+?)[,;]?\s*(?:bao\s+)?gồm\s*:?\s*$`)

// fileCount is a row that only counts the files to hand in.
var fileCount = regexp.MustCompile(`(?i)^\s*số lượng hồ sơ\s*:?\s*0?[0-9]+\s*(\(?bộ\)?)?\.?\s*$`)

// copyOnly reports a count of copies and no original: "1 bản sao".
func copyOnly(count string) bool {
	return strings.Contains(count, "bản sao") && !strings.Contains(count, "bản chính")
}

// uncountedPaper opens a row without a count that names a paper to hand
// in, not a note: "Đơn đề nghị …", "Tờ khai …", "Văn bản đề nghị …".
var uncountedPaper = regexp.MustCompile(`^(Đơn|Tờ khai|Văn bản đề nghị|Văn bản đăng ký|Giấy đề nghị|Công văn đề nghị)\b`)

// maxUncounted bounds such a row: a longer one is a note.
const maxUncounted = 160

// shareForms gives every case the form that two cases or more ask for:
// the portal's table puts the residence declaration (mẫu CT01) under some
// of the residence record's cases only, and every applicant fills it in.
func shareForms(cases []paperCase) {
	if len(cases) < 3 {
		return
	}
	type form struct {
		x     paper
		cases int
	}
	var forms []form
	for _, c := range cases {
		seen := map[string]bool{}
		for _, x := range c.papers {
			key := formKey(x)
			if key == "" || x.special || seen[key] {
				continue
			}
			seen[key] = true
			if i := slices.IndexFunc(forms, func(f form) bool { return formKey(f.x) == key }); i >= 0 {
				forms[i].cases++
			} else {
				forms = append(forms, form{x, 1})
			}
		}
	}
	for _, f := range forms {
		if f.cases < 2 {
			continue
		}
		for i := range cases {
			if !slices.ContainsFunc(cases[i].papers, func(y paper) bool { return formKey(y) == formKey(f.x) }) {
				x := f.x
				x.show = false // filled in and handed over wherever the table put it
				cases[i].papers = append(cases[i].papers, x)
			}
		}
	}
}

// formsLike counts the record's papers that open with the same first
// three words as a form's name: "Tờ khai đăng ký …" beside its variant
// for foreigners.
func formsLike(papers []knowledge.Paper, name string) int {
	open := func(s string) string {
		w := strings.Fields(strings.ToLower(stepPrefix.ReplaceAllString(strings.TrimSpace(s), "")))
		return strings.Join(w[:min(len(w), 3)], " ")
	}
	// The same form listed again under another case ("Tờ khai … mẫu số
	// 04/CNV-TNCN" for who files directly and for who files on another's
	// behalf) is one form.
	key := open(name)
	seen := make(map[string]bool)
	for _, pp := range papers {
		if open(pp.Name) != key {
			continue
		}
		if m := formCode.FindStringSubmatch(pp.Name); m != nil {
			seen[m[1]] = true
		} else {
			seen[strings.TrimSpace(pp.Name)] = true
		}
	}
	return len(seen)
}

// formKey names a form an applicant fills in by its first words, "" for
// another paper: "Tờ khai thay đổi thông tin cư trú (mẫu CT01 …)".
func formKey(x paper) string {
	if !formStart.MatchString(x.name) || !strings.HasPrefix(strings.ToLower(x.name), "tờ khai") {
		return ""
	}
	words := strings.Fields(strings.ToLower(x.name))
	return strings.Join(words[:min(len(words), 6)], " ")
}

// recordFacts is what answers read of a procedure's record whatever the
// question: its papers case by case and the sentences a detail is quoted
// from. Shared by concurrent answers: read only.
type recordFacts struct {
	cases     []paperCase
	sentences []detailSentence
}

func factsOf(p *knowledge.Procedure) *recordFacts {
	return &recordFacts{cases: paperCases(p), sentences: detailSentences(p)}
}

// papersOf returns the papers of the case the question is about (the
// first case when it names none), then those of the other cases.
func papersOf(p *knowledge.Procedure, question string) (papers []paper, heading string, others int) {
	cases := paperCases(p)
	if len(cases) == 0 {
		return nil, "", 0
	}
	best := pickCase(cases, question, p.Title)
	papers = append(papers, cases[best].papers...)
	for i, c := range cases {
		if i != best {
			for _, x := range c.papers {
				x.other = true
				papers = append(papers, x)
			}
			others++
		}
	}
	otherForms(papers[:len(cases[best].papers)], question)
	// The papers that hold the question's own words, beyond the
	// procedure's name, come first, special cases included: "đã ly hôn"
	// asks for the divorce judgment.
	if words := ownWords(question, p.Title); len(words) > 0 {
		said := " " + strings.Join(vietnamese.Words(question), " ") + " "
		score := make(map[string]int, len(papers))
		headScore := make(map[string]int, len(papers))
		heads := listHeads(p.Papers)
		for _, x := range papers[:len(cases[best].papers)] {
			score[x.full] = matchScore(words, said, x.full)
			if h := heads[x.full]; h != "" {
				headScore[x.full] = matchScore(words, said, h)
			}
		}
		mine := papers[:len(cases[best].papers)]
		// The form every applicant fills in stays first; a second form
		// ("Đơn đề nghị cấp giấy phép sửa chữa" beside "… xây dựng") is
		// ranked as any paper, after those the question names.
		form := slices.IndexFunc(mine, func(x paper) bool { return !x.special && paperRank(x) == 0 })
		// Procedures done together each keep their form when forms are
		// asked ("khai mẫu nào"): the birth's and the father's
		// acknowledgement's, both filled in. Else the second is ranked as
		// any paper: the proof of fatherhood tells more than a form the
		// office hands out.
		together := linked(p.Title) && strings.Contains(fold(question), " mau ")
		rank := func(x paper) int {
			if form >= 0 && x.full == mine[form].full || together && !x.special && paperRank(x) == 0 {
				return 6
			}
			s := min(score[x.full], 4)
			// A paper listed under a heading that names what is asked
			// is what it names, before a paper that says the asked words
			// in passing: "Chứng cứ chứng minh quan hệ cha, con … gồm:
			// Văn bản của cơ quan y tế …" answers "cần chứng cứ gì", not
			// the passport "để chứng minh về nhân thân".
			if h := min(headScore[x.full], 4); h >= 3 {
				s = max(s, h) + 1
			}
			if s >= 3 {
				return s
			}
			return 0
		}
		slices.SortStableFunc(mine, func(a, b paper) int { return rank(b) - rank(a) })
	}
	choiceItems(papers[:len(cases[best].papers)])
	foreignCases(papers[:len(cases[best].papers)], question, p.Title)
	abroadCases(papers[:len(cases[best].papers)], question, p.Title)
	whomCases(papers[:len(cases[best].papers)], question)
	conditionCases(papers[:len(cases[best].papers)], question, p.Title)
	itemAsked(papers[:len(cases[best].papers)], question, p.Title)
	// "Đơn đề nghị giao đất/thuê đất/chuyển mục đích sử dụng đất/…"
	// is, for the case or the question that names one choice, that one;
	// so is "Bản khai … hàng tháng … Hoặc Bản khai … một lần … đã từ trần"
	// for a one-off allowance of the dead.
	for i := range papers[:len(cases[best].papers)] {
		if n := namedChoice(papers[i].full, cases[best].heading+" . "+question); n != "" {
			papers[i].name = n
		} else if n := askedAlternative(papers[i].full, question); n != "" {
			papers[i].name = n
		}
	}
	// "có cần bản vẽ không": the paper asked about, if listed, is named.
	if asked := paperWhether(question); asked != nil {
		bringForward(papers[:len(cases[best].papers)], asked)
	}
	return papers, beyondShared(cases, best), others
}

// beyondShared is the heading of cases[best] without the words, three or
// more, that every case's heading opens with, up to a comma, when
// enough is left to tell the case: "Hộ kinh doanh, cá nhân kinh doanh
// thuộc đối tượng không chịu thuế …" beside "Hộ kinh doanh, cá nhân
// kinh doanh thuộc đối tượng nộp thuế …" is "cá nhân kinh doanh thuộc
// đối tượng không chịu thuế …".
func beyondShared(cases []paperCase, best int) string {
	heading := cases[best].heading
	if len(cases) < 2 {
		return heading
	}
	words := strings.Fields(heading)
	k := len(words)
	for i, c := range cases {
		if i == best {
			continue
		}
		other := strings.Fields(c.heading)
		if len(other) == 0 {
			return heading
		}
		n := 0
		for n < min(k, len(other)) && strings.EqualFold(strings.Trim(words[n], ",;:"), strings.Trim(other[n], ",;:")) {
			n++
		}
		k = n
	}
	// Up to a comma, so the case keeps the phrase it names: "Hộ kinh
	// doanh, | cá nhân kinh doanh thuộc đối tượng không chịu thuế …", not
	// "… của người đang | hưởng hoặc tạm dừng …".
	for k > 0 && !strings.HasSuffix(words[k-1], ",") {
		k--
	}
	if k < 3 || len(words)-k < 3 {
		return heading
	}
	return strings.Join(words[k:], " ")
}

// otherForms moves after the case's papers a form that is for what the
// question does not name, beside a sibling form that is: "Đơn đề nghị
// cấp giấy phép sửa chữa, cải tạo công trình", filed beside "Đơn đề nghị
// cấp giấy phép xây dựng" in a new building's permit, is no form of one
// who asks to build a house. Sibling forms' names open alike (minSibling
// words); each is told from its siblings by the words of its name theirs
// lack ("sửa chữa, cải tạo công trình" and "xây dựng").
func otherForms(mine []paper, question string) {
	var forms []int
	for i, x := range mine {
		if !x.special && paperRank(x) == 0 {
			forms = append(forms, i)
		}
	}
	if len(forms) < 2 {
		return
	}
	said := fold(question)
	names := make([][]string, len(forms))
	for k, i := range forms {
		name, _, _ := strings.Cut(mine[i].name, "(") // not its label ("(mẫu số 1)")
		names[k] = vietnamese.Words(name)
	}
	siblings := func(k, j int) bool {
		n := 0
		for n < len(names[k]) && n < len(names[j]) && names[k][n] == names[j][n] {
			n++
		}
		return j != k && n >= minSibling
	}
	// hits reports whether the question says one of form k's own words;
	// lacks, whether it says none of two or more.
	hits := make([]bool, len(forms))
	lacks := make([]bool, len(forms))
	for k := range forms {
		var distinct []string
		for _, w := range names[k] {
			theirs := false
			for j := range names {
				theirs = theirs || siblings(k, j) && slices.Contains(names[j], w)
			}
			if !theirs && len(w) > 1 && !slices.Contains(distinct, w) {
				distinct = append(distinct, w)
			}
		}
		hits[k] = slices.ContainsFunc(distinct, func(w string) bool { return strings.Contains(said, " "+w+" ") })
		lacks[k] = !hits[k] && len(distinct) >= 2
	}
	foreign := make(map[string]bool)
	for k, i := range forms {
		for j := range forms {
			if lacks[k] && hits[j] && siblings(k, j) {
				foreign[mine[i].full] = true
			}
		}
	}
	sortLast(mine, foreign)
}

// minSibling is how many words two forms' names open with alike to be
// siblings ("Đơn đề nghị cấp giấy phép …").
const minSibling = 3

// choiceOpen opens a paper that is any one of the papers it lists: "Một
// trong những giấy tờ hợp pháp về đất đai … bao gồm: + Giấy chứng nhận
// quyền sử dụng đất …".
var choiceOpen = regexp.MustCompile(`(?i)^[-–\s]*một trong (các|những|số các)? ?(loại )?(giấy tờ|văn bản|giấy)`)

// choiceItems moves after the case's papers a paper the record also lists
// as one choice of a paper in the same case: the land certificate of one
// era, filed on its own row for another kind of building, is one of the
// lawful land papers a new house's permit asks for, not a paper beside
// them (record 1.013225).
func choiceItems(mine []paper) {
	spaces := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	var choices []string
	for _, x := range mine {
		if choiceOpen.MatchString(x.full) {
			choices = append(choices, spaces(x.full))
		}
	}
	if len(choices) == 0 {
		return
	}
	item := make(map[string]bool)
	for _, x := range mine {
		if x.special || choiceOpen.MatchString(x.full) {
			continue
		}
		first := spaces(x.full)
		if i := strings.Index(first, ". "); i > 0 {
			first = first[:i]
		}
		if utf8.RuneCountInString(first) < 20 {
			continue
		}
		for _, c := range choices {
			if strings.Contains(c, "+ "+first) {
				item[x.full] = true
			}
		}
	}
	sortLast(mine, item)
}

// sortLast moves the papers marked to the end, the others kept in order.
func sortLast(mine []paper, last map[string]bool) {
	slices.SortStableFunc(mine, func(a, b paper) int {
		switch {
		case last[a.full] == last[b.full]:
			return 0
		case last[a.full]:
			return 1
		}
		return -1
	})
}

// parentForeign opens a special case of a parent or spouse who is a
// foreign national: "Trường hợp cha hoặc mẹ hoặc cả cha, mẹ là người
// nước ngoài thì phải nộp văn bản thỏa thuận … lựa chọn quốc tịch".
var parentForeign = regexp.MustCompile(`(?i)^trường hợp (cha|mẹ|vợ|chồng)[^.;]{0,40} là người nước ngoài thì`)

// foreignCases marks, in a procedure with a foreign element asked about
// a foreign parent or spouse ("chồng em người Hàn Quốc"), the papers of
// that special case as the resident's and puts them right after the
// form: for them it is no special case.
func foreignCases(mine []paper, question, title string) {
	if !strings.Contains(strings.ToLower(title), "yếu tố nước ngoài") || !foreignPerson(question) {
		return
	}
	bringForward(mine, func(x paper) bool { return x.special && parentForeign.MatchString(strings.TrimSpace(x.full)) })
}

// eventAbroad says a case of a birth, a death or a stay abroad: "Trường
// hợp trẻ em sinh ra tại nước ngoài thì nộp …", "… nhập cảnh hợp pháp
// vào Việt Nam … trong trường hợp trẻ em sinh ra ở nước ngoài".
var eventAbroad = regexp.MustCompile(`(?i)(sinh ra|sinh|chết|mất|cư trú) (ở|tại) nước ngoài`)

// abroadCases marks, in a procedure with a foreign element asked about
// an event abroad ("bé sinh ở Nhật", which the dictionary reads "nước
// ngoài"), the special rows of what happened abroad as the resident's
// and puts them right after the form: the child's entry into Việt Nam
// and the foreign birth paper are the papers a family back home must
// find.
func abroadCases(mine []paper, question, title string) {
	if !strings.Contains(strings.ToLower(title), "yếu tố nước ngoài") || !placedAbroad(question) {
		return
	}
	bringForward(mine, func(x paper) bool { return x.special && eventAbroad.MatchString(x.full) })
	// The case is the resident's: its paper is named, not the case
	// ("Trường hợp trẻ em sinh ra tại nước ngoài thì nộp Giấy chứng sinh
	// hoặc giấy tờ khác do cơ quan có thẩm quyền nước ngoài cấp …").
	for i, x := range mine {
		if !x.asked {
			continue
		}
		if m := caseThen.FindStringSubmatch(paperCount.ReplaceAllString(x.full, "")); m != nil {
			mine[i].name = clip(upperFirst(strings.TrimRight(m[1], ". ")), maxPaperName+10)
		}
	}
}

// caseThen is a row of a case and what it hands in: "Trường hợp … thì
// nộp …".
var caseThen = regexp.MustCompile(`(?i)^trường hợp [^:;]{5,200}? thì (?:phải )?(?:nộp|xuất trình) (.+)$`)

// placedAbroad reports a question that places what happened abroad, in
// its words or the dictionary's ("sinh bên Hàn" => "nước ngoài").
func placedAbroad(question string) bool {
	return strings.Contains(fold(question), " nuoc ngoai ") || slices.Contains(caseDictionary().Expand(question), "nuoc ngoai")
}

// conditionCases marks the duties of a case (caseDuty) whose condition
// ("Trường hợp … đã ly hôn tại Tòa án … thì …") says two words side by
// side that the question says and the title does not ("e ly hôn được 2
// năm rồi") as the resident's, and puts them forward.
func conditionCases(mine []paper, question, title string) {
	own := vietnamese.ContentWords(question)
	if len(own) < 2 {
		return
	}
	titled := foldedWords(title)
	bringForward(mine, func(x paper) bool {
		if !x.special {
			return false
		}
		cond, _, ok := strings.Cut(x.full, " thì ")
		if !ok || !caseDuty.MatchString(x.full) {
			// "1.1. Trường hợp NLĐ đổi thẻ BHYT do được hưởng quyền lợi
			// BHYT cao hơn bổ sung Giấy tờ chứng minh …: a) …": the case
			// is said before what it adds.
			m := caseAdds.FindStringSubmatch(x.full)
			if m == nil {
				return false
			}
			cond = m[1]
		}
		cond = foldedWords(cond)
		for i := 0; i+1 < len(own); i++ {
			if joinWords[own[i]] || joinWords[own[i+1]] || linkWords[own[i]] || linkWords[own[i+1]] {
				continue // "hôn nhân để …" is no condition
			}
			pair := " " + own[i] + " " + own[i+1] + " "
			if strings.Contains(cond, pair) && !strings.Contains(titled, pair) {
				return true
			}
		}
		return false
	})
}

// itemAsked names a case's row the question names (asked) that lists
// its papers item by item ("a) Đối với người có công …; b) Cựu chiến
// binh … b.1) Đối với cựu chiến binh giai đoạn trước 30/4/1975, hồ sơ
// gồm một trong các loại giấy tờ sau: - Quyết định phục viên …") by the
// item that holds most of the question's own words, at least two: the
// veteran reads his own papers, not the row's first words.
func itemAsked(mine []paper, question, title string) {
	words := ownWords(question, title)
	if len(words) < 2 {
		return
	}
	said := " " + strings.Join(vietnamese.Words(question), " ") + " "
	for i, x := range mine {
		m := caseAdds.FindStringSubmatch(x.full)
		if !x.asked || m == nil {
			continue
		}
		at := itemMark.FindAllStringIndex(x.full, -1)
		best, bestScore := "", 1
		for j, loc := range at {
			end := len(x.full)
			if j+1 < len(at) {
				end = at[j+1][0]
			}
			item := strings.TrimSpace(x.full[loc[0]:end])
			// The item's head says whom it is for; its papers follow.
			if sc := matchScore(words, said, clip(item, maxItemHead)); sc > bestScore || sc == bestScore && best != "" && strings.Contains(item, ": -") && !strings.Contains(best, ": -") {
				best, bestScore = item, sc
			}
		}
		if best != "" {
			best = oneOfThese.ReplaceAllString(strings.TrimRight(best, ";. "), ": một trong:")
			mine[i].name = strings.TrimSpace(m[1]) + ": " + clip(best, maxItem)
		}
	}
}

// oneOfThese is an item's "…, hồ sơ gồm một trong các loại giấy tờ
// sau:", said "…: một trong:".
var oneOfThese = regexp.MustCompile(`(?i),?\s*(hồ sơ )?gồm một trong (các )?(loại )?giấy tờ sau\s*:`)

// itemMark opens an item of a row: "a) ", "b.1) ".
var itemMark = regexp.MustCompile(`(?:^|\s)[a-zđ](?:\.\d+)?\)\s`)

// maxItemHead is how much of an item says whom it is for; maxItem, how
// much of it is said.
const (
	maxItemHead = 120
	maxItem     = 200
)

// caseAdds is a numbered case's row that says what the case adds to
// the file: "1.1. Trường hợp … cao hơn bổ sung Giấy tờ chứng minh …".
var caseAdds = regexp.MustCompile(`(?i)^\d+(?:\.\d+)*\.\s*(trường hợp [^:;]{10,160}?) (?:bổ sung|nộp thêm|kèm theo) `)

// linkWords are folded words that link a condition's words without
// being one: "để", "và", "cho", "thì", "có", "hoặc", "khi", "nếu".
var linkWords = map[string]bool{"de": true, "va": true, "cho": true, "thi": true, "co": true, "hoac": true, "khi": true, "neu": true}

// forWhom opens a row by whom it is for: "Đối với cá nhân: Tờ khai
// đăng ký (mẫu số 05-ĐK-TH-TCT)".
var forWhom = regexp.MustCompile(`(?i)^đối với ([^:]{2,80}):`)

// whomCases marks the special rows for whom the question says the
// resident is ("MST cá nhân của tôi … đổi sđt"), every word of that who
// said, as the resident's and puts them forward: the rows that say most
// of the question's words, at least two ("cá nhân"), not "Đối với NNT là
// tổ chức" nor "Đối với hộ gia đình, cá nhân có hoạt động sản xuất,
// kinh doanh". One who names no foreigner is Vietnamese: "Đối với người
// phụ thuộc là người Việt Nam: … (mẫu số 20-ĐK-TCT)" is the row of one
// who registers a dependant.
func whomCases(mine []paper, question string) {
	said := " " + strings.Join(vietnamese.Words(question), " ") + " "
	if !foreignPerson(question) {
		said += "viet nam "
	}
	fits := func(x paper) int {
		if !x.special {
			return 0
		}
		m := forWhom.FindStringSubmatch(strings.TrimSpace(x.full))
		if m == nil {
			return 0
		}
		n := 0
		for _, w := range vietnamese.Words(m[1]) {
			if vietnamese.IsStopword(w) {
				continue
			}
			if !strings.Contains(said, " "+w+" ") {
				return 0
			}
			n++
		}
		return n
	}
	best := 0
	for _, x := range mine {
		best = max(best, fits(x))
	}
	if best >= 2 {
		bringForward(mine, func(x paper) bool { return fits(x) == best })
	}
}

// bringForward moves the papers picked, marked asked, right after the
// form every applicant fills in, the others keeping their order.
func bringForward(mine []paper, pick func(paper) bool) {
	var asked, rest []paper
	for _, x := range mine {
		if pick(x) {
			x.asked = true
			asked = append(asked, x)
			continue
		}
		rest = append(rest, x)
	}
	if len(asked) == 0 {
		return
	}
	at := 0
	if len(rest) > 0 && !rest[0].special && paperRank(rest[0]) == 0 {
		at = 1 // the form stays first
	}
	copy(mine, slices.Concat(rest[:at], asked, rest[at:]))
}

// whetherPaper matches a question whether a paper is needed, the paper
// named after the need: "có cần bản vẽ không", "có phải nộp bản sao ko".
var whetherPaper = regexp.MustCompile(` co (can|phai|bat buoc)( phai)?( co| nop| mang| mang theo| dem| dem theo| xuat trinh)? ((?:[a-z0-9]+ ){1,4}?)(khong|ko|k|hong|khog|kg|hok) `)

// paperWhether returns a test of whether a paper's name holds the paper
// a question asks whether it is needed, or nil. Typed with diacritics,
// the paper must be spelled so: "sổ đỏ" is no "sơ đồ".
func paperWhether(question string) func(paper) bool {
	typed, folded := vietnamese.Said(question)
	padded := " " + strings.Join(folded, " ") + " "
	m := whetherPaper.FindStringSubmatchIndex(padded)
	if m == nil {
		return nil
	}
	ph := " " + strings.TrimSpace(padded[m[8]:m[9]]) + " "
	// "có cần giấy tờ gì không": what, not whether.
	if slices.ContainsFunc([]string{" gi ", " j ", " nao ", " nhung "}, func(w string) bool { return strings.Contains(ph, w) }) || ph == " giay to " || ph == " giay " {
		return nil
	}
	first := strings.Count(padded[:m[8]], " ") - 1 // the phrase's first word
	n := len(strings.Fields(ph))
	if first < 0 || first+n > len(typed) {
		return nil
	}
	said := " " + strings.Join(typed[first:first+n], " ") + " "
	accented := said != ph
	return func(x paper) bool {
		if x.special {
			return false
		}
		t, f := vietnamese.Said(x.full)
		if accented {
			return strings.Contains(" "+strings.Join(t, " ")+" ", said)
		}
		return strings.Contains(" "+strings.Join(f, " ")+" ", ph)
	}
}

// foreignPerson reports a question about a foreign national, in its
// words or the dictionary's ("người Hàn Quốc" => "yếu tố nước ngoài").
func foreignPerson(question string) bool {
	f := fold(question)
	if strings.Contains(f, " nguoi nuoc ngoai ") || strings.Contains(f, " quoc tich nuoc ngoai ") {
		return true
	}
	return slices.Contains(caseDictionary().Expand(question), "yeu to nuoc ngoai")
}

// listHeads maps the full name (paper.full) of each paper that a
// heading of the record's list announces ("… gồm:", with no count of its
// own) to that heading.
func listHeads(papers []knowledge.Paper) map[string]string {
	heads := make(map[string]string)
	head := ""
	for _, pp := range papers {
		name := strings.TrimSpace(pp.Name)
		if pp.Count == "" && strings.HasSuffix(name, ":") {
			// A list announced ("… gồm:"), not a case ("Trường hợp …:")
			// or a kind of papers ("Giấy tờ phải nộp:").
			head = ""
			if strings.HasSuffix(strings.TrimRight(name, ": "), "gồm") {
				head = name
			}
			continue
		}
		if head != "" {
			heads[name] = head
		}
	}
	out := make(map[string]string, len(heads))
	for _, pp := range papers {
		if h, ok := heads[strings.TrimSpace(pp.Name)]; ok {
			out[paperFull(pp)] = h
		}
	}
	return out
}

// paperFull is a paper's name as a record lists it, with its count.
func paperFull(pp knowledge.Paper) string {
	full := strings.TrimSpace(pp.Name)
	if full == "" {
		full = pp.Form
	}
	if pp.Count != "" {
		full += " (" + pp.Count + ")"
	}
	return full
}

// choiceForm opens a form's name whose kinds a slash parts: "Đơn đề
// nghị giao đất/thuê đất/chuyển mục đích sử dụng đất".
var choiceForm = regexp.MustCompile(`(?i)^(đơn đề nghị|đơn xin|đơn|tờ khai|văn bản đề nghị|giấy đề nghị)\s+`)

// namedChoice returns the form of full as the record names it up to the
// kind, of those a slash parts, that said (folded) names in two words or
// more: "Đơn đề nghị giao đất/thuê đất/chuyển mục đích sử dụng đất",
// not "… giao đất hoặc thuê đất…"; "" for none or several.
func namedChoice(full, said string) string {
	name, _, _ := strings.Cut(full, " (")
	m := choiceForm.FindStringSubmatch(name)
	if m == nil || formCodeAt(name) != nil {
		return ""
	}
	alts := strings.Split(name[len(m[0]):], "/")
	if len(alts) < 3 {
		return ""
	}
	padded := foldedWords(said)
	found := -1
	for i, a := range alts {
		if len(strings.Fields(a)) < 2 || !strings.Contains(padded, foldedWords(a)) {
			continue
		}
		if found >= 0 {
			return ""
		}
		found = i
	}
	if found < 0 {
		return ""
	}
	return strings.TrimRight(strings.TrimSpace(m[0]+strings.Join(alts[:found+1], "/")), ".;, ")
}

// alternativeSep parts a paper's name into forms the record offers in
// its stead: "… theo mẫu BM.NCC.20.01 Hoặc Bản khai … theo mẫu
// BM.NCC.20.02" (capital, as the records write a choice of forms).
var alternativeSep = regexp.MustCompile(`\s+Hoặc\s+`)

// deathAsked is a question (folded, padded) that tells a death;
// deadAlternative a form for the dead.
var (
	deathAsked      = regexp.MustCompile(` (da mat|mat (nam|roi|thang|tuan|hom|luc|khi|vi|do|duoc)|chet|qua doi|tu tran|hy sinh|hi sinh|tu vong|khuat) `)
	deadAlternative = regexp.MustCompile(` (tu tran|da chet|qua doi|hy sinh|nguoi chet) `)
)

// askedAlternative returns the short name of the form, of those a
// paper offers one for another, whose own words the question says most
// (a death told counts for the form of the dead), when it is not the
// first; "" otherwise.
func askedAlternative(full, question string) string {
	alts := alternativeSep.Split(full, -1)
	if len(alts) < 2 {
		return ""
	}
	q := fold(question)
	died := deathAsked.MatchString(q)
	folded := make([]string, len(alts))
	for i, a := range alts {
		folded[i] = foldedWords(a)
	}
	words := vietnamese.ContentWords(question)
	score := func(i int) int {
		n := 0
		for _, w := range words {
			// Only a word some forms say and others do not tells them
			// apart.
			if strings.Contains(folded[i], " "+w+" ") && slices.ContainsFunc(folded, func(f string) bool { return !strings.Contains(f, " "+w+" ") }) {
				n++
			}
		}
		if deadAlternative.MatchString(folded[i]) {
			if died {
				n += 2
			} else {
				n -= 2
			}
		}
		return n
	}
	best, bestScore, tie := 0, score(0), false
	for i := 1; i < len(alts); i++ {
		switch sc := score(i); {
		case sc > bestScore:
			best, bestScore, tie = i, sc, false
		case sc == bestScore:
			tie = true
		}
	}
	if best == 0 || tie || bestScore <= 0 {
		return ""
	}
	name, _, _ := strings.Cut(alts[best], " (")
	return shortPaper(strings.TrimRight(name, ".;, "))
}

// ownWords are a question's content words that say more than what is
// asked or who asks, and that the procedure's name does not hold: every
// paper and sentence of the procedure is about those.
func ownWords(question, title string) []string {
	var words []string
	for _, w := range askedBeyondTitle(question, title) {
		if !genericWords[w] && !intentWords[w] && len(w) > 1 {
			words = append(words, w)
		}
	}
	return words
}

// pickCase returns the case whose heading (counted twice) and papers
// hold most of the question's own words beyond the procedure's name, or
// the first when none holds enough.
func pickCase(cases []paperCase, question, title string) int {
	if len(cases) < 2 || question == "" {
		return 0
	}
	var typedPairs []string // two words side by side as typed, neither a stopword
	if ws := vietnamese.Words(question); len(ws) > 1 {
		for i := 0; i+1 < len(ws); i++ {
			if !vietnamese.IsStopword(ws[i]) && !vietnamese.IsStopword(ws[i+1]) {
				typedPairs = append(typedPairs, " "+ws[i]+" "+ws[i+1]+" ")
			}
		}
	}
	// The dictionary says a case in the record's words: "nhập hộ khẩu
	// vào nhà chồng" is a home "không thuộc quyền sở hữu của mình".
	typed := question
	expanded := caseDictionary().Expand(question)
	if len(expanded) > 0 {
		question += " . " + strings.Join(expanded, " . ")
	}
	words := ownWords(question, title)
	// Of a record in sections, each a case of its title, two words of
	// the title side by side, as asked or as the dictionary reads it
	// ("lên thổ cư"), that at most half the sections' headings say tell
	// them apart: "chuyển mục đích" of a record titled "Giao đất, cho
	// thuê đất, chuyển mục đích sử dụng đất …" names its section. Only
	// the sections so named are weighed then: the papers of another may
	// share more words ("giấy chứng nhận quyền sử dụng đất" for "sổ đỏ").
	var named []bool
	if !slices.ContainsFunc(cases, func(c paperCase) bool { return !c.section }) {
		own := vietnamese.ContentWords(question)
		for i := 0; i+1 < len(own); i++ {
			pair := " " + own[i] + " " + own[i+1] + " "
			if in := headingsSaying(cases, pair); in == 0 || 2*in > len(cases) { // said by most, it tells none apart
				continue
			}
			words = addNew(words, own[i:i+2])
			if named == nil {
				named = make([]bool, len(cases))
			}
			for j, c := range cases {
				named[j] = named[j] || strings.Contains(c.headingWords, pair)
			}
		}
	}
	// Of cases the title lists ("… gặp khó khăn do thiên tai, hỏa hoạn,
	// tai nạn, bệnh hiểm nghèo", each case's heading one of them), two
	// title words side by side as asked that at most half the headings
	// say name the case: "bị tai nạn giao thông" is "Trường hợp (2): …
	// gặp khó khăn do bị tai nạn". Said as typed, not as the dictionary
	// reads it ("sang tên" is no gift to the State), of three cases or
	// more.
	if named == nil && len(cases) >= 3 {
		// Past the title's head, which a case's heading may repeat
		// ("Đăng ký thay đổi thông tin đăng ký thuế đối với nhà thầu …").
		listed, head := "", ""
		if tw := strings.Fields(foldedWords(title)); len(tw) > titleHead {
			listed, head = " "+strings.Join(tw[titleHead:], " ")+" ", " "+strings.Join(tw[:titleHead], " ")+" "
		}
		own := vietnamese.ContentWords(typed)
		for i := 0; i+1 < len(own); i++ {
			pair := " " + own[i] + " " + own[i+1] + " "
			if in := headingsSaying(cases, pair); in == 0 || 2*in > len(cases) || !strings.Contains(listed, pair) || strings.Contains(head, " "+own[i]+" ") || strings.Contains(head, " "+own[i+1]+" ") {
				continue
			}
			words = addNew(words, own[i:i+2])
		}
	}
	said := " " + strings.Join(vietnamese.Words(question), " ") + " "
	// unsaid are a heading's words that neither the question, as typed
	// or as the dictionary reads it, nor the title says: what the case
	// is about beyond what was asked ("nhà nước", "cộng đồng", "mở rộng",
	// "giao thông" of land given for a road).
	titleWords := foldedWords(title)
	unsaid := func(heading string) []string {
		return slices.DeleteFunc(vietnamese.ContentWords(heading), func(w string) bool {
			return strings.Contains(said, " "+w+" ") || strings.Contains(titleWords, " "+w+" ")
		})
	}
	// Another case than the first, usually the general one, needs its
	// heading to hold one of the question's words beyond the procedure's
	// name and its papers another: "lên Hà Nội thuê trọ" is not the case
	// of "đơn vị … trung đoàn … trở lên".
	sc := newScoring(words, said, said, false)
	asTyped := spellQuestion(question)
	// Unless the question names a case, the first that is not a
	// particular one ("Trường hợp … đã ly hôn …") is the resident's.
	investing := investmentSaid.MatchString(said)
	best := max(slices.IndexFunc(cases, func(c paperCase) bool {
		return !particular.MatchString(c.heading) && (investing || !investorCase.MatchString(c.headingWords))
	}), 0)
	// When every case is a particular one, the one its heading names as
	// the title's own first clause is the plain case ("Trường hợp đăng
	// ký thành lập hợp tác xã, liên hiệp hợp tác xã" of "Đăng ký thành
	// lập hợp tác xã, liên hiệp hợp tác xã; đăng ký chuyển đổi …"), not
	// the first listed (filed online).
	if particular.MatchString(cases[best].heading) {
		if i := slices.IndexFunc(cases, func(c paperCase) bool { return plainCase(c.headingWords, title) }); i >= 0 {
			best = i
		}
	}
	// Notes under no heading ("Trường hợp không quy định rõ bản chính
	// thì có thể nộp bản sao hợp lệ" before "1. Trường hợp hưởng BHXH
	// một lần") are no one's case: the next with a paper everyone brings
	// is.
	everyones := func(c paperCase) bool { return slices.ContainsFunc(c.papers, func(x paper) bool { return !x.special }) }
	if cases[best].heading == "" && !everyones(cases[best]) {
		if i := slices.IndexFunc(cases[best+1:], everyones); i >= 0 {
			best += 1 + i
		}
	}
	// Nor are an organisation's papers ("… đối với tổ chức kinh tế, tổ
	// chức khác và đơn vị phụ thuộc") a resident's, who does not speak
	// for one, when another case is a household's or a person's.
	forBody := func(c paperCase) bool {
		return bodyCase.MatchString(c.headingWords) && !personCase.MatchString(c.headingWords)
	}
	forPerson := func(c paperCase) bool {
		return personCase.MatchString(c.headingWords) && !bodyCase.MatchString(c.headingWords)
	}
	// Nor is the case of one who died before it was settled ("Đối với
	// người đủ điều kiện hưởng trợ cấp hàng tháng nhưng chưa được giải
	// quyết mà bị chết …") the resident's unless a death is said.
	if deathCase.MatchString(cases[best].headingWords) && !deathAsked.MatchString(said) {
		if i := slices.IndexFunc(cases, func(c paperCase) bool { return !deathCase.MatchString(c.headingWords) && everyones(c) }); i >= 0 {
			best = i
		}
	}
	// Whom the question speaks for is in its words, not the dictionary's
	// ("nộp ở đâu" reads "cơ quan thực hiện", no body the asker is).
	body := speaksForBody(foldedWords(typed))
	persons := !body && slices.ContainsFunc(cases, func(c paperCase) bool { return personCase.MatchString(c.headingWords) })
	if persons && forBody(cases[best]) {
		best = slices.IndexFunc(cases, func(c paperCase) bool { return personCase.MatchString(c.headingWords) })
	}
	bestScore := 3
	saidStance := stance(said)
	for i, c := range cases {
		if named != nil && !named[i] {
			continue
		}
		// The heading must hold a word as the question spells it: "sổ
		// đỏ của bố mẹ" names no case of "mất Trang bổ sung".
		spelled := asTyped.spelledIn(words, c.heading)
		// A particular case is named by its condition, not by who the
		// resident is: "vợ chồng tôi … vẫn ở chung" is not "vợ, chồng
		// đã ly hôn mà vẫn được ở cùng".
		if particular.MatchString(c.heading) && !slices.ContainsFunc(spelled, func(w string) bool {
			return !kinWords[w] && !joinWords[w] && strings.Contains(c.headingWords, " "+w+" ")
		}) {
			continue
		}
		// A particular case about more than was asked (unsaid), named by
		// the dictionary and not by two words side by side as typed
		// ("ly hôn"), needs a reading of three words or more that its
		// heading holds whole ("không thuộc quyền sở hữu"): "sang tên sổ
		// đỏ", read as "chuyển nhượng", "tặng cho" or "biến động", names
		// no gift of land to the State for an heir, whose "thống nhất"
		// folds as the heading's "giao thông" does.
		if particular.MatchString(c.heading) && len(unsaid(c.heading)) >= minUnsaid && !slices.ContainsFunc(typedPairs, func(pair string) bool {
			return strings.Contains(c.headingWords, pair)
		}) && !slices.ContainsFunc(expanded, func(x string) bool {
			return len(strings.Fields(x)) >= 3 && strings.Contains(c.headingWords, " "+x+" ")
		}) {
			continue
		}
		// Nor is a case of "not yet" one whose asker already has it: "đã
		// có căn cước gắn chip" is not "Trường hợp công dân chưa được
		// cấp thẻ Căn cước công dân gắn chip".
		if stance(c.headingWords)*saidStance < 0 || persons && forBody(c) || body && forPerson(c) {
			continue
		}
		named := newScoring(spelled, said, said, false).score(c.headingWords, false) / 2 // matchScore
		if named == 0 {
			continue
		}
		// Nor is a foreigner's case ("Đối với người lao động là công dân
		// nước ngoài làm việc tại Việt Nam") one whose asker says none.
		if strings.Contains(c.headingWords, " nuoc ngoai ") && !strings.Contains(said, " nuoc ngoai ") && !strings.Contains(said, " quoc tich ") {
			continue
		}
		// Nor an investor's ("… thuộc diện chấp thuận chủ trương đầu
		// tư"), unless the question speaks of an investment or a project.
		if investorCase.MatchString(c.headingWords) && !investing {
			continue
		}
		score := 2*named + sc.score(c.words, false)/2
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	// A death said ("chết khi làm nhiệm vụ") is the case of the death
	// benefits ("Hồ sơ đề nghị hưởng trợ cấp tiền tuất, tiền mai táng
	// phí"), not the injury's its heading does not name.
	if deathAsked.MatchString(said) && !deathCase.MatchString(cases[best].headingWords) {
		if i := slices.IndexFunc(cases, func(c paperCase) bool { return deathCase.MatchString(c.headingWords) }); i >= 0 {
			best = i
		} else if i := slices.IndexFunc(cases, func(c paperCase) bool { return deathPapers.MatchString(c.words) }); i >= 0 && !deathPapers.MatchString(cases[best].words) {
			// Nor a heading: the case whose papers prove the death ("Bản
			// sao giấy chứng tử …" of a household business whose owner
			// died), not the change of its name a word of "đứng tên" hits.
			best = i
		}
	}
	// Papers that hold the consent of whoever supervises the person
	// ("Văn bản đồng ý của cơ quan có thẩm quyền giám sát, quản lý, giáo
	// dục người đó") are the case of one on bail, on a suspended sentence
	// or under education at the commune: going away to work is not it.
	if supervisedCase.MatchString(cases[best].words) && !supervisedSaid.MatchString(said) {
		if i := slices.IndexFunc(cases, func(c paperCase) bool { return !supervisedCase.MatchString(c.words) }); i >= 0 {
			best = i
		}
	}
	return lastOfHeading(cases, best)
}

// headingsSaying counts the cases whose heading (folded words) says a
// pair of words (" "-padded).
func headingsSaying(cases []paperCase, pair string) int {
	in := 0
	for _, c := range cases {
		if strings.Contains(c.headingWords, pair) {
			in++
		}
	}
	return in
}

// addNew appends to words those of more it lacks.
func addNew(words, more []string) []string {
	for _, w := range more {
		if !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	return words
}

// titleHead is the words that open a title, its name before what it
// lists.
const titleHead = 6

// plainCase reports a case's heading (folded words) that says no more
// than "Trường hợp" and the title's first clause, before any ";".
func plainCase(headingWords, title string) bool {
	h := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(headingWords, " doi voi "), " truong hop "))
	first, _, _ := strings.Cut(title, ";")
	return h != "" && h == strings.TrimSpace(foldedWords(first))
}

// supervisedCase finds, in a case's folded words, a paper from whoever
// supervises the person; supervisedSaid, a question that says the
// resident is so supervised.
var (
	supervisedCase = regexp.MustCompile(` giam sat quan ly giao duc `)
	supervisedSaid = regexp.MustCompile(` (an treo|tai ngoai|quan che|bi can|bi cao|cai tao khong giam giu|thu thach|tha tu|tu tha|giao duc tai (xa|phuong|thi tran)|chap hanh an|thi hanh an|hoan chap hanh|tam dinh chi) `)
)

// deathCase finds the death benefits in a case's heading (folded
// words); deathAsked, a death in the question.
var deathCase = regexp.MustCompile(` (tuat|mai tang|chet|tu vong|tu tran|hy sinh) `)

// deathPapers are the papers (folded) that prove a death.
var deathPapers = regexp.MustCompile(` (giay chung tu|trich luc khai tu|tuyen bo (da )?chet) `)

// stance is -1 for folded words that say something is not yet had or
// done ("chưa được cấp", "chưa có"), +1 for those that say it is ("đã
// được cấp", "đã có", "có CCCD gắn chip rồi"), and 0 for neither or
// both.
func stance(folded string) int {
	// "sửa chữa" (repair) folds as "sửa chưa".
	folded = strings.ReplaceAll(folded, " sua chua ", " sua ")
	not, done := notYet.MatchString(folded), already.MatchString(folded)
	switch {
	case not && !done:
		return -1
	case done && !not:
		return 1
	}
	return 0
}

var (
	notYet  = regexp.MustCompile(` (chua|chx|chua tung) (duoc |co |lam )?`)
	already = regexp.MustCompile(` (da|da tung|vua) (duoc|co|lam) | co( [a-z0-9]+){1,4} roi `)
)

// joinWords are folded words that join a case's condition without
// stating it ("vẫn", "được", "mà", "đã", "cùng", "ở").
var joinWords = map[string]bool{"van": true, "duoc": true, "ma": true, "la": true, "da": true, "cung": true, "o": true,
	"nhung": true, "hien": true, "gio": true, "moi": true, "dang": true, "cua": true, "voi": true, "trong": true, "tai": true}

// personCase and bodyCase find, in a case's heading (folded words),
// whom its papers are for: a household or a person, or an organisation.
// bodySaid finds a question that speaks for an organisation, once
// authorityNamed has taken out the office a person deals with ("tự nộp
// thẳng cho cơ quan thuế" speaks for no body).
var (
	personCase     = regexp.MustCompile(` (ho gia dinh|ca nhan|cong dan|ho kinh doanh) `)
	bodyCase       = regexp.MustCompile(` (to chuc|doanh nghiep|hop tac xa|nha thau|don vi phu thuoc) `)
	bodySaid       = regexp.MustCompile(` (to chuc|doanh nghiep|cong ty|hop tac xa|htx|dn|co quan|don vi|nha thau|chi nhanh|van phong) `)
	authorityNamed = regexp.MustCompile(` co quan (thue|bao hiem|bhxh|cong an|nha nuoc|chuc nang|co tham quyen|hai quan|dang ky|quan ly|chi tra)`)
)

// speaksForBody reports a question (folded words, padded) that speaks
// for an organisation.
func speaksForBody(said string) bool {
	return bodySaid.MatchString(authorityNamed.ReplaceAllString(said, " "))
}

// investorCase is a case's heading (folded words) for an investor's
// project; investmentSaid a question that speaks of one.
var (
	investorCase   = regexp.MustCompile(` (thuoc dien chap thuan chu truong dau tu|thong qua dau thau lua chon nha dau tu) `)
	investmentSaid = regexp.MustCompile(` (dau tu|du an|nha dau tu|chu truong) `)
)

// particular begins the heading of a particular case of a procedure.
var particular = regexp.MustCompile(`(?i)^(đối với )?trường hợp`)

// lastOfHeading returns the last case with the heading of cases[i]. A
// heading the portal repeats stands over the wrong papers the first time:
// in the residence record (1.004222) "… thuộc quyền sở hữu của mình"
// first heads the papers for living on a boat, then its own.
func lastOfHeading(cases []paperCase, i int) int {
	if cases[i].heading == "" {
		return i
	}
	last := i
	for j := i + 1; j < len(cases); j++ {
		if strings.EqualFold(cases[j].heading, cases[i].heading) {
			last = j
		}
	}
	return last
}

// caseDictionary is the query dictionary, read once, that pickCase
// reads cases with.
var caseDictionary = sync.OnceValue(vietnamese.DefaultDictionary)

// formStart begins the name of the form an applicant fills in.
var formStart = regexp.MustCompile(`(?i)^(tờ khai|đơn|phiếu|văn bản đề nghị|giấy đề nghị|bản khai|giấy khai (?:thu hồi|đăng ký|đề nghị)|bản kê khai|bản đăng ký)`)

// paperRank orders papers for a resident: the form first, special cases
// last.
func paperRank(p paper) int {
	switch {
	case p.special:
		return 5
	case electronicForm(p):
		return 4
	case p.show:
		return 3
	case formStart.MatchString(p.name):
		return 0
	}
	return 1
}

// electronicForm reports the form's online twin ("Mẫu hộ tịch điện tử
// tương tác đăng ký khai sinh"), filled in on the portal instead of the
// paper form when applying online.
func electronicForm(p paper) bool {
	return strings.Contains(strings.ToLower(p.name), "điện tử tương tác")
}

// caseNote opens the note of a case after a paper's name: "… khác. -
// Trong trường hợp …".
var caseNote = regexp.MustCompile(`\.?\s+-\s+(Trong trường hợp|Trường hợp)\b`)

// papersFollowing is a paper that lists papers after "các giấy tờ sau":
// "Bản chụp các giấy tờ sau (…): + Thẻ BHYT …; + Giấy ra viện …".
var papersFollowing = regexp.MustCompile(`(?i)^(?:bản chụp |bản sao |bản chính )?các giấy tờ sau[^:]{0,120}:\s*\+\s*(.+)$`)

// oneOf opens a paper that is a choice of papers; choiceSep parts them.
var (
	oneOf     = regexp.MustCompile(`(?i)^một trong (các|những|số các)? ?(loại )?(giấy tờ|văn bản|giấy)( tùy thân| tuỳ thân)?( sau| sau đây)?\s*:\s*`)
	choiceSep = regexp.MustCompile(`;\s*|\s+hoặc\s+|,\s+`)
)

// shortPaper cuts a paper's name to what names it: before the first
// semicolon or bracket, where its qualification begins, or at a word near
// maxPaperName characters.
// outlineMarks are the pluses of a record's outline after a case's
// colon: "Đối với …: +++ Tờ khai".
var outlineMarks = regexp.MustCompile(`:\s*\+{2,}\s*`)

// caseCount is a case counted in brackets: "Trường hợp (2):".
var caseCount = regexp.MustCompile(`^Trường hợp \((\d+)\)`)

func shortPaper(name string) string {
	// ".02 bộ bản vẽ …": the stop of the row before, glued by the portal.
	s := strings.TrimLeft(strings.TrimSpace(stepPrefix.ReplaceAllString(name, "")), ".,;: ")
	s = attachedFile.ReplaceAllString(s, "") // "Đơn xin nhận con nuôi;1.nxinnhnconnui.doc"
	// "Trường hợp (1): Đăng ký giao dịch … điện tử: Tờ khai …": the
	// case's count is no bracket where a qualification begins.
	s = caseCount.ReplaceAllString(s, "Trường hợp $1")
	// "Trường hợp điều trị nội trú: 1.1.1. Bản sao Giấy ra viện …": the
	// case's paper, not its number.
	s = nestedNumber.ReplaceAllString(s, ": ")
	// "Đối với người phụ thuộc là người Việt Nam: +++ Tờ khai …": the
	// outline's marks after the case are no part of the paper.
	s = outlineMarks.ReplaceAllString(s, ": ")
	// "Người nước ngoài, công dân Việt Nam định cư ở nước ngoài phải nộp
	// bản sao hộ chiếu/…": the paper is what is handed in, not who.
	if m := whoHandsIn.FindStringSubmatch(s); m != nil {
		s = upperFirst(m[1])
	}
	if loc := copyKind.FindStringIndex(s); loc != nil && loc[1] > 8 && loc[1] < len(s)-10 {
		s = upperFirst(strings.TrimLeft(s[loc[1]:], ": ")) // "Bản chính: các hóa đơn …"
	}
	// "… các chứng từ liên quan khác. - Trong trường hợp … thất lạc Hóa
	// đơn … (theo Mẫu số 01/KBCB …)": the notes of cases after a dash
	// name no form of this paper's.
	if i := caseNote.FindStringIndex(s); i != nil && i[0] > 12 {
		s = s[:i[0]]
	}
	// "Bản chụp các giấy tờ sau (…): + Thẻ BHYT …; + Giấy ra viện …":
	// the papers it lists, not "các giấy tờ sau".
	if m := papersFollowing.FindStringSubmatch(s); m != nil {
		var items []string
		for _, it := range strings.Split(m[1], "+") {
			if it = strings.TrimRight(strings.TrimSpace(it), ".;, "); it != "" {
				items = append(items, clip(it, maxPaperName/2))
			}
		}
		if len(items) > 0 {
			return strings.Join(items, "; ")
		}
	}
	// "Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/…
	// (sau đây gọi là giấy tờ tùy thân)": the record's own short name.
	if strings.Contains(s, "gọi là giấy tờ tùy thân") {
		return "Giấy tờ tùy thân (hộ chiếu, thẻ căn cước…)"
	}
	// "Một trong những giấy tờ hợp pháp về đất đai chứng minh … bao gồm:
	// + Giấy chứng nhận quyền sử dụng đất …": the kind and its first
	// choice, not the kind cut mid-phrase.
	if c := choicesOfKind(s); c != "" {
		return c
	}
	// "Một trong các giấy tờ sau: Căn cước điện tử; bản chính hoặc bản
	// sao của Thẻ căn cước công dân hoặc Thẻ căn cước hoặc … Hộ chiếu":
	// the choices, not the first alone.
	if m := oneOf.FindStringIndex(s); m != nil {
		var alts []string
		for _, a := range choiceSep.Split(s[m[1]:], -1) {
			a = strings.TrimSpace(copyKind.ReplaceAllString(strings.TrimSpace(a), ""))
			if a = strings.TrimRight(a, ".,;: "); a != "" && utf8.RuneCountInString(a) <= 40 {
				alts = append(alts, lowerFirst(a))
			}
		}
		if len(alts) > 1 {
			return clip("Một trong: "+strings.Join(alts[:min(len(alts), 4)], ", "), maxPaperName+20)
		}
	}
	// "Mẫu số 04/HTK/GSQL – Đơn đề nghị huỷ tờ khai (…)": the form's
	// name, then its code, whose slashes part no choices.
	var leadForm string
	if m := leadingForm.FindStringSubmatch(s); m != nil {
		leadForm, s = strings.TrimRight(m[1], "."), m[2]
	}
	// "Tờ khai đăng ký/ Thay đổi thông tin … theo Mẫu số 01ĐKTĐ/HĐĐT":
	// the slashes of the form's code part no choices.
	named := s
	if m := formCodeAt(s); m != nil {
		named = s[:m[0]]
	}
	if alts := strings.Split(named, "/"); len(alts) > 2 && utf8.RuneCountInString(alts[0]) < 30 {
		s = alts[0] + " hoặc " + lowerFirst(alts[1]) + "…"
	} else if len(alts) == 2 && named != s && utf8.RuneCountInString(alts[0]) < 30 {
		s = alts[0] + " hoặc " + lowerFirst(strings.TrimSpace(alts[1])) + s[len(named):]
	}
	// "… theo Mẫu số 11 … (cá nhân)" beside "… theo Mẫu số 13 … (tổ
	// chức)": whom each form is for tells them apart.
	whom := ""
	if m := formFor.FindStringSubmatch(s); m != nil {
		whom = m[1]
	}
	// "Tờ khai … (Mẫu CT01 …), trong đó ghi rõ ý kiến đồng ý cho tách hộ
	// của chủ hộ, chủ sở hữu chỗ ở hợp pháp, trừ trường hợp …": whose
	// consent the form carries is what the resident must get.
	if m := consentIn.FindStringSubmatch(s); m != nil && utf8.RuneCountInString(m[1]) <= 60 {
		whom = "có ý kiến đồng ý của " + strings.TrimRight(m[1], " ,")
	}
	if m := confirmedBy.FindStringSubmatch(s); m != nil && whom == "" && utf8.RuneCountInString(m[1]) <= 70 {
		whom = strings.TrimRight(m[1], " ,")
	}
	// "Phiếu CC01 … để công dân kiểm tra và ký xác nhận. Trường hợp công
	// dân chưa có thông tin … thì hồ sơ còn có: Phiếu thu thập thông tin
	// dân cư (Mẫu DC01 …)": the form of the case after it is not this
	// paper's.
	if loc := nextCase.FindStringIndex(s); loc != nil && loc[0] > 12 {
		s = s[:loc[0]]
	}
	var form string // "(mẫu CT01)": what the office asks for
	if m := formCodeAt(s); m != nil {
		// "(Mẫu số 01- QĐ613)": the code is said without the space
		// the record typed after its dash.
		code := strings.ReplaceAll(strings.TrimRight(s[m[2]:m[3]], "."), "- ", "-")
		// "theo Mẫu số 2a, Mẫu số 2b quy định tại …": the forms to
		// choose from are both named.
		if o := otherForm.FindStringSubmatch(s[m[3]:]); o != nil {
			other := o[1]
			if strings.HasPrefix(code, "số ") {
				other = strings.TrimPrefix(other, "số ")
			}
			code += " hoặc " + strings.TrimRight(other, ".")
		}
		form = "(mẫu " + code + ")"
		switch s[m[0]] {
		case ')':
			s = s[:m[0]+1]
		case '(':
		default:
			s = s[:m[0]] // "… theo mẫu số 01/NDAN ban hành kèm theo …"
		}
	}
	// "Đơn đề nghị … (Mẫu số PC22 …); giấy chứng tử hoặc trích lục khai
	// tử": a second paper in the same row is named too.
	var also string
	if i := strings.Index(s, "; "); i > 12 {
		if rest := s[i+2:]; secondPaper.MatchString(rest) {
			also, _, _ = strings.Cut(rest, ". ")
			if also = strings.TrimRight(also, ". "); utf8.RuneCountInString(also) > 50 {
				also = ""
			}
		}
	}
	// "Giấy tờ của xe: Chứng nhận nguồn gốc xe; Chứng nhận quyền sở hữu
	// hợp pháp; Chứng từ hoàn thành nghĩa vụ tài chính": a label and its
	// short list is named whole.
	if list := labelledList(s); list != "" {
		return list
	}
	for _, sep := range []string{"; ", " (", " – ", " - Trường hợp"} {
		if i := strings.Index(s, sep); i > 12 {
			s = s[:i]
		}
	}
	s = paperName(strings.TrimRight(strings.TrimSpace(s), ".,;:"))
	if form == "" && leadForm != "" {
		form = "(mẫu " + leadForm + ")"
	}
	if whom != "" && form != "" {
		form = strings.TrimSuffix(form, ")") + ", " + whom + ")"
	}
	if form != "" && !strings.Contains(s, form) {
		s += " " + form
	}
	if also != "" {
		s += "; " + also
	}
	return s
}

// kindOfChoices opens a paper that is a choice among papers of a kind,
// listed after "gồm:" or as "+ …" items.
var kindOfChoices = regexp.MustCompile(`(?i)^(một trong (?:những|các|số các)? ?(?:loại )?(?:giấy tờ|văn bản|giấy)[^:;]{0,250}?)\s*(?:(?:bao )?gồm|sau đây|sau)\s*:\s*(\+?)\s*`)

// choicesOfKind names a paper that kindOfChoices opens by its kind and
// first choice: "Một trong những giấy tờ hợp pháp về đất đai (như giấy
// chứng nhận quyền sử dụng đất…)"; "" for another paper, or for a plain
// list of short choices, which oneOf names.
func choicesOfKind(s string) string {
	m := kindOfChoices.FindStringSubmatchIndex(s)
	if m == nil {
		return ""
	}
	head, plus, rest := s[m[2]:m[3]], m[5] > m[4], s[m[1]:]
	if !plus && !strings.Contains(strings.ToLower(s[m[3]:m[1]]), "gồm") {
		return ""
	}
	// The kind without what it proves or the rule it follows, when long.
	if utf8.RuneCountInString(head) > 70 {
		for _, sep := range []string{" chứng minh ", " để ", " theo "} {
			if i := strings.Index(head, sep); i > 0 && len(strings.Fields(head[:i])) >= 5 {
				head = head[:i]
				break
			}
		}
	}
	first := rest
	for _, sep := range []string{" + ", ". ", "; ", ", ", " được ", " theo ", " do ", " giữa ", " hoặc "} {
		if i := strings.Index(first, sep); i > 0 {
			first = first[:i]
		}
	}
	first = strings.TrimRight(strings.TrimSpace(first), ".,;:")
	if first == "" {
		return ""
	}
	if first = clip(first, 50); !strings.HasSuffix(first, "…") {
		first += "…"
	}
	return strings.TrimSpace(head) + " (như " + lowerFirst(first) + ")"
}

// branchCase is a case a paper's name states: "… đối với trường hợp
// đăng ký giám hộ đương nhiên".
var branchCase = regexp.MustCompile(`(?i)(?:đối với|trong|với) trường hợp ([^;.]+)`)

// joinBranches makes one paper of the papers kept for the kinds of the
// procedure itself: for "Đăng ký giám hộ", "Giấy tờ chứng minh điều
// kiện giám hộ đương nhiên … đối với trường hợp đăng ký giám hộ đương
// nhiên" and "Văn bản cử người giám hộ … đối với trường hợp đăng ký
// giám hộ cử", in two rows or in one. Every applicant brings one of
// them, so they are not a special case to count but a choice to name:
// "Giấy tờ chứng minh điều kiện giám hộ đương nhiên hoặc văn bản cử
// người giám hộ".
func joinBranches(papers []paper, title string) []paper {
	core := strings.Fields(foldedWords(strings.TrimPrefix(strings.TrimPrefix(title, "Thủ tục "), "thủ tục ")))
	if len(core) < 2 {
		return papers
	}
	// A kind opens with the procedure's name, or its first three words
	// or more ("đăng ký giám hộ" of "đăng ký giám hộ có yếu tố nước
	// ngoài"), and goes on to name a kind of it.
	kind := func(c string) bool {
		w := strings.Fields(foldedWords(c))
		n := 0
		for n < len(w) && n < len(core) && w[n] == core[n] {
			n++
		}
		return (n == len(core) || n >= 3) && n < len(w)
	}
	var branches []int
	var names []string
	for i, x := range papers {
		if !x.special {
			continue
		}
		ms := branchCase.FindAllStringSubmatch(x.full, -1)
		if len(ms) == 0 || !slices.ContainsFunc(ms, func(m []string) bool { return kind(m[1]) }) {
			continue
		}
		branches = append(branches, i)
		// One row may name each kind's paper: "Văn bản cử người giám hộ
		// … đối với trường hợp đăng ký giám hộ cử; giấy tờ chứng minh …
		// đối với trường hợp đăng ký giám hộ đương nhiên".
		var kinds []string
		for _, part := range strings.Split(x.full, "; ") {
			if m := branchCase.FindStringSubmatch(part); m != nil && kind(m[1]) {
				part, _, _ = strings.Cut(branchCase.ReplaceAllString(part, ""), " theo quy định")
				kinds = append(kinds, paperName(strings.TrimSpace(part)))
			}
		}
		if len(kinds) < 2 {
			kinds = []string{x.name}
		}
		names = append(names, kinds...)
	}
	if len(names) < 2 || len(names) > 3 {
		return papers
	}
	joined := paper{name: names[0]}
	for _, n := range names[1:] {
		joined.name += " hoặc " + lowerFirst(n)
	}
	var fulls []string
	for _, i := range branches {
		fulls = append(fulls, papers[i].full)
	}
	joined.full = strings.Join(fulls, " ")
	out := []paper{joined}
	for i, x := range papers {
		if !slices.Contains(branches, i) {
			out = append(out, x)
		}
	}
	return out
}

// inIt opens a row that says what goes into the paper above it.
var inIt = regexp.MustCompile(`(?i)^trong đó,?\s+`)

// nextCase is a sentence of a paper's name that begins another case.
var nextCase = regexp.MustCompile(`\.\s*Trường hợp `)

// formFor is the bracket that ends a form's name with whom it is for.
// consentIn finds whose consent a form's name says it carries, always
// ("trong đó ghi rõ"; not "đối với người … chưa thành niên thì …").
var consentIn = regexp.MustCompile(`(?i)trong đó ghi rõ ý kiến đồng ý (?:[^,.;()]{2,50}? )?của ([^.;()]+?)(?:, trừ |\.|;|$)`)

// confirmedBy finds who confirms a form, said right after its code:
// "Giấy đề nghị … (mẫu số 3-CBH) có xác nhận của chính quyền địa phương
// nơi người hưởng cư trú".
var confirmedBy = regexp.MustCompile(`(?i)\)\s*,?\s*(có (?:xác nhận|chứng thực) của [^.;()]{3,80}?)\s*(?:\(|\.|;|$)`)

var formFor = regexp.MustCompile(`\((cá nhân|hộ gia đình|tổ chức|cộng đồng dân cư|doanh nghiệp|người nước ngoài)\)\s*\.?$`)

// labelledList returns a paper's name that is a short label and a short
// list ("Giấy tờ của xe: Chứng nhận nguồn gốc xe; Chứng nhận quyền sở
// hữu hợp pháp; …") as the label and its items, or "".
func labelledList(s string) string {
	label, list, ok := strings.Cut(s, ": ")
	if !ok || utf8.RuneCountInString(label) > 40 || strings.ContainsAny(label, ";()") {
		return ""
	}
	items := strings.Split(strings.TrimRight(list, ". "), "; ")
	if len(items) < 2 || len(items) > 4 {
		return ""
	}
	for i, it := range items {
		if it = strings.TrimSpace(it); it == "" || utf8.RuneCountInString(it) > 45 || strings.ContainsAny(it, ":()") {
			return ""
		}
		items[i] = lowerFirst(it)
	}
	out := label + ": " + strings.Join(items, ", ")
	if utf8.RuneCountInString(out) > maxPaperName+60 {
		return ""
	}
	return out
}

// secondPaper opens a second paper named in a paper's row after a
// semicolon.
var secondPaper = regexp.MustCompile(`^(giấy|bản sao|trích lục|sổ|văn bản|tờ khai|đơn|hộ chiếu|thẻ) `)

// formFile is the file of a form the portal's table attaches to a paper
// ("Mẫu số 01 TKN-CNKD.docx", "Mau 4.4 (1).docx"), named as a form.
var formFile = regexp.MustCompile(`(?i)^\s*;?\s*((?:mẫu|mau|phụ lục|phu luc|biểu mẫu|tk)[^;]{0,40}?)(?:\s*\(\d+\))?\.(?:docx?|pdf|xlsx?|rtf)`)

// formLabel returns the name of the form a record attaches to a paper,
// or "" when its file is not named as a form.
func formLabel(file string) string {
	m := formFile.FindStringSubmatch(file)
	if m == nil {
		// "phuluc TT05 BXD 31 7 2024 Mauso06 GIAYTOCHUNGMINH ….docx":
		// the form's number inside the file's name.
		if n := formInFile.FindStringSubmatch(file); n != nil && fileExt.MatchString(file) {
			return "Mẫu số " + n[1]
		}
		return ""
	}
	return strings.TrimSpace(m[1])
}

// formInFile is a form's number inside a file's name; fileExt, the
// extension of a form's file.
var (
	formInFile = regexp.MustCompile(`(?i)(?:^|[\s_])m(?:ẫ|a)u\s?s(?:ố|o)\s?(\d{1,3}[a-z]?)(?:[\s_.]|$)`)
	fileExt    = regexp.MustCompile(`(?i)\.(docx?|pdf|xlsx?|rtf)$`)
)

// whoHandsIn is a paper's name that opens with who hands it in.
var whoHandsIn = regexp.MustCompile(`^[^;:()]{5,90}? phải (?:nộp|xuất trình) ((?:bản sao|bản chính|giấy|văn bản|hộ chiếu|trích lục).{10,})$`)

// attachedFile is the name of the form's file that the portal's table
// glued to a paper's name.
var attachedFile = regexp.MustCompile(`(?i);\s*[^;\s]+\.(docx?|pdf|xlsx?|rtf)$`)

// formCode is a form's code in brackets after a paper's name, or said
// with "theo" or after the name's bracket: "(mẫu TK05)", "(Mẫu số
// 13-HSB)", "(Mẫu số 01- QĐ613)", "theo mẫu số 01/NDAN", "theo mẫu
// BM.NCC.20.01", "(áp dụng …) mẫu số 03/BĐS-TNCN".
// bareFormCode is a form's code after a bare space: "Tờ khai thuế tạm
// tính đối với dầu khí Mẫu số 01/TK-DK ban hành kèm theo …".
var bareFormCode = regexp.MustCompile(`\s[Mm]ẫu (số (?:[A-ZĐ]{1,5}\.){0,2}[A-ZĐ]{0,4}[0-9](?:[0-9A-Za-zĐ./]|-\s?){0,14})(?:[ ),;.]|$)`)

// formCodeAt is where formCode, else bareFormCode, finds a form's code,
// with the code's own bounds at [2:4].
func formCodeAt(s string) []int {
	if m := formCode.FindStringSubmatchIndex(s); m != nil {
		return m
	}
	return bareFormCode.FindStringSubmatchIndex(s)
}

// otherForm is a second form of a bare number offered right after a
// form's code: ", Mẫu số 2b", " hoặc Mẫu số 10" (a coded one, "hoặc mẫu
// số 20-ĐK-TCT", is another applicant's, listed in its own row).
var otherForm = regexp.MustCompile(`^\s*(?:,|hoặc)\s*[Mm]ẫu ((?:số )?\d{1,3}[a-z]?)(?:[ ),;.]|$)`)

// leadingForm is a paper named by its form's code first: "Mẫu số
// 04/HTK/GSQL – Đơn đề nghị huỷ tờ khai …".
var leadingForm = regexp.MustCompile(`^[Mm]ẫu ((?:số )?[0-9A-Z][0-9A-Za-zĐ./-]{0,20})\s*[–-]\s*(\S.*)$`)

var formCode = regexp.MustCompile(`(?:\((?:theo )?|\stheo |\)\s)[Mm]ẫu ((?:số )?(?:[A-ZĐ]{1,5}\.){0,2}[A-ZĐ]{0,4}[0-9](?:[0-9A-Za-zĐ./]|-\s?){0,14})(?:[ ),;.]|$)`)
