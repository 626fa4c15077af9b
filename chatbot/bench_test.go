package chatbot

import (
	"context"
	"testing"
)

// BenchmarkExtractiveAnswer answers from the starter corpus end to end:
// masking, retrieval, grounding, composition and the record.
func BenchmarkExtractiveAnswer(b *testing.B) {
	bot, _ := newBot(b, nil, nil)
	qs := []string{"dang ky ket hon can gi", "Thẻ căn cước bị mất thì cấp lại mất bao lâu?", "lệ phí đăng ký khai sinh", "giá vàng hôm nay"}
	ctx := context.Background()
	emit := func(Event) error { return nil }
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := bot.Answer(ctx, Question{Text: qs[i%len(qs)], Commune: "demo"}, emit); err != nil {
			b.Fatal(err)
		}
	}
}
