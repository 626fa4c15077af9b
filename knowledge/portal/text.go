package portal

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// invisible drops the zero-width and direction marks the portal leaves inside
// words ("đăng k\u200eý").
var invisible = strings.NewReplacer("\u200b", "", "\u200c", "", "\u200d", "", "\u200e", "", "\u200f", "", "\ufeff", "", "\u00a0", " ", "\r\n", "\n", "\r", "\n")

var (
	spaceRun = regexp.MustCompile(`[ \t]+`)
	blankRun = regexp.MustCompile(`\n{3,}`)
)

// cleanText normalises to NFC, drops invisible characters, trims every line,
// squeezes runs of spaces and collapses blank lines.
func cleanText(s string) string {
	if s == "" {
		return ""
	}
	s = norm.NFC.String(invisible.Replace(s))
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(spaceRun.ReplaceAllString(l, " "))
	}
	s = strings.Join(lines, "\n")
	return strings.TrimSpace(blankRun.ReplaceAllString(s, "\n\n"))
}

// noInfo are the cell values that mean "nothing here".
var noInfo = map[string]bool{
	"không có thông tin": true, "không": true, "không có": true, "không quy định": true,
	"chưa quy định": true, "--": true, "-": true, "": true,
}

// isNoInfo reports whether s, once cleaned, says there is nothing.
func isNoInfo(s string) bool {
	if len(s) > 64 { // longer than any "nothing" value: skip the cleaning
		return false
	}
	return noInfo[strings.ToLower(strings.Trim(cleanText(s), " .;:()"))]
}

// field cleans a plain field and empties it when it only says "no information".
func field(s string) string {
	s = cutPortalTail(cleanText(s))
	if isNoInfo(s) {
		return ""
	}
	return s
}

// portalTail starts the page furniture that some cells swallow: the
// keyword and description boxes and the agency picker under the results.
var portalTail = regexp.MustCompile(`Từ khóa|Chọn cơ quan thực hiện`)

// cutPortalTail drops page furniture from the end of a cell.
func cutPortalTail(s string) string {
	if loc := portalTail.FindStringIndex(s); loc != nil {
		return strings.TrimSpace(s[:loc[0]])
	}
	return s
}

// joinSep is what goes between two runs of text that the crawl glued
// together: nothing if the first already ends a sentence with a space,
// otherwise a space after punctuation, or ". " after a word.
func joinSep(left string) string {
	r, _ := utf8.DecodeLastRuneInString(left)
	switch {
	case left == "":
		return ""
	case unicode.IsSpace(r):
		return ""
	case strings.ContainsRune(".;:!?,)", r):
		return " "
	default:
		return ". "
	}
}

// lowerFirst lower-cases the first letter ("Ngày làm việc" → "ngày làm việc").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// isJoin reports whether a cell boundary probably lies between prev and
// next: a lower-case letter, digit or closing punctuation glued to an upper
// case letter ("bộVăn", "2021Mẫu", ";Phụ"), or an acronym glued to a
// capitalised word ("CPMẫu").
func isJoin(prev2, prev, next, next2 rune) bool {
	if !unicode.IsUpper(next) {
		return false
	}
	switch {
	case unicode.IsLower(prev), unicode.IsDigit(prev), strings.ContainsRune(".;:)]", prev):
		return true
	case unicode.IsUpper(prev) && unicode.IsUpper(prev2) && unicode.IsLower(next2):
		return true
	}
	return false
}
