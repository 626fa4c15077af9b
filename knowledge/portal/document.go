package portal

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hoidap/hoidap/knowledge"
)

// Source is the Document.Source of every imported procedure.
const Source = "dichvucong.gov.vn"

// IDPrefix starts every imported document's ID, followed by the procedure
// code, so that importing a newer crawl replaces documents in place.
const IDPrefix = "dvc-"

// Document maps the record to a province-wide procedure document with its
// structured fields cleaned. Passages are left for the caller to split, and
// Updated is left zero for the caller to stamp.
func (r Record) Document() knowledge.Document {
	p := r.Procedure()
	title := p.Title
	if n := resultName(p); n != "" {
		// The record's own title names a catalogue; residents ask, and
		// read, by what it decides. The catalogue title stays in the
		// procedure's text.
		title = n
	}
	return knowledge.Document{
		ID:        IDPrefix + p.Code,
		Kind:      knowledge.KindProcedure,
		Title:     title,
		Source:    Source,
		URL:       p.SourceURL,
		Procedure: p,
	}
}

// Procedure maps the record's fields to a cleaned knowledge.Procedure.
func (r Record) Procedure() *knowledge.Procedure {
	methods := parseMethods(r.Methods)
	agency := field(r.Agency)
	if agency == "" {
		agency = field(r.CompetentAgency)
	}
	where := field(r.Address)
	if where == "" {
		where = agency
	}
	// The export cut some records' steps (social insurance, mostly) at
	// the words "thành phần hồ sơ" inside them ("lập hồ sơ theo quy định
	// tại Mục 2.3 (Thành phần hồ sơ) …") and put the rest, with its
	// deadlines, in the papers field; the page's own text holds the whole
	// section, which then begins with the field's text.
	steps, cut := r.fullSteps()
	if !cut {
		steps = r.Steps
	}
	p := &knowledge.Procedure{
		Code:       cleanText(r.Code),
		Title:      cleanText(r.Title),
		Level:      field(r.Level),
		Field:      field(r.Field),
		Agency:     agency,
		Audience:   field(r.Audience),
		Where:      where,
		Methods:    methods,
		Steps:      parseSteps(steps),
		Papers:     r.papers(cut),
		Time:       summarise(methods, func(m knowledge.Method) string { return m.Time }),
		Fee:        summarise(methods, func(m knowledge.Method) string { return m.Fee }),
		Result:     parseResult(r.Result),
		Conditions: field(r.Conditions),
		LegalBasis: parseLegal(r.LegalBasis),
		Related:    parseRelated(r.Related),
		SourceURL:  cleanText(r.DetailURL),
	}
	if g, ok := GuideFor(p.Code); ok {
		p.Names, p.Explain, p.OnAnyPaper = g.Names, g.Explain, g.OnAnyPaper
	}
	for _, m := range methods {
		if m.Channel == ChannelOnline {
			p.OnlineURL = p.SourceURL
			break
		}
	}
	return p
}

// catalogueTitle is a title that announces a list of procedures
// ("Công bố Danh mục và Quy trình nội bộ thủ tục hành chính thuộc thẩm
// quyền … của Sở Nội vụ …") rather than naming the one the record holds.
var catalogueTitle = regexp.MustCompile(`(?i)^công bố danh mục.*thủ tục hành chính|quy trình nội bộ`)

// resultName names the procedure of a record titled as a catalogue by
// what it decides: "Quyết định về việc giải quyết chế độ trợ cấp hàng
// tháng đối với thanh niên xung phong" is the name residents ask by. ""
// for any other record.
func resultName(p *knowledge.Procedure) string {
	if !catalogueTitle.MatchString(p.Title) {
		return ""
	}
	first, _, _ := strings.Cut(p.Result, "\n")
	first, _, _ = strings.Cut(first, "; ")
	for _, lead := range []string{"Quyết định về việc ", "Quyết định ", "Văn bản "} {
		if len(first) > len(lead) && strings.EqualFold(first[:len(lead)], lead) {
			first = first[len(lead):]
			break
		}
	}
	first = strings.TrimSpace(first)
	if first == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(first)
	return string(unicode.ToUpper(r)) + first[n:]
}

// fullSteps is the page's steps section when it is longer than the steps
// field and carries it at its start.
func (r Record) fullSteps() (string, bool) {
	_, rest, ok := strings.Cut(r.RawText, "Trình Tự Thực Hiện")
	if !ok {
		return "", false
	}
	full, _, ok := strings.Cut(rest, "Cách Thức Thực Hiện")
	if !ok {
		return "", false
	}
	f, s := strings.Join(strings.Fields(full), " "), strings.Join(strings.Fields(r.Steps), " ")
	if len(f) <= len(s) || !strings.HasPrefix(f, s) {
		return "", false
	}
	return full, true
}

// papers reads the "Thành phần hồ sơ" tables, from the page's own text
// when the field holds something else: some records (social insurance)
// carry (the rest of) their steps in that field (cut, fullSteps), while
// the page lists the papers.
func (r Record) papers(cut bool) []knowledge.Paper {
	if !cut {
		if ps := parsePapers(r.Papers); len(ps) > 0 {
			return ps
		}
	}
	// The section's heading is the last "Thành phần hồ sơ" a table
	// follows: a case's row may point back to the section by its name
	// ("Hồ sơ tương tự như khoản 1 của mục 3.3 (Thành phần hồ sơ)").
	raw := r.RawText
	i := strings.LastIndex(raw, "Thành phần hồ sơ")
	for i >= 0 && !paperHeader.MatchString(raw[i:]) {
		i = strings.LastIndex(raw[:i], "Thành phần hồ sơ")
	}
	if i < 0 {
		return nil
	}
	raw = raw[i+len("Thành phần hồ sơ"):]
	if j := strings.Index(raw, "Căn cứ pháp lý"); j >= 0 {
		raw = raw[:j]
	}
	return parsePapers(raw)
}
