// Package residentq holds the questions the load generator (cmd/hoidap-load)
// and the answer benchmarks rotate through: what residents ask, as they
// type it, with and without diacritics, abbreviations, short and long.
package residentq

// Questions are asked in turn by the load generator and the benchmarks.
var Questions = []string{
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
