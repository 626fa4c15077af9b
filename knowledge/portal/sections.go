package portal

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	legalHeader = regexp.MustCompile(`Tên văn bản pháp lý\s*Mã văn bản`)
	// legalCode is a document number: "60/2014/QH13", "85/2019/TT-BTC",
	// "601/QĐ-BTC", "66.7/2025/NQ-CP". Only QH numbers end in digits (the
	// legislature), so "NĐ-CP08/2015/…" stops after "CP"; "TTg" is the
	// one suffix with a small letter.
	legalCode = regexp.MustCompile(`\d+(?:\.\d+)?/(?:\d{4}/)?(?:[A-ZĐ]+(?:-[A-ZĐ]+)*QH\d{1,2}|QH\d{1,2}|[A-ZĐ]+(?:-(?:TTg|[A-ZĐ]+))*)`)
	// docType is a document type left dangling before the number column
	// ("… Bộ Tư phápThông tư số" + "03/2023/TT-BTP").
	docType = regexp.MustCompile(`(?:Luật|Nghị định|Thông tư liên tịch|Thông tư|Quyết định|Nghị quyết|Pháp lệnh|NĐ|TT|QĐ)(?:\s+số)?\s*$`)
)

// parseLegal splits the "Căn cứ pháp lý" table into "Name (number)" entries.
// Each row is a name glued to its number; names hold numbers too, so a
// number ends a row only when the next row starts right after it.
func parseLegal(raw string) []string {
	s := cleanText(raw)
	if loc := legalHeader.FindStringIndex(s); loc != nil {
		s = s[loc[1]:]
	}
	if isNoInfo(s) {
		return nil
	}
	matches := legalCode.FindAllStringIndex(s, -1)
	for _, m := range matches {
		// "85/2019/TT-BTCNghị định…": the next name's capital is not part of the number.
		next, _ := utf8.DecodeRuneInString(s[m[1]:])
		if last, w := utf8.DecodeLastRuneInString(s[m[0]:m[1]]); unicode.IsLower(next) && unicode.IsUpper(last) {
			m[1] -= w
		}
	}
	var out []string
	prev := 0
	for i, m := range matches {
		start, end := m[0], m[1]
		if start < prev {
			continue
		}
		// "… ngày 29/6/202443/2024/QH15": the date's year is glued to the number.
		if start > 0 && s[start-1] == '/' {
			if j := strings.IndexByte(s[start:end], '/'); j > 4 {
				start += 4
			}
		}
		if end < len(s) && !endsRow(s, end, matches, i) {
			continue
		}
		name := strings.TrimSpace(s[prev:start])
		code := s[start:end]
		prev = end
		if dt := docType.FindStringIndex(name); dt != nil && dt[0] > 0 {
			name = strings.TrimSpace(name[:dt[0]])
		}
		out = append(out, legalEntry(name, code))
	}
	if tail := strings.TrimSpace(s[prev:]); tail != "" {
		out = append(out, tail)
	}
	return out
}

// endsRow reports whether the number ending at end closes a row: it is
// glued to what follows, and what follows is not the same number again
// (the name's copy glued to the number column: "Luật 60/2014/QH1360/2014/QH13").
func endsRow(s string, end int, matches [][]int, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[end:])
	if unicode.IsSpace(r) || strings.ContainsRune(",;)", r) {
		return false
	}
	if r == '.' {
		next, _ := utf8.DecodeRuneInString(s[end+1:])
		return end+1 == len(s) || !unicode.IsSpace(next) && next != utf8.RuneError
	}
	if i+1 < len(matches) && matches[i+1][0] == end {
		a, b := matches[i], matches[i+1]
		return s[a[0]:a[1]] != s[b[0]:b[1]]
	}
	return true
}

// legalEntry writes "Name (number)", or the name alone when it already
// carries the number.
func legalEntry(name, code string) string {
	name = strings.TrimRight(name, " ;,")
	switch {
	case name == "":
		return code
	case strings.Contains(name, code):
		return name
	}
	return name + " (" + code + ")"
}

var resultCode = regexp.MustCompile(`\s*Mã:\s*KQ\.[A-Z]?\d+\.\d+`)

// parseResult keeps the names of the results and their description, without
// the result codes and the page furniture that follows them.
func parseResult(raw string) string {
	s := cleanText(raw)
	desc := ""
	if i := strings.Index(s, "Mô tả"); i >= 0 {
		desc = field(s[i+len("Mô tả"):])
	}
	s = cutPortalTail(s)
	var names []string
	for _, part := range resultCode.Split(s, -1) {
		if p := field(part); p != "" {
			names = append(names, p)
		}
	}
	out := strings.Join(names, "; ")
	if desc != "" {
		out = strings.TrimSpace(out + "\n" + desc)
	}
	return out
}

var stepLabel = regexp.MustCompile(`Bước\s*\d+\s*[.:)-]?`)

// parseSteps splits "Trình tự thực hiện" into steps: one per "Bước N" when
// the text numbers its steps, else one per line, with lines that start in
// lower case (a sentence broken by the crawl) joined to the one before.
func parseSteps(raw string) []string {
	s := field(raw)
	if s == "" {
		return nil
	}
	if locs := stepLabel.FindAllStringIndex(s, -1); len(locs) > 1 {
		var steps []string
		if head := strings.TrimSpace(s[:locs[0][0]]); head != "" {
			steps = append(steps, head)
		}
		for i, loc := range locs {
			end := len(s)
			if i+1 < len(locs) {
				end = locs[i+1][0]
			}
			if st := strings.TrimSpace(s[loc[0]:end]); st != "" {
				steps = append(steps, st)
			}
		}
		return steps
	}
	var steps []string
	for _, line := range strings.Split(s, "\n") {
		if line == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(line)
		if len(steps) > 0 && unicode.IsLower(r) {
			steps[len(steps)-1] += " " + line
			continue
		}
		steps = append(steps, line)
	}
	return steps
}

var relatedRow = regexp.MustCompile(`(?:^|[^\d/.])(\d{1,2})(\p{Lu})`)

// parseRelated reads the related-procedures table ("#Tên thủ tục1Thủ tục A2Thủ tục B").
func parseRelated(raw string) string {
	s := field(raw)
	if !strings.HasPrefix(s, "#Tên thủ tục") {
		return s
	}
	s = strings.TrimPrefix(s, "#Tên thủ tục")
	s = relatedRow.ReplaceAllStringFunc(s, func(m string) string {
		sub := relatedRow.FindStringSubmatch(m)
		lead := strings.TrimSuffix(m, sub[1]+sub[2])
		return lead + "\n" + sub[1] + ". " + sub[2]
	})
	return strings.TrimSpace(s)
}
