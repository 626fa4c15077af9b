package web

// texts holds every string of the residents' pages, Vietnamese first.
// Keys used by app.js are listed in jsKeys.
var texts = map[string]map[string]string{
	"vi": {
		"title":          "Hỏi đáp thủ tục hành chính",
		"tagline":        "Hỏi về thủ tục hành chính — 24/7, bằng chữ hoặc giọng nói.",
		"office":         "Trung tâm phục vụ hành chính công",
		"address":        "Địa chỉ",
		"hours":          "Giờ làm việc",
		"hotline":        "Đường dây nóng",
		"map":            "Xem bản đồ đường đến",
		"former":         "Gồm các xã, phường cũ",
		"no_office":      "Thông tin văn phòng chưa được cập nhật. Cán bộ xã sẽ bổ sung địa chỉ, giờ làm việc và số điện thoại sớm; trong lúc chờ, bạn vẫn có thể hỏi về thủ tục ở đây.",
		"sample":         "Dữ liệu mẫu: xã này dùng để thử, thông tin văn phòng không có thật.",
		"suggest":        "Câu hỏi thường gặp",
		"placeholder":    "Nhập câu hỏi, ví dụ: làm giấy khai sinh cần gì?",
		"label_q":        "Câu hỏi của bạn",
		"send":           "Gửi",
		"mic":            "Nói",
		"mic_stop":       "Dừng",
		"listening":      "Đang nghe… hãy nói câu hỏi, rồi sửa lại nếu cần trước khi gửi.",
		"transcribing":   "Đang chuyển giọng nói thành chữ…",
		"check_text":     "Hãy kiểm tra và sửa câu hỏi trước khi gửi.",
		"mic_error":      "Không nghe được. Bạn hãy thử lại hoặc gõ câu hỏi.",
		"read":           "Đọc to",
		"stop_read":      "Dừng đọc",
		"helpful":        "Hữu ích",
		"not_helpful":    "Chưa hữu ích",
		"thanks":         "Cảm ơn bạn đã góp ý!",
		"big":            "Chữ to",
		"clear":          "Xoá cuộc trò chuyện",
		"thinking":       "Đang tìm câu trả lời…",
		"error":          "Chưa trả lời được lúc này. Bạn hãy thử lại sau ít phút.",
		"you":            "Bạn hỏi",
		"answer":         "Trả lời",
		"sources":        "Nguồn",
		"papers":         "Giấy tờ cần mang",
		"fee":            "Lệ phí",
		"time":           "Thời gian",
		"where":          "Nơi nộp",
		"online":         "Nộp trực tuyến",
		"source_link":    "Xem văn bản gốc",
		"other_lang":     "English",
		"find_other":     "Tìm xã, phường khác",
		"disclaimer":     "Câu trả lời lấy từ văn bản thủ tục đã được cán bộ đăng tải. Hãy mang theo giấy tờ gốc và hỏi lại bộ phận một cửa khi cần.",
		"answers_vi":     "",
		"not_found":      "Không tìm thấy xã, phường này.",
		"not_found_hint": "Đường dẫn có thể đã sai hoặc xã đã đổi tên sau sáp nhập. Hãy tìm theo tên mới hoặc tên cũ.",
		"home":           "Tìm xã, phường của bạn",
		"find_title":     "Tìm xã, phường của bạn",
		"find_help":      "Gõ tên xã, phường mới hoặc cũ (trước 1/7/2025), có dấu hay không dấu đều được.",
		"find_label":     "Tên xã, phường",
		"find_ph":        "Ví dụ: Thanh Phu Long, Long An",
		"find":           "Tìm",
		"no_results":     "Không thấy xã, phường nào có tên này. Hãy thử viết khác đi hoặc thêm tên tỉnh.",
		"formerly":       "Trước đây",
		"demo_link":      "Dùng thử với xã mẫu",
		"poster_cta":     "Quét mã để hỏi về thủ tục hành chính — 24/7, bằng chữ hoặc giọng nói",
		"poster_or":      "Hoặc mở",
		"poster_id":      "Mã áp phích",
		"print":          "In áp phích",
		"too_long":       "Câu hỏi quá dài, tối đa 500 ký tự.",
		"empty":          "Bạn hãy nhập câu hỏi.",
		"too_many":       "Bạn hỏi nhanh quá, vui lòng đợi %d giây rồi hỏi tiếp.",
	},
	"en": {
		"title":          "Questions on administrative procedures",
		"tagline":        "Ask about administrative procedures — 24/7, by text or voice.",
		"office":         "Public Administration Service Centre",
		"address":        "Address",
		"hours":          "Opening hours",
		"hotline":        "Hotline",
		"map":            "Map and directions",
		"former":         "Made of the former communes and wards",
		"no_office":      "The office details have not been filled in yet. Commune staff will add the address, opening hours and phone number soon; meanwhile you can still ask about procedures here.",
		"sample":         "Sample data: this commune is for trying the service; its office details are not real.",
		"suggest":        "Common questions",
		"placeholder":    "Type a question, e.g. what do I need for a birth certificate?",
		"label_q":        "Your question",
		"send":           "Send",
		"mic":            "Speak",
		"mic_stop":       "Stop",
		"listening":      "Listening… say your question, then correct it if needed before sending.",
		"transcribing":   "Turning your voice into text…",
		"check_text":     "Please check and correct the question before sending.",
		"mic_error":      "Could not hear you. Please try again or type the question.",
		"read":           "Read aloud",
		"stop_read":      "Stop reading",
		"helpful":        "Helpful",
		"not_helpful":    "Not helpful",
		"thanks":         "Thank you for your feedback!",
		"big":            "Large text",
		"clear":          "Clear conversation",
		"thinking":       "Looking for the answer…",
		"error":          "No answer right now. Please try again in a few minutes.",
		"you":            "You asked",
		"answer":         "Answer",
		"sources":        "Sources",
		"papers":         "Papers to bring",
		"fee":            "Fee",
		"time":           "Processing time",
		"where":          "Where to submit",
		"online":         "Submit online",
		"source_link":    "Original text",
		"other_lang":     "Tiếng Việt",
		"find_other":     "Find another commune or ward",
		"disclaimer":     "Answers come from the procedure documents published by commune staff. Bring your original papers and check with the one-stop desk when in doubt.",
		"answers_vi":     "Answers are in Vietnamese, from Vietnamese documents.",
		"not_found":      "This commune or ward was not found.",
		"not_found_hint": "The link may be wrong, or the commune was renamed in the 2025 merger. Search by its new or former name.",
		"home":           "Find your commune or ward",
		"find_title":     "Find your commune or ward",
		"find_help":      "Type the name of a commune or ward, new or former (before 1 July 2025), with or without diacritics.",
		"find_label":     "Commune or ward name",
		"find_ph":        "E.g. Thanh Phu Long, Long An",
		"find":           "Search",
		"no_results":     "No commune or ward by that name. Try another spelling or add the province.",
		"formerly":       "Formerly",
		"demo_link":      "Try the sample commune",
		"poster_cta":     "Scan to ask about administrative procedures — 24/7, by text or voice",
		"poster_or":      "Or open",
		"poster_id":      "Poster id",
		"print":          "Print the poster",
		"too_long":       "The question is too long: 500 characters at most.",
		"empty":          "Please type a question.",
		"too_many":       "Too many questions: please wait %d seconds, then ask again.",
	},
}

// jsKeys are the strings app.js needs, handed to it in the page.
var jsKeys = []string{"send", "mic", "mic_stop", "listening", "transcribing", "check_text", "mic_error", "read",
	"stop_read", "helpful", "not_helpful", "thanks", "thinking", "error", "you", "papers", "fee", "time",
	"where", "online", "source_link", "too_long", "empty", "sources", "too_many"}

// suggestions are the common questions offered on the chat page: the
// label in the page's language, the question sent in Vietnamese.
var suggestions = []struct{ vi, en string }{
	{"Đăng ký khai sinh cần giấy tờ gì?", "Birth registration"},
	{"Đăng ký kết hôn cần những gì?", "Marriage registration"},
	{"Đăng ký thường trú cần hồ sơ gì?", "Permanent residence"},
	{"Làm thẻ căn cước ở đâu?", "Identity card"},
	{"Cấp sổ đỏ lần đầu cần hồ sơ gì?", "Land certificate (sổ đỏ)"},
	{"Chứng thực bản sao lệ phí bao nhiêu?", "Certified copies"},
	{"Đăng ký hộ kinh doanh cần giấy tờ gì?", "Household business"},
	{"Xã cũ của tôi giờ là xã nào?", "My former commune is now…?"},
}

// pageLang returns "en" when asked for, else "vi".
func pageLang(v string) string {
	if v == "en" {
		return "en"
	}
	return "vi"
}

// jsTexts returns the strings app.js needs in lang.
func jsTexts(lang string) map[string]string {
	out := make(map[string]string, len(jsKeys))
	for _, k := range jsKeys {
		out[k] = texts[lang][k]
	}
	return out
}
