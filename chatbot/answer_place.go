package chatbot

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hoidap/hoidap/knowledge"
)

// sentenceLike is a place field that holds a step instead of a place.
var sentenceLike = regexp.MustCompile(`(?i)tiến hành|thực hiện|\*|: `)

// places a record's steps may name as where a file is handed in, with the
// words residents read them in.
var placeNames = []struct {
	re   *regexp.Regexp
	name string
}{
	{regexp.MustCompile(`(?i)trung tâm phục vụ hành chính công|tâm phục vụ hành chính công`), "Trung tâm phục vụ hành chính công"},
	{regexp.MustCompile(`(?i)bộ phận (?:tiếp nhận và trả kết quả|một cửa)`), "Bộ phận một cửa"},
	{regexp.MustCompile(`(?i)(?:ủy|uỷ) ban nhân dân (?:cấp )?(?:xã|phường)|ubnd (?:cấp )?xã`), "Ủy ban nhân dân cấp xã"},
	{regexp.MustCompile(`(?i)công an (?:cấp )?(?:xã|phường)`), "Công an cấp xã"},
	{regexp.MustCompile(`(?i)công an (?:cấp )?tỉnh`), "Công an cấp tỉnh"},
	{regexp.MustCompile(`(?i)cơ quan (?:bhxh|bảo hiểm xã hội)`), "cơ quan Bảo hiểm xã hội"},
	// The post office that pays pensions ("nộp Giấy uỷ quyền … cho cơ
	// quan Bưu điện"), not a letter sent "qua bưu điện".
	{regexp.MustCompile(`(?i)cơ quan bưu điện`), "cơ quan Bưu điện"},
	{regexp.MustCompile(`(?i)tổ chức dịch vụ`), "tổ chức dịch vụ (đại lý thu)"},
	{regexp.MustCompile(`(?i)chi nhánh văn phòng đăng ký đất đai`), "Chi nhánh Văn phòng đăng ký đất đai"},
	{regexp.MustCompile(`(?i)(?:^|[^h] )văn phòng đăng ký đất đai`), "Văn phòng đăng ký đất đai"},
	{regexp.MustCompile(`(?i)cơ quan đăng ký kinh doanh cấp xã`), "cơ quan đăng ký kinh doanh cấp xã"},
	{regexp.MustCompile(`(?i)cơ quan đăng ký hộ tịch`), "cơ quan đăng ký hộ tịch"},
}

// taxOffice is the tax office a step hands a file to ("… gửi đến cơ quan
// thuế quản lý trực tiếp"): where a record that names no place nor
// agency sends it (placeOf), though it is at commune level too.
var taxOffice = regexp.MustCompile(`(?i)\b(nộp|gửi)\b[^.;]{0,80}cơ quan thuế`)

// placeEnd ends the words that qualify a place; provinceOf finds in
// them that the place is the province's.
var (
	placeEnd   = regexp.MustCompile(`[,;.()]`)
	provinceOf = regexp.MustCompile(`(?i)^\s*(của|thuộc)\b.{0,60}(cấp tỉnh|tỉnh, thành phố)`)
)

// placeWhich says which office of its kind a place is, right after its
// name: "nơi đang chi trả lương hưu", "nơi đang quản lý hồ sơ", "có
// thẩm quyền đã đăng ký giám sát việc giám hộ".
var placeWhich = regexp.MustCompile(`^\s+((?:có thẩm quyền )?(?:nơi (?:đang|đã|quản lý|đóng|cư trú|thường trú|tạm trú|đăng ký)|đã (?:đăng ký|cấp|chứng thực|giải quyết))[^,;.():]{0,50})`)

// wholeWhich is a place's which ended at a whole word and before the
// place's alternative: "nơi đã ra quyết định công nhận hòa giải viên",
// not "… hòa giải viên hoặc nộp tr" cut at its bound.
func wholeWhich(which, after string) string {
	if r, _ := utf8.DecodeRuneInString(after); unicode.IsLetter(r) {
		if i := strings.LastIndex(which, " "); i > 0 {
			which = which[:i]
		}
	}
	which, _, _ = strings.Cut(which, " hoặc ")
	return strings.TrimSpace(which)
}

// otherCommune reports which commune's office a place is said to be
// by whose home it serves or what it did before: "nơi cư trú của người
// được giám hộ", "đã đăng ký giám sát việc giám hộ".
func otherCommune(which string) bool {
	return strings.Contains(which, " của ") || strings.Contains(which, "đã ")
}

// someCases opens a bracket that says for whom what precedes it is:
// "(đối với trường hợp đang hưởng lương hưu)".
var someCases = regexp.MustCompile(`(?i)^\s*\(\s*(đối với|trong trường hợp|trường hợp|nếu|áp dụng)`)

// handIn is a sentence about handing a file in.
var handIn = regexp.MustCompile(`(?i)\b(nộp|gửi|tiếp nhận)\b`)

// submitPlaces returns the places, in the record's order, that its steps
// and channels' notes say a file is handed in at; at most three.
func submitPlaces(p *knowledge.Procedure) []string {
	var texts []string
	texts = append(texts, p.Steps...)
	for _, m := range p.Methods {
		texts = append(texts, m.Note)
	}
	type found struct {
		at          int
		name, which string
	}
	var out, names []string
	for _, t := range texts {
		for _, sent := range sentenceBreak.Split(t, -1) {
			if !handIn.MatchString(sent) {
				continue
			}
			var fs []found
			for _, pn := range placeNames {
				if loc := pn.re.FindStringIndex(sent); loc != nil {
					name := pn.name
					// "Trung tâm phục vụ hành chính công của UBND cấp
					// tỉnh", "bộ phận một cửa của cơ quan chuyên môn …
					// thuộc UBND cấp tỉnh": the province's, not the
					// commune's.
					if of, _, _ := strings.Cut(placeEnd.Split(sent[loc[1]:], 2)[0], " hoặc "); provinceOf.MatchString(of) && !strings.Contains(name, "cấp") {
						name += " cấp tỉnh"
					}
					// "cơ quan BHXH nơi đang chi trả lương hưu": which of
					// the offices, for one who would go to the nearest.
					which := ""
					// Not one a bracket makes some applicants' ("nơi đang
					// chi trả lương hưu (đối với trường hợp đang hưởng
					// lương hưu)" of a first work accident's file).
					// A commune's office is said which only by whose home it
					// serves ("nơi cư trú của người được giám hộ") or what
					// it did before ("đã đăng ký giám sát …"): the commune
					// of one who lives elsewhere, not this one.
					if m := placeWhich.FindStringSubmatchIndex(sent[loc[1]:]); m != nil && (!mentionsCommune(name) || otherCommune(sent[loc[1]+m[2]:loc[1]+m[3]])) &&
						!someCases.MatchString(sent[loc[1]+m[1]:]) {
						which = " " + wholeWhich(sent[loc[1]+m[2]:loc[1]+m[3]], sent[loc[1]+m[3]:])
					}
					fs = append(fs, found{loc[0], name, which})
				}
			}
			slices.SortFunc(fs, func(a, b found) int { return a.at - b.at })
			for _, f := range fs {
				if !slices.Contains(names, f.name) { // once, as first said
					names = append(names, f.name)
					out = append(out, f.name+f.which)
				}
				if len(out) == 3 {
					return out
				}
			}
		}
		if len(out) > 0 {
			return out // the first sentences that name places say it
		}
	}
	return out
}

// mentionsCommune reports a place written for any commune ("Công an cấp
// xã", "Ủy ban nhân dân cấp xã"), which this commune's name makes concrete.
func mentionsCommune(where string) bool {
	w := strings.ToLower(where)
	return (strings.Contains(w, "cấp xã") || (strings.HasPrefix(w, "trung tâm phục vụ hành chính công") || strings.HasPrefix(w, "bộ phận một cửa")) && !strings.Contains(w, "cấp tỉnh")) &&
		utf8.RuneCountInString(where) < 100
}

// communeBody returns the commune's body (the People's Committee, the
// police) that a record's steps, fees or channels' notes name, or "".
// A step that tells whom to alert where something happens ("báo ngay
// cho ủy ban nhân dân xã, phường, thị trấn nơi gần nhất") names any
// commune on the way, not the one the file goes to.
func communeBody(p *knowledge.Procedure) string {
	var texts []string
	for _, step := range p.Steps {
		for _, s := range clauseStop.Split(step, -1) {
			if !strings.Contains(strings.ToLower(s), "gần nhất") {
				texts = append(texts, s)
			}
		}
	}
	for _, m := range p.Methods {
		texts = append(texts, m.Fee, m.Note)
	}
	for _, t := range texts {
		for _, pn := range placeNames {
			if strings.HasSuffix(pn.name, "cấp xã") && pn.re.MatchString(t) {
				return pn.name
			}
		}
	}
	// A certification the record sets at commune level, whose agency is
	// a notary's office ("Chứng thực chữ ký người dịch …": "Tổ chức hành
	// nghề công chứng"), is the commune People's Committee's too: the
	// level says so, though no step names it.
	if strings.HasPrefix(strings.ToLower(p.Title), "chứng thực") {
		return "Ủy ban nhân dân cấp xã"
	}
	return ""
}

// onlineNote is the note the record gives for online submission.
func onlineNote(p *knowledge.Procedure) string {
	for _, m := range p.Methods {
		if isOnline(m.Channel) && m.Note != "" {
			return m.Note
		}
	}
	return ""
}

// channelItem opens an item of a record's list of channels: "+ Số điện
// thoại …", "- Thông qua Cổng …".
var channelItem = regexp.MustCompile(`(^|\s)[-+]\s+`)

// channelWords name a channel of online submission.
var channelWords = regexp.MustCompile(`^(số điện thoại|hộp thư điện tử|thư điện tử|cổng|ứng dụng|trang thông tin|vneid)`)

// onlineChannels returns what a record's note on online submission says
// of its channels: of a list ("… khai báo tạm vắng qua: + Trực tiếp tại
// …; + Số điện thoại hoặc hộp thư điện tử …; + Ứng dụng trên thiết bị
// điện tử. Thời gian tiếp nhận …"), the items that are not in person,
// each cut short; else the note's start.
func onlineChannels(note string) string {
	items := channelItem.Split(note, -1)
	if len(items) < 3 {
		// "- Nộp hồ sơ trực tuyến qua các cổng … như: Trực tuyến qua
		// Cổng dịch vụ công quốc gia, Cổng dịch vụ công Bộ Công an, ứng
		// dụng VNeID hoặc …": the channels it names, not its lead.
		if _, named, ok := strings.Cut(note, " như: "); ok && channelWords.MatchString(strings.ToLower(strings.TrimPrefix(named, "Trực tuyến qua "))) {
			named, _, _ = strings.Cut(named, ". ")
			return "bản ghi: qua " + clip(strings.TrimPrefix(named, "Trực tuyến qua "), 120)
		}
		return clip(note, 120)
	}
	var out []string
	for _, it := range items[1:] {
		it, _, _ = strings.Cut(it, ". ")
		it = strings.TrimRight(strings.TrimSpace(it), ";,. ")
		for _, via := range []string{"thông qua ", "Thông qua "} {
			if i := strings.Index(it, via); i >= 0 && i < 30 {
				it = it[i+len(via):]
				break
			}
		}
		// An item that opens a list of its own ("Trường hợp … thì khai
		// báo tạm vắng qua:") is not a channel, nor is one in person,
		// nor one that names no channel (a fee, the office hours).
		l := strings.ToLower(it)
		if strings.HasSuffix(it, ":") || strings.HasPrefix(l, "trực tiếp") || !channelWords.MatchString(l) {
			continue
		}
		// "Trang thông tin điện tử của cơ quan … hoặc qua các cổng …
		// như: Cổng dịch vụ công quốc gia, …": the channel and what it
		// names, not whose it is.
		head, named, _ := strings.Cut(it, " như: ")
		for _, q := range []string{" do ", " của "} {
			if i := strings.Index(head, q); i > 0 {
				head = head[:i]
			}
		}
		if named != "" {
			head += ": " + named
		}
		out = append(out, lowerFirst(clip(head, 75)))
	}
	if len(out) < 2 {
		return clip(note, 120)
	}
	return "bản ghi: qua " + clip(strings.Join(out, "; "), 160)
}

// caseLine opens a step's line that gives a case of applicants, named by
// who they are, its own place ("b) Người tham gia BHXH tự nguyện, người
// tham gia BHYT theo hộ gia đình, …: Nộp hồ sơ cho Tổ chức dịch vụ hoặc
// cơ quan BHXH trực tiếp thu"); caseEnd opens the next case or part.
var (
	caseLine = regexp.MustCompile(`^\s*[a-zđ]\)\s*(?:Đối với\s+)?((?:[Nn]gười|[Hh]ộ|[Cc]á nhân|[Hh]ọc sinh|[Ss]inh viên|[Tt]rẻ em|[Cc]ông dân)[^:]{3,200}):\s*(.*)$`)
	caseEnd  = regexp.MustCompile(`^\s*(?:[a-zđ]\)|\d+\.)\s`)
)

// schoolPlace is a case's own place no other applicant goes to, which
// the places of the whole record leave out: "e) Học sinh, sinh viên đóng
// BHYT: Nộp hồ sơ cho Cơ sở giáo dục" (a pupil's lost card goes through
// the school).
var schoolPlace = regexp.MustCompile(`(?i)cho cơ sở giáo dục`)

// casePlace returns where the record's steps send the file of the case
// of applicants the question names (a household's health insurance card:
// the service agent or the social insurance office, not the commune
// office that takes the files of those the state pays for), or "" when
// the question names no one case or the case names no place. A case is
// named by a pair of its words side by side, neither common nor of the
// title, that the question says ("hộ gia đình").
func casePlace(p *knowledge.Procedure, question string) string {
	q := foldedWords(question)
	title := foldedWords(p.Title)
	best, bestPairs, tie := "", 0, false
	for _, step := range p.Steps {
		lines := strings.Split(step, "\n")
		for i, line := range lines {
			m := caseLine.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			pairs := 0
			words := strings.Fields(foldedWords(m[1]))
			for k := 0; k+1 < len(words); k++ {
				pair := " " + words[k] + " " + words[k+1] + " "
				if !genericWords[words[k]] && !genericWords[words[k+1]] && !strings.Contains(title, pair) && strings.Contains(q, pair) {
					pairs++
				}
			}
			if pairs == 0 || pairs < bestPairs {
				continue
			}
			body := []string{m[2]}
			for _, next := range lines[i+1:] {
				if caseEnd.MatchString(next) {
					break
				}
				body = append(body, next)
			}
			where := strings.Join(submitPlaces(&knowledge.Procedure{Steps: []string{strings.Join(body, "\n")}}), ", ")
			if where == "" && handIn.MatchString(m[2]) && schoolPlace.MatchString(m[2]) {
				where = "cơ sở giáo dục (nhà trường)"
			}
			if where == "" {
				continue
			}
			if pairs == bestPairs && where != best {
				tie = true
				continue
			}
			best, bestPairs, tie = where, pairs, false
		}
	}
	if tie {
		return ""
	}
	return best
}
