package chatbot

import (
	"regexp"
	"strings"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// MaxQuestion is the longest question accepted, in characters.
const MaxQuestion = 500

// personalNumber matches the personal numbers residents paste into a
// question: a 12-digit citizen ID, a 9-digit old ID, a 10-digit social
// insurance code and Vietnamese phone numbers, written together or in
// groups separated by spaces, dots or dashes, with or without +84.
// A longer run of digits (a bank account) is masked whole.
// It needs no word boundary after the digits: "0912345678la" is a phone
// number too.
// Digits may be split by up to two separators: spaces of any width
// (zero-width ones too), dots, dashes of any length, slashes,
// underscores and brackets ("(0912) 345 678", "001/234/567/890").
var personalNumber = regexp.MustCompile(`(?:\+\s?84` + numberSep + `?|\b0)?\d(?:` + numberSep + `{0,2}\d){7,11}\d*`)

// numberSep is a character that may split a personal number's digits.
const numberSep = `[\s\x{00A0}\x{2000}-\x{200D}\x{202F}\x{205F}\x{2060}\x{3000}\x{FEFF}.\-\x{2010}-\x{2015}\x{2212}/_()]`

// email matches an e-mail address.
// The at sign and the dots may be full-width or have a space around them
// ("x @ gmail.com", "x＠gmail．com").
var email = regexp.MustCompile(`[\p{L}\p{N}._%+\-]+\s?[@＠﹫]\s?[\p{L}\p{N}\-]+(?:\s?[.．。]\s?[\p{L}\p{N}\-]+)*\s?[.．。]\s?\p{L}{2,}`)

// emailToken replaces an e-mail address.
const emailToken = "[email đã ẩn]"

// maskToken replaces a personal number everywhere it would be kept or sent.
const maskToken = "[số cá nhân đã ẩn]"

// Mask replaces personal numbers and e-mail addresses in s and reports
// whether it found any; full-width digits are read as digits.
// Runs of 9 digits or more (or a phone number with +84) count; amounts
// written with thousands separators ("1.500.000") stay.
func Mask(s string) (string, bool) {
	found := false
	if strings.ContainsAny(s, "@＠﹫") {
		s = email.ReplaceAllStringFunc(s, func(string) string {
			found = true
			return emailToken
		})
	}
	if strings.ContainsFunc(s, isFullWidthDigit) {
		s = strings.Map(func(r rune) rune {
			if isFullWidthDigit(r) {
				return r - '０' + '0'
			}
			return r
		}, s)
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			digits++
		}
	}
	if digits < 9 { // most questions: nothing to look for
		return s, found
	}
	out := personalNumber.ReplaceAllStringFunc(s, func(m string) string {
		digits := 0
		for _, r := range m {
			if r >= '0' && r <= '9' {
				digits++
			}
		}
		plus84 := strings.HasPrefix(m, "+")
		if digits < 9 || (!plus84 && isAmount(m)) {
			return m
		}
		found = true
		return maskToken
	})
	return out, found
}

// isFullWidthDigit reports a digit typed in its full-width form ("０９１").
func isFullWidthDigit(r rune) bool { return r >= '０' && r <= '９' }

// isAmount reports whether m reads as a number with thousands separators
// ("1.500.000"), which is money, not a personal number.
func isAmount(m string) bool {
	groups := strings.FieldsFunc(m, func(r rune) bool { return r == '.' || r == ',' })
	if len(groups) < 2 || strings.ContainsAny(m, " -") {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	// An amount does not start with 0: "001.234.567.890" is an ID.
	return len(groups[0]) <= 3 && groups[0][0] != '0'
}

// Phrases that make a question out of scope whatever retrieval finds:
// attempts to give the service instructions, and requests for writing or
// chatting that no procedure answers. They are folded (no diacritics).
var (
	injectionCues = []string{
		"bo qua huong dan", "bo qua moi", "bo qua quy dinh", "bo qua quy tac", "bo qua cac quy",
		"ignore previous", "ignore all", "ignore the above", "system prompt", "prompt he thong",
		"dong vai", "tu gio hay", "tu gio tra loi", "quen di huong dan", "jailbreak",
		"mat khau admin", "du lieu nguoi dung", "du lieu nguoi dan", "developer mode",
		// Forging papers, not a forgery suffered: "giấy tờ giả mạo"
		// names a record ("Đề nghị thu hồi … kê khai … là giả mạo").
		"giay khai sinh gia", "lam gia giay", "lam giay to gia", "mua giay to gia", "ban giay to gia",
		"lam giay gia", "mua giay gia", "giay to gia o dau",
	}
	chatterCues = []string{
		"bai tho", "lam tho di", "viet tho", "ke chuyen", "chuyen cuoi", "chuyen co tich",
		"bai van", "bai hat", "xem boi", "xo so", "thoi tiet", "du bao", "gia vang", "ty gia",
		"chung khoan", "cong thuc lam", "cach nau", "cach lam banh", "dich sang tieng",
		"ban ten la gi", "em la ai", "ban la ai", "tra loi bang tieng anh",
		// Not "người yêu" alone: residents marry theirs, and "người yêu cầu"
		// is the applicant.
		"co nguoi yeu chua", "co nguoi yeu khong", "lam nguoi yeu", "nguoi yeu cua ban", "nguoi yeu cua em",
		// Bills and outages of electricity, water, phone and internet
		// are the supplier's business: no administrative procedure.
		"tien dien", "hoa don dien", "dien luc", "cup dien", "mat dien", "co dien lai", "tien nuoc", "hoa don nuoc", "cuoc dien_thoai", "cuoc internet", "cuoc mang",
		// Not "mất mạng": a life lost in an accident is a resident's.
		"nha mang", "wifi", "mang cham", "mang yeu", "rot mang", "song yeu", "internet cham",
		// A class and its teacher, a credit card: the school's and the
		// bank's business. Not "cô giáo" alone (a teacher asks about her
		// own insurance) nor "thẻ ATM" (a pension is paid to one).
		"co giao chu nhiem", "thay giao chu nhiem", "giao vien chu nhiem", "co chu nhiem", "doi lop", "chuyen lop", "doi sang lop",
		"the tin dung", "tru tien 2 lan", "tru tien hai lan",
		// A loan's interest is the bank's to say.
		"lai suat bao nhieu", "lai suat la bao nhieu", "lai suat may", "lai suat hien nay",
		// A lucky day or a horoscope is no office's to say. Not "ngày
		// tốt" alone: "ngày tốt nghiệp" is on a diploma.
		"ngay nao tot", "ngay tot de", "ngay dep de", "xem ngay tot", "xem ngay dong tho", "ngay hoang dao", "hop tuoi", "xem tuoi",
		"phong thuy", "tu vi",
	}
)

// blocked reports whether a question, folded and space-padded by fold, is
// an instruction to the system or a request no procedure answers, which is
// never grounded.
func blocked(s string) bool {
	s = electricWords.Replace(outageFrom.Replace(s))
	for _, c := range blockCues {
		if strings.Contains(s, c) {
			return true
		}
	}
	return false
}

// electricWords joins "điện tử" (electronic) and "điện thoại" (phone)
// into one word each: "hóa đơn điện tử" is no electricity bill, "mất
// điện thoại" no outage.
var electricWords = strings.NewReplacer(" dien tu ", " dien_tu ", " dien thoai ", " dien_thoai ")

// outageFrom reads "mất điện từ sáng" typed without marks as an outage
// since the morning, before electricWords takes "dien tu" for
// electronic: no paper is "mất điện tử".
var outageFrom = strings.NewReplacer(" mat dien tu ", " mat dien , tu ", " cup dien tu ", " cup dien , tu ")

// blockCues are injectionCues and chatterCues between spaces, made once.
var blockCues = func() []string {
	var cues []string
	for _, list := range [][]string{injectionCues, chatterCues} {
		for _, c := range list {
			cues = append(cues, " "+c+" ")
		}
	}
	return cues
}()

// fold is vietnamese.Fold with punctuation turned into spaces, for cue
// matching on whole words.
func fold(s string) string {
	return " " + strings.Join(vietnamese.Words(s), " ") + " "
}
