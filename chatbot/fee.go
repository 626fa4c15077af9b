package chatbot

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// How a fee cell of the portal reads to a resident. The portal writes
// "Miễn phí" in the amount column whenever no amount is filled in, also
// when its note says the fee is set by law or by the province: that is
// not free. A note may also lower the amount for a period (a 50 %
// reduction until 31/12/2026): in force today, the lower amount is what a
// resident pays.
var (
	// setByLaw notes say the amount is set elsewhere: by law, a circular,
	// the provincial council or committee.
	setByLaw = regexp.MustCompile(`(?i)hội đồng nhân dân|hđnd|ủy ban nhân dân (cấp )?tỉnh|uỷ ban nhân dân (cấp )?tỉnh|luật phí|theo quy định|mức thu|mức lệ phí|mức phí|thông tư|nghị quyết|biểu phí|quyết định`)
	// provincial notes name the provincial council or committee.
	provincial = regexp.MustCompile(`(?i)hội đồng nhân dân|hđnd|(ủy|uỷ) ban nhân dân (cấp )?tỉnh`)
	// window is a period a rate applies in: "kể từ ngày 01/7/2025 đến hết
	// ngày 31/12/2026", "áp dụng đến hết ngày 31/12/2026".
	window = regexp.MustCompile(`(?i)(?:(?:kể )?từ(?: kể từ)? ngày (\d{1,2}(?:/| tháng )\d{1,2}(?:/| năm )\d{4}) )?đến hết(?: ngày)? (\d{1,2}(?:/| tháng )\d{1,2}(?:/| năm )\d{4})`)
	// lawCited is the circular or decree a note cites.
	lawCited = regexp.MustCompile(`(Thông tư|Nghị định|Nghị quyết) số [0-9]+/[0-9]{4}/[A-ZĐa-z0-9-]+`)
	// moneyRe is an amount in đồng: "400.000 đồng", "25.000đ", "03 triệu đồng".
	moneyRe = regexp.MustCompile(`(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(triệu đồng|đồng|đ\b|VNĐ)`)
	percent = regexp.MustCompile(`bằng (\d{1,3})\s*%`)
)

// feeReading is one channel's fee as a resident should read it.
type feeReading struct {
	text  string // what to say
	known bool   // an amount or "free" the record states; false: ask the office
}

// readFee reads one fee cell ("70.000 đồng (…)", "Miễn phí (Mức lệ phí do
// HĐND tỉnh quyết định)") for the day today.
func readFee(cell string, today time.Time) feeReading {
	cell = strings.TrimSpace(cell)
	if cell == "" {
		return feeReading{}
	}
	main, note := cell, ""
	if i := strings.IndexByte(cell, '('); i >= 0 {
		main, note = strings.TrimSpace(cell[:i]), strings.TrimSpace(cell[i:])
	}
	note = strings.TrimSpace(strings.Trim(note, "() .;"))
	free := strings.EqualFold(main, "Miễn phí")
	if r, ok := reduced(main, note, today); ok {
		return feeReading{text: r, known: true}
	}
	if free {
		return readFreeNote(note, today)
	}
	if until, ok := expiredRate(main, note, today); ok {
		return feeReading{text: main + " (bản ghi ghi mức này áp dụng đến hết " + until + ", nay đã hết hạn; hỏi cán bộ mức hiện hành)"}
	}
	// "50.000 đồng (50.000đ/giấy thông hành (Thông tư số 25/2021/TT-BTC
	// …))": the amount per its unit, then what the note says of it. A
	// note whose amount is the column's with three more zeros
	// ("25.000.000đ/giấy thông hành" beside 25.000 đồng, a half of the
	// 50.000 đồng in person) wrote it in the wrong unit: the column's
	// amount is said, not both.
	if a, ok := amountOf(main); ok {
		if m := unitNote.FindStringSubmatch(note); m != nil {
			if v, ok := amountOf(m[1] + " đồng"); ok && (v == a || v == a*1000) && moneyRe.FindAllString(m[3], -1) == nil {
				main += m[2]
				if rest := strings.TrimSpace(dropExpired(m[3], today)); rest != "" {
					main += " (" + clip(rest, 120) + ")"
				}
				return feeReading{text: main, known: true}
			}
		}
	}
	text := main
	// whom the fee spares, said whole after the amount, or a stepfather
	// (a poor household) reads that he pays.
	spared := func(ex []string) {
		for _, e := range ex {
			text += "; " + lowerFirst(clip(strings.TrimRight(e, ".) "), 240))
		}
	}
	if note != "" {
		rest := dropExpired(note, today)
		if provincial.MatchString(rest) {
			text += "; mức cụ thể do Hội đồng nhân dân tỉnh quyết định"
		} else if strings.HasPrefix(rest, "/") && len([]rune(rest)) < 40 {
			text += rest
		} else if a, ok := amountOf(main); ok && sameAmount(rest, a) {
			// "5.000 đồng (… thu 5000 đồng/lần đăng ký)": the note says
			// it again; "8.000 đồng/Văn bản xác nhận … Miễn lệ phí cho
			// người thuộc hộ nghèo …" says whom it spares too.
			if u := perUnit(strings.ReplaceAll(rest, strconv.FormatInt(a, 10), strings.TrimSuffix(formatDong(a), " đồng")), main); u != "" {
				text = u
			}
			spared(exemptionsIn(rest))
		} else if ex := exemptionsIn(rest); len(ex) > 0 {
			// "400.000 đồng (Lệ phí : 400.000 Đồng (Mức thu lệ phí:
			// 400.000đ/trường hợp. Miễn lệ phí … đối với trường hợp cha
			// dượng hoặc mẹ kế …))": the amount once, and whom it spares.
			spared(ex)
		} else if rest != "" && !strings.Contains(rest, main) {
			text += " (" + clip(rest, 120) + ")"
		} else if u := perUnit(rest, main); u != "" {
			text = u
		} else if strings.HasPrefix(rest, main) {
			// "2.000 đồng (2.000 đồng/trang; từ trang thứ 3 trở lên thu
			// 1.000 đồng/trang, tối đa … 200.000 đồng/bản. Trang là …)":
			// the note's first sentence is the fee, per page and capped.
			first := rest
			if loc := nextSentence.FindStringIndex(rest); loc != nil {
				first = rest[:loc[0]]
			}
			text = clip(strings.TrimRight(first, ". "), 160)
		}
	}
	return feeReading{text: text, known: true}
}

// unitNote is a fee note that opens with an amount per a unit and goes
// on in a bracket: "50.000đ/giấy thông hành (Thông tư số …".
var unitNote = regexp.MustCompile(`^(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:đồng|đ|VNĐ)\s*(/[^()/;.]{1,40}?)\s*(?:\((.*?)\)?)?$`)

// nextSentence starts a fee note's next sentence.
var nextSentence = regexp.MustCompile(`[.;] \p{Lu}`)

// exemptionsIn returns the exemptions a fee note lists ("Miễn lệ phí
// đối với trường hợp …"), each with the cases after its semicolons.
func exemptionsIn(note string) []string {
	var out []string
	inExemption := false
	for _, seg := range segments(note) {
		l := strings.ToLower(seg)
		if r, _ := utf8.DecodeRuneInString(seg); inExemption && unicode.IsLower(r) {
			out[len(out)-1] += "; " + seg
			continue
		}
		inExemption = (strings.HasPrefix(l, "miễn") || strings.HasPrefix(l, "không thu")) &&
			(strings.Contains(l, "đối với") || strings.Contains(l, "trường hợp") || strings.Contains(l, " cho "))
		if inExemption {
			out = append(out, seg)
		}
	}
	return out
}

// copyFee opens a note on the fee of a copy the resident may ask for
// besides: "Phí cấp bản sao Trích lục đăng ký giám hộ (nếu có yêu cầu)".
var copyFee = regexp.MustCompile(`(?i)^(phí|lệ phí) (cấp )?(bản sao|trích lục)`)

// feeLawOnly reports notes that cite only the law on fees ("Theo quy
// định của Luật phí và lệ phí và các văn bản … hướng dẫn"), not a
// council, a circular or a decision that sets an amount.
func feeLawOnly(notes []string) bool {
	for _, n := range notes {
		l := strings.ToLower(n)
		if !strings.Contains(l, "luật phí") || provincial.MatchString(n) || strings.Contains(l, "thông tư") || strings.Contains(l, "nghị quyết") || strings.Contains(l, "quyết định") {
			return false
		}
	}
	return true
}

// notCharged is a clause of a fee's note that says when nothing is
// charged: "…, khi xuất kho không thu".
var notCharged = regexp.MustCompile(`(?i), (khi|trường hợp|đối với) [^,;]{3,40} (không thu|miễn thu|được miễn)`)

// ifAny is the "(nếu có)" of a fee that may not be charged at all.
var ifAny = regexp.MustCompile(`(?i)\(\s*nếu có\s*\)`)

// readFreeNote reads the note beside the portal's "Miễn phí": free
// outright ("Miễn lệ phí."), free except where the note says a council
// sets it, or an amount the note holds.
func readFreeNote(note string, today time.Time) feeReading {
	whole := note
	note = dropExpired(note, today)
	if len([]rune(note)) <= 3 {
		// A "Miễn phí" the note gave for a period now ended says nothing
		// of today's fee.
		if m := window.FindStringSubmatch(whole); m != nil && !moneyRe.MatchString(whole) {
			return feeReading{text: "bản ghi ghi miễn phí đến hết " + m[2] + ", nay đã hết hạn (hỏi cán bộ mức thu hiện nay)"}
		}
		return feeReading{text: "miễn phí", known: true}
	}
	var auth, exemptions, others []string
	free, inExemption := false, false
	waived := "" // the end of a period in force the note gives the "Miễn phí" for
	for _, seg := range segments(note) {
		l := strings.ToLower(seg)
		// "Miễn lệ phí cho người có công; người thuộc hộ nghèo; người
		// khuyết tật": the list goes on after the semicolons, and a
		// resident left off it would pay.
		if r, _ := utf8.DecodeRuneInString(seg); inExemption && unicode.IsLower(r) {
			exemptions[len(exemptions)-1] += "; " + seg
			continue
		}
		inExemption = false
		switch {
		case strings.HasPrefix(l, "miễn") || strings.HasPrefix(l, "không thu"):
			if len([]rune(seg)) < 20 && !strings.Contains(l, "đối với") && !strings.Contains(l, "trường hợp") {
				free = true // "Miễn lệ phí."
			} else {
				exemptions = append(exemptions, seg)
				inExemption = true
			}
		case window.MatchString(seg) && !moneyRe.MatchString(seg) && waived == "":
			// "Từ ngày 01/7/2025 đến hết ngày 31/12/2026 áp dụng theo
			// quy định tại Thông tư số 64/2025/TT-BTC …": the "Miễn
			// phí" holds for that period (an ended one is dropped above).
			waived = "miễn phí đến hết " + window.FindStringSubmatch(seg)[2]
			if law := lawCited.FindString(seg); law != "" {
				waived += " (theo " + law + ")"
			}
		case copyFee.MatchString(seg):
			// "Phí cấp bản sao Trích lục … (nếu có yêu cầu) thực hiện theo
			// quy định tại Thông tư …": a copy asked for besides, not
			// this procedure's fee.
			continue
		case setByLaw.MatchString(seg) && !moneyRe.MatchString(seg):
			auth = append(auth, seg)
		default:
			others = append(others, seg)
		}
	}
	var parts []string
	known := true
	switch {
	case waived != "" && len(exemptions) == 0:
		parts = append(parts, waived)
		others = nil
	case free:
		parts = append(parts, "miễn lệ phí")
	case len(others) > 0 && moneyRe.MatchString(strings.Join(others, " ")):
		// "Miễn phí (… thu lệ phí … một lần khi làm thủ tục nhập kho,
		// khi xuất kho không thu; mức thu là 20.000 VNĐ/tờ khai)": the
		// note says when nothing is charged; the portal's "free" stands,
		// with the note that says whose step the amount is.
		lead := "có thu: "
		if notCharged.MatchString(strings.Join(others, "; ")) {
			lead = "miễn phí theo bản ghi, ghi chú: "
		}
		// Said whole when a little over the bound: "…; Lệ phí cấp giấy
		// phép lái xe: 135.000 đồng/lần" is the fee every applicant pays.
		fees := strings.Join(others, "; ")
		if utf8.RuneCountInString(fees) > 240 {
			fees = clip(fees, 160)
		}
		parts = append(parts, lead+fees)
		others = nil
	case len(auth) > 0 && (ifAny.MatchString(note) || feeLawOnly(auth)):
		// "Miễn phí (Mức lệ phí (nếu có) theo quy định của Hội đồng nhân
		// dân cấp tỉnh.)": free, unless the province sets a fee. So is
		// "Miễn phí (Theo quy định của Luật phí và lệ phí …)": the record
		// says free and points to the law for any fee, of which it
		// names none.
		known = false
		who := "theo quy định về phí, lệ phí"
		if provincial.MatchString(strings.Join(auth, " ")) {
			who = "do Hội đồng nhân dân tỉnh quyết định"
		}
		parts = append(parts, "bản ghi ghi miễn phí; lệ phí nếu có thì mức "+who+" (hỏi cán bộ)")
	case len(auth) > 0:
		known = false
		if provincial.MatchString(strings.Join(auth, " ")) {
			parts = append(parts, "theo mức Hội đồng nhân dân tỉnh quyết định (bản ghi không ghi số tiền; hỏi cán bộ)")
		} else {
			parts = append(parts, "theo quy định về phí, lệ phí (bản ghi không ghi số tiền; hỏi cán bộ)")
		}
	case len(exemptions) == 0:
		parts = append(parts, "miễn phí")
		if len(others) > 0 {
			parts[0] += " (" + clip(strings.Join(others, "; "), 120) + ")"
		}
		others = nil
	}
	for _, e := range exemptions {
		parts = append(parts, lowerFirst(clip(e, 240)))
	}
	if free && len(others) > 0 {
		parts = append(parts, lowerFirst(clip(others[0], 120)))
	}
	return feeReading{text: strings.Join(parts, "; "), known: known}
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsUpper(r) {
		return s
	}
	// Keep "Giấy", "Ủy ban" capitals in the middle of a text only at its start.
	return string(unicode.ToLower(r)) + s[n:]
}

// upperFirst returns s with its first letter a capital.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// sameAmount reports a note whose only amount is a.
func sameAmount(note string, a int64) bool {
	ms := moneyRe.FindAllString(note, -1)
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		if v, ok := amountOf(m); !ok || v != a {
			return false
		}
	}
	return true
}

// perUnit returns "70.000 đồng/Giấy chứng nhận" when the note only says
// what the amount is counted by.
func perUnit(note, main string) string {
	amt := strings.TrimSuffix(main, " đồng")
	i := strings.Index(note, amt)
	if i < 0 {
		return ""
	}
	rest := note[i+len(amt):]
	rest = strings.TrimPrefix(strings.TrimSpace(rest), "đồng")
	rest = strings.TrimPrefix(strings.TrimSpace(rest), "đ")
	rest = strings.TrimSpace(rest)
	if !strings.HasPrefix(rest, "/") || len([]rune(rest)) > 40 {
		return ""
	}
	return main + strings.TrimRight(rest, ".);")
}

// reduced finds a lower rate in force today in a fee note and returns the
// fee as a resident pays it, with the usual amount beside it.
func reduced(main, note string, today time.Time) (string, bool) {
	for _, seg := range segments(note) {
		m := window.FindStringSubmatchIndex(seg)
		if m == nil {
			continue
		}
		end, ok := parseDate(seg[m[4]:m[5]])
		if !ok || today.After(end.AddDate(0, 0, 1)) {
			continue // expired
		}
		if m[2] >= 0 {
			if start, ok := parseDate(seg[m[2]:m[3]]); ok && today.Before(start) {
				continue // not yet
			}
		}
		until := end.Format("02/01/2006")
		online := strings.Contains(strings.ToLower(seg), "trực tuyến") || strings.Contains(strings.ToLower(seg), "trực tuyển")
		scope := ""
		if online {
			scope = " khi nộp trực tuyến"
		}
		if p := percent.FindStringSubmatch(seg); p != nil {
			base, ok := amountOf(main)
			if !ok {
				base, ok = amountOf(moneyRe.FindString(note))
			}
			pct, _ := strconv.Atoi(p[1])
			if !ok || pct <= 0 || pct >= 100 {
				continue
			}
			now := base * int64(pct) / 100
			return formatDong(now) + scope + " (giảm còn " + p[1] + "% mức thường " + formatDong(base) + ", áp dụng đến hết " + until + ")", true
		}
		amounts := moneyRe.FindAllString(seg[:m[0]], -1)
		if len(amounts) == 0 {
			amounts = moneyRe.FindAllString(seg[m[1]:], -1)
		}
		if len(amounts) == 0 {
			continue
		}
		low, ok := amountOf(amounts[len(amounts)-1])
		if !ok {
			continue
		}
		text := formatDong(low) + scope + " (mức áp dụng đến hết " + until
		if base, ok := amountOf(main); ok && base != low {
			text += "; mức thường " + formatDong(base)
		}
		return text + ")", true
	}
	return "", false
}

// expiredRate reports a note that gives the amount itself a period that
// has ended ("160.000/hộ chiếu … áp dụng đến hết ngày 31/12/2023"): the
// amount the cell shows is no longer what a resident pays.
func expiredRate(main, note string, today time.Time) (string, bool) {
	a, ok := amountOf(main)
	if !ok {
		return "", false
	}
	digits := strings.TrimSuffix(formatDong(a), " đồng")
	for _, seg := range segments(note) {
		m := window.FindStringSubmatch(seg)
		if m == nil || !strings.Contains(seg, digits) {
			continue
		}
		if end, ok := parseDate(m[2]); ok && today.After(end.AddDate(0, 0, 1)) {
			return end.Format("02/01/2006"), true
		}
	}
	return "", false
}

// dropExpired removes the parts of a note whose period has ended.
func dropExpired(note string, today time.Time) string {
	var keep []string
	for _, seg := range segments(note) {
		if m := window.FindStringSubmatch(seg); m != nil {
			if end, ok := parseDate(m[2]); ok && today.After(end.AddDate(0, 0, 1)) {
				continue
			}
		}
		keep = append(keep, seg)
	}
	return strings.TrimSpace(strings.Join(keep, "; "))
}

// segments splits a note into its clauses: list items and sentences.
func segments(note string) []string {
	f := func(r rune) bool { return r == ';' || r == '\n' }
	var out []string
	for _, part := range strings.FieldsFunc(strings.ReplaceAll(note, " - ", "\n"), f) {
		for _, s := range strings.Split(part, ". ") {
			if s = strings.TrimSpace(strings.Trim(s, "-+*. ")); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// parseDate reads "31/12/2026" or "31 tháng 12 năm 2026".
func parseDate(s string) (time.Time, bool) {
	s = strings.NewReplacer(" tháng ", "/", " năm ", "/").Replace(s)
	parts := strings.Split(s, "/")
	if len(parts) != 3 {
		return time.Time{}, false
	}
	d, e1 := strconv.Atoi(parts[0])
	m, e2 := strconv.Atoi(parts[1])
	y, e3 := strconv.Atoi(parts[2])
	if e1 != nil || e2 != nil || e3 != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, vietnam), true
}

// amountOf reads an amount in đồng: "70.000 đồng" → 70000, "03 triệu
// đồng" → 3000000.
func amountOf(s string) (int64, bool) {
	m := moneyRe.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	n, err := strconv.ParseInt(strings.NewReplacer(".", "", ",", "").Replace(m[1]), 10, 64)
	if err != nil || n <= 0 {
		return 0, false
	}
	if m[2] == "triệu đồng" {
		n *= 1_000_000
	}
	return n, true
}

// formatDong writes 35000 as "35.000 đồng".
func formatDong(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String() + " đồng"
}
