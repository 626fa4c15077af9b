package chatbot

import (
	"context"
	"testing"

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

// loadQuestions are the questions cmd/hoidap-load rotates through, as
// residents type them.
var loadQuestions = []string{
	"Đăng ký khai sinh cần giấy tờ gì?",
	"dang ky khai sinh cho con can gi",
	"Làm căn cước công dân cho con 14 tuổi ở đâu?",
	"cấp lại CCCD bị mất mất bao lâu",
	"Đăng ký kết hôn cần mang theo những gì?",
	"dang ky ket hon voi nguoi nuoc ngoai",
	"Thủ tục đăng ký thường trú khi chuyển về nhà mới",
	"đăng ký tạm trú online như thế nào",
	"Xin giấy xác nhận tình trạng hôn nhân",
	"Trích lục khai tử cho bố mất ở bệnh viện",
	"lệ phí chứng thực bản sao là bao nhiêu",
	"chứng thực chữ ký ở xã có được không",
	"Gia hạn thẻ bảo hiểm y tế hộ gia đình",
	"thẻ BHYT cho trẻ dưới 6 tuổi",
	"Cấp sổ đỏ lần đầu mất bao lâu?",
	"sang tên sổ đỏ khi mua đất",
	"Đăng ký hộ kinh doanh cá thể cần gì",
	"tro cap nguoi cao tuoi 80 tuoi",
	"Hồ sơ hưởng trợ cấp xã hội cho người khuyết tật",
	"Thay đổi, cải chính hộ tịch sai tên",
	"nhận cha mẹ con thủ tục",
	"Đăng ký giám hộ cho cháu mồ côi",
	"cấp bản sao giấy khai sinh bị mất",
	"làm lại giấy khai sinh bản chính",
	"đăng ký khai sinh quá hạn có bị phạt không",
	"Tách thửa đất nông nghiệp",
	"chuyển mục đích sử dụng đất",
	"Xác nhận cư trú để đi học",
	"VNeID mức 2 đăng ký ở đâu",
	"nộp hồ sơ trực tuyến trên cổng dịch vụ công",
	"Thời gian giải quyết đăng ký thường trú",
	"mẫu tờ khai đăng ký khai sinh",
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
		q := Question{Text: loadQuestions[i%len(loadQuestions)], Commune: "demo"}
		if _, err := bot.Answer(ctx, q, emit); err != nil {
			b.Fatal(err)
		}
	}
}
