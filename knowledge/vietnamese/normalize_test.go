package vietnamese

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"nfc", "Đăng  ký\tKhai sinh ", "đăng ký khai sinh"},
		{"nfd", norm.NFD.String("Đăng ký KHAI SINH"), "đăng ký khai sinh"},
		{"newlines", "\n Sổ\n\nđỏ\n", "sổ đỏ"},
		{"empty", "   ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeNFDEqualsNFC(t *testing.T) {
	for _, s := range []string{"Thủ tục đăng ký thường trú", "Hòa giải", "Hoà giải", "Ủy ban nhân dân", "ỨNG DỤNG VNeID"} {
		t.Run(s, func(t *testing.T) {
			nfc, nfd := norm.NFC.String(s), norm.NFD.String(s)
			if nfc == nfd {
				t.Fatalf("test input %q has no decomposable letters", s)
			}
			if Normalize(nfc) != Normalize(nfd) {
				t.Errorf("Normalize(NFC) = %q, Normalize(NFD) = %q", Normalize(nfc), Normalize(nfd))
			}
			if Fold(nfc) != Fold(nfd) {
				t.Errorf("Fold(NFC) = %q, Fold(NFD) = %q", Fold(nfc), Fold(nfd))
			}
		})
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Đăng ký", "dang ky"},
		{"đ Đ", "d d"},
		{"ư Ư ơ Ơ", "u u o o"},
		{"Hòa hoà HÒA HOÀ", "hoa hoa hoa hoa"},
		{"thuỷ thủy", "thuy thuy"},
		{"Khỏe khoẻ", "khoe khoe"},
		{"ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ", "a a a a a a a a a a"},
		{"ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ", "e e e e e o o o o o o o o o o"},
		{"ứ ừ ử ữ ự ý ỳ ỷ ỹ ỵ í ì ỉ ĩ ị", "u u u u u y y y y y i i i i i"},
		{"Người  dân\tđược", "nguoi dan duoc"},
		{"CCCD/CMND, 14 tuổi", "cccd/cmnd, 14 tuoi"},
		// A syllable Vietnamese spells with i or y folds to the records'
		// spelling; one whose other spelling is another word stays.
		{"đăng kí, Lí lịch, liệt sỹ, qui định, tỉ lệ, Mĩ, hi sinh", "dang ky, ly lich, liet si, quy dinh, ty le, my, hy sinh"},
		{"kỹ thuật, vi phạm, di chuyển, xi măng, kiểm", "ky thuat, vi pham, di chuyen, xi mang, kiem"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			for form, in := range map[string]string{"nfc": norm.NFC.String(tt.in), "nfd": norm.NFD.String(tt.in)} {
				if got := Fold(in); got != tt.want {
					t.Errorf("Fold(%s %q) = %q, want %q", form, in, got, tt.want)
				}
			}
		})
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"CCCD/CMND", []string{"cccd", "cmnd"}},
		{"Cấp thẻ căn cước cho người dưới 14 tuổi.", []string{"cap", "the", "can", "cuoc", "cho", "nguoi", "duoi", "14", "tuoi"}},
		{"GCN QSDĐ (sổ đỏ)?!", []string{"gcn", "qsdd", "so", "do"}},
		{"Nghị định 118/2025/NĐ-CP", []string{"nghi", "dinh", "118", "2025", "nd", "cp"}},
		{norm.NFD.String("Hoà giải – tranh chấp…"), []string{"hoa", "giai", "tranh", "chap"}},
		{"...", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Words(tt.in)); diff != "" {
				t.Errorf("Words(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestStopwords(t *testing.T) {
	for _, w := range []string{"toi", "muon", "can", "gi", "the", "nao", "lam", "sao", "o", "dau", "cho", "hoi", "a", "nhe", "vay", "bao", "nhieu"} {
		if !IsStopword(w) {
			t.Errorf("IsStopword(%q) = false, want true", w)
		}
	}
	// Syllables that name procedures must count as content.
	for _, w := range []string{"ky", "dang", "giay", "cap", "lai", "con", "nha", "so", "ho", "khai", "sinh", "tu", "di", "do", "ban"} {
		if IsStopword(w) {
			t.Errorf("IsStopword(%q) = true, want false", w)
		}
	}
}

func TestContentWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Tôi muốn hỏi làm giấy khai sinh cho con ở đâu ạ?", []string{"giay", "khai", "sinh", "con"}},
		{"cho em hỏi đăng ký kết hôn cần giấy tờ gì vậy", []string{"dang", "ky", "ket", "hon", "giay", "to"}},
		{"sổ đỏ mất bao nhiêu tiền nhé", []string{"so", "do", "mat", "tien"}},
		{"chúng tôi kết hôn thì nộp ở đâu", []string{"ket", "hon", "nop"}},
		{"thi hanh an dan su", []string{"thi", "hanh", "an", "dan", "su"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, ContentWords(tt.in)); diff != "" {
				t.Errorf("ContentWords(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func BenchmarkFold(b *testing.B) {
	q := "Cho tôi hỏi thủ tục ĐĂNG KÝ THƯỜNG TRÚ cho con dưới 14 tuổi ở phường mới sau sáp nhập cần giấy tờ gì?"
	b.ReportAllocs()
	b.SetBytes(int64(len(q)))
	for b.Loop() {
		Fold(q)
	}
}

// A bare final "g" typed with diacritics is "ng"; words without
// diacritics and well-formed ones are left as typed.
func TestMendTyping(t *testing.T) {
	for in, want := range map[string]string{
		"ra xã chứg thực hợp đồg tặng cho": "ra xã chứng thực hợp đồng tặng cho",
		"CHỨG THỰC":        "chứng thực",
		"thươg binh":       "thương binh",
		"đăng ký kết hôn":  "đăng ký kết hôn",
		"viết blog về dog": "viết blog về dog",
		"":                 "",
	} {
		if got := MendTyping(in); got != want {
			t.Errorf("MendTyping(%q) = %q, want %q", in, got, want)
		}
	}
	// NFD input is mended like NFC.
	if got := MendTyping(norm.NFD.String("hợp đồg")); got != "hợp đồng" {
		t.Errorf("MendTyping(NFD) = %q", got)
	}
}
