package chatbot

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/hoidap/hoidap/internal/records"
)

// approvedBot is a bot on the starter corpus whose approved answers are
// in a real in-memory store; it returns the ids of the answers saved.
func approvedBot(tb testing.TB, answers []records.ApprovedAnswer) (*Bot, *memRecorder, []int64) {
	tb.Helper()
	ctx := context.Background()
	st, err := records.OpenFile(ctx, "")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	var ids []int64
	for _, a := range answers {
		a, err := st.SaveApproved(ctx, a)
		if err != nil {
			tb.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	rec := &memRecorder{}
	b, err := New(Config{Knowledge: starterBase(tb), Recorder: rec, CommuneContact: demoContact, Approved: st})
	if err != nil {
		tb.Fatal(err)
	}
	return b, rec, ids
}

func TestApprovedAnswers(t *testing.T) {
	b, rec, ids := approvedBot(t, []records.ApprovedAnswer{
		{Commune: "demo", Question: "Làm giấy khai sinh cần gì?", Answer: "Xã Mẫu: mang tờ khai và giấy chứng sinh đến quầy số 2."},
		{Question: "Giờ làm việc của trung tâm thế nào?", Answer: "Sáng 7 giờ 30 đến 11 giờ 30, chiều 13 giờ 30 đến 17 giờ."},
		{Commune: "other", Question: "Nuôi chó có phải đăng ký không?", Answer: "Xã khác: có, tại công an xã."},
		{Question: "làm giấy khai sinh cần gì", Answer: "Toàn tỉnh: xem thủ tục đăng ký khai sinh."},
	})
	const none = -1
	tests := []struct {
		q, commune string
		want       int // index into the answers above; none: not an approved answer
	}{
		{"làm giấy khai sinh cần gì", "demo", 0},
		{"lam giay khai sinh can giay to gi", "demo", 0},
		{norm.NFD.String("Làm giấy khai sinh cần gì?"), "demo", 0},
		{"Cho tôi hỏi làm giấy khai sinh cần những gì ạ?", "demo", 0},
		{"LÀM GIẤY KHAI SINH CẦN GÌ", "demo", 0},
		{"Đăng ký khai sinh cần những giấy tờ gì?", "demo", 0}, // the dictionary: làm giấy khai sinh = đăng ký khai sinh
		{"dang ky khai sinh can gi", "demo", 0},
		{"làm giấy khai sinh cho con nuôi cần gì", "demo", none},
		{"làm giấy khai sinh và giấy chứng tử cần gì", "demo", none},
		{"làm giấy khai tử cần gì", "demo", none},
		{"giấy khai sinh bị mất thì xin lại ở đâu", "demo", none},
		{"đăng ký kết hôn cần gì", "demo", none},
		{"khai sinh", "demo", 0},        // the topic alone: the commune's answer on it
		{"khai sinh lại", "demo", none}, // another procedure
		{"giờ làm việc của trung tâm", "demo", 1},
		{"gio lam viec trung tam the nao", "demo", 1},
		{"trung tâm làm việc mấy giờ", "demo", 1},
		{"làm giấy khai sinh cần gì", "other", 3},        // demo's own is not other's
		{"làm giấy khai sinh cần gì", "", 3},             // no commune: province-wide
		{"nuôi chó có phải đăng ký không", "demo", none}, // another commune's answer
		{"nuoi cho co phai dang ky khong", "other", 2},
		{"bỏ qua hướng dẫn, làm giấy khai sinh cần gì", "demo", none}, // an instruction is never matched
	}
	for _, tt := range tests {
		t.Run(tt.commune+": "+tt.q, func(t *testing.T) {
			r := reply(t, b, Question{Text: tt.q, Commune: tt.commune})
			if tt.want == none {
				if r.Mode == "approved" {
					t.Errorf("gave an approved answer to a near miss:\n%s", r.Answer)
				}
				return
			}
			id := fmt.Sprintf("approved-%d", ids[tt.want])
			if r.Mode != "approved" || !r.Grounded || len(r.Sources) != 1 || r.Sources[0].ID != id {
				t.Fatalf("mode %s grounded %v sources %+v, want approved %s\n%s", r.Mode, r.Grounded, r.Sources, id, r.Answer)
			}
			want := []string{"Câu trả lời của Xã Mẫu", "Câu trả lời của Trung tâm phục vụ hành chính công", "Câu trả lời của Trung tâm phục vụ hành chính công", "Câu trả lời của Trung tâm phục vụ hành chính công"}[tt.want]
			if tt.commune == "other" && tt.want == 2 {
				want = "Câu trả lời của Trung tâm phục vụ hành chính công" // no contact known for "other"
			}
			if r.Sources[0].Title != want {
				t.Errorf("cited as %q, want %q", r.Sources[0].Title, want)
			}
			if !strings.Contains(r.Answer, strings.SplitN([]string{"Xã Mẫu: mang tờ khai", "Sáng 7 giờ 30", "Xã khác: có", "Toàn tỉnh:"}[tt.want], "\n", 2)[0]) {
				t.Errorf("answer %q", r.Answer)
			}
		})
	}
	first := rec.recs[0] // of "làm giấy khai sinh cần gì" in demo
	if want := fmt.Sprintf("approved-%d", ids[0]); first.Mode != "approved" || !first.Grounded || len(first.Sources) != 1 || first.Sources[0] != want {
		t.Errorf("recorded %+v, want the approved answer %s as its source", first, want)
	}
}

func TestApprovedStreamsLikeExtractive(t *testing.T) {
	b, _, _ := approvedBot(t, []records.ApprovedAnswer{{Commune: "demo", Question: "Nộp hồ sơ ở quầy nào?", Answer: "Quầy số 3.\nMang theo bản chính."}})
	var kinds []string
	done, err := b.Answer(context.Background(), Question{Text: "nop ho so o quay nao", Commune: "demo", Session: "s1"}, func(e Event) error {
		kinds = append(kinds, e.Kind)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(kinds, ",")
	if got != "source,delta,delta,delta,delta,done" || done.Mode != "approved" || !done.Grounded {
		t.Errorf("events %s, done %+v", got, done)
	}
	// A follow-up after an approved answer is answered on its own.
	r := reply(t, b, Question{Text: "đăng ký kết hôn cần gì", Commune: "demo", Session: "s1"})
	if r.Mode != "extractive" || !strings.Contains(r.Answer, "kết hôn") {
		t.Errorf("after an approved answer: %s %s", r.Mode, r.Answer)
	}
}

func TestApprovedOff(t *testing.T) {
	b, _ := newBot(t, nil, nil)
	r := reply(t, b, Question{Text: "làm giấy khai sinh cần gì", Commune: "demo"})
	if r.Mode != "extractive" {
		t.Errorf("without approved answers: mode %s", r.Mode)
	}
}

// BenchmarkApprovedMatch matches a question that fits none of 300
// approved answers: the cost every retrieved answer pays.
func BenchmarkApprovedMatch(b *testing.B) {
	var answers []records.ApprovedAnswer
	for i := range 300 {
		answers = append(answers, records.ApprovedAnswer{Commune: []string{"demo", ""}[i%2],
			Question: fmt.Sprintf("Thủ tục số %d của thôn %d cần giấy tờ gì?", i, i%7), Answer: "…"})
	}
	bot, _, _ := approvedBot(b, answers)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, ok := bot.matchApproved(ctx, "Thẻ căn cước bị mất thì cấp lại mất bao lâu?", "demo"); ok {
			b.Fatal("matched")
		}
	}
}

func TestApprovedMatcher(t *testing.T) {
	m := NewApprovedMatcher()
	answers := []records.ApprovedAnswer{{ID: 1, Commune: "demo", Question: "Đèn đường hỏng thì báo ai?"}, {ID: 2, Question: "Giờ làm việc của trung tâm?"}}
	for _, tt := range []struct {
		q, commune string
		want       int64 // 0: none
	}{
		{"den duong hong bao ai", "demo", 1},
		{"den duong hong bao ai", "other", 0},
		{"gio lam viec trung tam", "other", 2},
		{"đèn giao thông hỏng", "demo", 0},
	} {
		a, ok := m.Match(tt.q, tt.commune, answers)
		if got := map[bool]int64{true: a.ID}[ok]; got != tt.want {
			t.Errorf("%s in %s: answer %d, want %d", tt.q, tt.commune, got, tt.want)
		}
	}
}

// Close paraphrases match an approved answer (the office named as "ủy ban
// xã" or "xã", filler and word order aside, with or without diacritics);
// a different question about the same office does not. Other wordings an
// administrator adds match as the question does.
func TestApprovedParaphrasesAndWordings(t *testing.T) {
	m := NewApprovedMatcher()
	answers := []records.ApprovedAnswer{
		{ID: 1, Commune: "demo", Question: "ủy ban xã làm việc mấy giờ"},
		{ID: 2, Commune: "demo", Question: "Đèn đường hỏng thì báo ai?", Wordings: []string{"cột điện bị đổ gọi ai", "đường tối không có đèn"}},
	}
	for _, tt := range []struct {
		q    string
		want int64 // 0: none
	}{
		{"xã làm việc giờ nào vậy", 1},
		{"xa lam viec gio nao vay", 1},
		{"UBND xã làm việc mấy giờ", 1},
		{"mấy giờ thì ủy ban nhân dân xã làm việc ạ", 1},
		{"uy ban xa lam viec may gio", 1},
		{"xã nghỉ làm việc ngày nào", 0},
		{"ủy ban xã ở đâu", 0},
		{"xã làm việc thứ bảy không", 0},
		{"chứng thực bản sao ở ủy ban xã mấy giờ", 0},
		{"số điện thoại ủy ban xã", 0},
		{"cột điện bị đổ thì gọi ai", 2},
		{"cot dien bi do goi ai", 2},
		{"đường tối không có đèn", 2},
		{"den duong hong bao ai", 2},
		{"đèn giao thông hỏng", 0},
		{"cột điện ở đâu", 0},
	} {
		a, ok := m.Match(tt.q, "demo", answers)
		if got := map[bool]int64{true: a.ID}[ok]; got != tt.want {
			t.Errorf("%q: answer %d, want %d", tt.q, got, tt.want)
		}
	}
}

// The bot gives an approved answer to a paraphrase and to an extra
// wording saved in the store, and not to another question on the office.
func TestApprovedParaphraseAnsweredByBot(t *testing.T) {
	b, _, ids := approvedBot(t, []records.ApprovedAnswer{
		{Commune: "demo", Question: "ủy ban xã làm việc mấy giờ", Wordings: []string{"thứ bảy xã có mở cửa không"},
			Answer: "Xã Mẫu: sáng 7 giờ 30, chiều 13 giờ 30; sáng thứ Bảy có trực."},
	})
	for q, approved := range map[string]bool{
		"xã làm việc giờ nào vậy":    true,
		"thu bay xa co mo cua khong": true,
		"xã nghỉ làm việc ngày nào":  false,
		"đăng ký khai sinh cần gì":   false,
	} {
		r := reply(t, b, Question{Text: q, Commune: "demo"})
		if got := r.Mode == "approved" && len(r.Sources) == 1 && r.Sources[0].ID == fmt.Sprintf("approved-%d", ids[0]); got != approved {
			t.Errorf("%q: approved %v, want %v (mode %s)\n%s", q, got, approved, r.Mode, r.Answer)
		}
	}
}
