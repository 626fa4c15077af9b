package portal

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hoidap/hoidap/knowledge"
)

var (
	paperHeader = regexp.MustCompile(`Tên giấy tờ\s*Mẫu đơn, tờ khai\s*Số lượng`)
	// paperCount ends a row: "1 bản chính", "0 bản chính,1 bản sao", "2 bản sao".
	paperCount = regexp.MustCompile(`(\d+) bản chính(?:\s*,\s*(\d+) bản sao)?|(\d+) bản sao`)
	// formFile ends a name cell when the row has a template attached.
	formFile = regexp.MustCompile(`(?i)\.(?:docx|doc|pdf|xlsx|xls|rar|zip)$`)
	bullet   = regexp.MustCompile(`^[-+•*]+\s*`)
)

// parsePapers splits the "Thành phần hồ sơ" tables. Each table is preceded
// by its case heading ("* Giấy tờ phải nộp:", "Trường hợp …", or "--" for
// none), which becomes a paper of its own, without a count, so a resident
// reads the papers under the case they belong to. Rows with "0 bản chính"
// are notes the portal put in the table; they keep their text and no count.
func parsePapers(raw string) []knowledge.Paper {
	s := cleanText(raw)
	if isNoInfo(s) {
		return nil
	}
	tables := paperHeader.Split(s, -1)
	if len(tables) == 1 {
		return nil // no table: nothing the resident could count on
	}
	var papers []knowledge.Paper
	heading := tables[0]
	for _, table := range tables[1:] {
		if h := cleanHeading(heading); h != "" {
			papers = append(papers, knowledge.Paper{Name: h})
		}
		var rows []knowledge.Paper
		rows, heading = parseRows(table)
		papers = append(papers, rows...)
	}
	if tail := cleanName(heading); tail != "" {
		papers = append(papers, knowledge.Paper{Name: tail})
	}
	return papers
}

// parseRows reads the rows of one table and returns the text after the last
// count, which is the heading of the next table.
func parseRows(table string) ([]knowledge.Paper, string) {
	var rows []knowledge.Paper
	prev := 0
	for _, m := range paperCount.FindAllStringSubmatchIndex(table, -1) {
		// A count cell is glued to the next row; "01 bản chính văn bản…" or
		// "(1 bản chính)" is part of a name.
		if m[1] < len(table) && strings.ContainsRune(" ),;.:", rune(table[m[1]])) || m[0] < prev {
			continue
		}
		// "năm 20251 bản chính": a long digit run is a year or number glued
		// to the count; only its last digit counts, the rest is the name.
		numStart, numEnd := m[2], m[3]
		if numStart < 0 {
			numStart, numEnd = m[6], m[7]
		}
		if numEnd-numStart > 2 {
			numStart = numEnd - 1
		}
		name := table[prev:numStart]
		original := atoi(table[numStart:numEnd])
		copies := 0
		if m[2] < 0 {
			original, copies = 0, atoi(table[numStart:numEnd])
		} else if m[4] >= 0 {
			copies = atoi(table[m[4]:m[5]])
		}
		prev = m[1]
		name, form := splitForm(name)
		name = cleanName(name)
		if name == "" && form == "" {
			continue
		}
		for i, item := range listed(name) {
			if i > 0 {
				form = "" // the template goes with the first
			}
			rows = append(rows, knowledge.Paper{Name: item, Count: countText(original, copies), Form: form})
		}
	}
	return rows, table[prev:]
}

// listSep parts a cell that lists several papers as bullets: "Đơn đề
// nghị … theo Mẫu số 01. - Biên bản họp cộng đồng theo Mẫu số 02. - Dự án
// … theo Mẫu số 03."
var listSep = regexp.MustCompile(`[.;]\s+-\s+`)

// caseOpening opens a cell with its case or a numbered heading.
var caseOpening = regexp.MustCompile(`^(?i:trường hợp|đối với)|^[0-9]`)

// listed returns the papers of a name cell: each bullet of a list, or the
// name whole. A cell with a colon is a case or a choice ("Một trong các
// giấy tờ sau: - …"), and one that opens with a case ("Trường hợp hoàn
// trả tiền đã đóng - Tờ khai …; - Sổ BHXH") or a numbered heading, read
// whole.
func listed(name string) []string {
	if strings.Contains(name, ":") || caseOpening.MatchString(name) {
		return []string{name}
	}
	parts := listSep.Split(name, -1)
	if len(parts) < 2 {
		return []string{name}
	}
	var out []string
	for _, p := range parts {
		if p = cleanName(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// countText writes "1 bản chính", "1 bản sao" or "1 bản chính, 1 bản sao".
func countText(original, copies int) string {
	var parts []string
	if original > 0 {
		parts = append(parts, strconv.Itoa(original)+" bản chính")
	}
	if copies > 0 {
		parts = append(parts, strconv.Itoa(copies)+" bản sao")
	}
	return strings.Join(parts, ", ")
}

// splitForm takes the template file names off the end of a name cell
// ("…Nghị định số 258/2025/NĐ-CPMẫu số 01.docx"). A file name starts where
// the cells were glued together; several may follow each other.
func splitForm(name string) (string, string) {
	var forms []string
	for formFile.MatchString(name) {
		ext := formFile.FindStringIndex(name)[0]
		start := formStart(name, ext)
		if start == ext {
			break
		}
		forms = append([]string{strings.TrimSpace(name[start:])}, forms...)
		name = name[:start]
	}
	return name, strings.Join(forms, ", ")
}

// formStart finds where the file name ending at ext begins: the last glued
// cell boundary before it, or the last sentence break.
func formStart(s string, ext int) int {
	lo := ext
	for n := 0; n < 80 && lo > 0; n++ {
		_, w := utf8.DecodeLastRuneInString(s[:lo])
		lo -= w
	}
	var p2, p1 rune
	for i, r := range s[lo:ext] {
		i += lo
		if p1 != 0 {
			_, w := utf8.DecodeRuneInString(s[i:])
			n2, _ := utf8.DecodeRuneInString(s[i+w:])
			if isJoin(p2, p1, r, n2) || p1 == '.' && !unicode.IsSpace(r) && !unicode.IsDigit(p2) {
				return i // the earliest join: file names hold capitals and dots of their own
			}
		}
		p2, p1 = p1, r
	}
	return ext // no boundary found: leave the file name in the name
}

// cleanName trims a paper name of its bullet and stray separators.
func cleanName(s string) string {
	s = cleanText(s)
	s = bullet.ReplaceAllString(s, "")
	s = strings.TrimSpace(strings.TrimRight(s, " ;,"))
	if isNoInfo(s) {
		return ""
	}
	return s
}

// cleanHeading turns "* Giấy tờ phải nộp:" into "Giấy tờ phải nộp:"; the
// "--" the portal writes for "no heading" gives "".
func cleanHeading(s string) string {
	s = cleanName(s)
	if strings.Trim(s, "-*: ") == "" || strings.EqualFold(s, "Thành phần hồ sơ") {
		return ""
	}
	return s
}
