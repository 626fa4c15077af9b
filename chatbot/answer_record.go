package chatbot

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/portal"
	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// Budgets of a procedure's answer, in characters: the whole text stays
// near 400 so that it reads on a phone; the source card carries the full
// list of papers.
const (
	maxContent     = 220 // characters of the parts asked about, for one thing asked
	extraPerIntent = 130 // more characters for each further thing asked
	maxPaperName   = 72  // characters of a paper's name in the text
	// maxFeeLine is the most characters of a fee: room for an amount set
	// by the province and a whole list of whom it spares (a death
	// registered on time, families of merit, poor households, the
	// disabled), which a resident left off would pay.
	maxFeeLine      = 300
	maxTimeLine     = 200 // characters of a time of one line, said whole
	maxNotedTime    = 320 // characters of a time and its note, said whole
	maxFormLine     = 240 // characters of a list of papers asked for its form, said whole
	maxTextPapers   = 4   // papers named in the text
	maxPaperList    = 190 // characters of the papers named in the text
	minPaperCut     = 40  // characters a paper cut to fit the list keeps at least
	papersOnlyExtra = 80  // more characters when papers are all that is asked
	maxSteps        = 5   // steps named in the text
	maxStep         = 110 // characters of a step
	maxPart         = 220 // characters of a free-text part (conditions, result)
	maxShortPart    = 90  // a part this short is written even past the budget
)

// recordAnswer writes a procedure's answer: its short title and level,
// the parts asked about in the order asked, then where to submit and the
// record's own page with the date of the data.
func recordAnswer(b *strings.Builder, question string, intents []intent, d knowledge.Document, detail string, v view) {
	p := d.Procedure
	intents = vneidTopic(intents, question, d.Title)
	// "phải đăng ký lại ghe, lệ phí bao nhiêu, mấy ngày": a length asked
	// beside another ask, not named a deadline ("hạn chót", "trong bao
	// lâu phải khai"), of a record that sets the resident none, is the
	// office's time.
	if len(intents) > 1 && has(intents, intentDeadline) && !has(intents, intentTime) && !deadlineSaid(fold(question)) && !actWithin.MatchString(fold(question)) &&
		deadlineOf(p, question) == "" {
		intents = slices.Replace(slices.Clone(intents), slices.Index(intents, intentDeadline), slices.Index(intents, intentDeadline)+1, intentTime)
	}
	fmt.Fprintf(b, "«%s»", titleFor(d.Title, question))
	if lv := levelNote(p, v); lv != "" {
		b.WriteString(" — " + lv)
	}
	b.WriteString(":\n")
	// The parts asked about, within a budget that grows with the number
	// of things asked: a part that would overflow it is cut at a line or
	// left for the source card.
	budget := maxContent + extraPerIntent*(len(intents)-1)
	// A list of papers is all that was asked, but for where to hand it
	// in, which is said at the end anyway.
	papersOnly := slices.Equal(remove(intents, intentSubmit), []intent{intentPapers})
	if papersOnly {
		budget += papersOnlyExtra
	}
	var parts strings.Builder
	add := func(part string, whole bool) {
		left := budget - utf8.RuneCountInString(parts.String())
		switch n := utf8.RuneCountInString(part); {
		case n <= left || n <= maxShortPart || whole:
			// A short part asked ("Thời hạn giải quyết: 5 ngày làm
			// việc.") is never left out for a long one before it.
			parts.WriteString(part)
		case left > 60:
			// A line left out is on the source card; a lone "…" line
			// would read as a fact cut off.
			c := clipLines(part, left)
			if c == "…" || strings.HasSuffix(c, "\n…") {
				c = strings.TrimSuffix(c, "…")
			}
			if c = strings.TrimRight(c, "\n"); c != "" {
				parts.WriteString(c + "\n")
			}
		}
	}
	asked := map[intent]bool{}
	for _, in := range intents {
		if in == intentSubmit {
			asked[in] = true // said at the end, always
			continue
		}
		if asked[in] {
			continue
		}
		asked[in] = true
		var part strings.Builder
		if in == intentConditions && saysAlready(parts.String(), strings.TrimLeft(p.Conditions, "-+*• \n")) {
			// The deadline quoted above is the record's condition too
			// ("thông báo lưu trú được thực hiện trước 23 giờ …"): the
			// rest of it is said, not all of it again.
			var rest []string
			said := parts.String()
			for _, c := range strings.Split(p.Conditions, "; ") {
				c = strings.TrimSpace(c)
				if bare := strings.TrimLeft(c, "-+*• \n"); !saysAlready(said, bare) && !strings.Contains(said, bare) {
					rest = append(rest, c)
				}
			}
			// Only a rest that opens a clause: "trường hợp ông, bà … chỉ
			// cần thông báo một lần", not "ngày, tháng, năm sinh; …" of
			// a list whose head was quoted.
			if len(rest) > 0 && clauseStart.MatchString(strings.TrimLeft(rest[0], "-+*• ")) {
				add(v.word("Điều kiện: ", "Conditions: ")+"… "+clip(strings.Join(rest, "; "), maxPart)+"\n", false)
			}
			continue
		}
		if in == intentConditions && len(intents) == 1 && detail != "" && p.Conditions == "" && !strings.Contains(fold(question), " dieu kien ") {
			// The record's sentence quoted below answers the yes or no
			// ("có phải hợp pháp hóa lãnh sự trước không"): that the
			// record states no special conditions is beside the point.
			summaryParts(&part, p, question, v)
		} else {
			many := len(intents) - 1
			if papersOnly {
				many = 0
			}
			recordPart(&part, in, p, question, many, v)
		}
		// A fee cut in its list of whom it spares ("miễn lệ phí … đúng
		// hạn, người thuộc …") reads as a condition: it goes whole. So
		// does a time of one line: a number whose unit the record lost
		// needs its note ("«1» (bản ghi thiếu đơn vị; các bước ghi: «…
		// trong ngày làm việc tiếp theo»)").
		// So does a list of papers asked for its form ("nộp mẫu gì"),
		// or the form's number is cut away with the line's end.
		t := part.String()
		oneLine, n := strings.Count(strings.TrimSpace(t), "\n") == 0, utf8.RuneCountInString(t)
		formAsked := in == intentPapers && oneLine && strings.Contains(fold(question), " mau ")
		form := formAsked && n <= maxFormLine
		// Too long to go whole, and the form cut away with the budget
		// ("Tờ khai thuế thu nhập cá nhân …"), the list names as many
		// of its first papers as fit, the form among them, and counts
		// the rest: "Tờ khai thuế thu nhập cá nhân (mẫu số 04/CNV-TNCN)
		// (1 trường hợp khác …)".
		if left := budget - utf8.RuneCountInString(parts.String()); formAsked && !form && n > left && formCodeAt(clipLines(t, max(left, 0))) == nil {
			for k := maxTextPapers; k > 0 && !form; k-- {
				var fewer strings.Builder
				papersLine(&fewer, p, question, v, k, maxPaperList)
				if f := fewer.String(); utf8.RuneCountInString(f) <= maxFormLine && formCodeAt(f) != nil {
					t, form = f, true
				}
			}
		}
		// So does a time with the note that times each case ("nhận hồ
		// sơ từ NLĐ …: 3 ngày làm việc"): the asker's case is in it.
		noted := in == intentTime && n <= maxNotedTime && strings.Contains(t, "\n"+v.word("Ghi chú của bản ghi về thời hạn: ", "The record's note on the time: "))
		add(t, in == intentFee || in == intentTime && oneLine && n <= maxTimeLine || form || noted)
	}
	b.WriteString(parts.String())
	// What the question asks beyond the parts: the record's own sentence,
	// unless a part already says it (a step quoted whole).
	if detail != "" && !saysAlready(parts.String(), detail) {
		b.WriteString(v.word("Theo bản ghi: ", "The record says: ") + "«" + detail + "»\n")
	}
	where := strings.TrimRight(placeOf(p, v), ".;, ")
	if at := casePlace(p, question); at != "" {
		// The asker's case has its own place ("người tham gia BHYT theo
		// hộ gia đình: nộp cho tổ chức dịch vụ hoặc cơ quan BHXH").
		if mentionsCommune(at) && v.office && v.contact.Name != "" {
			at += " (" + v.contact.Name + ")"
		}
		where = at
	} else if asked[intentSubmit] && throughEmployer(p, question) {
		// "làm chế độ thai sản nộp ở đâu": a worker hands the file to
		// her employer, whatever office the record names.
		where = v.word("người lao động đang làm việc, đóng BHXH bắt buộc: nộp cho đơn vị sử dụng lao động (nơi làm việc), theo bản ghi; người khác: ",
			"an employee paying compulsory social insurance: to the employer, as the record says; others: ") + where
	}
	b.WriteString(v.word("Nơi nộp: ", "Where to submit: ") + where)
	// "tờ khai có gửi qua bưu điện được ko": whether the post takes it.
	if postAsked.MatchString(fold(question)) {
		if byPost(p) {
			b.WriteString(v.word("; hoặc gửi qua dịch vụ bưu chính", "; or by post"))
		} else {
			b.WriteString(v.word("; bản ghi không ghi cách gửi qua bưu chính", "; the record lists no sending by post"))
		}
	}
	if online(p) && !asked[intentOnline] {
		b.WriteString(v.word("; hoặc trực tuyến", "; or online"))
	}
	b.WriteString(".")
	// Who decides, asked ("ai ký cấp sổ", "nộp ở đâu"), when the place a
	// file is handed in does not say it: the commune's service centre
	// takes the file of a permit the People's Committee grants.
	if asked[intentSubmit] || whoDecides.MatchString(fold(question)) {
		by := deciderOf(p, where)
		if by == "" && whoDecides.MatchString(fold(question)) {
			// Asked outright, of a record that names no agency; not when
			// the place says it already.
			if by = stepsDecider(p); strings.Contains(fold(where), fold(by)) {
				by = ""
			}
		}
		if by != "" {
			b.WriteString(v.word(" Cơ quan giải quyết: ", " Decided by: ") + by + ".")
		}
	}
	b.WriteString("\n")
	if p.SourceURL != "" {
		b.WriteString(v.word("Nguồn: ", "Source: ") + p.SourceURL + " (" + dataDate(d, v) + ")\n")
	} else {
		b.WriteString(dataDate(d, v) + "\n")
	}
}

// sameKey reads a paper's name (foldedWords) without the words two rows
// of one paper differ by.
var sameKey = strings.NewReplacer(" loai ", " ", " cac ", " ")

// postAsked asks about sending a file by post (folded, padded): "tờ
// khai có gửi qua bưu điện được ko", "nộp hồ sơ qua bưu chính", not
// "không ra bưu điện lĩnh lương hưu được" (the post office as the
// pension's paying point).
var postAsked = regexp.MustCompile(` (gui|nop|chuyen)( ho so| to khai| giay to| don| ho| giay)?( qua| bang| theo| duong)? (buu dien|buu chinh) | (qua|bang) (duong )?(buu dien|buu chinh) (duoc|dc|co duoc|khong|ko|k) `)

// byPost reports a record that takes files by post.
func byPost(p *knowledge.Procedure) bool {
	return slices.ContainsFunc(p.Methods, func(m knowledge.Method) bool { return strings.Contains(strings.ToLower(m.Channel), "bưu chính") })
}

// vneidTopic drops the online submission from what a question asks when
// its only word for it is "VNeID" and the procedure is the VNeID account
// itself ("làm VNeID mức 2 cho con cần gì"): the app is what is asked
// about, not the channel.
func vneidTopic(intents []intent, question, title string) []intent {
	if !has(intents, intentOnline) || !strings.Contains(fold(title), " dinh danh dien tu ") {
		return intents
	}
	padded := fold(question)
	for _, ic := range intentCues {
		if ic.intent != intentOnline {
			continue
		}
		for _, c := range ic.cues {
			if c != "vneid" && strings.Contains(padded, " "+c+" ") {
				return intents // asked online in other words too
			}
		}
	}
	if len(intents) == 1 {
		return []intent{intentGeneral}
	}
	return remove(intents, intentOnline)
}

// saysAlready reports a quote whose opening words the text already holds.
func saysAlready(text, quote string) bool {
	q := []rune(strings.TrimSpace(strings.TrimPrefix(quote, "…")))
	if len(q) < 20 {
		return false
	}
	text = strings.ToLower(text)
	if strings.Contains(text, strings.ToLower(string(q[:min(len(q), 50)]))) {
		return true
	}
	// A fallback row ("Trường hợp không có văn bản nêu trên thì phải có
	// văn bản cam đoan …") is said already when what stands in for the
	// paper is: the list says it with its paper ("(không có thì: …)"),
	// not cut before its words are ("… hai người làm chứng").
	if m := fallbackRow.FindStringSubmatch(string(q)); m != nil && saysAlready(text, m[2]) {
		said := make(map[string]bool)
		for _, w := range strings.FieldsFunc(text, notLetterOrDigit) {
			said[w] = true
		}
		words := strings.FieldsFunc(strings.ToLower(m[2]), notLetterOrDigit)
		missing := 0
		for _, w := range words {
			if !said[w] {
				missing++
			}
		}
		return missing*5 <= len(words)
	}
	return false
}

// clauseStart opens a clause of a record's text, not the middle of a
// list: a capital, or "trường hợp", "đối với", "nếu".
var clauseStart = regexp.MustCompile(`^(\p{Lu}|trường hợp |đối với |nếu )`)

// recordPart writes what one intent asks of the record.
func recordPart(b *strings.Builder, in intent, p *knowledge.Procedure, question string, many int, v view) {
	switch in {
	case intentPapers:
		papersLine(b, p, question, v, maxTextPapers-min(many, 1), maxPaperList+papersOnlyExtra*(1-min(many, 1)))
	case intentFee:
		fee := feeAsked(p, question, v.today)
		if fee == "" {
			fee = v.word("bản ghi không ghi lệ phí; hãy hỏi cán bộ tiếp nhận", "the record gives no fee; ask the office")
		} else if c := exemptionNamed(fee, question, p.Title); c != "" {
			fee = c
		}
		b.WriteString(v.word("Lệ phí: ", "Fee: ") + endLine(clip(fee, maxFeeLine)) + "\n")
	case intentTime:
		t := timeOf(p)
		if c := caseTime(p, question); c != "" {
			// The case the question names has its own time in the steps.
			b.WriteString(v.word("Thời hạn, theo bản ghi: ", "Time, as the record says: ") + "«" + c + "»")
			if t != "" && utf8.RuneCountInString(t) <= 40 {
				b.WriteString(v.word(" (thời hạn chung: ", " (general time: ") + t + ")")
			}
			b.WriteString(".\n")
			break
		}
		if t == "" {
			t = v.word("bản ghi không ghi thời hạn; hãy hỏi cán bộ tiếp nhận", "the record gives no time; ask the office")
		}
		b.WriteString(v.word("Thời hạn giải quyết: ", "Processing time: ") + endLine(clip(t, 200)) + "\n")
		n := timeNote(p, t)
		if n == "" {
			// "Mất cà vẹt, cấp lại mất bao lâu": the lost paper's own
			// 30 days of checking, beside the 2 days.
			n = caseNoted(p, question)
		}
		if n != "" {
			// A line of its own: an answer short of room leaves it whole.
			b.WriteString(v.word("Ghi chú của bản ghi về thời hạn: ", "The record's note on the time: ") + "«" + n + "».\n")
		}
	case intentDeadline:
		if d := deadlineOf(p, question); d != "" {
			b.WriteString(v.word("Hạn phải làm, theo bản ghi: ", "Deadline, as the record says: ") + "«" + d + "»\n")
		} else if many == 0 {
			// Asked beside the office's time ("có phải đăng ký không, mấy
			// ngày được trả lời"), a deadline the record lacks is no news.
			b.WriteString(v.word("Bản ghi không ghi hạn phải làm thủ tục này.", "The record sets no deadline for this procedure.") + "\n")
		}
	case intentOnline:
		if online(p) {
			b.WriteString(v.word("Nộp trực tuyến: được, qua Cổng Dịch vụ công quốc gia", "Online: yes, on the National Public Service Portal"))
			if note := onlineNote(p); note != "" {
				b.WriteString(" (" + onlineChannels(note) + ")")
			}
			b.WriteString(".\n")
		} else {
			b.WriteString(v.word("Bản ghi không ghi cách nộp trực tuyến cho thủ tục này.\n", "The record lists no online submission for this procedure.\n"))
		}
	case intentSteps:
		steps := stepsOf(p)
		if len(steps) == 0 {
			summaryParts(b, p, question, v)
			return
		}
		b.WriteString(v.word("Các bước:\n", "Steps:\n"))
		for i, s := range steps {
			if i == maxSteps {
				b.WriteString(v.word("… (các bước sau: xem trên Cổng DVC)\n", "… (further steps on the portal)\n"))
				break
			}
			fmt.Fprintf(b, "%d. %s\n", i+1, clip(s, maxStep))
		}
	case intentConditions:
		if p.Conditions != "" {
			// A list's first dash is the record's layout, not a word.
			b.WriteString(v.word("Điều kiện: ", "Conditions: ") + clip(listedConditions(strings.TrimLeft(p.Conditions, "-+*• \n")), maxPart) + "\n")
		} else if many == 0 || strings.Contains(fold(question), " dieu kien ") {
			b.WriteString(v.word("Bản ghi không ghi điều kiện riêng cho thủ tục này.\n", "The record states no special conditions.\n"))
			if !strings.Contains(fold(question), " dieu kien ") {
				// "đăng ký chung với khai sinh được không": the procedure
				// is the yes; what it takes and how long is the rest.
				summaryParts(b, p, question, v)
			}
		}
	case intentResult:
		if p.Result != "" {
			b.WriteString(v.word("Kết quả: ", "Result: ") + clip(p.Result, maxPart) + "\n")
		}
	default:
		summaryParts(b, p, question, v)
	}
}

// summaryParts is the general answer: the main papers, the fee, the time.
func summaryParts(b *strings.Builder, p *knowledge.Procedure, question string, v view) {
	papersLine(b, p, question, v, 2, maxPaperList)
	if fee := feeOf(p, v.today); fee != "" {
		// Room for the exemptions, which a resident left off would pay.
		b.WriteString(v.word("Lệ phí: ", "Fee: ") + endLine(clip(fee, maxFeeLine)) + "\n")
	}
	if c := caseTime(p, question); c != "" {
		b.WriteString(v.word("Thời hạn, theo bản ghi: ", "Time, as the record says: ") + "«" + c + "»\n")
	} else if t := timeOf(p); t != "" {
		b.WriteString(v.word("Thời hạn: ", "Time: ") + clip(t, 120) + ".\n")
	}
}

// papersLine names the papers every applicant brings (n at most, in
// maxList characters), then counts the special cases the source card
// lists.
func papersLine(b *strings.Builder, p *knowledge.Procedure, question string, v view, n, maxList int) {
	papers, heading, others := papersOf(p, question)
	if len(papers) == 0 {
		b.WriteString(v.word("Giấy tờ: bản ghi không liệt kê; hãy hỏi cán bộ tiếp nhận.\n", "Papers: the record lists none; ask the office.\n"))
		return
	}
	var names []string
	named := make(map[string]bool) // the names listed, as sameKey reads them
	special, listed := 0, 0
	// "tờ khai mẫu nào": the form's file the record attaches names it.
	asksForm := strings.Contains(fold(question), " mau ")
	if asksForm {
		sharedForm(papers)
	}
	// The one paper of the resident's case, when papers are all that is
	// asked, is named whole as far as the list goes: "Nội dung khai báo
	// tạm vắng gồm: họ và tên, …; lý do tạm vắng; …; địa chỉ nơi đến" cut
	// at its first line names nothing.
	alone := maxList > maxPaperList && 1 == len(slices.DeleteFunc(slices.Clone(papers), func(x paper) bool { return x.other || x.special && !x.asked }))
	listable := func(x paper) bool { return !x.other && (!x.special || x.asked) }
	// The online twins of a paper form listed ("Mẫu hộ tịch điện tử
	// tương tác …") are the same form: named, they would take the places
	// of the papers the resident must find (the foreign paper a birth
	// abroad is entered from); the source card lists them.
	paperForm := slices.ContainsFunc(papers, func(x paper) bool { return listable(x) && paperRank(x) == 0 })
	for i, x := range papers {
		if x.special && !x.asked {
			special++
			continue
		}
		if x.other || paperForm && electronicForm(x) {
			continue // counted as another case, or among the papers cut
		}
		name := x.name
		// "Một trong những loại giấy tờ hợp pháp về đất đai" beside "Một
		// trong những giấy tờ hợp pháp về đất đai", two rows of one
		// paper, is named once.
		key := sameKey.Replace(foldedWords(name))
		if named[key] {
			continue
		}
		// A paper that does not fit in the space left, where a paper the
		// case lists after it would, is named as far as it goes in that
		// paper's place: the drawings of a new house, not a treaty's
		// clauses on a diplomat's building.
		if left := maxList - listed; len(names) > 0 && len(names) < n && utf8.RuneCountInString(name) > left && left >= minPaperCut &&
			slices.ContainsFunc(papers[i+1:], func(y paper) bool { return listable(y) && utf8.RuneCountInString(y.name) <= left }) {
			name = clip(strings.TrimSuffix(strings.TrimSuffix(name, "…"), " "), left-2)
		}
		if len(names) < n && (len(names) == 0 || listed+utf8.RuneCountInString(name) <= maxList) {
			if alone && strings.HasSuffix(name, "…") {
				name = clip(strings.TrimRight(stepPrefix.ReplaceAllString(paperCount.ReplaceAllString(x.full, ""), ""), ". "), maxPaperList+papersOnlyExtra)
			}
			if asksForm && x.form != "" && !strings.Contains(strings.ToLower(name), "(mẫu") {
				name += " (" + x.form + ")"
			}
			if rest := askedRest(question, p.Title, paperCount.ReplaceAllString(x.full, ""), name); rest != "" {
				name = strings.TrimRight(name, "… ") + " (… " + rest + ")"
			}
			name = strings.TrimRight(name, ". ") // the line ends with its own full stop
			listed += utf8.RuneCountInString(name) + 2
			if x.show {
				name += v.word(" (xuất trình)", " (to show)")
			}
			names = append(names, name)
			named[key] = true
		}
	}
	if len(names) == 0 { // every paper is for a special case
		for _, x := range papers {
			if x.other || len(names) == n {
				continue // another case's, or enough
			}
			if len(names) > 0 && listed+utf8.RuneCountInString(x.name) > maxList {
				break
			}
			listed += utf8.RuneCountInString(x.name) + 2
			names = append(names, strings.TrimRight(x.name, ". "))
		}
		special -= len(names)
	}
	b.WriteString(v.word("Giấy tờ", "Papers"))
	if heading != "" && others > 0 && !lawOnly.MatchString(heading) {
		b.WriteString(v.word(" (trường hợp «", " (case «") + clip(lowerFirst(heading), 50) + "»)")
	}
	b.WriteString(": " + strings.Join(names, "; "))
	// Papers every applicant brings that did not fit are not a special
	// case: the child's card needs the parent's proof of being the legal
	// representative, whatever the case.
	cut := len(papers) - len(names) - special
	switch {
	case others > 0:
		b.WriteString(v.word(fmt.Sprintf(" (%d trường hợp khác: xem danh sách)", others), fmt.Sprintf(" (%d other cases: see the list)", others)))
	case cut > 0 && special > 0:
		b.WriteString(v.word(fmt.Sprintf(" (+%d giấy tờ khác, +%d cho trường hợp riêng: xem danh sách)", cut, special),
			fmt.Sprintf(" (+%d other papers, +%d for special cases: see the list)", cut, special)))
	case cut > 0:
		b.WriteString(v.word(fmt.Sprintf(" (+%d giấy tờ khác: xem danh sách)", cut),
			fmt.Sprintf(" (+%d other papers: see the list)", cut)))
	case special > 0:
		b.WriteString(v.word(fmt.Sprintf(" (+%d cho trường hợp riêng: xem danh sách)", special),
			fmt.Sprintf(" (+%d for special cases: see the list)", special)))
	}
	if !strings.HasSuffix(b.String(), "…") { // not "hợp …."
		b.WriteString(".")
	}
	b.WriteString("\n")
}

// maxAskedRest bounds the part of a paper's name quoted because the
// question asks it.
const maxAskedRest = 110

// askedWhether reports the words q[k:k+2] asked as a paper needed or
// not: after a need ("cần", "phải", "kèm") within six words, before a
// "không" that ends the question within four.
func askedWhether(q []string, k int) bool {
	need, ends := false, false
	for i := max(0, k-6); i < k; i++ {
		need = need || q[i] == "can" || q[i] == "phai" || q[i] == "kem" || q[i] == "buoc"
	}
	for i := k + 2; i < min(len(q), k+6); i++ {
		ends = ends || q[i] == "khong" || q[i] == "ko" || q[i] == "k" || q[i] == "hong" || q[i] == "kg"
	}
	return need && ends
}

// intentPairs are the pairs of words in a row of what questions ask
// ("bao lâu", "lệ phí"), which ask no part of a paper.
var intentPairs = func() map[string]bool {
	m := make(map[string]bool)
	for _, ic := range intentCues {
		for _, c := range ic.cues {
			w := strings.Fields(c)
			for i := 0; i+1 < len(w); i++ {
				m[w[i]+" "+w[i+1]] = true
			}
		}
	}
	return m
}()

// askedRest is the part of a paper's full name that its name as listed
// cut off and the question asks about, from two words the question says
// together to the end of its clause: "hồ sơ cần bản vẽ với ảnh chụp hiện
// trạng ko" asks the "… và ảnh chụp (kích thước tối thiểu 10 x 15 cm)
// hiện trạng công trình …" of the plans row, cut at "đã được phê duyệt".
// Empty when the name or the title says it, or the question names no
// such pair.
func askedRest(question, title, full, name string) string {
	q := vietnamese.Words(question)
	// Words of the title name the procedure, not a part of a paper.
	shown := foldedWords(name) + foldedWords(title)
	var asked []int // where the pairs asked whether needed start in q
	for k := 0; k+1 < len(q); k++ {
		a, b := q[k], q[k+1]
		if len(a) >= 2 && len(b) >= 2 && !genericWords[a] && !genericWords[b] && !intentPairs[a+" "+b] &&
			!strings.Contains(shown, " "+a+" "+b+" ") && askedWhether(q, k) {
			asked = append(asked, k)
		}
	}
	if len(asked) == 0 {
		return ""
	}
	type word struct {
		folded     string
		start, end int
	}
	var words []word
	for i := 0; i < len(full); {
		r, n := utf8.DecodeRuneInString(full[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(full) {
			r, n := utf8.DecodeRuneInString(full[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			j += n
		}
		words = append(words, word{vietnamese.Fold(full[i:j]), i, j})
		i = j
	}
	for _, k := range asked {
		a, b := q[k], q[k+1]
		for i := 0; i+1 < len(words); i++ {
			if words[i].folded != a || words[i+1].folded != b {
				continue
			}
			start := words[i].start
			if i > 0 && (words[i-1].folded == "va" || words[i-1].folded == "kem") {
				start = words[i-1].start
			}
			end := len(full)
			if e := strings.IndexByte(full[words[i+1].end:], ';'); e >= 0 {
				end = words[i+1].end + e
			}
			return clip(strings.TrimRight(strings.TrimSpace(full[start:end]), ".,: "), maxAskedRest)
		}
	}
	return ""
}

// formNamed is a paper's form as shortPaper names it: "(mẫu số 08-MST)".
var formNamed = regexp.MustCompile(`\(mẫu (?:số )?([^),]+)`)

// sharedForm puts first, marked asked, the form that most of the special
// rows of a case name, when none of its everyone's papers names a form:
// a change of tax details lists "Đối với hộ gia đình, cá nhân có hoạt
// động sản xuất, kinh doanh … (mẫu số 08-MST)", "Đối với NNT là tổ chức
// (mẫu 08-MST)" and "Tờ khai điều chỉnh, bổ sung thông tin đăng ký thuế
// (mẫu số 08-MST)" beside one paper or two of other cases, and "tờ khai
// mẫu nào" is 08-MST whoever asks. The row that is the form itself, not
// a case's ("Đối với …"), names it.
func sharedForm(papers []paper) {
	mine := papers // the case's own papers, before the other cases'
	if n := slices.IndexFunc(papers, func(x paper) bool { return x.other }); n >= 0 {
		mine = papers[:n]
	}
	if !slices.ContainsFunc(mine, func(x paper) bool { return !x.special }) {
		return // all special: the list names the cases' papers (papersLine)
	}
	count := make(map[string]int)
	rows := 0
	for _, x := range mine {
		m := formNamed.FindStringSubmatch(x.name)
		if !x.special || x.asked {
			if m != nil {
				return // an everyone's paper, or the asker's case, names a form
			}
			continue
		}
		if m != nil {
			count[strings.ToLower(strings.TrimSpace(m[1]))]++
			rows++
		}
	}
	best, most := "", 0
	for code, n := range count {
		if n > most || n == most && code < best {
			best, most = code, n
		}
	}
	if most < 2 || 2*most <= rows {
		return
	}
	pick := -1
	for i, x := range mine {
		m := formNamed.FindStringSubmatch(x.name)
		if !x.special || m == nil || strings.ToLower(strings.TrimSpace(m[1])) != best {
			continue
		}
		if pick < 0 || specialCase.MatchString(mine[pick].name) && !specialCase.MatchString(x.name) {
			pick = i
		}
	}
	x := mine[pick]
	x.asked = true
	// "Đối với hộ gia đình … : +++ Tờ khai đăng ký thuế mẫu số
	// 03-ĐK-TCT …", every row a case's: the form, not the case.
	if _, form, ok := strings.Cut(x.full, ":"); ok && specialCase.MatchString(x.name) {
		if form = shortPaper(strings.TrimLeft(form, " +")); formNamed.MatchString(form) {
			x.name = form
		}
	}
	copy(mine[1:pick+1], mine[:pick])
	mine[0] = x
}

// conditionsLead is a record's conditions that open with a lead
// announcing a list ("Công dân … có các tiêu chuẩn, điều kiện sau đây …:")
// and its items, one a line; conditionItem is an item's marker.
var (
	conditionsLead = regexp.MustCompile(`(?s)^[^\n]{0,300}?:\s*\n\s*((?:\d+[.)]|-|\+|[a-zđ]\))\s.*)$`)
	conditionItem  = regexp.MustCompile(`^(?:\d+[.)]|-|\+|[a-zđ]\))\s+`)
	announces      = regexp.MustCompile(`(?i)^[^\n]*(\bsau đây\b|\bnhư sau\b|\bsau\s*:)[^\n]*:?\s*$`)
	barred         = regexp.MustCompile(`(?i)(^|[\s,])(không|chấm dứt|bị|trừ)([\s,]|$)`)
)

// listedConditions gives a list of conditions by its items' opening
// clauses, without the lead that announces them: "Từ đủ 18 tuổi đến đủ
// 70 tuổi; Có lý lịch rõ ràng; …", not "Công dân Việt Nam có nguyện vọng
// và có các tiêu chuẩn, điều kiện sau đây …" cut before the first item.
// Conditions in any other shape come back as they are.
func listedConditions(c string) string {
	m := conditionsLead.FindStringSubmatch(c)
	// Only a lead that only announces ("… các tiêu chuẩn, điều kiện sau
	// đây …:"); one that says what the items are ("Trường hợp không được
	// chứng thực chữ ký:", "Những người sau đây không được đăng ký …:",
	// "… chấm dứt khi … thuộc một trong các trường hợp sau đây:") goes
	// with them.
	if m == nil || !announces.MatchString(c[:len(c)-len(m[1])]) || barred.MatchString(c[:len(c)-len(m[1])]) {
		return c
	}
	var items []string
	for _, line := range strings.Split(m[1], "\n") {
		line = strings.TrimSpace(line)
		if !conditionItem.MatchString(line) {
			continue // a line that goes on an item, or a blank one
		}
		item := conditionItem.ReplaceAllString(line, "")
		// The item's first clause ("1.500.000 đồng" is no end of one).
		item = strings.TrimRight(clauseStop.Split(item, 2)[0], ". ")
		if item = strings.TrimSpace(item); item != "" {
			items = append(items, item)
		}
	}
	if len(items) < 2 {
		return c
	}
	return strings.Join(items, "; ")
}

// lawOnly is a case's heading that names it only by the law's clause
// ("Trường hợp thuộc quy định tại điểm c, điểm d khoản 1 Điều 31 Luật Cư
// trú"), which tells a resident nothing.
var lawOnly = regexp.MustCompile(`(?i)^(đối với )?trường hợp (công dân |người )?(thuộc )?(quy định tại |theo )?(điểm|khoản|điều) `)

// paperCount is the count a paper's full text ends with: "(1 bản chính,
// 1 bản sao)".
var paperCount = regexp.MustCompile(`\s*\([^()]*\bbản\b[^()]*\)\s*$`)

// endLine ends a line with a full stop, unless it ends cut ("…").
func endLine(s string) string {
	if strings.HasSuffix(s, "…") {
		return s
	}
	return s + "."
}

// paperBreaks are where a paper's long name stops naming the paper and
// starts qualifying it: "Tờ khai … theo mẫu, trong đó có cam đoan …",
// "Giấy báo tử … do cơ quan có thẩm quyền cấp".
var paperBreaks = []string{", trong đó", ", có ", " do cơ quan", " được cấp", " được tạo lập", " đã được", ", kèm", ", gồm", ", ghi rõ", " đối với ", " theo quy định"}

// paperName is a paper's name for the text: whole when short, else cut
// where its qualification begins, else at a word with "…".
func paperName(name string) string {
	if utf8.RuneCountInString(name) <= maxPaperName {
		return name
	}
	// The first break: "Hộ chiếu … còn giá trị sử dụng đối với người đã
	// được cấp hộ chiếu" is the passport, not "… đối với người đã".
	cut := -1
	for _, br := range paperBreaks {
		i := strings.Index(name, br)
		if i > 8 && (cut < 0 || i < cut) && !bareNames[strings.ToLower(name[:i])] && utf8.RuneCountInString(name[:i]) <= maxPaperName {
			cut = i
		}
	}
	if cut > 0 {
		return name[:cut]
	}
	// A paper whose head names no paper but its issuer, named by what it
	// certifies ("Giấy tờ do cơ quan có thẩm quyền của nước láng giềng
	// cấp không quá 06 tháng …, xác nhận công dân nước láng giềng hiện
	// tại là người không có vợ hoặc không có chồng"): the head, then what
	// it certifies.
	if i := strings.Index(name, ", xác nhận "); i > 0 {
		for _, br := range paperBreaks {
			if j := strings.Index(name[:i], br); j > 0 && bareNames[strings.ToLower(name[:j])] {
				return clip(name[:j]+" "+name[i+2:], maxPaperName+30)
			}
		}
	}
	// Words that say nothing of which paper it is go before a cut does:
	// "Giấy tờ, tài liệu có giá trị pháp lý chứng minh là người đại diện
	// hợp pháp của người dưới 14 tuổi" names the proof of representation
	// whole without them, and cut it ended "người đại diện hợp …".
	for _, f := range paperFiller {
		if i := strings.Index(name, f); i > 0 {
			return paperName(name[:i] + name[i+len(f):])
		}
	}
	return clip(name, maxPaperName)
}

// paperFiller qualify every paper alike.
var paperFiller = []string{", tài liệu", " có giá trị pháp lý", " hợp lệ"}

// bareNames name no paper by themselves: "Giấy tờ do cơ quan có thẩm
// quyền … cấp chứng minh người đại diện" is not "Giấy tờ".
var bareNames = map[string]bool{"giấy tờ": true, "giấy": true, "văn bản": true, "tài liệu": true, "bản sao": true,
	"giấy tờ, tài liệu": true, "bản chính": true, "hồ sơ": true, "chứng từ": true}

// levelNote says at which level the procedure is done, and plainly when
// it is not the commune.
// A procedure decided higher up whose file is handed in at the commune
// (the commune police for a driving licence) says so, rather than "not
// at the commune" above a commune place.
func levelNote(p *knowledge.Procedure, v view) string {
	l := strings.ToLower(p.Level)
	atCommune := func() bool { return strings.Contains(strings.ToLower(placeOf(p, v)), "cấp xã") }
	switch {
	case l == "":
		return ""
	case strings.Contains(l, "cấp xã"):
		return "" // where to submit says the commune
	case strings.Contains(l, "cấp tỉnh") && atCommune():
		return v.word("thủ tục cấp tỉnh, hồ sơ nhận tại cấp xã", "a provincial procedure; the file is handed in at the commune")
	case strings.Contains(l, "cấp tỉnh"):
		return v.word("thủ tục cấp tỉnh, không giải quyết tại xã", "a provincial procedure, not decided by the commune")
	case strings.Contains(l, "cấp bộ") && atCommune():
		return v.word("thủ tục cấp trung ương (bộ, ngành), hồ sơ nhận tại cấp xã", "a national (ministry) procedure; the file is handed in at the commune")
	case strings.Contains(l, "cấp bộ"):
		return v.word("thủ tục cấp trung ương (bộ, ngành), không giải quyết tại xã", "a national (ministry) procedure, not decided by the commune")
	}
	return strings.ToLower(p.Level)
}

// whoDecides asks who grants or signs, in folded words: "ai ký cấp
// sổ", "ai duyệt", "cơ quan nào giải quyết".
var whoDecides = regexp.MustCompile(` ai (ra )?(ky|cap|duyet|phe duyet|giai quyet|quyet dinh|xet duyet|xet) | (co quan|cap|ben) nao (giai quyet|cap|duyet|ky|quyet dinh|ra quyet dinh) `)

// stepsDecider returns who the steps say decides ("Chủ tịch Ủy ban nhân
// dân cấp xã xem xét, quyết định"), or "".
func stepsDecider(p *knowledge.Procedure) string {
	for _, step := range p.Steps {
		if m := decidesInSteps.FindStringSubmatch(step); m != nil {
			return upperFirst(strings.NewReplacer("Uỷ", "Ủy", "uỷ", "ủy").Replace(m[1]))
		}
	}
	return ""
}

// decidesInSteps finds in a step who decides: "Chủ tịch Ủy ban nhân dân
// cấp xã xem xét, quyết định".
var decidesInSteps = regexp.MustCompile(`(?i)((?:chủ tịch )?(?:ủy|uỷ) ban nhân dân (?:cấp )?(?:xã|tỉnh|huyện))[^.;,]{0,20}(?:,? xem xét,? )?(?:ra )?quyết định`)

// anyLevel is a body's level in folded words: "cấp Tỉnh", "xã",
// "Việt Nam".
var anyLevel = regexp.MustCompile(` (cap )?(tinh|huyen|xa|phuong|trung uong|viet nam)( |$)`)

// deciderOf is the record's deciding agency ("Cơ quan thực hiện") less
// what where to submit already names, or "" when the record gives none.
// "Uỷ ban Nhân dân cấp xã, phường, thị trấn" is one agency; "Công an
// cấp Xã" is said by "Công an cấp xã (Xã Mẫu)".
func deciderOf(p *knowledge.Procedure, where string) string {
	agency := strings.TrimRight(strings.TrimSpace(p.Agency), ".;, ")
	if agency == "" || sentenceLike.MatchString(agency) || strings.Contains(fold(agency), " khong co thong tin ") {
		return ""
	}
	// A body is said whatever its level: "cơ quan Bảo hiểm xã hội" says
	// "Bảo hiểm xã hội cấp Tỉnh, Bảo hiểm xã hội cấp huyện".
	same := func(s string) string { return anyLevel.ReplaceAllString(fold(s), " ") }
	said := same(where)
	var parts []string
	for _, x := range strings.Split(agency, ", ") {
		if n := len(parts); n > 0 && len(strings.Fields(x)) <= 2 {
			parts[n-1] += ", " + x // "…cấp xã, phường, thị trấn"
			continue
		}
		parts = append(parts, x)
	}
	var out []string
	for _, x := range parts {
		head := same(strings.SplitN(x, ",", 2)[0])
		if strings.Contains(said, head) {
			continue
		}
		// In the words residents read it in: "Uỷ ban Nhân dân cấp xã,
		// phường, thị trấn" is "Ủy ban nhân dân cấp xã".
		for _, pn := range placeNames {
			if loc := pn.re.FindStringIndex(x); loc != nil && loc[0] == 0 {
				x = pn.name
				break
			}
		}
		if !slices.Contains(out, x) && !strings.Contains(said, same(x)) {
			out = append(out, x)
		}
	}
	return clip(strings.Join(out, ", "), 160)
}

// toEmployer matches a record's step that sends an employee's file to the
// employer: "NLĐ … nộp cho đơn vị SDLĐ".
var toEmployer = regexp.MustCompile(`nộp (hồ sơ )?cho (đơn vị SDLĐ|người sử dụng lao động|đơn vị sử dụng lao động)`)

// notEmployed matches a question (folded) about one who has no employer
// to hand the file to: a voluntary member, one who has left the job, a
// pensioner.
var notEmployed = regexp.MustCompile(` (tu nguyen|nghi viec|thoi viec|nghi lam|khong di lam|that nghiep|bao luu|luong huu|nghi huu|huu tri|ve huu) `)

// throughEmployer reports a record whose steps send an employee's file
// to the employer, for a question that does not say the asker has none.
func throughEmployer(p *knowledge.Procedure, question string) bool {
	if notEmployed.MatchString(" " + foldedWords(question) + " ") {
		return false
	}
	return slices.ContainsFunc(p.Steps, toEmployer.MatchString)
}

// placeOf is where to submit: the places the record's steps say a file
// is handed in at, else the record's own place or agency; for a
// commune-level procedure without either, the commune's service centre.
// A place written for any commune gets this commune's office beside it.
func placeOf(p *knowledge.Procedure, v view) string {
	where := strings.Join(submitPlaces(p), ", ")
	for _, f := range []string{p.Where, p.Agency} {
		if where == "" && !sentenceLike.MatchString(f) {
			where = strings.TrimSpace(f)
		}
	}
	where = strings.TrimRight(where, ".;, ")
	if where == "" && slices.ContainsFunc(p.Steps, taxOffice.MatchString) {
		where = "cơ quan thuế"
	}
	commune := strings.Contains(strings.ToLower(p.Level), "cấp xã")
	if commune && where != "" && !mentionsCommune(where) {
		// A commune-level record whose agencies field names only the
		// others that do it ("Tổ chức hành nghề công chứng"), while its
		// fees or steps name the commune's body, is done there too.
		if body := communeBody(p); body != "" {
			if v.office && v.contact.Name != "" {
				body += " (" + v.contact.Name + ")"
			}
			return clip(body+", "+where, 200)
		}
	}
	switch {
	case where != "" && commune && v.office && v.contact.Name != "" && mentionsCommune(where) && !otherCommune(where):
		return clip(where, 140) + " (" + v.contact.Name + ")"
	case where != "":
		return clip(where, 160)
	case commune && v.office && v.contact.Name != "":
		return v.word("Trung tâm phục vụ hành chính công cấp xã ("+v.contact.Name+")", "the commune's Public Administration Service Centre ("+v.contact.Name+")")
	case commune:
		return v.word("Trung tâm phục vụ hành chính công cấp xã", "the commune's Public Administration Service Centre")
	}
	return v.word("bản ghi không ghi nơi nộp; hãy hỏi Trung tâm phục vụ hành chính công của xã", "the record gives no place; ask the commune's service centre")
}

// dataDate says where a record's facts come from and how current they
// are: the portal's snapshot, or the day an administrator imported it.
func dataDate(d knowledge.Document, v view) string {
	official := strings.HasPrefix(d.ID, portal.IDPrefix)
	day := d.Updated.In(vietnam).Format("02/01/2006")
	switch {
	case official && !d.Updated.After(portal.Snapshot):
		return v.word("Cổng DVC quốc gia, "+portal.SnapshotLabel, "National Public Service Portal, June–July 2026")
	case official:
		return v.word("Cổng DVC quốc gia, "+day, "National Public Service Portal, "+day)
	case !d.Updated.IsZero():
		return v.word("Theo tài liệu của xã, cập nhật ngày "+day, "From the commune's document, updated "+day)
	}
	return v.word("Nguồn", "Source")
}

// exemptionNamed returns a fee whose list of exemptions names the asker's
// case past where the text would be cut ("400.000 đồng; miễn lệ phí … đối
// với trường hợp cha dượng …; cô, cậu, dì, chú, bác ruột nhận cháu làm
// con nuôi" for an uncle): the amount, the exemption's opening and that
// case. "" when the list names no case the question says, or names it
// first.
func exemptionNamed(fee, question, title string) string {
	parts := strings.Split(fee, "; ")
	opens := slices.IndexFunc(parts, func(s string) bool { return strings.Contains(strings.ToLower(s), "miễn") })
	if opens < 1 || len(parts) < opens+2 {
		return ""
	}
	words := ownWords(question, title)
	q := foldedWords(question)
	best, bestScore := -1, 1
	for k := opens; k < len(parts); k++ {
		if sc := matchScore(words, q, parts[k]); sc > bestScore {
			best, bestScore = k, sc
		}
	}
	if best <= opens {
		return ""
	}
	head := parts[opens]
	for _, cue := range []string{"đối với trường hợp", "đối với", " cho "} {
		if i := strings.Index(head, cue); i > 0 {
			head = head[:i+len(cue)]
			break
		}
	}
	return strings.Join(parts[:opens], "; ") + "; " + strings.TrimSpace(head) + " … " + parts[best]
}
