package chatbot

import (
	"strings"
	"testing"

	"github.com/hoidap/hoidap/knowledge"
)

// A question about one case gets what follows from that case, not a
// quote cut after the case's own words. The sentences are the official
// record's (1.004873, 1.004194).
func TestRecordDetailQuotesWhatTheCaseRequires(t *testing.T) {
	p := &knowledge.Procedure{Title: "Cấp Giấy xác nhận tình trạng hôn nhân", Papers: []knowledge.Paper{
		{Name: "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", Count: "1 bản chính"},
		{Name: "Trường hợp người yêu cầu xác nhận tình trạng hôn nhân đã có vợ/đã có chồng nhưng đã ly hôn tại Tòa án nhân dân có thẩm quyền hoặc vợ/chồng đã chết và đã đăng ký khai tử tại cơ quan đăng ký hộ tịch có thẩm quyền thì người yêu cầu có trách nhiệm cung cấp thông tin về giấy tờ (cơ quan cấp/đăng ký, số, ngày tháng năm ban hành Bản án/Quyết định ly hôn/Giấy chứng tử/Trích lục khai tử)", Count: "0 bản chính"},
	}}
	got := recordDetail("Tôi đã ly hôn năm 2019 theo quyết định của tòa án huyện. Khi xin giấy xác nhận tình trạng hôn nhân thì tôi phải cung cấp thêm gì về việc ly hôn?", p.Title, p)
	if !strings.Contains(got, "Bản án/Quyết định ly hôn") || !strings.Contains(got, "ly hôn tại Tòa án") {
		t.Errorf("detail %q: want the divorce case and the papers it requires", got)
	}
	if n := len([]rune(got)); n > maxCaseDetail+2 {
		t.Errorf("detail of %d characters, over %d", n, maxCaseDetail)
	}

	p = &knowledge.Procedure{Title: "Đăng ký tạm trú", Papers: []knowledge.Paper{
		{Name: "Tờ khai thay đổi thông tin cư trú", Count: "1 bản chính"},
		{Name: "Trường hợp giấy tờ, tài liệu chứng minh chỗ ở hợp pháp để đăng ký tạm trú là văn bản cho thuê, cho mượn, cho ở nhờ nhà ở, nhà khác của cá nhân, tổ chức thì văn bản đó không bắt buộc phải công chứng hoặc chứng thực", Count: "1 bản chính"},
	}}
	got = recordDetail("Tôi có dãy trọ cho sinh viên thuê, hợp đồng thuê phòng có bắt buộc phải công chứng không?", p.Title, p)
	if !strings.Contains(got, "không bắt buộc phải công chứng") {
		t.Errorf("detail %q: want the ruling on notarising the lease", got)
	}
}

// The form everyone fills in is named, not its variant for someone acting
// on another's behalf, and a letter of authority is a special case
// (record 3.000333).
func TestPapersNameTheFormEveryoneFillsIn(t *testing.T) {
	p := &knowledge.Procedure{Title: "Cấp Phiếu Lý lịch tư pháp", Papers: []knowledge.Paper{
		{Name: "Tờ khai yêu cầu cấp Phiếu Lý lịch tư pháp (Dùng cho cá nhân trong trường hợp ủy quyền yêu cầu cấp Phiếu Lý lịch tư pháp số 1), Mẫu số 02/2025/LLTP;", Count: "1 bản chính"},
		{Name: "Bản sao Thẻ Căn cước hoặc thẻ Căn cước công dân hoặc Hộ chiếu của người được cấp Phiếu (Xuất trình bản chính để đối chiếu).", Count: "1 bản chính"},
		{Name: "Tờ khai yêu cầu cấp Phiếu Lý lịch tư pháp (Dùng cho cá nhân có yêu cầu cấp Phiếu Lý lịch tư pháp), Mẫu số 01/2025/LLTP;", Count: "1 bản chính"},
		{Name: "Văn bản ủy quyền yêu cầu cấp Phiếu Lý lịch tư pháp số 1 (người được ủy quyền phải xuất trình Thẻ Căn cước).", Count: "1 bản chính"},
	}}
	var b strings.Builder
	papersLine(&b, p, "xin lý lịch tư pháp cần mang giấy tờ gì", view{}, 3, maxPaperList)
	got := b.String()
	if !strings.HasPrefix(got, "Giấy tờ: Tờ khai yêu cầu cấp Phiếu Lý lịch tư pháp;") {
		t.Errorf("papers %q: want the form first", got)
	}
	if strings.Contains(got, "Văn bản ủy quyền") || !strings.Contains(got, "+1 cho trường hợp riêng") {
		t.Errorf("papers %q: the letter of authority is for a special case", got)
	}
	papers, _, _ := papersOf(p, "")
	for _, x := range papers {
		if x.name == "Tờ khai yêu cầu cấp Phiếu Lý lịch tư pháp" && (x.special || !strings.Contains(x.full, "01/2025")) {
			t.Errorf("form %+v: want the general form 01/2025, not the proxy's", x)
		}
	}
}

// A line cut for room does not end inside a bracket it opened.
func TestClipOutsideBrackets(t *testing.T) {
	got := clipOutside("Lệ phí: theo mức Hội đồng nhân dân tỉnh quyết định (bản ghi không ghi mức cụ thể; hãy hỏi cán bộ tiếp nhận)", 60)
	if strings.Contains(got, "(") || !strings.HasPrefix(got, "Lệ phí: theo mức Hội đồng nhân dân tỉnh quyết định") {
		t.Errorf("clipOutside = %q", got)
	}
}
