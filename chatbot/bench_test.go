package chatbot

import (
	"context"
	"testing"

	"github.com/hoidap/hoidap/internal/residentq"
	"github.com/hoidap/hoidap/internal/testcorpus"
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

// BenchmarkExtractiveAnswerReal answers the load generator's questions in
// rotation from the real records, as the service does under load: the
// knowledge base's generation does not change, so what is derived once
// per generation is kept.
func BenchmarkExtractiveAnswerReal(b *testing.B) {
	bot, err := New(Config{Knowledge: testcorpus.Open(b, "")})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	emit := func(Event) error { return nil }
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := Question{Text: residentq.Questions[i%len(residentq.Questions)], Commune: "demo"}
		if _, err := bot.Answer(ctx, q, emit); err != nil {
			b.Fatal(err)
		}
	}
}
