package chatbot

import (
	"context"
	"strings"
	"testing"

	"github.com/hoidap/hoidap/internal/testcorpus"
	"github.com/hoidap/hoidap/knowledge/portal"
)

// Questions about the commune office itself are answered from the
// commune's own details, cited as such, and never from a procedure.
func TestOfficeQuestionsUseCommuneDetails(t *testing.T) {
	b, _ := newBot(t, nil, nil)
	b.cfg.CommuneContact = func(slug string) (Contact, bool) {
		switch slug {
		case "phu-tuc":
			return Contact{Name: "Trung tâm phục vụ hành chính công xã Phú Túc", Province: "Tỉnh Đồng Nai",
				Address: "12 Quốc lộ 20, ấp 1", Hours: "Thứ Hai–Thứ Sáu 7h–11h30, 13h30–17h; sáng Thứ Bảy 7h30–11h",
				Hotline: "0251 3 123 456", MapURL: "https://maps.example/phu-tuc"}, true
		case "chua-co":
			return Contact{Name: "Trung tâm phục vụ hành chính công xã Chưa Có"}, true
		}
		return Contact{}, false
	}
	tests := []struct {
		q, commune string
		grounded   bool
		want, not  []string
	}{
		{"ủy ban xã làm việc mấy giờ", "phu-tuc", true, []string{"Thứ Hai–Thứ Sáu 7h–11h30", "Theo thông tin xã cập nhật"}, []string{"0251"}},
		{"xa lam viec gio nao vay", "phu-tuc", true, []string{"sáng Thứ Bảy 7h30–11h"}, nil},
		{"thứ bảy xã có làm việc không", "phu-tuc", true, []string{"sáng Thứ Bảy"}, nil},
		{"số điện thoại của xã là gì", "phu-tuc", true, []string{"0251 3 123 456"}, []string{"7h–11h30"}},
		{"trụ sở ủy ban xã ở đâu", "phu-tuc", true, []string{"12 Quốc lộ 20", "https://maps.example/phu-tuc"}, nil},
		{"ủy ban xã làm việc mấy giờ", "chua-co", false, []string{"chưa cập nhật", "dichvucong.gov.vn"}, []string{"Thứ Hai"}},
	}
	for _, tt := range tests {
		t.Run(tt.q+" "+tt.commune, func(t *testing.T) {
			r := reply(t, b, Question{Text: tt.q, Commune: tt.commune})
			if r.Grounded != tt.grounded {
				t.Errorf("grounded %v, want %v:\n%s", r.Grounded, tt.grounded, r.Answer)
			}
			for _, w := range tt.want {
				if !strings.Contains(r.Answer, w) {
					t.Errorf("answer lacks %q:\n%s", w, r.Answer)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(r.Answer, w) {
					t.Errorf("answer has %q, which was not asked:\n%s", w, r.Answer)
				}
			}
			if tt.grounded && (len(r.Sources) != 1 || r.Sources[0].ID != "office:"+tt.commune) {
				t.Errorf("sources %+v, want the commune's details", r.Sources)
			}
		})
	}
	// A procedure asked about at the commune is still the procedure.
	r := reply(t, b, Question{Text: "đăng ký khai sinh ở đâu", Commune: "phu-tuc"})
	if len(r.Sources) == 0 || r.Sources[0].Code != "1.001193" {
		t.Errorf("procedure question answered as an office question: %+v\n%s", r.Sources, r.Answer)
	}
}

// An English question on the English page is answered in English from
// the Vietnamese record; the page's own example question is found.
func TestEnglishQuestions(t *testing.T) {
	b, _ := newBot(t, nil, nil)
	r := reply(t, b, Question{Text: "what do I need for a birth certificate?", Commune: "demo", Lang: "en"})
	if !r.Grounded || len(r.Sources) == 0 || r.Sources[0].Code != "1.001193" {
		t.Fatalf("not answered from the birth registration record: %+v\n%s", r.Sources, r.Answer)
	}
	for _, w := range []string{"Papers:", "Where to submit:", "Giấy chứng sinh", "National Public Service Portal"} {
		if !strings.Contains(r.Answer, w) {
			t.Errorf("English answer lacks %q:\n%s", w, r.Answer)
		}
	}
	r = reply(t, b, Question{Text: "how much does it cost to register a marriage", Commune: "demo"})
	if !r.Grounded || !strings.Contains(r.Answer, "Fee: miễn lệ phí") {
		t.Errorf("English question on the Vietnamese page:\n%s", r.Answer)
	}
	r = reply(t, b, Question{Text: "what is the weather tomorrow", Commune: "demo", Lang: "en"})
	if r.Grounded || !strings.Contains(r.Answer, "Sorry, I found no administrative procedure") {
		t.Errorf("out of scope in English:\n%s", r.Answer)
	}
}

// A question joining two procedures gets both; one naming a linked
// procedure, or asking both at once when the records link them, gets
// the linked one.
func TestTwoProceduresInOneQuestion(t *testing.T) {
	b, _ := newBot(t, nil, nil)
	r := reply(t, b, Question{Text: "làm giấy khai sinh và nhập hộ khẩu cho con cần gì", Commune: "demo"})
	if len(r.Sources) != 2 || r.Sources[0].Code != "1.001193" || r.Sources[1].Code != "1.004222" ||
		!strings.Contains(r.Answer, "«Đăng ký khai sinh»") || !strings.Contains(r.Answer, "[2] «Đăng ký thường trú»") {
		t.Errorf("two procedures: %+v\n%s", r.Sources, r.Answer)
	}
	for _, q := range []string{
		"làm giấy khai sinh và thẻ bảo hiểm y tế cho bé cùng lúc cần gì",
		// Asked at once, though the question as a whole finds a part
		// first.
		"làm giấy khai sinh và nhập hộ khẩu cho con luôn một lần được không",
		// Long sides, asked at once: the link of the two named, not the
		// one that also registers residence.
		"Bé nhà tôi mới sinh, tôi muốn làm giấy khai sinh và thẻ bảo hiểm y tế cho bé luôn một lần ở xã thì tối đa mất bao lâu, có tốn tiền không?",
		// The second thing joined by "làm luôn", not "và".
		"Con em mới sinh, làm giấy khai sinh có làm luôn thẻ bảo hiểm y tế cho bé được không, tối đa bao lâu thì có thẻ?",
	} {
		r = reply(t, b, Question{Text: q, Commune: "demo"})
		if len(r.Sources) == 0 || !strings.HasPrefix(r.Sources[0].Title, "Liên thông") || strings.Contains(r.Answer, "[2] «") {
			t.Errorf("%q: linked procedure not answered alone: %+v\n%s", q, r.Sources, r.Answer)
		}

	}
}

// Of the linked procedures that name both things asked at once, the one
// that links the fewest others: birth registration with the child's
// health insurance card, not also with residence.
func TestFewestLinksAnswer(t *testing.T) {
	b := recordsBot(t, "1.001193", "2.000986", "2.001023", "1.001939")
	for _, q := range []string{
		"Bé nhà tôi mới sinh, tôi muốn làm giấy khai sinh và thẻ bảo hiểm y tế cho bé luôn một lần ở xã thì tối đa mất bao lâu, có tốn tiền không?",
		// The whole question finds the link with residence first.
		"Con em mới sinh, làm giấy khai sinh có làm luôn thẻ bảo hiểm y tế cho bé được không, tối đa bao lâu thì có thẻ?",
	} {
		r := reply(t, b, Question{Text: q, Commune: "demo"})
		if len(r.Sources) == 0 || r.Sources[0].Code != "2.001023" {
			t.Errorf("%s: sources %+v\n%s", q, r.Sources, r.Answer)
		}
	}
}

// Three things asked at once, a side of which alone finds another
// procedure (the card's side, its re-issue): the link the whole question
// found first answers alone.
func TestLinkFoundFirstAnswersThreeAskedAtOnce(t *testing.T) {
	b, _ := newBot(t, nil, nil)
	r := reply(t, b, Question{Text: "vo e moi sinh be, muon lam 1 lan ca khai sinh, nhap ho khau va the bhyt cho be dc ko? mat bao lau, co ton tien ko", Commune: "demo"})
	if len(r.Sources) == 0 || r.Sources[0].Code != "2.000986" || strings.Contains(r.Answer, "[2] «") {
		t.Errorf("sources %+v\n%s", r.Sources, r.Answer)
	}
}

// A link found first for a foreign father is not traded for its shorter
// domestic twin that names the same two things: "khai sinh đồng thời
// nhận cha" for a Korean father is the foreign variant's 10 days.
func TestForeignLinkKeptOverItsTwin(t *testing.T) {
	b := recordsBot(t, "1.001695", "1.000689", "2.000779")
	r := reply(t, b, Question{Text: "Con em có bố là người Hàn, chưa đăng ký kết hôn. Giờ em muốn làm khai sinh cho bé đồng thời nhận cha cho bé ở xã thì mất bao lâu?", Commune: "demo"})
	if len(r.Sources) == 0 || r.Sources[0].Code != "1.001695" || !strings.Contains(r.Answer, "10 ngày") {
		t.Errorf("sources %+v\n%s", r.Sources, r.Answer)
	}
}

// A side that only asks ("… mất bao lâu và lệ phí bao nhiêu") names no
// second procedure: the land registration fee ("Khai lệ phí trước bạ
// nhà, đất") was answered beside a lost card and a will.
func TestAskingSideIsNoSecondProcedure(t *testing.T) {
	b := recordsBot(t, "1.007277", "1.014064", "2.001019")
	for q, code := range map[string]string{
		"Tôi làm mất thẻ căn cước rồi, làm lại mất bao lâu và lệ phí bao nhiêu?":                              "1.014064",
		"Ông tôi muốn lập di chúc để lại nhà cho cháu, ra xã chứng thực thì cần mang gì và lệ phí bao nhiêu?": "2.001019",
	} {
		r := reply(t, b, Question{Text: q, Commune: "demo"})
		if len(r.Sources) != 1 || r.Sources[0].Code != code || strings.Contains(r.Answer, "[2]") {
			t.Errorf("%q: sources %+v\n%s", q, r.Sources, r.Answer)
		}
	}
}

// "với" that says with whom ("chung hộ khẩu với bố mẹ") joins no second
// procedure: splitting the household is answered alone, not after the
// permanent residence the story names.
func TestWithWhomIsNoSecondProcedure(t *testing.T) {
	b := recordsBot(t, "1.010038", "1.004222")
	for _, q := range []string{
		"vo chong toi dang chung ho khau voi bo me, gio muon tach ho rieng thi le phi bao nhieu, bao lau xong",
		"Vợ chồng tôi đang ở chung hộ khẩu với ông bà nội, muốn tách hộ ra riêng thì mất bao lâu?",
		"Vợ chồng tôi đang chung hộ khẩu với bố mẹ, muốn tách hộ riêng thì lệ phí bao nhiêu, bao lâu xong?",
	} {
		r := reply(t, b, Question{Text: q, Commune: "demo"})
		if len(r.Sources) != 1 || r.Sources[0].Code != "1.010038" || strings.Contains(r.Answer, "[2]") {
			t.Errorf("%q: sources %+v\n%s", q, r.Sources, r.Answer)
		}
	}
	// "với hộ khẩu" typed without marks is a second thing, not "họ".
	b = recordsBot(t, "1.001193", "1.004222")
	r := reply(t, b, Question{Text: "lam giay khai sinh voi ho khau cho con can gi", Commune: "demo"})
	if len(r.Sources) != 2 || !strings.Contains(r.Answer, "[2] «") {
		t.Errorf("birth with residence: sources %+v\n%s", r.Sources, r.Answer)
	}
}

// recordsBot is a bot on the test corpus and the official records of
// codes.
func recordsBot(t *testing.T, codes ...string) *Bot {
	t.Helper()
	kb := testcorpus.Open(t, "")
	docs, err := portal.EmbeddedDocuments(codes...)
	if err != nil {
		t.Fatal(err)
	}
	if err := kb.Ingest(context.Background(), docs...); err != nil {
		t.Fatal(err)
	}
	b, err := New(Config{Knowledge: kb, CommuneContact: demoContact})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A word typed as its sound-alike ("bản xao") is read as the title's word
// when the question so read finds far more than as typed, even though
// the typed reading found something: a certified copy, not the copy of a
// certified transaction.
func TestSoundAlikeReadingThatFindsFarMore(t *testing.T) {
	b := recordsBot(t, "2.000815", "2.000942", "2.000635", "2.000908", "1.011434", "1.011440")
	r := reply(t, b, Question{Text: "cho hoi chung thuc ban xao giay to o xa tinh tien the nao, 1 trang bao nhieu", Commune: "demo"})
	if len(r.Sources) == 0 || r.Sources[0].Code != "2.000815" {
		t.Errorf("sources %+v\n%s", r.Sources, r.Answer)
	}
}

// A bare final "g" typed with diacritics ("hợp đồg", "chứg thực") is
// "ng" with its "n" dropped: the fee of certifying the gift contract at
// the commune (2.001035), not the province's land registration.
func TestDroppedNOfNgIsMended(t *testing.T) {
	b := recordsBot(t, "2.001035", "1.013831", "1.013979")
	r := reply(t, b, Question{Text: "Bố mẹ tôi muốn làm hợp đồg tặng cho đất cho tôi, ra xã chứg thực hợp đồng thì phí bao nhiu?", Commune: "demo"})
	if len(r.Sources) == 0 || r.Sources[0].Code != "2.001035" || !strings.Contains(r.Answer, "50.000") {
		t.Errorf("sources %+v\n%s", r.Sources, r.Answer)
	}
}

// A pension paid short of what was paid in ("lương hưu bị tính thiếu,
// muốn đề nghị điều chỉnh lại") is answered by the adjustment of the
// benefit's decision (1.001710), grounded, not declined.
func TestPensionPaidShortIsAdjusted(t *testing.T) {
	b := recordsBot(t, "1.001710", "1.002179", "1.002759")
	r := reply(t, b, Question{Text: "luong huu cua toi bi tinh thieu so voi thoi gian dong, muon de nghi dieu chinh lai thi lam don mau gi, nop o dau", Commune: "demo"})
	if !r.Grounded || len(r.Sources) == 0 || r.Sources[0].Code != "1.001710" {
		t.Errorf("grounded %v, sources %+v\n%s", r.Grounded, r.Sources, r.Answer)
	}
}

// A pension drawn for a parent who cannot go ("tôi lĩnh thay") is the
// proxy's procedure (1.001601), answered, not one for a pension left by
// the dead (2.000717) nor declined.
func TestPensionDrawnByProxy(t *testing.T) {
	b := recordsBot(t, "1.001601", "2.000717", "1.001710")
	r := reply(t, b, Question{Text: "mẹ tôi hưởng lương hưu mà giờ già yếu ko đi lĩnh được, tôi lĩnh thay thì cần giấy gì", Commune: "demo"})
	if !r.Grounded || len(r.Sources) == 0 || r.Sources[0].Code != "1.001601" || !strings.Contains(r.Answer, "13-HSB") {
		t.Errorf("grounded %v, sources %+v\n%s", r.Grounded, r.Sources, r.Answer)
	}
}

// A work accident asked as "TNLĐ" in a worker's story names the benefit
// for a first accident: answered, not declined.
func TestWorkAccidentAnswered(t *testing.T) {
	b, _ := newBot(t, nil, nil)
	r := reply(t, b, Question{Text: "Anh trai em làm thợ hồ ở công trường bị ngã giàn giáo gãy chân, cty có đóng BH. Làm hồ sơ hưởng TNLĐ thì cần những giấy tờ gì?", Commune: "demo"})
	if len(r.Sources) == 0 || r.Sources[0].Code != "1.001632" {
		t.Errorf("sources %+v\n%s", r.Sources, r.Answer)
	}
}
