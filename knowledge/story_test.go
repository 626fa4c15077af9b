package knowledge

import (
	"strings"
	"testing"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

func TestNowAt(t *testing.T) {
	for q, want := range map[string]string{
		"đã công chứng hợp đồng rồi, giờ đi đăng ký sang tên": "giờ",
		"mới cưới vợ, bây giờ muốn nhập hộ khẩu":              "bây",
		"da ky van ban roi. Gio di dang ky bien dong":         "gio",
		"con đã làm giấy khai sinh rồi, giờ nhập HK":          "giờ",
		// A year before this one tells a step done; it is no hour.
		"đăng ký kết hôn bên Hàn Quốc năm 2019, giờ về nước ghi vào sổ": "giờ",
		// Without "giờ", "muốn" after a step done turns the story.
		"cưới vợ xong muốn tách hộ khẩu ra riêng": "muốn",
		// So does it after a benefit said drawn already ("đang hưởng").
		"Bố tôi 90 tuổi, đang hưởng lương hưu hằng tháng nhưng nay nằm liệt giường, con cái muốn lĩnh thay lương hưu cho bố": "muốn",
		"hòa giải thôn không xong, giờ tôi muốn gửi đơn lên xã":                                                              "giờ",
		// Without either, what follows "xong rồi" is asked.
		"hop dong cong chung xong roi, thoi han khai thue thu nhap ca nhan la bao lau": "thoi",
		// "giờ sang tên" is now, not "giờ sáng" (morning).
		"da cong chung hop dong roi, gio sang ten so do": "gio",
		"muốn làm giấy khai sinh cho con":                "",
		// "mới" ending a clause is "new": no step told.
		"mua cho tôi chiếc xe máy Honda mới, xe lắp ráp trong nước. Nghe nói giờ đăng ký xe online được": "",
		"mua xe máy mới, muốn đăng ký online": "",
		// "rồi" after an age says how old: no step told.
		"con toi nam nay 3 tuoi roi ma chua lam giay khai sinh, gio di lam GKS can giay to j": "",
		// No step done before it, or "giờ" as an hour or "when".
		"giờ muốn đăng ký kết hôn thì làm sao":                  "",
		"xã làm việc mấy giờ, đã nghỉ trưa chưa":                "",
		"đã nộp hồ sơ rồi, bao giờ có kết quả":                  "",
		"đã nộp hồ sơ từ tháng trước đến giờ vẫn chưa có":       "",
		"đã hẹn rồi, 8 giờ sáng mai đến được không":             "",
		"nộp hồ sơ rồi thì giờ làm việc của bộ phận một cửa là": "",
	} {
		typed, said := vietnamese.Said(q)
		got := ""
		if k := nowAt(typed, said, clauseStarts(q, len(said))); k > 0 {
			got = typed[k]
		}
		if got != want {
			t.Errorf("nowAt(%q) at %q, want %q", q, got, want)
		}
	}
}

func TestPurposeAt(t *testing.T) {
	for q, want := range map[string]string{
		"cấp đổi sổ đỏ để thế chấp vay vốn":                "thế chấp vay vốn",
		"so do rach can lam lai de con the chap ngan hang": "con the chap ngan hang",
		"đã ly hôn, giờ xin xác nhận độc thân để cưới":     "cưới",
		// The purpose ends with its clause; one told before the question
		// turns belongs to the story.
		"quan tap hoa muon nghi ban 1 thang de ve que, co phai bao tam ngung khong": "ve que",
		"cấp đổi sổ đỏ để thế chấp thì cần giấy gì":                                 "thế chấp",
		"được giao khu vực biển để nuôi trồng thủy sản nhưng giờ muốn trả lại":      "",
		"thuê đất để làm xưởng, giờ muốn chuyển sang trả tiền một lần":              "",
		"cả nhà thống nhất để tôi là chú ruột đứng ra làm người giám hộ cho cháu":   "",
		"cần làm gì để được hưởng trợ cấp":                                          "được hưởng trợ cấp", // weighed against the results
		"bố mẹ để lại mảnh đất, muốn sang tên":                                      "",
		"lam don de nghi cap lai giay khai sinh":                                    "",
		"giay khai sinh cua be de trong ten bo, gio muon them ten vao":              "",
		"muốn làm khai sinh cho con và để anh ấy nhận con cùng lúc":                 "",
		"van de la so do bi mat thi lam sao":                                        "",
		"để đăng ký khai sinh cần giấy tờ gì":                                       "",
	} {
		typed, said := vietnamese.Said(q)
		got := ""
		if s := purposeAt(typed, said, clauseStarts(q, len(said)), nowAt(typed, said, clauseStarts(q, len(said)))); !s.empty() {
			got = strings.Join(typed[s.from+1:s.to], " ")
		}
		if got != want {
			t.Errorf("purposeAt(%q) before %q, want %q", q, got, want)
		}
	}
}

// An ask for a paper again that names none asks for the story's paper.
func TestReissueOfStory(t *testing.T) {
	for q, want := range map[string]bool{
		"gio sap cuoi vo thi xin lai giay khac duoc khong": true,
		"gio xin cap lai duoc khong":                       true,
		"gio lam lai o dau":                                true,
		"gio xin cap lai giay khai sinh":                   false,
		"gio muon dang ky lai ket hon":                     false,
	} {
		if got := reissueOfStory.MatchString(" " + q + " "); got != want {
			t.Errorf("reissueOfStory(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestFirstIssue(t *testing.T) {
	for title, want := range map[string]bool{
		" cap the can cuoc cho nguoi duoi 14 tuoi ":           true,
		"dang ky cap giay chung nhan quyen su dung dat":       true,
		" cap lai the can cuoc ":                              false,
		" cap doi giay chung nhan quyen su dung dat ":         false,
		" cap ban sao trich luc ho tich ":                     false,
		" thu hoi giay chung nhan da cap khong dung quy dinh": false,
		// The registration listed before its later stages.
		" dang ky dang ky lai dieu chinh dong bhxh tu nguyen cap so bhxh ": true,
		" dang ky thay doi noi dung dang ky ho kinh doanh ":                false,
	} {
		if got := firstIssue(title); got != want {
			t.Errorf("firstIssue(%q) = %v, want %v", title, got, want)
		}
	}
}

// Words that fold to nothing (a lone combining mark) do not break the
// reading of a story.
func FuzzNowAt(f *testing.F) {
	for _, s := range []string{"đã làm rồi, giờ nhập hộ khẩu", "\u0301 giờ đã", "mấy giờ", "rồi \u0300 giờ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		typed, said := vietnamese.Said(q)
		k := nowAt(typed, said, clauseStarts(q, len(said)))
		if k < 0 || k >= len(said)+1 {
			t.Fatalf("nowAt(%q) = %d of %d words", q, k, len(said))
		}
		if s := purposeAt(typed, said, clauseStarts(q, len(said)), k); s.from < k || s.from > s.to || s.to > len(said) {
			t.Fatalf("purposeAt(%q) = %v, now %d, of %d words", q, s, k, len(said))
		}
	})
}

func TestTitleRun(t *testing.T) {
	title := strings.Fields("thu tuc ghi vao so ho tich viec ket hon")
	for q, want := range map[string]int{
		"muon ghi vao so ho tich o dau":  5,
		"dang ky ket hon ghi vao so":     3,
		"so ho tich ghi vao":             3,
		"lam giay khai sinh cho con":     0,
		"ket hon ket hon viec ket hon a": 3,
	} {
		if got := titleRun(strings.Fields(q), title); got != want {
			t.Errorf("titleRun(%q) = %d, want %d", q, got, want)
		}
	}
}
