package chatbot

import (
	"strings"
	"testing"

	"github.com/hoidap/hoidap/internal/llmtest"
	"github.com/hoidap/hoidap/internal/places"
)

func TestFormerCommunes(t *testing.T) {
	dir, err := places.Load()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := newBot(t, nil, nil)
	b.cfg.Places = dir
	tests := []struct {
		q    string
		want []string
	}{
		{"tôi ở xã Thanh Phú Long cũ, giờ nộp hồ sơ ở đâu?", []string{"Xã Thuận Mỹ", "Tây Ninh", "/x/thuan-my-tay-ninh", "Huyện Châu Thành"}},
		{"xã Sơn Bình cũ giờ thuộc xã nào?", []string{"Bạn ở đơn vị nào", "Tỉnh Khánh Hoà", "Tỉnh Lai Châu"}},
		{"phường Cống Vị, quận Ba Đình cũ giờ thuộc phường nào?", []string{"chia về", "Phường Giảng Võ"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			r := reply(t, b, Question{Text: tt.q})
			if !r.Grounded || r.Mode != "extractive" || len(r.Sources) != 1 {
				t.Errorf("grounded %v mode %s sources %d", r.Grounded, r.Mode, len(r.Sources))
			}
			for _, w := range tt.want {
				if !strings.Contains(r.Answer, w) {
					t.Errorf("answer lacks %q:\n%s", w, r.Answer)
				}
			}
		})
	}
}

// A question that names a former unit by chance, or only to say where
// the resident lives, is not answered with the directory: "đổi tên cho
// con" is no renamed place, "dong le fi" no town Đồng Lê, and a long
// question about a border marriage no question about Xã Biên Giới.
func TestPlacesNamedInPassing(t *testing.T) {
	dir, err := places.Load()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := newBot(t, nil, nil)
	b.cfg.Places = dir
	for _, q := range []string{
		"nha em thuoc ho ngheo, muon doi ten cho con gai 5 tuoi thi co phai dong le fi ko a",
		"em o xa bien gioi, mun cuoi co gai ng Lao cung o vung bien gioi ben kia thi can giay to gj cua co ay",
		// Said former, beside the papers of a birth, which are the same in
		// any commune.
		"Dạ cho em hỏi, vợ em mới sinh bé trai ở bệnh viện tỉnh, nhà em ở xã mới sáp nhập (trước là xã Tân Phú thuộc huyện cũ). Giờ đi làm giấy khai sinh cho bé thì cần mang những giấy tờ gì ạ?",
	} {
		r := reply(t, b, Question{Text: q})
		for _, s := range r.Sources {
			if s.ID == placesID {
				t.Errorf("%q: answered from the places directory:\n%s", q, r.Answer)
			}
		}
	}
}

// With an LLM, the directory's facts are its only source, and a failing
// LLM leaves the resident with the same facts.
func TestFormerCommunesWithLLM(t *testing.T) {
	dir, err := places.Load()
	if err != nil {
		t.Fatal(err)
	}
	llm := llmtest.New(t, "Xã Thanh Phú Long cũ nay thuộc Xã Thuận Mỹ, tỉnh Tây Ninh [1].")
	b, _ := newBot(t, llm, nil)
	b.cfg.Places = dir
	q := Question{Text: "tôi ở xã Thanh Phú Long cũ, giờ nộp hồ sơ ở đâu?"}
	r := reply(t, b, q)
	if r.Mode != "llm" || !r.Grounded || !strings.Contains(r.Answer, "Thuận Mỹ") {
		t.Errorf("mode %s grounded %v answer %q", r.Mode, r.Grounded, r.Answer)
	}
	reqs := llm.Requests()
	if len(reqs) != 1 {
		t.Fatalf("%d LLM requests, want 1", len(reqs))
	}
	_, user := userPrompt(t, reqs[0])
	for _, w := range []string{"<<<NGUỒN 1 ", "Xã Thuận Mỹ", "Tây Ninh", "/x/thuan-my-tay-ninh"} {
		if !strings.Contains(user, w) {
			t.Errorf("prompt lacks %q", w)
		}
	}
	llm.Set("500")
	r = reply(t, b, q)
	if r.Mode != "extractive" || !strings.Contains(r.Answer, "/x/thuan-my-tay-ninh") {
		t.Errorf("with the LLM down: mode %s answer %q", r.Mode, r.Answer)
	}
}
