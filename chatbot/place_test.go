package chatbot

import (
	"strings"
	"testing"

	"github.com/hoidap/hoidap/knowledge/places"
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
		{"xã Sơn Bình cũ giờ thuộc xã nào?", []string{"Bạn ở đơn vị nào", "Tỉnh Khánh Hòa", "Tỉnh Lai Châu"}},
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
