package chatbot

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hoidap/hoidap/knowledge"
)

func TestClip(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"a tidy line comes back whole", "Tờ khai đăng ký khai sinh", 90, "Tờ khai đăng ký khai sinh"},
		{"exactly n characters", "Bản sao", 7, "Bản sao"},
		{"empty", "", 10, ""},
		{"spaces collapsed", "  Tờ khai   đăng ký ", 90, "Tờ khai đăng ký"},
		{"tabs and line breaks", "Tờ khai\tđăng\nký", 90, "Tờ khai đăng ký"},
		{"no-break space", "5\u00a0ngày làm việc", 90, "5 ngày làm việc"},
		{"cut at a word end", "Giấy chứng nhận kết hôn của cha mẹ", 20, "Giấy chứng nhận kết …"},
		{"cut at a sentence end", "Nộp hồ sơ tại UBND xã. Nhận kết quả sau 3 ngày làm việc", 40, "Nộp hồ sơ tại UBND xã."},
		{"a name cut already keeps one ellipsis", "Giấy tờ: Tờ khai; Mẫu thực hiện đăng ký thay đổi, bổ … (+1 cho trường hợp riêng)", 58, "Giấy tờ: Tờ khai; Mẫu thực hiện đăng ký thay đổi, bổ …"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clip(tt.in, tt.n); got != tt.want {
				t.Errorf("clip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
			}
		})
	}
}

// The prefix taken from tidy text is the text copying would have made.
func TestClipTidyAgreesWithCollapse(t *testing.T) {
	for _, s := range []string{
		"Bản sao Giấy chứng nhận kết hôn. Nộp tại UBND xã nơi cư trú",
		"a b c d e f",
		"Lệ phí: 8.000 đồng/bản. Miễn cho hộ nghèo",
		"Ủy ban nhân dân xã; Bộ phận một cửa (Trung tâm phục vụ hành chính công)",
	} {
		for n := 1; n <= len([]rune(s))+1; n++ {
			cut, over, ok := clipTidy(s, n)
			if !ok {
				t.Fatalf("clipTidy(%q, %d) found the text untidy", s, n)
			}
			wantCut, wantOver := clipCollapse(s, n)
			if cut != wantCut || over != wantOver {
				t.Errorf("clipTidy(%q, %d) = %q, %v; copying gives %q, %v", s, n, cut, over, wantCut, wantOver)
			}
		}
	}
}

// Text that is not tidy is found so, whatever white space it holds.
func TestClipTidyRefusesUntidy(t *testing.T) {
	for _, s := range []string{" đầu", "cuối ", "hai  dấu", "tab\there", "dòng\nmới", "5\u00a0ngày", "em\u2003space", "ý\u3000kiến", "\u0085x"} {
		if _, _, ok := clipTidy(s, 100); ok {
			t.Errorf("clipTidy(%q) took it as tidy", s)
		}
	}
}

// clip's short cut for tidy text gives what copying gives, and clip stays
// within its bound, whatever valid text it is given.
func FuzzClip(f *testing.F) {
	for _, s := range []string{"Tờ khai đăng ký khai sinh", "  a  b ", "5\u00a0ngày. Nộp", "x\u2003y", "\xff\xfe"} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 1 || n > 500 || !utf8.ValidString(s) {
			return // text reaches clip as valid UTF-8 (NFC); JSON would replace bad bytes
		}
		if cut, over, ok := clipTidy(s, n); ok {
			if wantCut, wantOver := clipCollapse(s, n); cut != wantCut || over != wantOver {
				t.Errorf("clipTidy(%q, %d) = %q, %v; copying gives %q, %v", s, n, cut, over, wantCut, wantOver)
			}
		}
		if got := utf8.RuneCountInString(clip(s, n)); got > n+2 {
			t.Errorf("clip(%q, %d) has %d characters", s, n, got)
		}
	})
}

// A paper's long name is cut where it stops naming the paper and starts
// qualifying it, not in the middle of a phrase; a question that asks only
// for papers gets the record's first papers named in full.
func TestPaperNamesCutAtTheirQualification(t *testing.T) {
	b, _ := newBot(t, nil, nil)
	got := reply(t, b, Question{Text: "đăng ký kết hôn cần những giấy tờ gì", Commune: "demo"}).Answer
	if !strings.Contains(got, "Tờ khai đăng ký kết hôn theo mẫu;") {
		t.Errorf("the form is not named whole:\n%s", got)
	}
	if strings.Contains(got, "hai bên nam, …") || strings.Contains(got, "theo mẫu, có đủ") {
		t.Errorf("the form's qualification is shown cut:\n%s", got)
	}
}

// A paper's own numbering in the record ("(5) Bản vẽ …") is not shown:
// the list is the record's papers, not its clause numbers.
func TestPaperNumberingDropped(t *testing.T) {
	for in, want := range map[string]string{
		"(5) Bản vẽ tách thửa đất": "Bản vẽ tách thửa đất",
		"(iv) Giấy chứng nhận":     "Giấy chứng nhận",
		"2. Đơn đề nghị tách thửa": "Đơn đề nghị tách thửa",
	} {
		if got := shortPaper(in); got != want {
			t.Errorf("shortPaper(%q) = %q, want %q", in, got, want)
		}
	}
}

// Steps are numbered once: the record's own "Bước 1:", "a)" and bare
// bullets ("* Trường hợp …") go.
func TestStepsNumberedOnce(t *testing.T) {
	p := &knowledge.Procedure{Steps: []string{
		"* Trường hợp đăng ký trực tiếp: nộp hồ sơ tại cơ quan đăng ký kinh doanh cấp xã",
		"- Bước 2: Cơ quan đăng ký kinh doanh gửi thông tin cho Cơ quan thuế",
		"b)",
	}}
	got := stepsOf(p)
	want := []string{
		"Trường hợp đăng ký trực tiếp: nộp hồ sơ tại cơ quan đăng ký kinh doanh cấp xã",
		"Cơ quan đăng ký kinh doanh gửi thông tin cho Cơ quan thuế",
	}
	if !slices.Equal(got, want) {
		t.Errorf("stepsOf = %q, want %q", got, want)
	}
}

// A form's code in brackets is what the office asks for by name: it stays
// when the bracket's other words are cut.
func TestPaperKeepsItsFormCode(t *testing.T) {
	for in, want := range map[string]string{
		"Tờ khai đề nghị cấp hộ chiếu phổ thông (mẫu TK01)":                  "Tờ khai đề nghị cấp hộ chiếu phổ thông (mẫu TK01)",
		"Đơn trình báo mất hộ chiếu phổ thông (mẫu TK05); bản chụp căn cước": "Đơn trình báo mất hộ chiếu phổ thông (mẫu TK05)",
		"Giấy chứng nhận (bản gốc)":                                          "Giấy chứng nhận",
		// The form's file glued to the name by the portal's table.
		"Đơn xin nhận con nuôi;1.nxinnhnconnui.doc": "Đơn xin nhận con nuôi",
		// The slash of the form's code is no choice between papers.
		"Tờ khai đăng ký/ Thay đổi thông tin sử dụng hoá đơn điện tử theo Mẫu số 01ĐKTĐ/HĐĐT Phụ lục IA kèm theo Nghị định số 70/2025/NĐ-CP": "Tờ khai đăng ký hoặc thay đổi thông tin sử dụng hoá đơn điện tử (mẫu số 01ĐKTĐ/HĐĐT)",
		// The stop of the row before, glued to the name.
		".02 bộ bản vẽ thiết kế xây dựng": "02 bộ bản vẽ thiết kế xây dựng",
		// Two forms to choose from are both named, not the first alone.
		"Đơn đề nghị hỗ trợ theo từng loại hình cơ sở sản xuất theo Mẫu số 2a, Mẫu số 2b quy định tại Phụ lục ban hành kèm theo Nghị định 116/2025/NĐ-CP": "Đơn đề nghị hỗ trợ theo từng loại hình cơ sở sản xuất (mẫu số 2a hoặc 2b)",
		"Phương án quản lý rừng bền vững theo Mẫu số 09 hoặc Mẫu số 10 Phụ lục III ban hành kèm theo Thông tư":                                            "Phương án quản lý rừng bền vững (mẫu số 09 hoặc 10)",
	} {
		if got := shortPaper(in); got != want {
			t.Errorf("shortPaper(%q) = %q, want %q", in, got, want)
		}
	}
}

// A part left out for the budget is on the source card: the text shows no
// lone "…" line, which reads as a fact cut off.
func TestNoLoneEllipsisLine(t *testing.T) {
	b, _ := newBot(t, nil, nil)
	for _, q := range []string{
		"doi the can cuoc het han co phai ve que noi thuong tru lam ko hay lam o dau cung dc",
		"chứng thực bản sao giấy khai sinh do nc ngoài cấp thì có phải hợp pháp hoá lãnh sự trc ko",
	} {
		got := reply(t, b, Question{Text: q, Commune: "demo"}).Answer
		for _, line := range strings.Split(got, "\n") {
			if strings.TrimSpace(line) == "…" {
				t.Errorf("%q: a lone … line:\n%s", q, got)
			}
		}
	}
}

// "Một trong những giấy tờ … bao gồm: + Giấy chứng nhận …" is named by
// what kind of paper it is and its first choice, not cut mid-phrase.
func TestPaperOfChoicesNamesItsFirstChoice(t *testing.T) {
	for in, want := range map[string]string{
		"- Một trong những giấy tờ hợp pháp về đất đai chứng minh sự phù hợp mục đích sử dụng đất và sở hữu công trình để cấp phép xây dựng theo quy định tại Điều 53 của Nghị định số 175/2024/NĐ-CP bao gồm:  +  Giấy chứng nhận quyền sử dụng đất được cấp theo quy định của Luật Đất đai qua các thời kỳ. + Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất": "Một trong những giấy tờ hợp pháp về đất đai (như giấy chứng nhận quyền sử dụng đất…)",
		"Một trong các văn bản sau: + Hợp đồng chuyển nhượng quyền sử dụng đất, tài sản gắn liền với đất giữa người sử dụng đất. + Biên bản hòa giải thành":                                    "Một trong các văn bản (như hợp đồng chuyển nhượng quyền sử dụng đất…)",
		"Một trong các giấy tờ để làm cơ sở xác minh quốc tịch Việt Nam bao gồm: Giấy tờ về quốc tịch, hộ tịch, hộ khẩu, căn cước hoặc giấy tờ khác do cơ quan có thẩm quyền của Việt Nam cấp": "Một trong các giấy tờ để làm cơ sở xác minh quốc tịch Việt Nam (như giấy tờ về quốc tịch…)",
	} {
		if got := shortPaper(in); got != want {
			t.Errorf("shortPaper(%q)\n = %q\nwant %q", in, got, want)
		}
	}
}
