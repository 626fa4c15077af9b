package portal

import (
	"regexp"
	"slices"
	"strings"

	"github.com/hoidap/hoidap/knowledge"
)

// Channel names as the portal writes them.
const (
	ChannelInPerson = "Trực tiếp"
	ChannelOnline   = "Trực tuyến"
	ChannelPost     = "Dịch vụ bưu chính"
)

var (
	methodHeader = regexp.MustCompile(`^\s*Hình thức nộp\s*Thời gian\s*Phí, lệ phí\s*Mô tả`)
	channelName  = regexp.MustCompile(ChannelInPerson + `|` + ChannelOnline + `|` + ChannelPost)
	// timeCell is a number with an optional unit, or one of the "none" values.
	timeCell = regexp.MustCompile(`^(?:\d+(?:[.,]\d+)?(?:\s*(?:Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm|Phút|Tuần))?|Không có thông tin|Không quy định|Không)`)
	// feeCell is the fee itself, before its optional "(…)" explanation.
	feeCell = regexp.MustCompile(`^(?:Miễn phí|Không có thông tin|(?:\d[\d.,]*)?\s*(?:Việt Nam Đồng|VNĐ|Đồng|đồng|USD|EUR)|Không)`)
	// feeStart finds where a free-text time cell ends.
	feeStart = regexp.MustCompile(`Miễn phí|Không có thông tin|\d[\d.,]*\s*(?:Việt Nam Đồng|VNĐ|USD)`)
	amount   = regexp.MustCompile(`^(\d[\d.,]*)\s*(Việt Nam Đồng|VNĐ|Đồng|đồng)$`)
)

// parseMethods splits the "Cách thức thực hiện" table: after the header come
// rows of channel, time, fee (with an optional explanation in brackets) and
// description, all glued together.
func parseMethods(raw string) []knowledge.Method {
	s := cleanText(raw)
	loc := methodHeader.FindStringIndex(s)
	if loc == nil {
		return nil
	}
	body := s[loc[1]:]
	var starts [][]int
	for _, m := range channelName.FindAllStringIndex(body, -1) {
		if isChannelCell(body, m[0], m[1]) {
			starts = append(starts, m)
		}
	}
	methods := make([]knowledge.Method, 0, len(starts))
	for i, m := range starts {
		end := len(body)
		if i+1 < len(starts) {
			end = starts[i+1][0]
		}
		methods = append(methods, parseMethodRow(body[m[0]:m[1]], body[m[1]:end]))
	}
	return methods
}

// isChannelCell tells a channel cell from the same words inside a
// description: a cell starts right after the previous cell with no space
// and is not followed by a colon ("- Trực tuyến: nộp qua…").
func isChannelCell(body string, start, end int) bool {
	next := body[end:]
	if start > 0 {
		switch body[start-1] {
		case '\n':
			// A row after a description that ends in a line break
			// ("…lễ, tết.\nTrực tiếp3 Ngày làm việc10,000 …") opens with
			// its time; a description's line does not.
			if !timeCell.MatchString(next) {
				return false
			}
		case ' ', '\t', '-', '+', '(':
			return false
		}
	}
	rest := strings.TrimLeft(next, " ")
	switch {
	case strings.HasPrefix(rest, ":"):
		return false
	case strings.HasPrefix(next, " "):
		return strings.HasPrefix(rest, "(") // " (áp dụng khi…)" in place of a time
	}
	return true
}

// parseMethodRow reads time, fee and description after a channel.
func parseMethodRow(channel, row string) knowledge.Method {
	m := knowledge.Method{Channel: channel}
	row = strings.TrimLeft(row, " ")
	if t := timeCell.FindString(row); t != "" {
		m.Time, row = t, row[len(t):]
	} else if loc := feeStart.FindStringIndex(row); loc != nil && loc[0] <= 120 {
		m.Time, row = row[:loc[0]], row[loc[0]:]
	}
	m.Time = cleanTime(m.Time)
	row = strings.TrimLeft(row, " ")
	fee := feeCell.FindString(row)
	row = row[len(fee):]
	if strings.HasPrefix(row, "(") {
		if n := closingParen(row); n > 0 {
			fee += " " + row[:n]
			row = row[n:]
		}
	}
	m.Fee = cleanFee(fee)
	m.Note = field(row)
	return m
}

// closingParen returns the length of the balanced bracket group that opens
// s, or 0 if it never closes.
func closingParen(s string) int {
	depth := 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return 0
}

// cleanTime writes a time cell as one reads it: "5 ngày làm việc".
func cleanTime(t string) string {
	t = cleanText(t)
	if isNoInfo(t) {
		return ""
	}
	if i := strings.IndexFunc(t, func(r rune) bool { return r == ' ' }); i > 0 && timeCell.MatchString(t) {
		return t[:i+1] + lowerFirst(t[i+1:])
	}
	return t
}

// cleanFee writes a fee cell as one reads it: "2.000.000 đồng (Phí thẩm
// định…)". "Không có thông tin" and empty explanations give nothing.
func cleanFee(f string) string {
	f = cleanText(f)
	main, note := f, ""
	if i := strings.Index(f, "("); i >= 0 {
		main, note = strings.TrimSpace(f[:i]), strings.TrimSpace(f[i:])
	}
	for strings.HasPrefix(note, "((") && strings.HasSuffix(note, "))") {
		note = note[1 : len(note)-1]
	}
	inner := strings.TrimSuffix(strings.TrimPrefix(note, "("), ")")
	if isNoInfo(inner) || isNoInfo(strings.TrimRight(inner, "0123456789")) {
		note = ""
	}
	if isNoInfo(main) && main != "" || main == "VNĐ" || main == "Việt Nam Đồng" {
		main = ""
	}
	if m := amount.FindStringSubmatch(main); m != nil {
		main = strings.ReplaceAll(m[1], ",", ".") + " đồng"
		// The table's cell lost the thousands its own note states:
		// "700 VNĐ (… 700.000 đồng/cơ sở)", "20 VNĐ (20.000 đ/tờ khai)".
		if n := m[1]; len(n) <= 3 && !strings.ContainsAny(n, ".,") && strings.Contains(" "+inner, " "+n+".000") && !strings.Contains(" "+inner+" ", " "+n+" ") {
			main = n + ".000 đồng"
		}
	}
	switch {
	case main == "" && note == "":
		return ""
	case main == "":
		return inner
	case note == "":
		return main
	}
	return main + " " + note
}

// summarise writes one value per channel, or the value alone when every
// channel has the same one: "Trực tiếp: 5 ngày làm việc; Trực tuyến: 3 ngày".
func summarise(methods []knowledge.Method, get func(knowledge.Method) string) string {
	var channels []string
	values := map[string][]string{}
	distinct := map[string]bool{}
	for _, m := range methods {
		v := get(m)
		distinct[v] = true
		if v == "" || slices.Contains(values[m.Channel], v) {
			continue
		}
		if values[m.Channel] == nil {
			channels = append(channels, m.Channel)
		}
		values[m.Channel] = append(values[m.Channel], v)
	}
	if len(distinct) == 1 {
		for v := range distinct {
			return v
		}
	}
	parts := make([]string, 0, len(channels))
	for _, c := range channels {
		parts = append(parts, c+": "+strings.Join(values[c], ", "))
	}
	return strings.Join(parts, "; ")
}
