package chatbot

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzMask checks the masking of personal numbers in what residents type:
// it never panics, keeps valid UTF-8, masks whatever it reports, leaves
// text without 9 digits alone, and a citizen ID or phone number with
// its usual separators never survives it.
func FuzzMask(f *testing.F) {
	for _, s := range []string{
		"CCCD của tôi là 001234567890, sđt 0912 345 678",
		"số BHXH 7912345678 hết hạn",
		"gọi +84 912-345-678 hoặc 024.3825.1234",
		"lệ phí 1.500.000 đồng, 50.000đ một bản",
		"CMND cũ 123456789 đổi sang căn cước",
		"mã hồ sơ 000.00.00.H00-250101-0001",
		"0912345678901234567890",
		"không có số nào",
		"\xff0912345678\xfe",
		"gọi 0912345678la được",
		"số ０９１２３４５６７８ nhé",
		"mail lan.nguyen@gmail.com hoặc a@b.vn",
		"",
	} {
		f.Add(s, "0912345678")
	}
	f.Add("Tôi tên Lan, ", "001234567890")
	f.Add("+84", "912345678")
	f.Fuzz(func(t *testing.T, text, id string) {
		out, found := Mask(text)
		if utf8.ValidString(text) && !utf8.ValidString(out) {
			t.Fatalf("Mask(%q) = %q: not UTF-8", text, out)
		}
		masked := strings.Contains(out, maskToken) || strings.Contains(out, emailToken)
		if found != masked && !strings.Contains(text, maskToken) && !strings.Contains(text, emailToken) {
			t.Fatalf("Mask(%q) = %q, found %v", text, out, found)
		}
		if digits(text) < 9 && !strings.ContainsRune(text, '@') && !strings.ContainsFunc(text, isFullWidthDigit) && out != text {
			t.Fatalf("Mask(%q) = %q: changed text with fewer than 9 digits and no e-mail", text, out)
		}
		// A number written as residents write one, between words. Dots in
		// groups of three read as money ("1.500.000") and stay, unless the
		// number starts with 0, as IDs and phones do and amounts never.
		if n := digits(id); n == len(id) && (n == 9 || n == 10 || n == 12) {
			forms := []string{id, group(id, " ")}
			if n == 10 || id[0] == '0' {
				forms = append(forms, group(id, "."))
			}
			for _, written := range forms {
				q := "số " + written + " của tôi"
				if masked, _ := Mask(text + " " + q); !strings.HasSuffix(masked, " số "+maskToken+" của tôi") {
					t.Fatalf("Mask(%q) = %q keeps %q", text+" "+q, masked, written)
				}
			}
		}
	})
}

func digits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// group writes a number in groups of 3 or 4 digits from the left, as
// phones and IDs are read out: "0912 345 678".
func group(s, sep string) string {
	size := 3
	if len(s)%3 != 0 {
		size = 4
	}
	var parts []string
	for len(s) > size {
		parts = append(parts, s[:size])
		s = s[size:]
		size = 3
	}
	return strings.Join(append(parts, s), sep)
}
