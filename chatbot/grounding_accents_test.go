package chatbot

import (
	"context"
	"testing"

	"github.com/hoidap/hoidap/internal/testcorpus"

	"github.com/hoidap/hoidap/knowledge"
)

// Everyday questions whose words fold onto procedure words ("thế nào" onto
// thẻ, "đặt" onto đất, "xa" onto xã, "tình" onto tỉnh) are not about
// procedures when typed with diacritics; the same procedure words typed
// with or without them still are.
func TestGroundedReadsDiacritics(t *testing.T) {
	kb := starterBase(t)
	for _, tc := range []struct {
		q    string
		want bool
	}{
		{"giá vàng hôm nay thế nào", false},
		{"đặt bàn nhà hàng thế nào", false},
		{"con tôi bị sốt thì làm thế nào", false},
		{"tính tiền điện thế nào", false},
		{"đi xa thì mang gì", false},
		{"thời tiết ngày mai thế nào", false},
		{"mất thẻ bảo hiểm y tế thì làm thế nào", true},
		{"mat the bao hiem y te thi lam the nao", true},
		{"xin giay phep xay dụng nha o", true},
		{"Muốn tách khỏi hộ của bố mẹ để thành hộ riêng thì làm thế nào?", true},
		{"lam so do lan dau can giay to gi", true},
	} {
		t.Run(tc.q, func(t *testing.T) {
			hits, err := kb.Search(context.Background(), knowledge.Query{Text: tc.q, Commune: "demo", Limit: 3})
			if err != nil {
				t.Fatal(err)
			}
			if got := Grounded(tc.q, hits); got != tc.want {
				top := "(none)"
				if len(hits) > 0 {
					top = hits[0].Title
				}
				t.Errorf("Grounded = %v, want %v (top: %s)", got, tc.want, top)
			}
		})
	}
}

// A commune's own notice answers questions in words the procedure
// vocabulary does not know, when it holds them side by side.
func TestGroundedByNotice(t *testing.T) {
	ctx := context.Background()
	kb := testcorpus.Open(t, "")
	notice := knowledge.Document{ID: "notice-den", Kind: knowledge.KindArticle, Commune: "demo",
		Title: "Báo hỏng đèn đường và cống thoát nước",
		Body:  "Khi đèn đường trong thôn bị hỏng hoặc cống thoát nước bị tắc, bà con gọi tổ quản lý hạ tầng của xã: 0912 000 111, hoặc báo trưởng thôn."}
	if err := kb.Ingest(ctx, notice); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		q    string
		want bool
	}{
		{"Đèn đường thôn 3 bị hỏng thì báo ai?", true},
		{"den duong bi hong bao ai", true},
		{"tình yêu là gì", false},
	} {
		hits, err := kb.Search(ctx, knowledge.Query{Text: tc.q, Commune: "demo", Limit: 3})
		if err != nil {
			t.Fatal(err)
		}
		if got := Grounded(tc.q, hits); got != tc.want {
			t.Errorf("%q: Grounded = %v, want %v (hits %v)", tc.q, got, tc.want, hits)
		}
	}
}
