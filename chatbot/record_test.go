package chatbot

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/portal"
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

// A relative asking whether they may do it for someone is answered by
// the record's rule for relatives, or for a person authorised, not by
// the first paper that names an authority (the birth registration's and
// the household business's records, 1.001193 and 1.001612).
func TestRecordDetailAnswersWhoMayActForAnother(t *testing.T) {
	birth := &knowledge.Procedure{Title: "Thủ tục đăng ký khai sinh", Papers: []knowledge.Paper{
		{Name: "Tờ khai đăng ký khai sinh theo mẫu", Count: "1 bản chính"},
		{Name: "Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật trong trường hợp ủy quyền thực hiện việc đăng ký khai sinh. Trường hợp người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền thì văn bản ủy quyền không phải chứng thực", Count: "1 bản chính"},
		{Name: "Trường hợp người đi đăng ký khai sinh cho trẻ em là ông, bà, người thân thích khác thì không phải có văn bản ủy quyền của cha, mẹ trẻ em, nhưng phải thống nhất với cha, mẹ trẻ em về các nội dung khai sinh", Count: "0 bản chính"},
	}}
	got := recordDetail("Con dâu tôi mới sinh cháu, bố mẹ cháu đi làm xa chưa về được. Bà nội như tôi có đi làm giấy khai sinh cho cháu thay được không, cần mang giấy tờ gì?", birth.Title, birth)
	if !strings.Contains(got, "ông, bà, người thân thích khác thì không phải có văn bản ủy quyền") {
		t.Errorf("grandmother: detail %q, want the rule for grandparents registering a birth", got)
	}
	business := &knowledge.Procedure{Title: "Đăng ký thành lập hộ kinh doanh", Papers: []knowledge.Paper{
		{Name: "Giấy đề nghị đăng ký hộ kinh doanh", Count: "1 bản chính"},
		{Name: "(iv) Trường hợp ủy quyền cho đơn vị cung cấp dịch vụ bưu chính không phải là bưu chính công ích thực hiện thủ tục đăng ký hộ kinh doanh thì việc ủy quyền thực hiện theo quy định tại mục (ii)", Count: "0 bản chính,1 bản sao"},
		{Name: "(i) Trường hợp ủy quyền cho cá nhân thực hiện thủ tục đăng ký hộ kinh doanh, kèm theo hồ sơ đăng ký hộ kinh doanh phải có văn bản ủy quyền cho cá nhân thực hiện thủ tục liên quan đến đăng ký hộ kinh doanh. Văn bản ủy quyền này không bắt buộc phải công chứng, chứng thực", Count: "0 bản chính,1 bản sao"},
	}}
	got = recordDetail("Mẹ em muốn mở tiệm tạp hóa, em đi đăng ký hộ kinh doanh thay mẹ được không, lệ phí bao nhiêu, mấy ngày có giấy?", business.Title, business)
	if !strings.Contains(got, "ủy quyền cho cá nhân") {
		t.Errorf("a son for his mother: detail %q, want the rule for a person authorised", got)
	}
	// "Làm hộ khẩu" asks no one to act for another, nor does one who
	// takes another's place.
	if got := recordDetail("làm hộ khẩu cho con cần gì", birth.Title, birth); strings.Contains(got, "ủy quyền") {
		t.Errorf("a household book: detail %q, want no rule of authorising", got)
	}
	if got := recordDetail("Bố tôi mới mất, giờ tôi muốn đứng tên chủ hộ kinh doanh thay bố thì cần giấy tờ gì", business.Title, business); strings.Contains(got, "ủy quyền") {
		t.Errorf("a son taking over: detail %q, want no rule of authorising", got)
	}
	// A rule that no one may be authorised is the answer, before the rule
	// for relatives (the judicial record's, 3.000333).
	record := &knowledge.Procedure{Title: "Cấp Phiếu lý lịch tư pháp", Papers: []knowledge.Paper{
		{Name: "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", Count: "1 bản chính"},
		{Name: "Văn bản ủy quyền (Trường hợp người được ủy quyền là cha, mẹ, vợ, chồng, con của người ủy quyền thì không cần văn bản ủy quyền)", Count: "1 bản chính"},
		{Name: "Cá nhân yêu cầu cấp Phiếu Lý lịch tư pháp số 2 không được ủy quyền cho người khác làm thủ tục yêu cầu cấp Phiếu Lý lịch tư pháp trừ trường hợp cá nhân là người chưa thành niên có thể ủy quyền cho cha, mẹ yêu cầu cấp Phiếu Lý lịch tư pháp số 2", Count: "0 bản chính"},
	}}
	if got := recordDetail("Làm LLTP số 2 có ủy quyền cho người nhà đi làm hộ được không?", record.Title, record); !strings.Contains(got, "không được ủy quyền") {
		t.Errorf("judicial record no. 2: detail %q, want the rule that it is not done by proxy", got)
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
	if !strings.HasPrefix(got, "Giấy tờ: Tờ khai yêu cầu cấp Phiếu Lý lịch tư pháp (mẫu số 01/2025/LLTP);") {
		t.Errorf("papers %q: want the form first, with its code", got)
	}
	// The proxy's form and the letter of authority.
	if strings.Contains(got, "Văn bản ủy quyền") || strings.Contains(got, "02/2025") || !strings.Contains(got, "+2 cho trường hợp riêng") {
		t.Errorf("papers %q: the letter of authority is for a special case", got)
	}
	papers, _, _ := papersOf(p, "")
	forms := 0
	for _, x := range papers {
		if !strings.HasPrefix(x.name, "Tờ khai yêu cầu cấp Phiếu Lý lịch tư pháp") {
			continue
		}
		forms++
		if general := strings.Contains(x.full, "01/2025"); general == x.special {
			t.Errorf("form %+v: want the general form 01/2025 everyone's, the proxy's 02/2025 a special case", x)
		}
	}
	if forms != 2 {
		t.Errorf("papers %+v: want both forms", papers)
	}
}

// A "Giấy khai" with its form's code is the form the owner fills in,
// named first (record 1.013123: ĐKX11 last in the record's list).
func TestDeclarationIsTheForm(t *testing.T) {
	p := &knowledge.Procedure{Title: "Thu hồi giấy chứng nhận đăng ký, biển số xe", Papers: []knowledge.Paper{
		{Name: "Giấy tờ của chủ xe theo quy định", Count: "1 bản chính"},
		{Name: "02 bản chà số máy, số khung xe", Count: "1 bản chính"},
		{Name: "Biển số xe", Count: "1 bản chính"},
		{Name: "Chứng nhận đăng ký xe", Count: "1 bản chính"},
		{Name: "Giấy khai thu hồi chứng nhận đăng ký xe, biển số xe (Mẫu ĐKX11 ban hành kèm theo Thông tư 79/2024/TT-BCA ngày 15/11/2024 của Bộ trưởng Bộ Công an)", Count: "1 bản chính"},
	}}
	var b strings.Builder
	papersLine(&b, p, "xe máy hư hỏng muốn nộp lại biển số và đăng ký xe thì cần giấy gì", view{}, 3, maxPaperList)
	if got := b.String(); !strings.HasPrefix(got, "Giấy tờ: Giấy khai thu hồi chứng nhận đăng ký xe, biển số xe (mẫu ĐKX11);") {
		t.Errorf("papers %q: want the declaration ĐKX11 first", got)
	}
}

// A line cut for room does not end inside a bracket it opened.
func TestClipOutsideBrackets(t *testing.T) {
	got := clipOutside("Lệ phí: theo mức Hội đồng nhân dân tỉnh quyết định (bản ghi không ghi mức cụ thể; hãy hỏi cán bộ tiếp nhận)", 60)
	if strings.Contains(got, "(") || !strings.HasPrefix(got, "Lệ phí: theo mức Hội đồng nhân dân tỉnh quyết định") {
		t.Errorf("clipOutside = %q", got)
	}
	if got := clipOutside("Giấy tờ: Tờ khai; Mẫu hộ tịch thực hiện đăng ký thay đổi, bổ … (+4 cho trường hợp riêng: xem danh sách).", 70); strings.HasSuffix(got, "… …") {
		t.Errorf("clipOutside = %q: one ellipsis is enough", got)
	}
	// A time whose note is cut is no time: «1» of what? The line is left
	// for the source card (1.000894).
	if got := clipLines("Thời hạn: «1» (bản ghi thiếu đơn vị ngày/giờ; hỏi cán bộ để biết rõ).", 50); strings.Contains(got, "«1»") {
		t.Errorf("clipLines = %q, want the time left out", got)
	}
	// However long its label, it keeps the short note when that fits
	// (1.000656).
	long := "Thời hạn giải quyết: «1» (bản ghi thiếu đơn vị; các bước ghi: «tiếp nhận hồ sơ sau 15 giờ thì … trả kết quả … trong ngày làm việc tiếp theo»)"
	for n, want := range map[int]string{30: "…", 70: "Thời hạn giải quyết: «1» (bản ghi thiếu đơn vị; hỏi cán bộ)"} {
		if got := clipLines(long, n); got != want {
			t.Errorf("clipLines(…, %d) = %q, want %q", n, got, want)
		}
	}
}

// Papers of the record of temporary residence (1.004194) as a renter
// reads them: the general case, not the case of a military unit that
// shares the words "trở lên"; the form to hand in, not to show (a note
// above it says what need not be shown); no paper of another case.
func TestPapersOfTheGeneralCase(t *testing.T) {
	p := &knowledge.Procedure{Title: "Đăng ký tạm trú", Papers: []knowledge.Paper{
		{Name: "Hồ sơ đăng ký tạm trú gồm:"},
		{Name: "Ví dụ: Trường hợp giấy tờ, tài liệu chứng minh chỗ ở hợp pháp được khai thác trong Cơ sở dữ liệu quốc gia về đất đai thì không phải xuất trình giấy tờ, tài liệu chứng minh chỗ ở hợp pháp."},
		{Name: "Thông tin chứng minh về chỗ ở hợp pháp được khai thác trong căn cước điện tử", Count: "1 bản chính"},
		{Name: "Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA)", Count: "1 bản chính", Form: "CT01.doc"},
		{Name: "Đăng ký tạm trú theo danh sách, hồ sơ gồm:"},
		{Name: "Tờ khai thay đổi thông tin cư trú (của từng người) (Mẫu CT01)", Count: "1 bản chính", Form: "CT01.doc"},
		{Name: "Văn bản đề nghị đăng ký tạm trú, trong đó ghi rõ thông tin về chỗ ở hợp pháp kèm danh sách người tạm trú.", Count: "1 bản chính"},
		{Name: "Đăng ký tạm trú tại nơi đơn vị đóng quân trong Công an nhân dân, Quân đội nhân nhân (đơn vị đóng quân, nhà ở công vụ) hồ sơ gồm:"},
		{Name: "Đối với Quân đội nhân dân: Giấy giới thiệu đăng ký tạm trú của đơn vị cấp trung đoàn và tương đương trở lên.", Count: "1 bản chính"},
		{Name: "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", Count: "1 bản chính", Form: "CT01.doc"},
	}}
	var b strings.Builder
	papersLine(&b, p, "Em mới lên Hà Nội thuê trọ, đăng ký tạm trú cần giấy tờ gì, bao nhiêu ngày?", view{}, 3, maxPaperList)
	got := b.String()
	if !strings.HasPrefix(got, "Giấy tờ: Tờ khai thay đổi thông tin cư trú (mẫu CT01);") || strings.Contains(got, "xuất trình") {
		t.Errorf("papers %q: want the form to hand in first", got)
	}
	if strings.Contains(got, "trường hợp «") || strings.Contains(got, "Văn bản đề nghị") || strings.Count(got, "Tờ khai") != 1 {
		t.Errorf("papers %q: want the general case's papers only", got)
	}
	if !strings.Contains(got, "2 trường hợp khác") {
		t.Errorf("papers %q: want the other two cases counted", got)
	}
	b.Reset()
	papersLine(&b, p, "đăng ký tạm trú theo danh sách cho công nhân cần văn bản đề nghị gì", view{}, 3, maxPaperList)
	if got := b.String(); !strings.Contains(got, "theo danh sách") || !strings.Contains(got, "Văn bản đề nghị") {
		t.Errorf("papers %q: want the case of a list when the question names it", got)
	}
}

// The numbered notes on acting by proxy in the household-business record
// (1.001612) are special cases; the application form is the paper.
func TestNumberedProxyNotesAreSpecial(t *testing.T) {
	p := &knowledge.Procedure{Title: "Đăng ký thành lập hộ kinh doanh", Papers: []knowledge.Paper{
		{Name: "Trường hợp ủy quyền thực hiện thủ tục thì hồ sơ phải kèm theo một trong những giấy tờ sau:"},
		{Name: "(v) Người ủy quyền và người được ủy quyền thực hiện thủ tục đăng ký hộ kinh doanh chịu trách nhiệm trước pháp luật.", Count: "0 bản chính,1 bản sao"},
		{Name: "(ii) Trường hợp ủy quyền cho tổ chức thực hiện thủ tục đăng ký hộ kinh doanh, kèm theo hồ sơ phải có bản sao hợp đồng cung cấp dịch vụ.", Count: "0 bản chính,1 bản sao"},
		{Name: "(i) Trường hợp ủy quyền cho cá nhân thực hiện thủ tục đăng ký hộ kinh doanh, kèm theo hồ sơ phải có văn bản ủy quyền.", Count: "0 bản chính,1 bản sao"},
		{Name: "Giấy đề nghị đăng ký hộ kinh doanh", Count: "1 bản chính"},
	}}
	var b strings.Builder
	papersLine(&b, p, "dk ho kinh doanh ca the can nhung giay to gi", view{}, 3, maxPaperList)
	if got := b.String(); !strings.HasPrefix(got, "Giấy tờ: Giấy đề nghị đăng ký hộ kinh doanh (+3 cho trường hợp riêng") {
		t.Errorf("papers %q: want the application form, the proxy cases counted", got)
	}
}

// Words the question says only inside an exception ("trừ … bằng tốt
// nghiệp") are not quoted: cut from the rule they except, they read as
// the rule. The sentence is the official record's (2.000815).
func TestRecordDetailLeavesExceptionsUnquoted(t *testing.T) {
	p := &knowledge.Procedure{Title: "Chứng thực bản sao từ bản chính giấy tờ, văn bản",
		Conditions: "+ Bản chính do cơ quan, tổ chức có thẩm quyền của nước ngoài cấp, công chứng hoặc chứng nhận chưa được hợp pháp hóa lãnh sự theo quy định tại Khoản 1 Điều 20 Nghị định số 23/2015/NĐ-CP, trừ hộ chiếu, thẻ căn cước, thẻ thường trú, thẻ cư trú, giấy phép lái xe, bằng tốt nghiệp, chứng chỉ và bảng điểm kèm theo bằng tốt nghiệp, chứng chỉ."}
	if got := recordDetail("công chứng bản sao bằng tốt nghiệp và bảng điểm ở ủy ban phường bao nhiêu 1 trang", p.Title, p); got != "" {
		t.Errorf("detail %q: an exception quoted without its rule", got)
	}
	// Said before "trừ", the words are the rule's own.
	if got := recordDetail("bằng tốt nghiệp do trường nước ngoài cấp chưa hợp pháp hóa lãnh sự có chứng thực được không", p.Title, p); !strings.Contains(got, "hợp pháp hóa lãnh sự") {
		t.Errorf("detail %q: want the rule on foreign papers", got)
	}
}

func TestStepsUnit(t *testing.T) {
	for _, tt := range []struct {
		n     string
		steps []string
		want  string
	}{
		{"3", []string{"Trong thời hạn 03 ngày làm việc kể từ ngày tiếp nhận hồ sơ, cơ quan đăng ký hộ tịch cấp Giấy xác nhận."}, "ngày làm việc"},
		{"5", []string{"Trả kết quả sau 5 giờ làm việc."}, "giờ làm việc"},
		// Another number's unit says nothing of this one's.
		{"3", []string{"Trong 15 ngày làm việc kể từ ngày nhận hồ sơ."}, ""},
		{"3", []string{"Bước 3: nộp hồ sơ.", "Ngày 13 tháng 3."}, ""},
		// Two units for the same number: the record does not say which.
		{"3", []string{"Trong 03 ngày làm việc xác minh.", "Niêm yết trong 3 tháng."}, ""},
		{"2", []string{"Trong 2,5 ngày."}, ""},
		// A clause after the check of the file, in the same sentence
		// (1.004478, a fishing port).
		{"5", []string{"b) Ủy ban nhân dân cấp xã trả lời tính đầy đủ của hồ sơ trong 01 ngày làm việc; c) Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ, Ủy ban nhân dân cấp xã quyết định công bố mở cảng cá."}, "ngày làm việc"},
	} {
		if got := stepsUnit(tt.n, tt.steps); got != tt.want {
			t.Errorf("stepsUnit(%q, %q) = %q, want %q", tt.n, tt.steps, got, tt.want)
		}
	}
}

func TestShortPaperNamesThePaperNotWhoBringsIt(t *testing.T) {
	for in, want := range map[string]string{
		"Người nước ngoài, công dân Việt Nam định cư ở nước ngoài phải nộp bản sao hộ chiếu/giấy tờ có giá trị thay thế hộ chiếu.": "Hộ chiếu/giấy tờ có giá trị thay thế hộ chiếu",
		"Tờ khai đăng ký kết hôn theo mẫu": "Tờ khai đăng ký kết hôn theo mẫu",
		"Công dân Việt Nam đang phục vụ trong lực lượng vũ trang phải nộp văn bản của đơn vị xác nhận việc kết hôn":                                                                                                                                           "Văn bản của đơn vị xác nhận việc kết hôn",
		"Văn bản đề nghị nộp dần tiền thuế nợ của người nộp thuế theo mẫu số 01/NDAN ban hành kèm theo phụ lục I Thông tư số 80/2021/TT-BTC":                                                                                                                  "Văn bản đề nghị nộp dần tiền thuế nợ của người nộp thuế (mẫu số 01/NDAN)",
		"Dự án, phương án hỗ trợ phát triển sản xuất cộng đồng theo Mẫu số 03.":                                                                                                                                                                               "Dự án, phương án hỗ trợ phát triển sản xuất cộng đồng (mẫu số 03)",
		"Đơn đề nghị trợ cấp tiền tuất, tiền mai táng phí (Mẫu số PC22 kèm theo Nghị định số 105/2025/NĐ-CP ngày 15/5/2025 của Chính Phủ); giấy chứng tử hoặc trích lục khai tử.  Thông tin về thành phần hồ sơ khi đã được kết nối":                          "Đơn đề nghị trợ cấp tiền tuất, tiền mai táng phí (mẫu số PC22); giấy chứng tử hoặc trích lục khai tử",
		"Bản khai cá nhân đề nghị hưởng chế độ trợ cấp hàng tháng đối với thanh niên xung phong, theo mẫu BM.NCC.20.01 Hoặc Bản khai cá nhân đề nghị hưởng chế độ trợ cấp một lần":                                                                            "Bản khai cá nhân đề nghị hưởng chế độ trợ cấp hàng tháng (mẫu BM.NCC.20.01)",
		"Một trong các giấy tờ sau: Căn cước điện tử; bản chính hoặc bản sao của Thẻ căn cước công dân hoặc Thẻ căn cước hoặc Giấy chứng nhận căn cước hoặc Hộ chiếu hoặc giấy tờ xuất nhập cảnh hoặc giấy tờ có giá trị đi lại quốc tế còn giá trị sử dụng.": "Một trong: căn cước điện tử, thẻ căn cước công dân, thẻ căn cước, giấy chứng nhận căn cước",
		"Tờ khai thuế tạm tính đối với dầu khí Mẫu số 01/TK-DK ban hành kèm theo Phụ lục I Danh mục hồ sơ khai thuế Nghị định số 373/2025/NĐ-CP":                                                                                                              "Tờ khai thuế tạm tính đối với dầu khí (mẫu số 01/TK-DK)",
		"Mẫu số 04/HTK/GSQL – Đơn đề nghị huỷ tờ khai (phụ lục V ban hành kèm theo Thông tư số 38/2015/TT-BTC ngày 25/3/2015 của Bộ trưởng Bộ Tài chính)":                                                                                                     "Đơn đề nghị huỷ tờ khai (mẫu số 04/HTK/GSQL)",
		// A space after the code's dash (2.000762).
		"a) Bản chính Đơn đề nghị giải quyết trợ cấp hàng tháng (Mẫu số 01- QĐ613)": "Đơn đề nghị giải quyết trợ cấp hàng tháng (mẫu số 01-QĐ613)",
		// Every way the copy may be handed in, then the paper (2.000424).
		"Bản chính hoặc bản sao có chứng thực hoặc bản sao kèm theo bản chính để đối chiếu hoặc bản sao điện tử Giấy ra viện, hóa đơn thanh toán chi phí khám bệnh, chữa bệnh": "Giấy ra viện, hóa đơn thanh toán chi phí khám bệnh, chữa bệnh",
	} {
		if got := shortPaper(in); got != want {
			t.Errorf("shortPaper(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFormLabel(t *testing.T) {
	for in, want := range map[string]string{
		"Mẫu số 01 TKN-CNKD.docx": "Mẫu số 01 TKN-CNKD",
		"Mau 4.4 (1).docx":        "Mau 4.4",
		";Phụ lục IV.docx":        "Phụ lục IV",
		"MauBankekhai.docx":       "MauBankekhai",
		"phuluc TT05 BXD 31 7 2024 Mauso06 GIAYTOCHUNGMINH DIEUKIEN VAYVON UUDAI NHCSXH.docx": "Mẫu số 06",
		"6. TP-LS-06. De nghi thay doi DKHD TCHNLS.doc":                                       "",
		"": "",
	} {
		if got := formLabel(in); got != want {
			t.Errorf("formLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

// A heading that announces its papers names a case however it starts,
// and a question that names no case gets the general one, not the
// particular case the portal lists first. The rows are the official
// record's (1.010038).
func TestPapersOfTheGeneralCaseUnlessNamed(t *testing.T) {
	p := &knowledge.Procedure{Title: "Tách hộ", Papers: []knowledge.Paper{
		{Name: "Trường hợp thành viên hộ gia đình đăng ký tách hộ là vợ, chồng đã ly hôn mà vẫn được ở cùng chỗ ở hợp pháp, hồ sơ gồm:"},
		{Name: "Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA);1.", Count: "1 bản chính"},
		{Name: "Giấy tờ, tài liệu chứng minh việc ly hôn và việc tiếp tục được sử dụng chỗ ở hợp pháp đó.", Count: "1 bản chính"},
		{Name: "Tách hộ để đăng ký thường trú tại cùng một chỗ ở hợp pháp, hồ sơ gồm:"},
		{Name: "Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA), trong đó ghi rõ ý kiến đồng ý cho tách hộ của chủ hộ", Count: "1 bản chính"},
	}}
	_, heading, _ := papersOf(p, "tách hộ cần những giấy tờ gì")
	if !strings.HasPrefix(heading, "Tách hộ để đăng ký thường trú") {
		t.Errorf("case %q, want the general one", heading)
	}
	if _, heading, _ = papersOf(p, "hai vợ chồng đã ly hôn mà vẫn ở chung nhà, tách hộ cần gì"); !strings.HasPrefix(heading, "Trường hợp") {
		t.Errorf("case %q, want the divorced spouses'", heading)
	}
	// A particular case is named by its condition, not by who asks: a
	// married couple splitting from the parents is not the divorced
	// spouses' case.
	for _, q := range []string{
		"vợ chồng tôi muốn tách hộ khẩu riêng ra khỏi hộ bố mẹ nhưng vẫn ở chung nhà thì cần gì",
		"vo chong toi muon tach ho rieng ma van o cung nha bo me thi can giay to gi",
	} {
		if _, heading, _ := papersOf(p, q); strings.HasPrefix(heading, "Trường hợp") {
			t.Errorf("%q: case %q, want the general one", q, heading)
		}
	}
	// "bố mẹ" names no case of "Trang bổ sung".
	q := &knowledge.Procedure{Title: "Cấp lại Giấy chứng nhận do bị mất", Papers: []knowledge.Paper{
		{Name: "a) Đối với trường hợp cấp lại Giấy chứng nhận bị mất:"},
		{Name: "(1) Đơn đăng ký biến động đất đai, tài sản gắn liền với đất theo Mẫu số 18", Count: "1 bản chính"},
		{Name: "b) Đối với trường hợp mất Trang bổ sung:"},
		{Name: "(2) Bản gốc Giấy chứng nhận đã cấp.", Count: "1 bản chính"},
		{Name: "(1) Đơn đăng ký biến động đất đai, tài sản gắn liền với đất theo Mẫu số 18", Count: "1 bản chính"},
	}}
	if _, heading, _ = papersOf(q, "lũ cuốn mất sổ đỏ của bố mẹ, xin cấp lại cần giấy tờ gì"); strings.Contains(heading, "bổ sung") {
		t.Errorf("case %q, want the lost certificate's", heading)
	}
}

// "2. Đại lý thu" beside "1. Người tham gia" is another case: a resident
// joining voluntary insurance is not given the collecting agent's lists,
// and the time asked beside the papers is still answered.
func TestNumberedCasesBesideEachOther(t *testing.T) {
	p := &knowledge.Procedure{Title: "Đăng ký, đăng ký lại, điều chỉnh đóng BHXH tự nguyện; cấp sổ BHXH", Time: "5 ngày làm việc", Papers: []knowledge.Paper{
		{Name: "1. Người tham gia"},
		{Name: "Trường hợp người tham gia nộp qua Cổng Dịch vụ công: Tờ khai điện tử đăng ký tham gia BHXH tự nguyện trên Cổng Dịch vụ công (Mẫu 02-TK", Count: "1 bản chính"},
		{Name: "Trường hợp người tham gia đóng trực tiếp cho cơ quan BHXH hoặc Tổ chức dịch vụ: Tờ khai tham gia điều chỉnh thông tin BHXH, BHYT (Mẫu TK1-TS) đối với người tham gia lần đầu hoặc chưa được cấp mã số BHXH", Count: "1 bản chính"},
		{Name: "2. Đại lý thu"},
		{Name: "Danh sách người tham gia BHXH tự nguyện (Mẫu D05-TS)", Count: "1 bản chính"},
		{Name: "Giấy thanh toán thù lao cho tổ chức làm dịch vụ thu (Mẫu C66a-HD) tương ứng với số tiền nộp.", Count: "1 bản chính"},
	}}
	q := "muon dong bhxh tu nguyen thi phai khai to khai mau nao, bao lau thi co so"
	got := answerOn(p, q)
	if strings.Contains(got, "D05-TS") || strings.Contains(got, "C66a") {
		t.Errorf("answer gives the collecting agent's papers:\n%s", got)
	}
	if !strings.Contains(got, "TK1-TS") {
		t.Errorf("answer lacks the participant's form:\n%s", got)
	}
	if !strings.Contains(got, "5 ngày làm việc") {
		t.Errorf("answer lacks the time asked beside the papers:\n%s", got)
	}
}

// A long sentence that shares a few words with a long question is not
// quoted; one that rules on what a yes-or-no question asks is.
func TestLongSentencesQuotedOnlyWhenTheyAnswer(t *testing.T) {
	long := "Trường hợp thông tin công dân có sự thay đổi, điều chỉnh do sắp xếp đơn vị hành chính thì cán bộ thu nhận sử dụng thông tin về ảnh khuôn mặt, vân tay, mống mắt đã được thu nhận lần gần nhất và các thông tin hiện có trong Cơ sở dữ liệu quốc gia về dân cư, Cơ sở dữ liệu căn cước để cấp đổi thẻ căn cước cho công dân mà không phải thu nhận lại, trừ trường hợp công dân có yêu cầu."
	p := &knowledge.Procedure{Title: "Cấp đổi thẻ căn cước", Steps: []string{long}}
	if got := recordDetail("the can cuoc cua toi sap het han vi sap du 40 tuoi, di doi the moi thi het bao nhieu tien va nop o dau", p.Title, p); got != "" {
		t.Errorf("quoted %q for a fee and place question", got)
	}
	ruling := "Người yêu cầu đăng ký kết hôn (hai bên nam, nữ phải có mặt, xuất trình giấy tờ tuỳ thân để đối chiếu) kiểm tra thông tin trên Giấy chứng nhận kết hôn, trong Sổ đăng ký kết hôn, nếu thấy nội dung đúng, phù hợp với hồ sơ đăng ký kết hôn thì cùng ký, ghi rõ họ, chữ đệm, tên trong Sổ đăng ký kết hôn, ký vào Giấy chứng nhận kết hôn bản điện tử hoặc bản giấy theo yêu cầu."
	q := &knowledge.Procedure{Title: "Đăng ký kết hôn", Steps: []string{ruling}}
	if got := recordDetail("dăng ký kêt hôn thì chồng sắp cưới đi làm xa, mình em lên xã ký được ko hay phai có mặt cả hai", q.Title, q); !strings.Contains(got, "phải có mặt") {
		t.Errorf("quote %q lacks the rule on being present", got)
	}
}

// A fragment is not quoted as what the record says: the paper's bare name
// «Giấy chứng sinh» is no answer to what replaces it. The lines are the
// official record's (1.001193).
func TestFragmentsNotQuotedAlone(t *testing.T) {
	p := &knowledge.Procedure{Papers: []knowledge.Paper{
		{Name: "Giấy chứng sinh", Count: "1 bản chính"},
		{Name: "Trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh", Count: "1 bản chính"},
	}}
	got := recordDetail("vợ em sinh ở nhà nên không có giấy chứng sinh, đi làm giấy khai sinh cho cháu thì thay giấy chứng sinh bằng giấy gì", "Đăng ký khai sinh", p)
	if !strings.Contains(got, "người làm chứng") {
		t.Errorf("detail %q, want what replaces the birth certificate", got)
	}
}

// A foreigner's case is not a worker's who says nothing of being one: "nghỉ
// việc" is not the case of "công dân nước ngoài làm việc tại Việt Nam".
// The rows are the official record's (1.001613).
func TestForeignersCaseOnlyWhenSaid(t *testing.T) {
	p := &knowledge.Procedure{Title: "Giải quyết hưởng bảo hiểm xã hội một lần", Time: "5 ngày làm việc", Papers: []knowledge.Paper{
		{Name: "1. Trường hợp hưởng BHXH một lần"},
		{Name: "b) Đơn đề nghị (Mẫu số 14-HSB)", Count: "1 bản chính"},
		{Name: "a) Sổ BHXH", Count: "1 bản chính"},
		{Name: "2. Đối với người lao động là công dân nước ngoài làm việc tại Việt Nam hưởng BHXH một lần"},
		{Name: "Hồ sơ như nêu tại nội dung 1a, 1b, 1d, 1đ.", Count: "1 bản chính"},
	}}
	for q, want := range map[string]string{
		"nghi viec o cong ty hon 1 nam roi, muon rut bhxh 1 lan thi can nop giay gi":  "14-HSB",
		"tôi là người nước ngoài làm việc tại Việt Nam, rút BHXH một lần cần giấy gì": "1a, 1b",
	} {
		if got := answerOn(p, q); !strings.Contains(got, want) {
			t.Errorf("%q: answer lacks %q:\n%s", q, want, got)
		}
	}
}

// A channel's note that sets the time otherwise than its cell is said
// beside it: a first complaint is decided in 30 days, 45 when complex,
// against the 60 of the table. The cells are the official record's
// (1.004335).
func TestTimeNoteBesideTheCell(t *testing.T) {
	note := "Thời hạn giải quyết khiếu nại lần đầu không quá 30 ngày, kể từ ngày thụ lý để giải quyết; đối với vụ việc phức tạp thì thời hạn giải quyết có thể kéo dài hơn nhưng không quá 45 ngày, kể từ ngày thụ lý để giải quyết. Ở vùng sâu, vùng xa đi lại khó khăn, thì thời hạn giải quyết khiếu nại lần đầu không quá 45 ngày"
	p := &knowledge.Procedure{Methods: []knowledge.Method{
		{Channel: "Trực tiếp", Time: "60 ngày làm việc", Note: note},
		{Channel: "Dịch vụ bưu chính", Time: "60 ngày làm việc", Note: note},
	}}
	var b strings.Builder
	recordPart(&b, intentTime, p, "khiếu nại quyết định xử phạt thì bao lâu được giải quyết", 0, view{})
	got := b.String()
	for _, w := range []string{"60 ngày làm việc", "lần đầu không quá 30 ngày", "phức tạp", "không quá 45 ngày"} {
		if !strings.Contains(got, w) {
			t.Errorf("time %q lacks %q", got, w)
		}
	}
	if strings.Contains(got, "kể từ ngày thụ lý") {
		t.Errorf("time %q quotes what the days count from", got)
	}
	// A note that opens with the law it cites and says the cell's time
	// first, then a longer one for complex cases (record 1.004327).
	p.Methods[0].Note = "Theo quy định tại Điều 21 Luật tố cáo: thời hạn giải quyết tố cáo là 60 ngày, kể từ ngày thụ lý giải quyết tố cáo; đối với vụ việc phức tạp thì thời hạn giải quyết là 90 ngày, kể từ ngày thụ lý giải quyết tố cáo. Trường hợp cần thiết, …"
	b.Reset()
	recordPart(&b, intentTime, p, "tố cáo công an xã thì bao lâu được giải quyết", 0, view{})
	if got := b.String(); !strings.Contains(got, "phức tạp thì thời hạn giải quyết là 90 ngày") {
		t.Errorf("time %q: want the 90 days of a complex case", got)
	}
	p.Methods[0].Note, p.Methods[1].Note = "Thời hạn giải quyết: 60 ngày làm việc.", "Thời hạn giải quyết: 60 ngày làm việc."
	b.Reset()
	recordPart(&b, intentTime, p, "khiếu nại quyết định xử phạt thì bao lâu được giải quyết", 0, view{})
	if got := b.String(); got != "Thời hạn giải quyết: 60 ngày làm việc.\n" {
		t.Errorf("a note saying the cell again: %q", got)
	}
}

// "Có mất lệ phí không?" is answered by the fee: a sentence that rules
// on another yes or no ("… thì không phải nộp bản giấy") is not what the
// rest of the question asks. The lines are the official record's
// (1.001193).
func TestFeeYesNoLeavesTheDetailToTheRest(t *testing.T) {
	p := &knowledge.Procedure{Papers: []knowledge.Paper{
		{Name: "Trường hợp người yêu cầu đã nộp bản điện tử Giấy chứng sinh hoặc cơ quan đăng ký hộ tịch đã khai thác được dữ liệu điện tử có ký số của Giấy chứng sinh thì không phải nộp bản giấy."},
		{Name: "Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh.", Count: "1 bản chính"},
	}}
	q := "Vợ em sinh con ở nhà, không đi viện nên không có giấy chứng sinh. Giờ đi làm khai sinh cho cháu thì thay giấy chứng sinh bằng gì? Có mất lệ phí không?"
	if got := recordDetail(q, "Đăng ký khai sinh", p); !strings.Contains(got, "người làm chứng") {
		t.Errorf("detail %q, want what replaces the birth certificate", got)
	}
}

// A yes or no asked before "hay" is asked, whatever follows it.
func TestYesNoBeforeOrElse(t *testing.T) {
	if !asksYesNo("Đăng ký kết hôn thì cả hai đứa có phải cùng lên xã không hay một người đi cũng được? Có mất lệ phí không?") {
		t.Error("the yes or no before «hay» is not asked")
	}
	if asksYesNo("Đăng ký kết hôn cần giấy gì? Có mất lệ phí không?") {
		t.Error("a yes or no about the fee is asked of the detail")
	}
}

// Whether a card must be made where one lives is answered by the record's
// rule that any commune's police will do, whatever words the question
// shares with it (record 1.014063's step; the second question shares no
// word of its own with it).
func TestAnywhereAnsweredByTheRule(t *testing.T) {
	p := &knowledge.Procedure{Title: "Cấp đổi thẻ căn cước", Steps: []string{
		"- Bước 1: + Công dân đến Công an cấp xã hoặc bộ phận một cửa cấp xã trong cả nước không phụ thuộc vào nơi cư trú đề nghị cấp đổi thẻ căn cước.",
		"- Bước 2: Cán bộ thu nhận thông tin nhân thân, sinh trắc học của công dân để cấp đổi thẻ căn cước.",
	}}
	for _, q := range []string{
		"doi the can cuoc het han co phai ve que noi thuong tru lam ko hay lam o dau cung dc",
		"đang đi làm ở tỉnh khác, đổi căn cước ở công an xã nơi đang ở được không",
		// Where one lodges, "chỗ trọ".
		"e dang o tro xa que, lam lai the can cuoc o cong an xa cho tro dc ko",
	} {
		if got := recordDetail(q, p.Title, p); !strings.Contains(got, "không phụ thuộc vào nơi cư trú") {
			t.Errorf("%q: detail %q, want the rule that any commune will do", q, got)
		}
	}
	if got := recordDetail("đổi căn cước mất bao nhiêu tiền", p.Title, p); strings.Contains(got, "không phụ thuộc") {
		t.Errorf("a fee question quotes %q", got)
	}
}

// A refund and a wait for verification, asked in a resident's words, are
// answered by the record's rule in its own (records 1.001612, 1.013082).
func TestRulesAskedInOwnWords(t *testing.T) {
	p := &knowledge.Procedure{Title: "Đăng ký thành lập hộ kinh doanh", Steps: []string{
		"Bước 1: Người thành lập hộ kinh doanh nộp hồ sơ và lệ phí tại cơ quan đăng ký kinh doanh cấp xã.",
		"Lệ phí đăng ký hộ kinh doanh không được hoàn trả cho hộ kinh doanh trong trường hợp hộ kinh doanh không được cấp đăng ký hộ kinh doanh.",
	}}
	if got := recordDetail("dang ky HKD ma bi tu choi thi le phi co duoc tra lai ko?", p.Title, p); !strings.Contains(got, "không được hoàn trả") {
		t.Errorf("refund: detail %q, want the rule that the fee is not refunded", got)
	}
	p = &knowledge.Procedure{Title: "Cấp lại chứng nhận đăng ký xe, biển số xe", Steps: []string{
		"Bước 1: Chủ xe kê khai giấy khai đăng ký xe.",
		"Thời hạn giải quyết: Cấp lại chứng nhận đăng ký xe: Không quá 2 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ. Trường hợp mất chứng nhận đăng ký xe thì thời hạn xác minh khi giải quyết thủ tục cấp lại chứng nhận đăng ký xe là 30 ngày.",
	}}
	if got := recordDetail("Mình bị mất cà vẹt xe máy, đi làm lại thì bao lâu có? Có phải chờ xác minh gì không?", p.Title, p); !strings.Contains(got, "xác minh") || !strings.Contains(got, "30 ngày") {
		t.Errorf("verification: detail %q, want its 30 days", got)
	}
}

// A form whose bracket says which form it is ("(áp dụng đối với cá nhân
// có thu nhập từ chuyển nhượng bất động sản …)") is the form everyone
// fills in, named with its code; a paper the bracket keeps for some is
// still special (record 1.007674).
func TestFormBracketSaysWhichForm(t *testing.T) {
	p := &knowledge.Procedure{Title: "Khai thuế TNCN đối với cá nhân có thu nhập từ chuyển nhượng bất động sản", Papers: []knowledge.Paper{
		{Name: "Bản sao hộ chiếu đối với trường hợp cá nhân không có quốc tịch Việt Nam", Count: "1 bản sao"},
		{Name: "Tờ khai thuế thu nhập cá nhân (áp dụng đối với cá nhân có thu nhập từ chuyển nhượng bất động sản; thu nhập từ nhận thừa kế, quà tặng là bất động sản) mẫu số 03/BĐS-TNCN ban hành kèm theo Thông tư số 80/2021/TT-BTC", Count: "1 bản chính"},
		{Name: "Bản sao Hợp đồng chuyển nhượng bất động sản.", Count: "1 bản sao"},
		{Name: "Giấy xác nhận (dành cho người được miễn thuế)", Count: "1 bản sao"},
	}}
	var b strings.Builder
	papersLine(&b, p, "bán đất thì dùng mẫu tờ khai nào", view{}, 3, maxPaperList)
	if got := b.String(); !strings.HasPrefix(got, "Giấy tờ: Tờ khai thuế thu nhập cá nhân (mẫu số 03/BĐS-TNCN)") || strings.Contains(got, "Giấy xác nhận") {
		t.Errorf("papers %q: want the form first with its code, the exemption's paper kept for its case", got)
	}
}

// What to do when the remedy quoted is not at hand either ("nếu không có
// người làm chứng thì phải có giấy cam đoan") is quoted with it (record
// 1.001193).
func TestDetailKeepsTheFallback(t *testing.T) {
	p := &knowledge.Procedure{Title: "Đăng ký khai sinh", Papers: []knowledge.Paper{
		{Name: "Tờ khai đăng ký khai sinh theo mẫu", Count: "1 bản chính"},
		{Name: "Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh.", Count: "1 bản chính"},
	}}
	for _, q := range []string{
		"Vợ em sinh con ở nhà, không đi viện nên không có giấy chứng sinh. Giờ đi làm khai sinh cho cháu thì thay giấy chứng sinh bằng gì?",
		// The lack said, the rule for it found however few other words
		// the question shares with it.
		"Con em mới sinh ở nhà, không có giấy chứng sinh của bệnh viện thì đi làm giấy khai sinh cần giấy gì thay thế ạ? Có mất tiền không?",
	} {
		got := recordDetail(q, p.Title, p)
		if !strings.Contains(got, "người làm chứng xác nhận") || !strings.Contains(got, "giấy cam đoan") {
			t.Errorf("%q: detail %q, want the witness and, failing one, the undertaking", q, got)
		}
	}
}

// A paper that is a label and its short list is named whole, and forms
// told apart only by whom they are for say so (records 1.013067,
// 1.014832).
func TestPaperListsAndWhomFormsAreFor(t *testing.T) {
	for name, want := range map[string]string{
		"Giấy tờ của xe: Chứng nhận nguồn gốc xe; Chứng nhận quyền sở hữu hợp pháp; Chứng từ hoàn thành nghĩa vụ tài chính.":                  "Giấy tờ của xe: chứng nhận nguồn gốc xe, chứng nhận quyền sở hữu hợp pháp, chứng từ hoàn thành nghĩa vụ tài chính",
		"Văn bản đề nghị giao rừng, cho thuê rừng theo Mẫu số 11 Phụ lục IIA ban hành kèm theo Nghị định số 42/2026/NĐ-CP (cá nhân)":          "Văn bản đề nghị giao rừng, cho thuê rừng (mẫu số 11, cá nhân)",
		"Văn bản đề nghị giao rừng, cho thuê rừng theo Mẫu số 12 Phụ lục IIA ban hành kèm theo Nghị định số 42/2026/NĐ-CP (cộng đồng dân cư)": "Văn bản đề nghị giao rừng, cho thuê rừng (mẫu số 12, cộng đồng dân cư)",
		// Whose consent the form always carries is said (1.010038); a
		// consent only a minor's form needs is not (1.004194).
		"Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA), trong đó ghi rõ ý kiến đồng ý cho tách hộ của chủ hộ, chủ sở hữu chỗ ở hợp pháp, trừ trường hợp đã có ý kiến đồng ý bằng văn bản.":                                                   "Tờ khai thay đổi thông tin cư trú (mẫu CT01, có ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở hợp pháp)",
		"Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA); đối với người đăng ký tạm trú là người chưa thành niên thì trong tờ khai phải ghi rõ ý kiến đồng ý của cha, mẹ hoặc người giám hộ, trừ trường hợp đã có ý kiến đồng ý bằng văn bản;": "Tờ khai thay đổi thông tin cư trú (mẫu CT01)",
	} {
		if got := shortPaper(name); got != want {
			t.Errorf("shortPaper(%q)\n = %q\nwant %q", name, got, want)
		}
	}
}

// A long sentence is quoted around what the question asks of it that is
// rarest in the record: the photo, not the "hiện trạng" every drawing has
// (record 1.013229).
func TestLongQuoteCutAroundTheRarestPair(t *testing.T) {
	p := &knowledge.Procedure{Title: "Cấp giấy phép xây dựng sửa chữa, cải tạo", Papers: []knowledge.Paper{
		{Name: "Đơn đề nghị cấp giấy phép sửa chữa, cải tạo công trình theo Mẫu số 01", Count: "1 bản chính"},
		{Name: "Bản vẽ hiện trạng của các bộ phận công trình dự kiến sửa chữa, cải tạo đã được phê duyệt theo quy định có tỷ lệ tương ứng với tỷ lệ các bản vẽ của hồ sơ đề nghị cấp phép sửa chữa, cải tạo và ảnh chụp (kích thước tối thiểu 10 x 15 cm) hiện trạng công trình và công trình lân cận trước khi sửa chữa, cải tạo", Count: "1 bản chính"},
		{Name: "Bản vẽ hiện trạng mặt bằng công trình", Count: "1 bản chính"},
	}}
	got := recordDetail("nhà em định sửa lại mặt tiền với thay mái, xin phép sửa chữa cải tạo thì hồ sơ có cần ảnh chụp hiện trạng ko, mấy ngày có fép", p.Title, p)
	if !strings.Contains(got, "ảnh chụp") {
		t.Errorf("detail %q: want the photo of the building as it is", got)
	}
}

// A yes or no answered by the record's own sentence is not told that the
// record states no special conditions; asked for the conditions, it is.
func TestQuotedYesNoSaysNoConditionsLine(t *testing.T) {
	p := &knowledge.Procedure{Title: "Cấp bản sao Trích lục hộ tịch", Papers: []knowledge.Paper{{Name: "Tờ khai theo mẫu", Count: "1 bản chính"}}}
	q := "chứng thực bản sao giấy khai sinh do nc ngoài cấp thì có phải hợp pháp hoá lãnh sự trc ko"
	detail := "Giấy tờ do cơ quan có thẩm quyền của nước ngoài cấp phải được hợp pháp hóa lãnh sự"
	var b strings.Builder
	recordAnswer(&b, q, []intent{intentConditions}, knowledge.Document{Title: p.Title, Procedure: p}, detail, view{})
	if got := b.String(); strings.Contains(got, "không ghi điều kiện riêng") || !strings.Contains(got, "hợp pháp hóa lãnh sự") {
		t.Errorf("answer:\n%s", got)
	}
	b.Reset()
	recordAnswer(&b, "điều kiện cấp trích lục là gì", []intent{intentConditions}, knowledge.Document{Title: p.Title, Procedure: p}, "", view{})
	if got := b.String(); !strings.Contains(got, "không ghi điều kiện riêng") {
		t.Errorf("asked the conditions, answer:\n%s", got)
	}
}

// Whose phone number a child's account takes is the guardian's own, as
// the record says (3.000228), of the sentences that name the number.
func TestPhoneAskedIsTheGuardians(t *testing.T) {
	p := &knowledge.Procedure{Title: "Cấp tài khoản định danh điện tử mức độ 02", Papers: []knowledge.Paper{
		{Name: "Phiếu đề nghị cấp tài khoản định danh điện tử (mẫu TK01); trong đó cung cấp rõ số thuê bao di động chính chủ, địa chỉ thư điện tử của công dân (nếu có)", Count: "1 bản chính"},
	}, Conditions: "Người dưới 14 tuổi, người được giám hộ cùng người đại diện hoặc người giám hộ của mình đến Công an xã để làm thủ tục.\nNgười đại diện, người giám hộ sử dụng số thuê bao di động chính chủ của mình để kê khai, đăng ký cấp tài khoản định danh điện tử cho người dưới 14 tuổi."}
	got := recordDetail("lam VNeID muc 2 cho con 10t thi dung sdt cua ai, con co phai di cung ko", p.Title, p)
	if !strings.Contains(got, "người giám hộ sử dụng số thuê bao di động chính chủ của mình") {
		t.Errorf("detail %q: want the guardian's own number", got)
	}
}

// A long case whose condition is the resident's ("đã ly hôn") is quoted
// though the question shares few other words with it (1.004873).
func TestLongCaseOfTheResidentQuoted(t *testing.T) {
	p := &knowledge.Procedure{Title: "Cấp Giấy xác nhận tình trạng hôn nhân", Papers: []knowledge.Paper{
		{Name: "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", Count: "1 bản chính"},
		{Name: "Trường hợp người yêu cầu xác nhận tình trạng hôn nhân đã có vợ/đã có chồng nhưng đã ly hôn tại Tòa án nhân dân có thẩm quyền hoặc vợ/chồng đã chết và đã đăng ký khai tử tại cơ quan đăng ký hộ tịch có thẩm quyền thì người yêu cầu có trách nhiệm cung cấp thông tin về giấy tờ (cơ quan cấp/đăng ký, số, ngày tháng năm ban hành Bản án/Quyết định ly hôn/Giấy chứng tử/Trích lục khai tử)"},
	}}
	got := recordDetail("e đã li hôn rồi giờ xin giấy xát nhận độc thân để lấy chồng mới thì phải cung cấp giấy tờ gì về vụ ly hôn", p.Title, p)
	if !strings.Contains(got, "Bản án/Quyết định ly hôn") {
		t.Errorf("detail %q: want the divorce case and the papers it requires", got)
	}
	if got := recordDetail("xin giấy xác nhận tình trạng hôn nhân để vay ngân hàng cần gì", p.Title, p); got != "" {
		t.Errorf("no case said, detail %q", got)
	}
}

// "VNeID" in a question about the VNeID account itself names the
// procedure, not the online channel: the answer does not open with what
// the record says of online submission.
func TestVNeIDIsTheTopicNotTheChannel(t *testing.T) {
	p := &knowledge.Procedure{Title: "Cấp tài khoản định danh điện tử mức độ 02, căn cước điện tử cho công dân Việt Nam", Papers: []knowledge.Paper{
		{Name: "Phiếu đề nghị cấp tài khoản định danh điện tử (mẫu TK01)", Count: "1 bản chính"},
	}, Methods: []knowledge.Method{{Channel: "Trực tiếp", Time: "7 ngày làm việc", Fee: "Miễn phí"}}}
	d := knowledge.Document{Title: p.Title, Procedure: p}
	q := "lam VNeID muc 2 cho con 10t thi can giay to gi"
	var b strings.Builder
	recordAnswer(&b, q, detectIntents(fold(q)), d, "", view{})
	if got := b.String(); strings.Contains(got, "trực tuyến cho thủ tục này") || !strings.Contains(got, "Phiếu đề nghị") {
		t.Errorf("answer:\n%s", got)
	}
	// Asked online in other words, it is still answered.
	b.Reset()
	q = "lam VNeID muc 2 dang ky truc tuyen duoc khong"
	recordAnswer(&b, q, detectIntents(fold(q)), d, "", view{})
	if got := b.String(); !strings.Contains(got, "trực tuyến cho thủ tục này") {
		t.Errorf("asked online, answer:\n%s", got)
	}
}

// A resident who already has the chip card gets the papers of that case,
// not of "chưa được cấp" (record 3.000228), and a paper everyone brings
// that did not fit is not called a special case.
func TestPapersOfTheCaseTheResidentIsIn(t *testing.T) {
	p := &knowledge.Procedure{Title: "Cấp tài khoản định danh điện tử mức độ 02, căn cước điện tử cho công dân Việt Nam (cấp xã)", Papers: []knowledge.Paper{
		{Name: "Công dân đã được cấp thẻ Căn cước công dân gắn chip điện tử, thẻ căn cước còn hiệu lực"},
		{Name: "Xuất trình thẻ Căn cước công dân gắn chip điện tử, thẻ căn cước còn hiệu lực", Count: "1 bản chính"},
		{Name: "Phiếu đề nghị cấp tài khoản định danh điện tử (mẫu TK01 ban hành kèm theo Nghị định số 69/2024/NĐ-CP ngày 25/6/2024 quy định về định danh và xác thực điện tử)", Count: "1 bản chính"},
		{Name: "Trong đó cung cấp rõ số thuê bao di động chính chủ, địa chỉ thư điện tử (nếu có) và thông tin khác đề nghị tích hợp (nếu có nhu cầu)", Count: "1 bản chính"},
		{Name: "Trường hợp công dân chưa được cấp thẻ Căn cước công dân gắn chip điện tử, thẻ căn cước hoặc thẻ hết hiệu lực"},
		{Name: "Công dân chuẩn bị hồ sơ và thực hiện đồng thời thủ tục “cấp tài khoản định danh điện tử mức độ 2, căn cước điện tử cho công dân Việt Nam” cùng với thủ tục cấp thẻ căn cước.", Count: "1 bản chính"},
	}}
	var b strings.Builder
	papersLine(&b, p, "da co can cuoc gan chip, len cong an xa kich hoat vneid muc 2 thi may ngay, can dem theo gi", view{}, 3, maxPaperList)
	if got := b.String(); !strings.Contains(got, "TK01") || strings.Contains(got, "chưa được cấp") {
		t.Errorf("papers %q: want the form TK01 of the case of a card already issued", got)
	}
	// "Có … rồi" says it is had, and what to write in the form is part
	// of the form.
	b.Reset()
	papersLine(&b, p, "lam tk dinh danh muc 2 cho me o cong an xa, me co cccd gan chip roi thi bao lau co? can mang gi theo", view{}, 3, maxPaperList)
	if got := b.String(); !strings.Contains(got, "TK01): cung cấp rõ số thuê bao di động chính chủ") || strings.Contains(got, "chưa được cấp") {
		t.Errorf("papers %q: want the form TK01 with the resident's own number, of the case of a card already issued", got)
	}
	if got := recordDetail("da co can cuoc gan chip thi kich hoat muc 2 can gi", p.Title, p); strings.Contains(got, "chưa được cấp") {
		t.Errorf("detail %q: quotes the case of a card not yet issued", got)
	}

	p = &knowledge.Procedure{Title: "Cấp thẻ căn cước cho người dưới 14 tuổi", Papers: []knowledge.Paper{
		{Name: "Phiếu CC01 được tạo lập khi trích xuất thông tin của công dân trong Cơ sở dữ liệu quốc gia về dân cư và in trong quá trình thu nhận hồ sơ căn cước để công dân kiểm tra và ký xác nhận. Trường hợp công dân chưa có thông tin trong cơ sở dữ liệu quốc gia về dân cư thì hồ sơ còn có: Phiếu thu thập thông tin dân cư (Mẫu DC01 ban hành kèm theo Thông tư số 53/2025/TT-BCA ngày 01/7/2025 của Bộ Công an). Giấy tờ, tài liệu chứng minh thông tin công dân.", Count: "1 bản chính"},
		{Name: "Giấy tờ, tài liệu có giá trị pháp lý chứng minh là người đại diện hợp pháp của người dưới 14 tuổi", Count: "1 bản chính"},
		{Name: "Phiếu đề nghị giải quyết thủ tục về căn cước (Mẫu DC02 ban hành kèm theo Thông tư số 17/2024/TT-BCA của Bộ Công an)", Count: "1 bản chính"},
		{Name: "Phiếu CC01 được tạo lập khi trích xuất thông tin của công dân trong Cơ sở dữ liệu quốc gia về dân cư và in trong quá trình thu nhận hồ sơ căn cước để công dân kiểm tra và ký xác nhận.Trường hợp công dân chưa có thông tin trong cơ sở dữ liệu quốc gia về dân cư thì hồ sơ còn có Phiếu thu thập thông tin dân cư (Mẫu DC01 ban hành kèm theo Thông tư số 53/2025/TT-BCA ngày 01/7/2025 của Bộ Công an); Giấy tờ pháp lý chứa thông tin công dân.", Count: "1 bản chính"},
	}}
	b.Reset()
	papersLine(&b, p, "Làm căn cước cho con 8 tuổi thì bố mẹ phải mang giấy gì", view{}, 3, maxPaperList)
	got := b.String()
	if !strings.Contains(got, "người đại diện hợp") || strings.Contains(got, "DC01") || strings.Contains(got, "trường hợp riêng") {
		t.Errorf("papers %q: want the parent's proof of representing the child named, CC01 once and without the form of another case", got)
	}
	b.Reset()
	papersLine(&b, p, "Làm căn cước cho con 8 tuổi thì bố mẹ phải mang giấy gì", view{}, 1, maxPaperList)
	if got := b.String(); !strings.Contains(got, "(+2 giấy tờ khác") {
		t.Errorf("papers %q: want the papers that did not fit counted as papers, not special cases", got)
	}
}

// A long paper's name is cut at its first qualification, never down to a
// bare "Giấy tờ" (record 1.001456).
func TestPaperNameCutsAtTheFirstQualification(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"Hộ chiếu phổ thông cấp lần gần nhất còn giá trị sử dụng đối với người đã được cấp hộ chiếu", "Hộ chiếu phổ thông cấp lần gần nhất còn giá trị sử dụng"},
		{"Giấy tờ do cơ quan có thẩm quyền của Việt Nam cấp chứng minh người đại diện hợp pháp", "Giấy tờ do cơ quan có thẩm quyền của Việt Nam cấp chứng minh người đại …"},
	} {
		if got := paperName(c.name); got != c.want {
			t.Errorf("paperName(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// "Không có kết quả ADN thì cần gì thay" is answered by the record's rule
// for lacking the paper it names just above (record 1.001022).
func TestRecordDetailSaysWhatStandsInForAPaper(t *testing.T) {
	recognition := &knowledge.Procedure{Title: "Đăng ký nhận cha, mẹ, con", Papers: []knowledge.Paper{
		{Name: "Tờ khai đăng ký nhận cha, mẹ, con theo mẫu", Count: "1 bản chính"},
		{Name: "Trường hợp không có văn bản nêu trên thì phải có văn bản cam đoan của các bên nhận cha, mẹ, con về mối quan hệ cha, mẹ, con và có ít nhất hai người làm chứng về mối quan hệ cha, mẹ, con.", Count: "1 bản chính"},
		{Name: "Văn bản của cơ quan y tế, cơ quan giám định hoặc cơ quan khác có thẩm quyền xác nhận quan hệ cha con, quan hệ mẹ con.", Count: "1 bản chính"},
	}}
	// A lost paper and papers asked, the record naming who lacks it
	// (1.004884).
	rebirth := &knowledge.Procedure{Title: "Đăng ký lại khai sinh", Papers: []knowledge.Paper{
		{Name: "Tờ khai đăng ký lại khai sinh theo mẫu", Count: "1 bản chính"},
		{Name: "Bản sao toàn bộ hồ sơ, giấy tờ của người yêu cầu hoặc hồ sơ, giấy tờ, tài liệu khác trong đó có thông tin liên quan đến nội dung khai sinh của người đó.", Count: "1 bản sao"},
		{Name: "Trường hợp người yêu cầu không có giấy tờ nêu trên thì phải nộp bản sao giấy tờ do cơ quan có thẩm quyền của Việt Nam cấp hợp lệ như: Giấy chứng minh nhân dân, Thẻ căn cước công dân hoặc Hộ chiếu", Count: "1 bản sao"},
	}}
	for _, c := range []struct {
		p    *knowledge.Procedure
		q    string
		want string // "" for no rule on a lack
	}{
		{recognition, "ko có kết quả xét nghiệm adn thì làm thủ tục nhận cha cho con dc ko, cần gì thay", "hai người làm chứng"},
		{recognition, "Giờ tôi muốn làm thủ tục nhận con thì cần chứng cứ gì? Nếu không có giấy xét nghiệm ADN thì sao?", "hai người làm chứng"},
		{recognition, "nhận cha cho con thì tờ khai lấy ở đâu", ""},
		// Proof asked is asked with what stands in for it.
		{recognition, "Con tôi có giấy khai sinh nhưng trống tên cha, giờ bố cháu làm thủ tục nhận con thì cần giấy tờ chứng minh gì?", "hai người làm chứng"},
		{recognition, "anh có con với bạn gái cũ, làm thủ tục nhận con ở xã có bắt buộc xét nghiệm ADN không", "hai người làm chứng"},
		{rebirth, "ong noi toi sinh nam 1950, giay khai sinh ban chinh mat tu lau, so ho tich o xa cung khong con. gio dang ky lai khai sinh cho ong thi dung giay to gi de chung minh ngay thang nam sinh", "không có giấy tờ nêu trên"},
	} {
		got := recordDetail(c.q, c.p.Title, c.p)
		if c.want == "" && strings.Contains(got, "nêu trên") || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%q: detail %q, want %q", c.q, got, c.want)
		}
	}
}

// Yes-or-no asks in a resident's words are settled by the record's
// sentence, and only when asked: whether both must come ("hai bên nam,
// nữ phải có mặt", 1.000894), how long the notice stays up (1.012786),
// how long verifying a lost registration takes (1.013082).
func TestRecordDetailAnswersWhatTheResidentAsks(t *testing.T) {
	marriage := &knowledge.Procedure{Title: "Đăng ký kết hôn", Steps: []string{
		"Người yêu cầu đăng ký kết hôn (hai bên nam, nữ phải có mặt, xuất trình giấy tờ tuỳ thân để đối chiếu) kiểm tra thông tin trên Giấy chứng nhận kết hôn, trong Sổ đăng ký kết hôn, khẳng định sự tự nguyện kết hôn.",
		"Trường hợp người yêu cầu đăng ký kết hôn đang công tác, học tập, lao động có thời hạn ở nước ngoài thì phải nộp Giấy xác nhận tình trạng hôn nhân.",
	}}
	lost := &knowledge.Procedure{Title: "Cấp lại chứng nhận đăng ký xe, biển số xe", Conditions: "Trường hợp mất chứng nhận đăng ký xe thì thời hạn xác minh khi giải quyết thủ tục cấp lại chứng nhận đăng ký xe là 30 ngày; thời hạn xác minh không tính vào thời hạn giải quyết cấp lại chứng nhận đăng ký xe."}
	sold := &knowledge.Procedure{Title: "Cấp chứng nhận đăng ký xe, biển số xe trong trường hợp thay đổi chủ xe", Conditions: "+ Chủ xe phải giữ lại chứng nhận đăng ký xe, biển số xe (không giao cho tổ chức, cá nhân nhận chuyển quyền sở hữu xe) và nộp cho cơ quan đăng ký xe khi làm thủ tục thu hồi; trường hợp chuyển quyền sở hữu xe kèm theo biển số xe trúng đấu giá thì chủ xe nộp bản sao chứng nhận đăng ký xe. + Trong thời hạn 30 ngày, kể từ ngày làm giấy tờ chuyển quyền sở hữu xe, chủ xe đứng tên trong chứng nhận đăng ký xe phải làm thủ tục thu hồi.", Papers: []knowledge.Paper{
		{Name: "Chứng nhận đăng ký xe, biển số xe; trường hợp mất chứng nhận đăng ký xe hoặc mất biển số xe thì phải ghi rõ lý do trong giấy khai thu hồi chứng nhận đăng ký xe, biển số xe. Trong thời gian chờ nhận kết quả thu hồi, chủ xe được giữ lại biển số xe để sử dụng và phải nộp lại khi nhận chứng nhận thu hồi", Count: "1 bản chính"},
	}}
	land := &knowledge.Procedure{Title: "Cấp lại Giấy chứng nhận do bị mất", Steps: []string{
		"Niêm yết công khai về việc mất Giấy chứng nhận đã cấp tại trụ sở Ủy ban nhân dân cấp xã và điểm dân cư nơi có đất trong thời gian 15 ngày; đồng thời tiếp nhận phản ánh trong thời gian niêm yết công khai về việc mất Giấy chứng nhận đã cấp.",
	}}
	adoption := &knowledge.Procedure{Title: "Đăng ký việc nuôi con nuôi trong nước", Papers: []knowledge.Paper{
		{Name: "Đơn xin nhận con nuôi", Count: "1 bản chính"},
		{Name: "Giấy khám sức khỏe do bệnh viện đa khoa hoặc phòng khám đa khoa hoặc Trung tâm y tế khu vực cấp có giá trị sử dụng nếu được cấp chưa quá 06 tháng, tính đến ngày nộp hồ sơ tại cơ quan có thẩm quyền (trừ trường hợp cha dượng nhận con riêng của vợ, mẹ kế nhận con riêng của chồng làm con nuôi hoặc cô, cậu, dì, chú, bác ruột nhận cháu làm con nuôi)", Count: "1 bản chính"},
	}}
	status := &knowledge.Procedure{Title: "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", Papers: []knowledge.Paper{
		{Name: "Trường hợp cá nhân yêu cầu cấp lại Giấy xác nhận tình trạng hôn nhân để sử dụng vào mục đích khác hoặc do Giấy xác nhận tình trạng hôn nhân đã hết thời hạn sử dụng theo quy định thì phải nộp lại Giấy xác nhận tình trạng hôn nhân đã được cấp trước đó.", Count: "1 bản chính"},
	}, Steps: []string{
		"Trường hợp yêu cầu cấp Giấy xác nhận tình trạng hôn nhân để sử dụng vào mục đích khác, không phải để đăng ký kết hôn thì trong Giấy xác nhận tình trạng hôn nhân phải ghi rõ mục đích sử dụng, số lượng Giấy xác nhận tình trạng hôn nhân cấp cho người yêu cầu.",
		"Trường hợp yêu cầu cấp Giấy xác nhận tình trạng hôn nhân để sử dụng vào mục đích kết hôn thì cơ quan đăng ký hộ tịch chỉ cấp 01 bản cho người yêu cầu.",
	}}
	adoptee := &knowledge.Procedure{Title: "Đăng ký việc nuôi con nuôi trong nước", Conditions: "Người nhận con nuôi phải có đủ điều kiện sau:\n- Có năng lực hành vi dân sự đầy đủ;\n- Hơn con nuôi từ 20 tuổi trở lên – không áp dụng đối với trường hợp cha dượng nhận con riêng của vợ, mẹ kế nhận con riêng của chồng làm con nuôi hoặc cô, cậu, dì, chú bác ruột nhận cháu làm con nuôi;\nTrẻ em được nhận làm con nuôi phải có đủ các điều kiện sau:\n+ Là trẻ em dưới 16 tuổi; nếu trẻ em thuộc trường hợp được cha dượng, mẹ kế, cô, cậu, dì, chú, bác ruột nhận làm con nuôi thì đến dưới 18 tuổi;\n+) Trẻ em bị bỏ rơi, trẻ em mồ côi cả cha và mẹ, trẻ em không nơi nương tựa;"}
	statusBoth := &knowledge.Procedure{Title: status.Title, Papers: status.Papers, Steps: append(slices.Clone(status.Steps),
		"Trường hợp người yêu cầu cấp lại Giấy xác nhận tình trạng hôn nhân để kết hôn mà không nộp lại được Giấy xác nhận tình trạng hôn nhân đã được cấp trước đây, thì người yêu cầu phải trình bày rõ lý do không nộp lại được Giấy xác nhận tình trạng hôn nhân.")}
	residence := &knowledge.Procedure{Title: "Đăng ký tạm trú", Papers: []knowledge.Paper{
		{Name: "Tờ khai thay đổi thông tin cư trú (Mẫu CT01); đối với người đăng ký tạm trú là người chưa thành niên thì trong tờ khai phải ghi rõ ý kiến đồng ý của cha, mẹ hoặc người giám hộ, trừ trường hợp đã có ý kiến đồng ý bằng văn bản", Count: "1 bản chính"},
		{Name: "Trường hợp giấy tờ, tài liệu chứng minh chỗ ở hợp pháp để đăng ký tạm trú là văn bản cho thuê, cho mượn, cho ở nhờ nhà ở, nhà khác của cá nhân, tổ chức thì văn bản đó không bắt buộc phải công chứng hoặc chứng thực", Count: "1 bản chính"},
	}}
	record := &knowledge.Procedure{Title: "Cấp Phiếu Lý lịch tư pháp", Conditions: "Cá nhân yêu cầu cấp Phiếu Lý lịch tư pháp số 2 không được ủy quyền cho người khác làm thủ tục yêu cầu cấp Phiếu Lý lịch tư pháp trừ trường hợp cá nhân là người chưa thành niên có thể ủy quyền cho cha, mẹ yêu cầu cấp Phiếu Lý lịch tư pháp số 2."}
	account := &knowledge.Procedure{Title: "Cấp tài khoản định danh điện tử mức độ 02, căn cước điện tử cho công dân Việt Nam (cấp xã)", Conditions: "Người dưới 14 tuổi, người được giám hộ, người được đại diện cùng người đại diện hoặc người giám hộ của mình đến Công an xã, phường, thị trấn để làm thủ tục cấp tài khoản định danh điện tử mức độ 02. Người đại diện, người giám hộ sử dụng số thuê bao di động chính chủ của mình để kê khai, đăng ký cấp tài khoản định danh điện tử mức độ 02, căn cước điện tử cho công dân Việt Nam là người dưới 14 tuổi."}
	// The record's steps (2.001406): the heirs sign before the certifier,
	// who then signs each page; the second is what the office does.
	heirs := &knowledge.Procedure{Title: "Chứng thực văn bản phân chia di sản mà di sản là động sản, quyền sử dụng đất, nhà ở", Steps: []string{
		"Các bên tham gia phân chia di sản phải ký trước mặt người thực hiện chứng thực, nếu văn bản phân chia di sản có từ 02 (hai) trang trở lên thì phải ký vào từng trang.",
		"Người thực hiện chứng thực ký vào từng trang của văn bản phân chia di sản (nếu hồ sơ không được tiếp nhận qua Trung tâm Phục vụ hành chính công cấp xã), ký, ghi rõ họ tên, đóng dấu của cơ quan thực hiện chứng thực và ghi vào sổ chứng thực.",
	}}
	// The record's steps (1.014062): a child's card asked in person, the
	// representative brings the child.
	card := &knowledge.Procedure{Title: "Cấp thẻ căn cước cho người dưới 14 tuổi", Steps: []string{
		"Bước 1: + Trường hợp người đại diện hợp pháp thực hiện thủ tục cấp thẻ căn cước cho người dưới 06 tuổi thông qua cổng dịch vụ công hoặc ứng dụng định danh quốc gia thì lựa chọn thủ tục, kiểm tra thông tin của người dưới 06 tuổi trong Cơ sở dữ liệu quốc gia về dân cư.",
		"+ Trường hợp thực hiện trực tiếp tại Công an cấp xã, người đại diện hợp pháp đưa người dưới 14 tuổi đến địa điểm làm thủ tục cấp thẻ căn cước.",
	}}
	firstLand := &knowledge.Procedure{Title: "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu", Steps: []string{
		"c) Kiểm tra sự phù hợp với quy hoạch đối với các trường hợp có yêu cầu phải phù hợp với quy hoạch để cấp Giấy chứng nhận.\nd) Niêm yết công khai kết quả kiểm tra, rà soát theo Mẫu số 17 ban hành kèm theo Nghị định số 151/2025/NĐ-CP tại trụ sở Ủy ban nhân dân cấp xã, khu dân cư nơi có đất, tài sản gắn liền với đất trong thời gian 15 ngày; đồng thời thực hiện xem xét giải quyết các ý kiến phản ánh về nội dung đã công khai (nếu có).",
	}}
	for _, c := range []struct {
		p        *knowledge.Procedure
		q, want  string
		wantNone bool
	}{
		// The office's posting asked about outright (1.013978's step).
		{firstLand, "Nhà tôi ở trên mảnh đất ông bà để lại từ năm 1990, chưa bao giờ có sổ đỏ. Giờ muốn làm sổ đỏ lần đầu thì xã có phải niêm yết công khai không, niêm yết bao lâu? Phải làm đơn gì?", "15 ngày", false},
		{card, "con toi 5 tuoi thi co lam the can cuoc cho chau duoc khong, bo me co phai dua chau di cung khong, bao lau co the", "đưa người dưới 14 tuổi đến", false},
		{heirs, "Bốn anh em chúng tôi đã thống nhất cách chia, giờ muốn lập văn bản phân chia di sản rồi mang ra UBND xã chứng thực. Lệ phí chứng thực là bao nhiêu, và có cần cả bốn anh em cùng có mặt ký không?", "phải ký trước mặt", false},
		{marriage, "dkkh o ubnd xa co mat phi ko? 2 đứa có phải cùng có mặt ko hay 1 ng đi cũng dc", "phải có mặt", false},
		{marriage, "dk ket hon thi 2 nguoi phai cung ra xa ko hay 1 nguoi di la dc", "phải có mặt", false},
		{marriage, "dang ky ket hon co mat phi ko", "", true},
		{marriage, "2 đứa tụi em tính ra xã đăng ký kết hôn, có tốn tiền ko ạ? với lại 1 mình em đi lấy giấy được ko hay phải đi cả 2 đứa?", "phải có mặt", false},
		{marriage, "vc mình cưới năm 98, giấy đkkh bị lũ cuốn mất rồi, giờ đi đăng ký lại thì cả 2 vc có phải cùng lên xã ko, bao lâu xong?", "phải có mặt", false},
		{marriage, "Em gái tôi sắp cưới, hai đứa muốn đăng ký kết hôn ở xã nhà tôi, có phải đi khám sức khỏe không?", "phải có mặt", true},
		{lost, "mat cavet xe may thi lam lai o dau, bao lau moi co cavet moi?", "30 ngày", false},
		{lost, "lam lai cavet xe mat bao lau", "", true},
		{sold, "Tôi bán xe máy cũ cho hàng xóm, thì tôi phải làm thủ tục thu hồi cà vẹt biển số trong bao lâu kể từ khi bán? có được đưa luôn cà vẹt cho người mua không?", "phải giữ lại chứng nhận đăng ký xe", false},
		{sold, "bán xe rồi thì thu hồi biển số ở đâu", "giữ lại", true},
		{land, "mất sổ đỏ phải niêm yết thông báo mất ở xã, vậy niêm yết bao lâu", "15 ngày", false},
		// The exception that names the resident, not the paper alone.
		{adoption, "chu ruot nhan chau lam con nuoi thi co can giay kham suc khoe khong", "chú, bác ruột nhận cháu", false},
		{record, "Làm LLTP số 2 có ủy quyền cho người nhà đi làm hộ được không?", "không được ủy quyền", false},
		// A parent's consent asked beside another yes-or-no: both.
		{residence, "Con em 17 tuổi lên thành phố học nghề, ở trọ nhà người quen. Đăng ký tạm trú cho cháu thì có cần bố mẹ đồng ý không, giấy cho ở nhờ có bắt buộc công chứng không ạ?", "ý kiến đồng ý của cha, mẹ", false},
		{residence, "Con em 17 tuổi lên thành phố học nghề, ở trọ nhà người quen. Đăng ký tạm trú cho cháu thì có cần bố mẹ đồng ý không, giấy cho ở nhờ có bắt buộc công chứng không ạ?", "không bắt buộc phải công chứng", false},
		// Two yes-or-no asks, each answered by its own sentence.
		{status, "cho e hỏi xin giấy XNTTHN lần 2 để làm hs vay NH, giấy cũ hết hạn rồi thì có phải nộp lại giấy cũ ko, trên giấy có ghi mục đích ko ạ", "phải nộp lại", false},
		{status, "cho e hỏi xin giấy XNTTHN lần 2 để làm hs vay NH, giấy cũ hết hạn rồi thì có phải nộp lại giấy cũ ko, trên giấy có ghi mục đích ko ạ", "phải ghi rõ mục đích sử dụng", false},
		// An age gap asked, not the child's age.
		{adoptee, "Vợ chồng tôi muốn nhận bé gái 2 tuổi bị bỏ rơi làm con nuôi, làm ở xã thì lệ phí bao nhiêu? Và người nhận nuôi phải hơn bé bao nhiêu tuổi mới được?", "Hơn con nuôi từ 20 tuổi trở lên", false},
		{adoptee, "nhận bé 2 tuổi làm con nuôi thì lệ phí bao nhiêu", "Hơn con nuôi", true},
		// Whether the old paper goes back, asked alone: the rule, not
		// the case of one that cannot be.
		{statusBoth, "xin giây xác nhân tình trang hôn nhân đê vay ngân hàng thì mât may ngày? trước đây tôi xin 1 lần rồi mà hết hạn thì có phai nôp lại giấy cũ ko?", "phải nộp lại Giấy xác nhận tình trạng hôn nhân đã được cấp trước đó", false},
		{status, "Giấy xác nhận tình trạng hôn nhân cũ của tôi đã hết hạn, giờ xin cấp lại để đăng ký kết hôn thì có phải nộp lại giấy cũ không?", "phải nộp lại", false},
		{status, "xin giấy xác nhận tình trạng hôn nhân để đăng ký kết hôn thì mất mấy ngày", "nộp lại", true},
		// Two rules asked, both quoted.
		{account, "lam VNeID muc 2 cho con 10t thi dung sdt cua ai, con co phai di cung ko", "thuê bao di động chính chủ", false},
		{account, "lam VNeID muc 2 cho con 10t thi dung sdt cua ai, con co phai di cung ko", "cùng người đại diện", false},
	} {
		got := recordDetail(c.q, c.p.Title, c.p)
		if c.wantNone && (c.want == "" && got != "" || c.want != "" && strings.Contains(got, c.want)) {
			t.Errorf("%q: detail %q, want none of it", c.q, got)
		}
		if !c.wantNone && !strings.Contains(got, c.want) {
			t.Errorf("%q: detail %q, want %q", c.q, got, c.want)
		}
	}
}

// The papers kept for each kind of the procedure are named as a choice,
// in two rows (1.004837) or in one (1.001669), not counted as special
// cases.
func TestPapersNameTheKindsOfTheProcedure(t *testing.T) {
	id := knowledge.Paper{Name: "Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các giấy tờ khác có dán ảnh và thông tin cá nhân do cơ quan có thẩm quyền cấp, còn giá trị sử dụng (sau đây gọi tắt là giấy tờ tùy thân)", Count: "1 bản chính"}
	form := knowledge.Paper{Name: "Tờ khai đăng ký giám hộ theo mẫu", Count: "1 bản chính"}
	proxy := knowledge.Paper{Name: "Văn bản ủy quyền theo quy định của pháp luật trong trường hợp ủy quyền thực hiện việc đăng ký giám hộ.", Count: "1 bản chính"}
	for _, p := range []*knowledge.Procedure{
		{Title: "Thủ tục đăng ký giám hộ", Papers: []knowledge.Paper{form, id, proxy,
			{Name: "Giấy tờ chứng minh điều kiện giám hộ đương nhiên theo quy định của Bộ luật Dân sự đối với trường hợp đăng ký giám hộ đương nhiên. Trường hợp có nhiều người cùng đủ điều kiện làm giám hộ đương nhiên thì nộp thêm văn bản thỏa thuận.", Count: "1 bản chính"},
			{Name: "Văn bản cử người giám hộ theo quy định của Bộ luật Dân sự đối với trường hợp đăng ký giám hộ cử.", Count: "1 bản chính"},
		}},
		{Title: "Thủ tục đăng ký giám hộ có yếu tố nước ngoài", Papers: []knowledge.Paper{form, id, proxy,
			{Name: "Văn bản cử người giám hộ theo quy định của Bộ luật Dân sự đối với trường hợp đăng ký giám hộ cử; giấy tờ chứng minh điều kiện giám hộ đương nhiên theo quy định của Bộ luật Dân sự đối với trường hợp đăng ký giám hộ đương nhiên; trường hợp có nhiều người cùng đủ điều kiện làm giám hộ đương nhiên thì nộp thêm văn bản thỏa thuận", Count: "1 bản chính"},
		}},
	} {
		var b strings.Builder
		papersLine(&b, p, "tôi là chị gái ruột muốn đăng ký giám hộ cho em thì cần giấy tờ gì", view{}, 3, maxPaperList)
		got := b.String()
		if !strings.Contains(got, "giám hộ đương nhiên") || !strings.Contains(got, "ăn bản cử người giám hộ") || !strings.Contains(got, " hoặc ") {
			t.Errorf("%s: papers %q, want the paper of each kind named as a choice", p.Title, got)
		}
		if strings.Contains(got, "ủy quyền") || !strings.Contains(got, "+1 cho trường hợp riêng") {
			t.Errorf("%s: papers %q, want the letter of authority still a special case", p.Title, got)
		}
	}
}

// A note under no heading is not the resident's case: the papers of the
// first case after it are (record 1.001613).
func TestNotesAloneAreNoCase(t *testing.T) {
	p := &knowledge.Procedure{Title: "Giải quyết hưởng bảo hiểm xã hội một lần", Papers: []knowledge.Paper{
		{Name: "(Trường hợp không quy định là bản chính thì có thể nộp bản sao hợp lệ. Trường hợp nộp hồ sơ trực tuyến: thành phần hồ sơ quy định là bản sao nhưng phải bảo đảm tính hợp lệ)"},
		{Name: "Trường hợp không quy định rõ bản chính thì có thể nộp bản sao hợp lệ", Count: "1 bản sao"},
		{Name: "1. Trường hợp hưởng BHXH một lần"},
		{Name: "d) Trường hợp bị mắc những bệnh nguy hiểm đến tính mạng như: Ung thư, bại liệt, xơ gan cổ chướng thì có thêm giấy xác nhận", Count: "1 bản chính, 1 bản sao"},
		{Name: "b) Đơn đề nghị (Mẫu số 14-HSB)", Count: "1 bản chính"},
		{Name: "c) Đối với người ra nước ngoài để định cư phải nộp thêm bản sao Giấy xác nhận của cơ quan có thẩm quyền về việc thôi quốc tịch Việt Nam", Count: "1 bản sao"},
		{Name: "a) Sổ BHXH", Count: "1 bản chính"},
		{Name: "2. Đối với người lao động là công dân nước ngoài làm việc tại Việt Nam hưởng BHXH một lần"},
		{Name: "Hồ sơ như nêu tại nội dung 1a, 1b, 1d, 1đ.", Count: "1 bản chính"},
	}}
	var b strings.Builder
	papersLine(&b, p, "nghi viec roi muon rut bao hiem xả hoi mot lan thi can giay to gi, bao lau thi nhan dc tien", view{}, 3, maxPaperList)
	if got := b.String(); !strings.Contains(got, "Sổ BHXH") || !strings.Contains(got, "14-HSB") || strings.Contains(got, "nước ngoài") || strings.Contains(got, "bản sao hợp lệ") {
		t.Errorf("papers %q: want the book and the form of the first case, not the note", got)
	}
}

// A pension collected on another's behalf is handed in at the post office
// that pays it, as the record's steps say (1.001601); a file sent "qua
// bưu điện" is not handed in there.
func TestPlaceIsWhereTheStepsHandTheFileIn(t *testing.T) {
	p := &knowledge.Procedure{Title: "Ủy quyền lĩnh thay các chế độ bảo hiểm xã hội, trợ cấp thất nghiệp", Level: "Cấp bộ, Cấp tỉnh, Cấp xã", Agency: "Bảo hiểm xã hội cấp Tỉnh", Steps: []string{
		"Bước 2. Nộp hồ sơ a) Đối với nhận chế độ BHXH hàng tháng, trợ cấp thất nghiệp: Đến kỳ chi trả, người được ủy quyền nộp Giấy uỷ quyền (mẫu số 13-HSB) hoặc Hợp đồng ủy quyền cho cơ quan Bưu điện, xuất trình Chứng minh nhân dân hoặc giấy tờ tùy thân có ảnh.",
	}}
	if got := placeOf(p, view{}); !strings.Contains(got, "Bưu điện") {
		t.Errorf("place %q, want the post office", got)
	}
	p = &knowledge.Procedure{Title: "Đăng ký khai tử", Level: "Cấp xã", Steps: []string{
		"Người yêu cầu nộp hồ sơ trực tiếp hoặc gửi qua bưu điện đến Ủy ban nhân dân cấp xã.",
	}}
	if got := placeOf(p, view{}); strings.Contains(got, "Bưu điện") || strings.Contains(got, "bưu điện") {
		t.Errorf("place %q: a file sent by post is not handed in at the post office", got)
	}
}

// "Trung tâm phục vụ hành chính công của UBND cấp tỉnh … hoặc bộ phận
// một cửa của cơ quan chuyên môn về xây dựng thuộc UBND cấp tỉnh" are the
// province's (1.009794), not this commune's.
func TestProvincesServiceCentreIsNoCommunes(t *testing.T) {
	docs, err := portal.EmbeddedDocuments("1.009794")
	if err != nil || len(docs) != 1 {
		t.Fatal(docs, err)
	}
	v := view{office: true, contact: Contact{Name: "Xã Mẫu"}}
	if got := placeOf(docs[0].Procedure, v); !strings.Contains(got, "cấp tỉnh") || strings.Contains(got, "Xã Mẫu") {
		t.Errorf("place %q, want the province's centre, not the commune's", got)
	}
}

// The commune a step says to alert where goods are damaged on the way
// ("báo ngay cho ủy ban nhân dân xã … nơi gần nhất") is not where the
// customs papers go (1.003164: the regional customs office only).
func TestCommuneNearAnIncidentIsNoPlace(t *testing.T) {
	docs, err := portal.EmbeddedDocuments("1.003164")
	if err != nil || len(docs) != 1 {
		t.Fatal(docs, err)
	}
	if got := placeOf(docs[0].Procedure, view{}); !strings.Contains(got, "Hải quan") || strings.Contains(got, "Ủy ban") {
		t.Errorf("place %q, want the customs office only", got)
	}
}

// "tại UBND xã" says where, not which of the signature certification's
// exceptions to quote (2.000884: "(4) ủy quyền … để vay vốn tại Ngân
// hàng chính sách xã hội"); a pension collected by proxy still gets its
// own item.
func TestWhereSaidQuotesNoException(t *testing.T) {
	docs, err := portal.EmbeddedDocuments("2.000884")
	if err != nil || len(docs) != 1 {
		t.Fatal(docs, err)
	}
	p := docs[0].Procedure
	if got := recordDetail("Tôi cần chứng thực chữ ký trên giấy ủy quyền tại UBND xã thì lệ phí bao nhiêu?", p.Title, p); strings.Contains(got, "vay vốn") {
		t.Errorf("detail %q: a fee asked quotes the bank loan's exception", got)
	}
	if got := recordDetail("toi can chung thuc chu ky tren giay uy quyen cho em gai nhan ho luong huu, ra xa lam thi phi bao nhieu?", p.Title, p); !strings.Contains(got, "lương hưu") {
		t.Errorf("detail %q: want the pension's item", got)
	}
}

// Conditions listed under a lead are given by their items' opening
// clauses, not by the lead cut before the first item (1.012533: the
// neighbourhood security team's age, record and schooling).
func TestConditionsListedByTheirItems(t *testing.T) {
	docs, err := portal.EmbeddedDocuments("1.012533")
	if err != nil || len(docs) != 1 {
		t.Fatal(docs, err)
	}
	got := listedConditions(docs[0].Procedure.Conditions)
	if !strings.HasPrefix(got, "Từ đủ 18 tuổi đến đủ 70 tuổi; Có lý lịch rõ ràng") || strings.Contains(got, "sau đây") {
		t.Errorf("conditions %q, want the items, age first", got)
	}
	// A number's dots end no clause; a text without a lead is as it is.
	if got := listedConditions("Hộ gia đình có đủ các điều kiện sau:\n1. Thu nhập bình quân dưới 1.500.000 đồng/người/tháng.\n2. Có hộ khẩu thường trú tại xã"); got != "Thu nhập bình quân dưới 1.500.000 đồng/người/tháng; Có hộ khẩu thường trú tại xã" {
		t.Errorf("conditions %q", got)
	}
	// A lead that says what its items are stays with them.
	for _, c := range []string{
		"Trường hợp không được chứng thực chữ ký:\n+ Tại thời điểm chứng thực, người yêu cầu không nhận thức được hành vi của mình.\n+ Giấy tờ có nội dung trái pháp luật.",
		"Người thuộc một trong những trường hợp sau đây thì không được cấp chứng chỉ hành nghề đấu giá:\n1. Không thường trú tại Việt Nam.\n2. Bị mất năng lực hành vi dân sự.",
		"Sau khi nhận đủ hồ sơ:\n1. Cơ quan thuế kiểm tra.\n2. Cơ quan thuế trả kết quả.",
		"Những người sau đây bị từ chối:\n1. Người chưa đủ tuổi.\n2. Người đang chấp hành án.",
	} {
		if listedConditions(c) != c {
			t.Errorf("a lead that says what its items are was dropped: %q", listedConditions(c))
		}
	}
	if c := "Người yêu cầu phải có mặt."; listedConditions(c) != c {
		t.Errorf("conditions without a list changed: %q", listedConditions(c))
	}
}

// A household's health insurance card goes where the steps send that
// case (the service agent or the social insurance office), not also to
// the commune office that takes the files of those the state pays for
// (1.001939, 1.002759); a question naming no case gets the record's
// places.
func TestPlaceOfTheCaseAsked(t *testing.T) {
	for _, code := range []string{"1.001939", "1.002759"} {
		docs, err := portal.EmbeddedDocuments(code)
		if err != nil || len(docs) != 1 {
			t.Fatal(docs, err)
		}
		p := docs[0].Procedure
		if got := casePlace(p, "Thẻ BHYT hộ gia đình bị mất thì xin cấp lại ở đâu?"); !strings.Contains(got, "tổ chức dịch vụ") || !strings.Contains(got, "Bảo hiểm xã hội") || strings.Contains(got, "Ủy ban") {
			t.Errorf("%s: household's place %q, want the service agent and the social insurance office", code, got)
		}
		if got := casePlace(p, "thẻ bhyt bị mất cấp lại ở đâu"); got != "" {
			t.Errorf("%s: no case named, place %q", code, got)
		}
	}
}

// A tax file goes to the tax office the steps name ("… gửi đến cơ quan
// thuế quản lý trực tiếp"), not the commune's service centre, though the
// record names no agency and is at commune level too (1.008543).
func TestTaxFileGoesToTheTaxOffice(t *testing.T) {
	docs, err := portal.EmbeddedDocuments("1.008543")
	if err != nil || len(docs) != 1 {
		t.Fatal(docs, err)
	}
	v := view{office: true, contact: Contact{Name: "Xã Mẫu"}}
	if got := placeOf(docs[0].Procedure, v); !strings.Contains(got, "cơ quan thuế") || strings.Contains(got, "Trung tâm") {
		t.Errorf("place %q, want the tax office", got)
	}
}

// Who decides is said beside where to submit when it is asked and the
// place does not name it (record 1.013225: handed in at the service
// centre, granted by the People's Committee).
func TestWhoDecidesBesideWhereToSubmit(t *testing.T) {
	p := &knowledge.Procedure{Title: "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", Level: "Cấp xã", Agency: "Uỷ ban Nhân dân cấp xã, phường, thị trấn", Steps: []string{
		"Bước 1: Chủ đầu tư nộp hồ sơ đề nghị cấp giấy phép xây dựng tại Trung tâm phục vụ hành chính công.",
	}}
	d := knowledge.Document{Title: p.Title, Procedure: p}
	answer := func(q string) string {
		var b strings.Builder
		recordAnswer(&b, q, detectIntents(fold(q)), d, "", view{})
		return b.String()
	}
	for _, q := range []string{"xin giấy phép xây nhà nộp ở đâu", "xin phép xây nhà thì ai duyệt, bao lâu"} {
		if got := answer(q); !strings.Contains(got, "Trung tâm phục vụ hành chính công") || !strings.Contains(got, "Cơ quan giải quyết: Ủy ban nhân dân cấp xã.") {
			t.Errorf("%s:\n%s\nwant the service centre and the People's Committee that decides", q, got)
		}
	}
	if got := answer("xin giấy phép xây nhà mất bao lâu"); strings.Contains(got, "Cơ quan giải quyết") {
		t.Errorf("who decides is said unasked:\n%s", got)
	}
	p.Agency, p.Steps = "Công an cấp Xã", []string{"Công dân nộp hồ sơ tại Công an cấp xã."}
	if got := answer("đăng ký tạm trú ở đâu"); strings.Contains(got, "Cơ quan giải quyết") {
		t.Errorf("the police named twice:\n%s", got)
	}
	p.Agency, p.Steps = "Bảo hiểm xã hội cấp Tỉnh, Bảo hiểm xã hội cấp huyện", []string{"Người lao động nộp hồ sơ cho cơ quan BHXH."}
	if got := answer("hưởng chế độ ốm đau nộp ở đâu"); strings.Contains(got, "Cơ quan giải quyết") {
		t.Errorf("social insurance named twice, by its levels:\n%s", got)
	}
	p.Agency = "Không có thông tin"
	if got := answer("đăng ký tạm trú ở đâu"); strings.Contains(got, "Cơ quan giải quyết") {
		t.Errorf("a record with no agency has none said:\n%s", got)
	}
	// Its steps may say who decides (2.000930): asked "ai ra quyết định".
	_, got := embeddedAnswer(t, "2.000930", "Tôi làm hòa giải viên ở thôn mấy năm nay, giờ muốn thôi không làm nữa. Ai ra quyết định cho thôi, mất bao lâu?")
	if !strings.Contains(got, "Cơ quan giải quyết: Chủ tịch Ủy ban nhân dân cấp xã") {
		t.Errorf("who decides, named by the steps, is not said:\n%s", got)
	}
}

// A paper's name that ends with a full stop does not give the line two
// (record 2.001255: "Tờ khai đăng ký lại việc nuôi con nuôi..").
func TestPapersLineEndsOnce(t *testing.T) {
	p := &knowledge.Procedure{Title: "Đăng ký lại việc nuôi con nuôi trong nước", Papers: []knowledge.Paper{
		{Name: "Tờ khai đăng ký lại việc nuôi con nuôi.", Count: "1 bản chính"},
	}}
	var b strings.Builder
	papersLine(&b, p, "đăng ký lại việc nuôi con nuôi cần gì", view{}, 3, maxPaperList)
	if got := b.String(); strings.Contains(got, "..") || !strings.HasSuffix(got, "con nuôi.\n") {
		t.Errorf("papers %q: want one full stop", got)
	}
}

// Words that say nothing of which paper it is go before a paper's name
// is cut, and a line whose last name was cut ends without a stray full
// stop (record 1.014062).
func TestPaperNameDropsFiller(t *testing.T) {
	long := "Giấy tờ, tài liệu có giá trị pháp lý chứng minh là người đại diện hợp pháp của người dưới 14 tuổi"
	if got, want := paperName(long), "Giấy tờ chứng minh là người đại diện hợp pháp của người dưới 14 tuổi"; got != want {
		t.Errorf("paperName = %q, want %q", got, want)
	}
	// A paper named by its issuer is named by what it certifies.
	issuer := "Giấy tờ do cơ quan có thẩm quyền của nước láng giềng cấp không quá 06 tháng tính đến ngày nhận hồ sơ, xác nhận công dân nước láng giềng hiện tại là người không có vợ hoặc không có chồng"
	if got, want := paperName(issuer), "Giấy tờ xác nhận công dân nước láng giềng hiện tại là người không có vợ hoặc không có chồng"; got != want {
		t.Errorf("paperName = %q, want %q", got, want)
	}
	p := &knowledge.Procedure{Title: "Cấp phép", Papers: []knowledge.Paper{
		{Name: "Phương án sử dụng tạm thời lòng đường vỉa hè vào mục đích khác, phương án tổ chức giao thông và bảo đảm an toàn", Count: "1 bản chính"},
	}}
	var b strings.Builder
	papersLine(&b, p, "cần giấy gì", view{}, 3, maxPaperList)
	if got := b.String(); !strings.HasSuffix(got, "…\n") {
		t.Errorf("papers %q: want the cut name to end the line as it is", got)
	}
}

// A resident's age picks the record's sentence for that age ("người dưới
// 06 tuổi" may be applied for online by a parent), and an age outside a
// sentence's bound does not (record 1.014062).
func TestDetailForTheResidentsAge(t *testing.T) {
	p := &knowledge.Procedure{Title: "Cấp thẻ căn cước cho người dưới 14 tuổi", Steps: []string{
		"Bước 1: + Trường hợp người đại diện hợp pháp thực hiện thủ tục cấp thẻ căn cước cho người dưới 06 tuổi thông qua cổng dịch vụ công hoặc ứng dụng định danh quốc gia thì lựa chọn thủ tục, kiểm tra thông tin của người dưới 06 tuổi trong Cơ sở dữ liệu quốc gia về dân cư.",
		"+ Trường hợp thực hiện trực tiếp tại Công an cấp xã, người đại diện hợp pháp đưa người dưới 14 tuổi đến địa điểm làm thủ tục cấp thẻ căn cước.",
		"(Lưu ý: Lộ trình cấp thẻ căn cước cho người dưới 14 tuổi tại Công an cấp xã trong cả nước không phụ thuộc vào nơi cư trú thực hiện theo thông báo của Bộ Công an)",
	}}
	q := "Làm căn cước cho bé %d tuổi có phải bế cháu lên công an không, hay bố mẹ làm online được?"
	if got := recordDetail(fmt.Sprintf(q, 4), p.Title, p); !strings.Contains(got, "dưới 06 tuổi") {
		t.Errorf("a child of 4: detail %q, want the rule for those under 6", got)
	}
	if got := recordDetail(fmt.Sprintf(q, 10), p.Title, p); strings.Contains(got, "dưới 06 tuổi") {
		t.Errorf("a child of 10: detail %q, want no rule for those under 6", got)
	}
	// The age is said even when little else is: "mới", "công an" are no
	// words of the question's own.
	short := "Con mình mới 3 tuổi, làm căn cước cho bé thì làm online trên VNeID được không hay phải bế bé ra công an?"
	if got := recordDetail(short, p.Title, p); !strings.Contains(got, "dưới 06 tuổi") {
		t.Errorf("%q: detail %q, want the rule for those under 6", short, got)
	}
}

// A list a sentence announces ("gồm: …; …; …") is quoted whole, not its
// first item (record 1.003677).
func TestDetailQuotesAnnouncedListWhole(t *testing.T) {
	p := &knowledge.Procedure{Title: "Khai báo tạm vắng", Papers: []knowledge.Paper{
		{Name: "Nội dung khai báo tạm vắng gồm: họ và tên, số định danh cá nhân hoặc số Chứng minh nhân dân, số hộ chiếu của người khai báo tạm vắng; lý do tạm vắng; thời gian tạm vắng; địa chỉ nơi đến.", Count: "1 bản chính"},
	}}
	got := recordDetail("Sắp đi làm xa nhà một thời gian dài, nếu phải khai báo tạm vắng thì cần khai những nội dung gì?", p.Title, p)
	if !strings.Contains(got, "lý do tạm vắng") || !strings.Contains(got, "địa chỉ nơi đến") {
		t.Errorf("detail %q: want the whole list, with the reason and the destination", got)
	}
}

// A record's note for a procedure's own variant ("Đối với thủ tục …
// thay đổi chủ hộ, … thì …") is quoted however long when the question
// says that variant (record 1.010039).
func TestDetailQuotesTheVariantsNote(t *testing.T) {
	p := &knowledge.Procedure{Title: "Điều chỉnh thông tin về cư trú trong Cơ sở dữ liệu về cư trú", Papers: []knowledge.Paper{
		{Name: "Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA)", Count: "1 bản chính"},
		{Name: "*Lưu ý: - Đối với thủ tục điều chỉnh thông tin thay đổi chủ hộ, đối với trường hợp cần lấy ý kiến của các thành viên trong hộ gia đình thì các thành viên trong hộ gia đình xác nhận nội dung ý kiến thông qua Ứng dụng định danh quốc gia hoặc văn bản ghi rõ nội dung ý kiến (văn bản này không phải công chứng, chứng thực).", Count: "0 bản chính"},
	}}
	got := recordDetail("Bố tôi là chủ hộ vừa mất tháng trước, giờ cả nhà muốn đổi chủ hộ sang tên mẹ tôi thì làm thủ tục gì, cần những gì và mấy ngày thì xong?", p.Title, p)
	if !strings.Contains(got, "các thành viên trong hộ gia đình xác nhận nội dung ý kiến") {
		t.Errorf("detail %q: want the members' say on the new head", got)
	}
}

// A form for those with a past of their own, said after its code (army
// service before 2007, record 1.001613), is not listed as every
// applicant's; a form for every new member is (record of the household
// health insurance).
func TestFormForSomeSaidAfterItsCode(t *testing.T) {
	p := &knowledge.Procedure{Title: "Giải quyết hưởng bảo hiểm xã hội một lần", Papers: []knowledge.Paper{
		{Name: "a) Sổ BHXH", Count: "1 bản chính"},
		{Name: "b) Đơn đề nghị (Mẫu số 14-HSB)", Count: "1 bản chính"},
		{Name: "e) Bản chính Bản khai cá nhân về thời gian, địa bàn phục vụ trong Quân đội có hưởng phụ cấp khu vực (Mẫu số 04B – HBQP ban hành kèm theo Thông tư số 136/2020/TT-BQP ngày 29/10/2020) đối với người có thời gian phục vụ trong Quân đội trước ngày 01/01/2007 tại địa bàn có hưởng phụ cấp khu vực", Count: "1 bản chính"},
	}}
	var b strings.Builder
	papersLine(&b, p, "nghỉ việc rồi muốn rút BHXH 1 lần thì cần giấy gì", view{}, 3, maxPaperList)
	if got := b.String(); strings.Contains(got, "04B") || !strings.Contains(got, "14-HSB") {
		t.Errorf("papers %q: want the application and the book, the army form kept for its case", got)
	}
	p = &knowledge.Procedure{Title: "Đăng ký đóng, cấp thẻ BHYT đối với người chỉ tham gia BHYT", Papers: []knowledge.Paper{
		{Name: "Tờ khai tham gia, điều chỉnh thông tin BHXH, BHYT (Mẫu TK1-TS) đối với người tham gia lần đầu hoặc có mã số BHXH nhưng chưa đủ thông tin.", Count: "1 bản chính"},
	}}
	b.Reset()
	papersLine(&b, p, "mua BHYT hộ gia đình cho cả nhà cần giấy gì", view{}, 3, maxPaperList)
	if got := b.String(); !strings.Contains(got, "TK1-TS") {
		t.Errorf("papers %q: want the form every new member fills in", got)
	}
}

// A fee's whole list of whom it spares is said, however much else the
// question asks (record 1.000656), and a line cut short ends "…", not
// "…." .
func TestFeeExemptionsWholeBesideATime(t *testing.T) {
	fee := "Miễn phí (Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương quyết định. Miễn lệ phí đối với trường hợp đăng ký khai tử đúng hạn, người thuộc gia đình có công với cách mạng; người thuộc hộ nghèo; người khuyết tật.)"
	p := &knowledge.Procedure{Title: "Đăng ký khai tử", Methods: []knowledge.Method{{Channel: "Trực tiếp", Time: "1 Ngày làm việc", Fee: fee}},
		Steps: []string{"Trong thời hạn 15 ngày kể từ ngày có người chết thì vợ, chồng hoặc con, cha, mẹ hoặc người thân thích khác của người chết có trách nhiệm đi đăng ký khai tử."}}
	var b strings.Builder
	q := "Bố em mất hôm qua, nhà em phải đi khai tử trong vòng bao nhiêu ngày ạ, có mất tiền không?"
	recordAnswer(&b, q, detectIntents(intentPadded(q, fold(q))), knowledge.Document{Title: p.Title, Procedure: p}, recordDetail(q, p.Title, p), view{})
	got := b.String()
	if !strings.Contains(got, "người khuyết tật") || strings.Contains(got, "….") {
		t.Errorf("answer %q: want the whole list of whom the fee spares", got)
	}
}

// A deadline's exception for the same limit, in the same sentence, is
// said with it: a guest who comes after 23:00 is reported before 08:00
// (record of "Thông báo lưu trú").
func TestDeadlineWithItsLateCase(t *testing.T) {
	p := &knowledge.Procedure{Title: "Thông báo lưu trú", Conditions: "Việc thông báo lưu trú được thực hiện trước 23 giờ của ngày bắt đầu lưu trú; trường hợp người đến lưu trú sau 23 giờ thì việc thông báo lưu trú được thực hiện trước 08 giờ ngày hôm sau; trường hợp ông, bà, cha, mẹ, vợ, chồng, con, cháu, anh, chị, em ruột đến lưu trú nhiều lần thì chỉ cần thông báo lưu trú một lần."}
	got := deadlineOf(p, "Có họ hàng dưới quê lên ở nhờ nhà mấy hôm thì phải báo công an trước mấy giờ?")
	if !strings.Contains(got, "trước 23 giờ") || !strings.Contains(got, "trước 08 giờ ngày hôm sau") {
		t.Errorf("deadline %q: want 23:00 and, for a late guest, 08:00 the next day", got)
	}
	// A question that reads as the late guest's case gets the rule too.
	got = deadlineOf(p, "có người họ hàng dưới quê lên ở nhờ nhà em vài hôm thì phải báo lưu chú cho công an trước mấy giờ ạ?")
	if !strings.Contains(got, "trước 23 giờ của ngày bắt đầu lưu trú") || !strings.Contains(got, "trước 08 giờ ngày hôm sau") {
		t.Errorf("deadline %q: want the rule before its exception", got)
	}
}

// A note that times each case otherwise than the cell ("từ NLĐ …: Tối
// đa 03 ngày làm việc" beside the employer's 06) is shown beside the
// time (record 2.000693).
func TestTimeNoteForEachCase(t *testing.T) {
	note := "- Nhận hồ sơ từ đơn vị SDLĐ: Tối đa 06 ngày làm việc kể từ ngày cơ quan BHXH nhận đủ hồ sơ theo quy định. \n- Nhận hồ sơ từ NLĐ, người tham gia BHXH tự nguyện: Tối đa 03 ngày làm việc kể từ ngày cơ quan BHXH nhận đủ hồ sơ theo quy định."
	p := &knowledge.Procedure{Methods: []knowledge.Method{{Channel: "Trực tiếp", Time: "6 ngày làm việc", Note: note}}}
	var b strings.Builder
	recordPart(&b, intentTime, p, "nộp hồ sơ thai sản thì bao lâu được giải quyết", 0, view{})
	if got := b.String(); !strings.Contains(got, "người tham gia BHXH tự nguyện: 3 ngày làm việc") || !strings.Contains(got, "SDLĐ: 6 ngày làm việc") {
		t.Errorf("time %q: want each case's time", got)
	}
}

// The tax records number their cases "(i)", "(iv)" and say for whom:
// a resident who speaks for no organisation gets the household's papers,
// not the first case's, which are an organisation's. The rows are the
// official record's (1.007607), shortened.
func TestRomanCasesAndTheHouseholds(t *testing.T) {
	p := &knowledge.Procedure{Title: "Chấm dứt hiệu lực mã số thuế", Papers: []knowledge.Paper{
		{Name: "(i) Chấm dứt hiệu lực mã số thuế đối với tổ chức kinh tế, tổ chức khác và đơn vị phụ thuộc"},
		{Name: "Văn bản đề nghị chấm dứt hiệu lực mã số thuế mẫu số 24/ĐK-TCT", Count: "1 bản chính"},
		{Name: "Bản sao quyết định giải thể của tổ chức", Count: "1 bản chính"},
		{Name: "(iii) Chấm dứt hiệu lực mã số thuế đối với nhà thầu, nhà đầu tư tham gia hợp đồng dầu khí, nhà thầu nước ngoài."},
		{Name: "Bản sao bản thanh lý hợp đồng dầu khí", Count: "1 bản chính"},
		{Name: "(iv) Chấm dứt hiệu lực mã số thuế đối với hộ gia đình, cá nhân có hoạt động sản xuất kinh doanh do chấm dứt hoạt động kinh doanh."},
		{Name: "Văn bản đề nghị chấm dứt hiệu lực mã số thuế mẫu số 24/ĐK-TCT của hộ kinh doanh", Count: "1 bản chính"},
	}}
	for q, want := range map[string]string{
		"nghỉ kinh doanh rồi muốn đóng mã số thuế cần giấy gì":              "hộ gia đình",
		"công ty tôi giải thể, chấm dứt mã số thuế của doanh nghiệp cần gì": "Quyết định giải thể",
	} {
		if got := answerOn(p, q); !strings.Contains(got, want) {
			t.Errorf("%q: answer lacks %q:\n%s", q, want, got)
		}
	}
}

// A quote cut just before the time it gives goes on to hold it: "… đến
// cơ quan thuế quản lý trực tiếp trong thời hạn" said nothing.
func TestQuoteCutKeepsItsAmount(t *testing.T) {
	s := "Hộ gia đình, cá nhân có hoạt động sản xuất kinh doanh nộp hồ sơ chấm dứt hiệu lực mã số thuế do chấm dứt hoạt động kinh doanh đến cơ quan thuế quản lý trực tiếp trong thời hạn 10 ngày làm việc kể từ ngày có văn bản chấm dứt hoạt động kinh doanh"
	for n := 140; n <= 200; n++ {
		got := quoteAround(s, []string{"ho gia dinh"}, n)
		if strings.HasSuffix(strings.TrimSuffix(got, " …"), "thời hạn") {
			t.Errorf("quoteAround(…, %d) = %q: cut before the amount", n, got)
		}
	}
}

// A row for whom the resident says they are ("Đối với cá nhân: …") is
// the resident's paper, not a special case; a row for another ("Đối với
// NNT là tổ chức") stays one (record 1.008503).
func TestRowForWhomTheResidentIs(t *testing.T) {
	p := &knowledge.Procedure{Title: "Đăng ký thay đổi thông tin đăng ký thuế", Papers: []knowledge.Paper{
		{Name: "Bản sao Giấy phép thành lập và hoạt động, hoặc Giấy chứng nhận đăng ký hoạt động đơn vị phụ thuộc nếu thông tin trên các Giấy tờ này có thay đổi", Count: "1 bản sao"},
		{Name: "Đối với NNT là tổ chức: Tờ khai điều chỉnh, bổ sung thông tin đăng ký thuế mẫu số 08-MST", Count: "1 bản chính"},
		{Name: "Đối với hộ gia đình, cá nhân có hoạt động sản xuất, kinh doanh: Tờ khai điều chỉnh mẫu số 08-MST", Count: "1 bản chính"},
		{Name: "Đối với cá nhân: Tờ khai đăng ký mẫu số 05-ĐK-TH-TCT ban hành kèm theo Thông tư số 86/2024/TT-BTC.", Count: "1 bản chính"},
		{Name: "Đối với người phụ thuộc: Tờ khai đăng ký mẫu số 20-ĐK-TH-TCT ban hành kèm theo Thông tư số 86/2024/TT-BTC.", Count: "1 bản chính"},
	}}
	var b strings.Builder
	papersLine(&b, p, "MST cá nhân của tôi (đi làm công ty) giờ muốn đổi sđt thì dùng tờ khai mẫu nào", view{}, 3, maxPaperList)
	if got := b.String(); !strings.Contains(got, "05-ĐK-TH-TCT") || strings.Contains(got, "20-ĐK") || strings.Contains(got, "tổ chức") {
		t.Errorf("papers %q: want the individual's form, not the dependant's or an organisation's", got)
	}
	b.Reset()
	papersLine(&b, p, "đổi số điện thoại đăng ký thuế thì nộp giấy gì", view{}, 3, maxPaperList)
	if got := b.String(); strings.Contains(got, "05-ĐK-TH-TCT") {
		t.Errorf("papers %q: nobody said, no row for whom", got)
	}
}

// A cut right after a number goes on to its unit: "không quá 45" is
// "không quá 45 ngày" (record 1.004335's note on the time).
func TestCutAfterANumberKeepsItsUnit(t *testing.T) {
	s := "Thời hạn giải quyết khiếu nại lần đầu không quá 30 ngày; đối với vụ việc phức tạp thì thời hạn giải quyết có thể kéo dài hơn nhưng không quá 45 ngày, kể từ ngày thụ lý"
	for n := 60; n <= len([]rune(s)); n++ {
		got := strings.TrimSuffix(clipAmount(s, n), " …")
		if last := got[len(got)-1]; last >= '0' && last <= '9' {
			t.Errorf("clipAmount(…, %d) = %q: a number cut from its unit", n, got)
		}
	}
}

// A note that lists the channels is shown as its channels, not cut in
// the middle of its first, in-person one. The note is the official
// record's (1.003677, temporary absence).
func TestOnlineNoteListsTheChannels(t *testing.T) {
	note := "- Trường hợp thuộc quy định tại điểm c, điểm d khoản 1 Điều 31 Luật Cư trú thì khai báo tạm vắng qua: + Trực tiếp tại cơ quan đăng ký cư trú hoặc tại địa điểm tiếp nhận khai báo tạm vắng do cơ quan đăng ký cư trú quy định; + Số điện thoại hoặc hộp thư điện tử do cơ quan đăng ký cư trú thông báo hoặc niêm yết; + Trang thông tin điện tử của cơ quan đăng ký cư trú hoặc qua các cổng cung cấp dịch vụ công trực tuyến như: Cổng dịch vụ công quốc gia, Cổng dịch vụ công Bộ Công an, Cổng dịch vụ công quản lý cư trú; + Ứng dụng trên thiết bị điện tử. Thời gian tiếp nhận hồ sơ: Giờ hành chính các ngày làm việc từ thứ 2 đến thứ 6 và sáng thứ 7 hàng tuần."
	p := &knowledge.Procedure{Title: "Khai báo tạm vắng", Methods: []knowledge.Method{{Channel: "Trực tuyến", Time: "1 Ngày làm việc", Note: note}}}
	q := "khai bao tam vang co lam online tren vneid duoc khong"
	got := answerOn(p, q)
	for _, want := range []string{"số điện thoại hoặc hộp thư điện tử", "trang thông tin điện tử: Cổng dịch vụ công quốc gia", "ứng dụng trên thiết bị điện tử"} {
		if !strings.Contains(got, want) {
			t.Errorf("answer lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Trực tiếp tại") || strings.Contains(got, "Thời gian tiếp nhận") {
		t.Errorf("answer gives the in-person channel or the office hours as an online one:\n%s", got)
	}
}

// "Công an phường" is where a resident goes, not what they ask: a
// lodger's question about the fee does not quote the papers of police
// officers ("Đối với Công an nhân dân: …"). The paper is the official
// record's (1.004194, temporary residence).
func TestPoliceStationIsNoReasonToQuote(t *testing.T) {
	p := &knowledge.Procedure{Title: "Đăng ký tạm trú", Papers: []knowledge.Paper{
		{Name: "Tờ khai thay đổi thông tin cư trú (mẫu CT01)", Count: "1 bản chính"},
		{Name: "Đối với Công an nhân dân: Giấy giới thiệu của Thủ trưởng đơn vị quản lý trực tiếp ghi rõ nội dung để làm thủ tục đăng ký tạm trú và đơn vị có chỗ ở cho cán bộ chiến sĩ (ký tên, đóng dấu)", Count: "1 bản chính"},
	}}
	for _, q := range []string{"em la sinh vien thue tro o phuong, dang ky tam tru truc tiep o cong an phuong thi het bao nhieu tien", "đăng ký tạm trú ở CA phường mới nhất mất bao nhiêu tiền"} {
		if got := recordDetail(q, p.Title, p); strings.Contains(got, "Công an nhân dân") {
			t.Errorf("%q: detail %q", q, got)
		}
	}
}

// A deadline quoted from the record's conditions is not said twice: the
// conditions line says the rest of them (relatives notify once). The
// conditions are the official record's (2.001159, a guest's stay).
func TestConditionsNotRepeatedAfterTheDeadline(t *testing.T) {
	p := &knowledge.Procedure{Title: "Thông báo lưu trú", Time: "1 giờ",
		Conditions: "Việc thông báo lưu trú được thực hiện trước 23 giờ của ngày bắt đầu lưu trú; trường hợp người đến lưu trú sau 23 giờ thì việc thông báo lưu trú được thực hiện trước 08 giờ ngày hôm sau; trường hợp ông, bà, cha, mẹ, vợ, chồng, con, cháu, anh, chị, em ruột đến lưu trú nhiều lần thì chỉ cần thông báo lưu trú một lần."}
	q := "Nhà có em họ dưới quê lên ở chơi mấy hôm thì có phải báo công an không, hạn báo là mấy giờ?"
	var b strings.Builder
	recordAnswer(&b, q, detectIntents(intentPadded(q, fold(q))), knowledge.Document{Title: p.Title, Procedure: p}, "", view{})
	got := b.String()
	if n := strings.Count(got, "trước 23 giờ"); n != 1 {
		t.Errorf("the deadline said %d times:\n%s", n, got)
	}
	if !strings.Contains(got, "chỉ cần thông báo lưu trú một lần") {
		t.Errorf("answer lacks the relatives' rule:\n%s", got)
	}
}

// answerOn is a procedure's answer to q, with the intents q says and no
// quote beyond the parts.
func answerOn(p *knowledge.Procedure, q string) string {
	var b strings.Builder
	recordAnswer(&b, q, detectIntents(fold(q)), knowledge.Document{Title: p.Title, Procedure: p}, "", view{})
	return b.String()
}

// What the office does with a file (checks it, reports to its head,
// writes the register, refuses one left incomplete) is no answer to a
// resident, and a case announced without its rule says nothing; what the
// resident does, may do or must bring is. The sentences are the official
// records'.
func TestOfficeStepsAreNotQuoted(t *testing.T) {
	for s, want := range map[string]bool{
		"Trường hợp đăng ký khai sinh cho trẻ bị bỏ rơi thì sau khi nhận được thông báo, Lãnh đạo Ủy ban nhân dân hoặc Trưởng công an cấp xã có trách nhiệm tổ chức lập biên bản về việc trẻ bị bỏ rơi":   true,
		"(iii) Nếu người yêu cầu cấp Giấy xác nhận tình trạng hôn nhân không bổ sung, hoàn thiện được hồ sơ thì báo cáo Lãnh đạo Trung tâm Phục vụ hành chính công có văn bản từ chối giải quyết yêu cầu": true,
		"Trong thời hạn 05 ngày làm việc, kể từ ngày nhận đủ hồ sơ theo quy định, Ủy ban nhân dân cấp xã ban hành quyết định công bố hoạt động":                                                           true,
		"Người thực hiện chứng thực kiểm tra giấy tờ do người yêu cầu cấp bản sao có chứng thực từ bản chính giao dịch xuất trình":                                                                        true,
		"… giúp Chủ tịch Ủy ban nhân dân cùng cấp thẩm định hồ sơ đăng ký cai nghiện, trình Chủ tịch Ủy ban nhân dân cấp xã quyết định cai nghiện ma túy tự nguyện tại gia đình, cộng đồng":               true,
		"hộ tịch thực hiện ghi vào Sổ đăng ký khai sinh, cập nhật thông tin đăng ký khai sinh trên Phần mềm đăng ký, quản lý hộ tịch điện tử dùng chung":                                                  true,
		"Trường hợp không đủ điều kiện theo quy định, Chủ tịch Ủy ban nhân dân cấp xã trả lời bằng văn bản và nêu rõ lý do":                                                                               true,
		"Đối với thân nhân của người đang hưởng hoặc tạm dừng hưởng lương hưu, trợ cấp BHXH hằng tháng":                                                                                                   true,
		"Trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh":                                                                                                   false,
		"Niêm yết công khai về việc mất Giấy chứng nhận đã cấp tại trụ sở Ủy ban nhân dân cấp xã và điểm dân cư nơi có đất trong thời gian 15 ngày":                                                       false,
		"Công dân đến Công an cấp xã trong cả nước không phụ thuộc vào nơi cư trú đề nghị cấp lại thẻ căn cước":                                                                                           false,
		"Giấy tờ do cơ quan có thẩm quyền của nước ngoài cấp, công chứng hoặc xác nhận để sử dụng cho việc đăng ký hộ tịch tại Việt Nam phải được hợp pháp hóa lãnh sự":                                   false,
		"Người yêu cầu đăng ký kết hôn (hai bên nam, nữ phải có mặt, xuất trình giấy tờ tuỳ thân để đối chiếu) kiểm tra thông tin trên Giấy chứng nhận kết hôn":                                           false,
		"Trường hợp mất chứng nhận đăng ký xe thì thời hạn xác minh khi giải quyết thủ tục cấp lại chứng nhận đăng ký xe là 30 ngày":                                                                      false,
		// A comma inside the case is not its consequence (1.007754), and an
		// heir who refuses an inheritance is no office refusing a file.
		"Trường hợp nhà thầu nhập khẩu hàng hóa để xây dựng nhà xưởng, văn phòng cho DNCX thì sau 30 ngày kể từ ngày kết thúc hợp đồng thầu, DNCX và nhà thầu nhập khẩu báo cáo lượng hàng hóa đã nhập khẩu cho cơ quan hải quan": false,
		"Người thừa kế từ chối nhận di sản phải lập văn bản từ chối và được chứng thực":                                                                                                                                           false,
	} {
		if got := officeStep(s); got != want {
			t.Errorf("officeStep(%q) = %v, want %v", s, got, want)
		}
	}
	// The tail of a sentence cut from its subject says nothing; a short
	// piece that rules on something does.
	for s, want := range map[string]bool{
		"trị và dự án, phương án hỗ trợ phát triển sản xuất cộng đồng thuộc các chương trình mục":                          true,
		"hộ gia đình làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình":                        true,
		"trường hợp ông, bà, cha, mẹ, vợ, chồng, con, cháu, anh, chị, em ruột đến lưu trú nhiều lần thì chỉ cần thông báo": false,
		"Hai bên nam, nữ phải có mặt": false,
	} {
		if got := fragment(s); got != want {
			t.Errorf("fragment(%q) = %v, want %v", s, got, want)
		}
	}
	// Birth registration (1.001193): a deadline and a fee asked, no
	// abandoned child's report quoted beside them.
	p := &knowledge.Procedure{Title: "Đăng ký khai sinh", Steps: []string{
		"Trường hợp đăng ký khai sinh cho trẻ bị bỏ rơi thì sau khi nhận được thông báo, Lãnh đạo Ủy ban nhân dân hoặc Trưởng công an cấp xã có trách nhiệm tổ chức lập biên bản về việc trẻ bị bỏ rơi.",
	}}
	if got := recordDetail("Vợ tôi mới sinh cháu được hơn một tháng, giờ ra xã làm giấy khai sinh cho cháu thì chậm nhất bao lâu sau khi sinh phải đi làm, có mất tiền không?", p.Title, p); got != "" {
		t.Errorf("detail %q, want none", got)
	}
}

// A paper listed under a heading is what the heading names: "cần chứng
// cứ gì để chứng minh là cha con" is answered first by the medical or
// forensic letter the record lists under "Chứng cứ chứng minh quan hệ
// cha, con … gồm:" (1.001022).
func TestPaperUnderTheHeadingAsked(t *testing.T) {
	docs, err := portal.EmbeddedDocuments("1.001022")
	if err != nil {
		t.Fatal(err)
	}
	papers, _, _ := papersOf(docs[0].Procedure, "Tôi có đứa con ngoài giá thú, giờ muốn làm thủ tục nhận con ở xã thì cần chứng cứ gì để chứng minh là cha con?")
	if len(papers) < 2 || !strings.HasPrefix(papers[1].name, "Văn bản của cơ quan y tế") {
		t.Errorf("papers %+v, want the medical or forensic letter after the form", papers)
	}
}

// A table whose only row is "0 bản chính" still names the request to
// hand in; the record does not "list no papers" (1.007840).
func TestUncountedRequestIsAPaper(t *testing.T) {
	docs, err := portal.EmbeddedDocuments("1.007840")
	if err != nil {
		t.Fatal(err)
	}
	papers, _, _ := papersOf(docs[0].Procedure, "hàng về cảng chưa rõ số lượng, muốn xem hàng trước khi khai hải quan thì làm thế nào")
	if len(papers) != 1 || !strings.HasPrefix(papers[0].name, "Đơn đề nghị xem hàng hóa") {
		t.Errorf("papers %+v, want the request to view the goods", papers)
	}
}

// A paper the record asks as a copy only ("0 bản chính, 1 bản sao") is
// named as the copy: a resident whose original burnt must not read that
// the original is needed (1.004746).
func TestCopyOnlyPaperNamedAsTheCopy(t *testing.T) {
	docs, err := portal.EmbeddedDocuments("1.004746")
	if err != nil {
		t.Fatal(err)
	}
	papers, _, _ := papersOf(docs[0].Procedure, "giấy đăng ký kết hôn bị cháy, sổ ở xã không còn, đăng ký lại cần gì")
	if !slices.ContainsFunc(papers, func(x paper) bool { return strings.HasPrefix(x.name, "Bản sao giấy chứng nhận kết hôn") }) {
		t.Errorf("papers %+v, want the copy of the marriage certificate", papers)
	}
}

// A birth with a foreign parent (record 2.000528): the parents' agreement
// on the child's nationality is the resident's paper, not a special case
// left in the list; a birth abroad asked about does not name it.
func TestForeignParentsPapersAreTheirs(t *testing.T) {
	p := &knowledge.Procedure{Title: "Thủ tục đăng ký khai sinh có yếu tố nước ngoài", Papers: []knowledge.Paper{
		{Name: "Giấy tờ phải nộp:"},
		{Name: "Giấy Chứng sinh", Count: "1 bản chính"},
		{Name: "Trường hợp không có Giấy chứng sinh thì thay thế bằng: văn bản của người làm chứng xác nhận về việc sinh", Count: "1 bản chính"},
		{Name: "Trường hợp cha hoặc mẹ hoặc cả cha, mẹ là người nước ngoài thì phải nộp văn bản thỏa thuận của cha, mẹ về việc lựa chọn quốc tịch cho con.", Count: "1 bản chính"},
		{Name: "Tờ khai đăng ký khai sinh theo mẫu", Count: "1 bản chính"},
	}}
	for q, want := range map[string]bool{
		"Chồng em người Hàn Quốc, bé mới sinh ở bệnh viện. Làm giấy khai sinh cho bé cần mang giấy gì?": true,
		"vo toi quoc tich nuoc ngoai, lam khai sinh cho con can giay to gi":                             true,
		"bé sinh bên Nhật, về Việt Nam làm giấy khai sinh cần mang giấy gì":                             false,
	} {
		var b strings.Builder
		papersLine(&b, p, q, view{}, maxTextPapers, maxPaperList)
		if got := strings.Contains(b.String(), "lựa chọn quốc tịch"); got != want {
			t.Errorf("%q: %q, nationality agreement named %v, want %v", q, b.String(), got, want)
		}
	}
}

// The paper a question lacks, named by its head ("mất bản gốc … giấy
// chứng tử"), is the record's rule for that lack, its copy and its
// qualification left unsaid (record 1.005461).
func TestRecordDetailLackNamedByItsHead(t *testing.T) {
	docs, err := portal.EmbeddedDocuments("1.005461")
	if err != nil || len(docs) != 1 {
		t.Fatal(err)
	}
	p := docs[0].Procedure
	q := "ong noi toi mat nam 1995, hoi do nha da lam giay chung tu roi nhung gio mat ban goc, so ho tich o xa cung bi hu do lu lut. gio muon lam lai giay chung tu cho ong thi phai nop giay to gi?"
	if got := recordDetail(q, p.Title, p); !strings.Contains(got, "chứng minh sự kiện chết") {
		t.Errorf("%q: detail %q, want what proves the death", q, got)
	}
}

// Whether a paper is needed ("có cần bản vẽ không") names that paper when
// the record lists it, however far down (record 1.013225).
func TestPaperAskedWhetherIsNamed(t *testing.T) {
	docs, err := portal.EmbeddedDocuments("1.013225")
	if err != nil || len(docs) != 1 {
		t.Fatal(err)
	}
	for _, q := range []string{
		"nha em o xa, dinh xay nha 3 tang thi xin giay phep xay dung mat bao lau, co can ban ve khong",
		"xin phép xây nhà có phải nộp bản vẽ thiết kế không",
	} {
		var b strings.Builder
		papersLine(&b, docs[0].Procedure, q, view{}, maxTextPapers-1, maxPaperList)
		if !strings.Contains(b.String(), "bản vẽ") {
			t.Errorf("%q: %q, want the drawings named", q, b.String())
		}
	}
}

// A new house's permit names the form, the lawful land papers and the
// drawings: not the repair form the record files beside its own, not a
// land certificate it lists again as one of those land papers, and not,
// for want of room, a treaty's clauses that come after the drawings
// (record 1.013225).
func TestNewHousePermitPapers(t *testing.T) {
	p := embeddedProcedure(t, "1.013225")
	for _, q := range []string{
		"xây nhà 3 tầng ở xã có phải xin GPXD ko, nộp ở đâu, lệ phí ntn",
		"Tôi định xây nhà ở riêng lẻ 3 tầng trên đất ở của mình, xin giấy phép xây dựng ở xã cần những giấy tờ gì?",
	} {
		got := papersText(p, q)
		if !strings.Contains(got, "bản vẽ") || !strings.Contains(got, "giấy phép xây dựng") {
			t.Errorf("%q: %q, want the form and the drawings", q, got)
		}
		for _, wrong := range []string{"sửa chữa", "Hiệp định"} {
			if strings.Contains(got, wrong) {
				t.Errorf("%q: %q names %q", q, got, wrong)
			}
		}
	}
	// A form whose words the other form's name holds all is no other
	// form's: the motorbike's new owner fills in both declarations, "thủ
	// tục" saying "thu" of "thu hồi" or not (record 1.013076).
	p = embeddedProcedure(t, "1.013076")
	q := "xe may mua lai tu nguoi quen 2 nam nay van chua doi ten, gio di lam thu tuc doi chu xe thi chuan bi nhung gi"
	if got := papersText(p, q); !strings.Contains(got, "Giấy khai thu hồi") || !strings.Contains(got, "Giấy khai đăng ký xe") {
		t.Errorf("%q: %q, want both declarations", q, got)
	}
	// Forms of different kinds are no siblings: a fuel supplier's order
	// and stock slip stay beside the customs declaration, whose long name
	// holds "tại" (record 2.000015).
	p = embeddedProcedure(t, "2.000015")
	q = "cong ty toi cung ung xang dau cho tau bien nuoc ngoai, lam thu tuc hai quan tai xuat thi can nhung chung tu gi"
	if got := papersText(p, q); !strings.Contains(got, "Đơn đặt hàng") {
		t.Errorf("%q: %q, want the order", q, got)
	}
}

// A case whose paper is "Hồ sơ như quy định tại các điểm b, c, d, e mục 1"
// lists the papers the first case letters so: a pensioner's widow brings
// the death certificate and the relative's declaration (record 2.000821).
func TestPapersReferredByLetter(t *testing.T) {
	p := embeddedProcedure(t, "2.000821")
	q := "Chồng tôi đang hưởng lương hưu thì qua đời. Tôi muốn làm hồ sơ hưởng tiền tuất và trợ cấp mai táng thì cần những giấy tờ gì?"
	got := papersText(p, q)
	for _, want := range []string{"09-HSB", "giấy chứng tử"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q: %q, want %q", q, got, want)
		}
	}
	if strings.Contains(got, "như quy định tại") {
		t.Errorf("%q: %q, the reference given for the papers", q, got)
	}
	// A patient who paid the bill brings the card and the receipts the
	// first case lists, not "Hồ sơ tương tự như khoản 1", nor the form of
	// a note on lost receipts (record 1.001656).
	p = embeddedProcedure(t, "1.001656")
	for _, q := range []string{
		"Me toi di cap cuu o benh vien tinh, luc do vo vang quen mang the BHYT nen phai tu tra het vien phi. Gio muon xin BHXH thanh toan lai tien thi can giay to gi",
		"ba toi chay than, nam nay tien cung chi tra bhyt da vuot muc roi, xin giay chung nhan khong cung chi tra thi can giay to gi",
	} {
		got := papersText(p, q)
		for _, want := range []string{"Thẻ BHYT", "hóa đơn, biên lai"} {
			if !strings.Contains(got, want) {
				t.Errorf("%q: %q, want %q", q, got, want)
			}
		}
		for _, wrong := range []string{"tương tự", "01/KBCB", "Các giấy tờ sau"} {
			if strings.Contains(got, wrong) {
				t.Errorf("%q: %q says %q", q, got, wrong)
			}
		}
	}
}

// The papers after "Ngoài giấy tờ nêu trên, tùy từng trường hợp, … phải
// nộp giấy tờ tương ứng sau đây:" are cases' papers: a Vietnamese woman
// marrying a Korean is not told to bring a civil servant's permission,
// and her fiancé's single-status paper is named (record 2.000806).
func TestPapersAfterALeadToCasesAreTheCases(t *testing.T) {
	q := "Tôi là người Việt, sắp cưới anh bạn trai người Hàn Quốc, hai đứa định đăng ký kết hôn ở Việt Nam. Cho hỏi hồ sơ cần những giấy tờ gì?"
	_, answer := embeddedAnswer(t, "2.000806", q)
	if !strings.Contains(answer, "tình trạng hôn nhân của người nước ngoài") {
		t.Errorf("%q: %q, want the foreigner's single-status paper", q, answer)
	}
	if strings.Contains(answer, "công chức") {
		t.Errorf("%q: %q, a civil servant's paper as everyone's", q, answer)
	}
}

// Who confirms a form, said after its code, is named with it: the heirs of
// a pensioner get the local government's confirmation on form 3-CBH
// (record 2.000717).
func TestFormConfirmedByIsNamed(t *testing.T) {
	p := embeddedProcedure(t, "2.000717")
	q := "Ông tôi mất đầu tháng, tiền lương hưu tháng này ông chưa kịp lĩnh. Con cháu có được nhận thay không, cần giấy gì?"
	if got := papersText(p, q); !strings.Contains(got, "3-CBH, có xác nhận của chính quyền địa phương") {
		t.Errorf("%q: %q, want who confirms the form", q, got)
	}
}

// "sổ đỏ" typed with its tones is no "sơ đồ" in a paper's name.
func TestPaperAskedWhetherKeepsItsTones(t *testing.T) {
	asked := paperWhether("xin giấy phép xây nhà 3 tầng ở xã thì có phải nộp sổ đỏ k, bao lâu thì có giấy phép")
	if asked == nil {
		t.Fatal("no paper asked whether")
	}
	if asked(paper{full: "02 bộ bản vẽ thiết kế: sơ đồ vị trí công trình"}) {
		t.Error("sơ đồ read as sổ đỏ")
	}
	if !asked(paper{full: "Bản sao sổ đỏ"}) {
		t.Error("sổ đỏ not read as sổ đỏ")
	}
}

// "Số lượng hồ sơ: 01 (bộ)." in a row of its own counts the files: it is
// no paper (record 1.010337).
func TestFileCountIsNoPaper(t *testing.T) {
	p := &knowledge.Procedure{Title: "Đăng ký sử dụng hoá đơn điện tử", Papers: []knowledge.Paper{
		{Name: "Số lượng hồ sơ: 01 (bộ).", Count: "1 bản chính"},
		{Name: "Tờ khai đăng ký/ Thay đổi thông tin sử dụng hoá đơn điện tử theo Mẫu số 01ĐKTĐ/HĐĐT Phụ lục IA", Count: "1 bản chính"},
	}}
	var b strings.Builder
	papersLine(&b, p, "đăng ký hóa đơn điện tử cần giấy gì", view{}, maxTextPapers, maxPaperList)
	if strings.Contains(b.String(), "Số lượng") || !strings.Contains(b.String(), "01ĐKTĐ/HĐĐT") {
		t.Errorf("papers %q, want the form alone", b.String())
	}
}

// A record in sections ("đ) Thành phần hồ sơ chuyển mục đích sử dụng
// đất …, gồm:", 1.013949) gives the papers of the section the question
// names, even in the title's words, never an investor's unless asked,
// and its form as far as the kind named.
func TestSectionTheQuestionNames(t *testing.T) {
	form := knowledge.Paper{Name: "Đơn đề nghị giao đất/thuê đất/chuyển mục đích sử dụng đất/giao đất và giao rừng/cho thuê đất và cho thuê rừng", Count: "1 bản chính, 1 bản sao"}
	p := &knowledge.Procedure{Title: "Giao đất, cho thuê đất, chuyển mục đích sử dụng đất đối với trường hợp giao đất, cho thuê đất không đấu giá quyền sử dụng đất; gia hạn sử dụng đất khi hết thời hạn sử dụng đất", Papers: []knowledge.Paper{
		{Name: "a) Thành phần hồ sơ giao đất, cho thuê đất không thông qua hình thức đấu giá quyền sử dụng đất thuộc diện chấp thuận chủ trương đầu tư, chấp thuận nhà đầu tư theo pháp luật về đầu tư, gồm:"},
		{Name: "Bản sao văn bản phê duyệt dự án đầu tư, quyết định chấp thuận chủ trương đầu tư", Count: "1 bản chính, 1 bản sao"},
		form,
		{Name: "d) Thành phần hồ sơ chuyển mục đích sử dụng đất thuộc diện chấp thuận chủ trương đầu tư, chấp thuận nhà đầu tư theo pháp luật về đầu tư, gồm:"},
		form,
		{Name: "Bản sao văn bản phê duyệt dự án đầu tư, quyết định chấp thuận chủ trương đầu tư", Count: "1 bản chính, 1 bản sao"},
		{Name: "h) Thành phần hồ sơ gia hạn sử dụng đất, gồm:"},
		{Name: "Đơn đề nghị gia hạn sử dụng đất", Count: "1 bản chính, 1 bản sao"},
		{Name: "đ) Thành phần hồ sơ chuyển mục đích sử dụng đất thuộc diện không chấp thuận chủ trương đầu tư, chấp thuận nhà đầu tư theo pháp luật về đầu tư, gồm:"},
		{Name: "Một trong các giấy chứng nhận quy định tại khoản 21 Điều 3 Luật Đất đai", Count: "1 bản chính, 1 bản sao"},
		form,
	}}
	for q, want := range map[string]string{
		// "Gia đình" and the time asked ("thời hạn") name no extension.
		"Gia đình tôi có đất vườn, đã có sổ đỏ, muốn chuyển một phần lên đất ở để xây nhà. Thủ tục chuyển mục đích sử dụng đất cần đơn gì, mất bao lâu?": "chuyển mục đích sử dụng đất thuộc diện không chấp thuận",
		"công ty tôi có dự án đầu tư đã được chấp thuận chủ trương, xin chuyển mục đích sử dụng đất cần gì":                                              "chuyển mục đích sử dụng đất thuộc diện chấp thuận",
		"đất thuê sắp hết hạn, xin gia hạn sử dụng đất cần giấy gì":                                                                                      "gia hạn sử dụng đất",
	} {
		got := papersText(p, q)
		if !strings.Contains(got, "(trường hợp «"+clip(want, 50)) && !strings.Contains(got, "(trường hợp «"+want) {
			t.Errorf("%q: %s", q, got)
		}
		if strings.Contains(want, "chuyển mục đích") && !strings.Contains(got, "Đơn đề nghị giao đất/thuê đất/chuyển mục đích sử dụng đất;") {
			t.Errorf("%q: the form not named as far as its kind asked: %s", q, got)
		}
	}
}

// Of the forms a paper offers one for another ("… hàng tháng … Hoặc …
// một lần … đã từ trần …", 2.001428), the one the question asks: a
// one-off allowance for a volunteer who died, not the monthly one.
func TestFormOfferedInsteadAsked(t *testing.T) {
	p := &knowledge.Procedure{Title: "Giải quyết chế độ trợ cấp hàng tháng đối với thanh niên xung phong", Papers: []knowledge.Paper{
		{Name: "Bản khai cá nhân đề nghị hưởng chế độ trợ cấp hàng tháng đối với thanh niên xung phong, theo mẫu BM.NCC.20.01 Hoặc Bản khai cá nhân đề nghị hưởng chế độ trợ cấp một lần đối với thanh niên xung phong đã từ trần, theo mẫu BM.NCC.20.02 Hoặc Bản khai cá nhân đề nghị hưởng chế độ trợ cấp một lần đối với thanh niên xung phong, theo mẫu BM.NCC.20.03", Count: "1 bản chính"},
		{Name: "Giấy chứng nhận hộ nghèo", Count: "1 bản chính"},
	}}
	for q, want := range map[string]string{
		"Bố tôi trước đây là thanh niên xung phong, ông mất năm ngoái mà chưa được hưởng chế độ gì, muốn làm hồ sơ hưởng trợ cấp một lần cho ông thì cần giấy gì": "20.02",
		"Tôi từng là thanh niên xung phong, nhà hộ nghèo, xin trợ cấp một lần thì cần giấy gì":                                                                    "20.03",
		"Bố tôi là thanh niên xung phong, xin trợ cấp hàng tháng cần giấy gì":                                                                                     "20.01",
	} {
		if got := papersText(p, q); !strings.Contains(got, want) {
			t.Errorf("%q: %s, want the form %s", q, got, want)
		}
	}
}

// papersText is the papers line of p's answer to q, as an answer lists
// them.
func papersText(p *knowledge.Procedure, q string) string {
	var b strings.Builder
	papersLine(&b, p, q, view{}, 3, maxPaperList)
	return b.String()
}

// "Trường hợp cá nhân đăng ký thuế trực tiếp với cơ quan thuế" says who
// deals with the office, not how papers go in: it heads a case of its
// own, and its declaration (05-ĐK-TCT) is not run into the case before,
// the employer's (record 1.008498).
func TestCaseDirectlyWithTheOfficeIsACase(t *testing.T) {
	docs, err := portal.EmbeddedDocuments("1.008498")
	if err != nil || len(docs) != 1 {
		t.Fatal(docs, err)
	}
	cases := paperCases(docs[0].Procedure)
	if len(cases) != 5 {
		t.Fatalf("%d cases, want the record's five", len(cases))
	}
	for i, c := range cases {
		direct := strings.Contains(c.heading, "trực tiếp với cơ quan thuế")
		if want := i == 2 || i == 4; direct != want {
			t.Errorf("case %d %q: directly with the office %v, want %v", i, c.heading, direct, want)
		}
		employer := slices.ContainsFunc(c.papers, func(x paper) bool { return strings.Contains(x.name, "05-ĐK-TCT") })
		if want := i == 2; employer != want {
			t.Errorf("case %d %q: own declaration 05-ĐK-TCT listed %v, want %v", i, c.heading, employer, want)
		}
	}
}

// A paper for one who lacks another ("… đối với trường hợp đăng ký khai
// tử cho người chết đã lâu, không có Giấy báo tử") is a special case
// however far into its name the case is said: a family that has the
// death notice is told to bring it (record 1.000656).
func TestPaperForOneLackingAnotherIsSpecial(t *testing.T) {
	docs, err := portal.EmbeddedDocuments("1.000656")
	if err != nil || len(docs) != 1 {
		t.Fatal(docs, err)
	}
	papers, _, _ := papersOf(docs[0].Procedure, "Ông nội em mất hôm qua tại nhà, trước đó có nằm viện một thời gian rồi xin về. Gia đình lo đám xong rồi giờ muốn làm giấy khai tử cho ông thì cần những giấy gì?")
	var everyones []string
	for _, x := range papers {
		if !x.special && !x.other {
			everyones = append(everyones, x.name)
		}
	}
	if len(everyones) < 3 || !slices.ContainsFunc(everyones[:3], func(n string) bool { return strings.HasPrefix(n, "Giấy báo tử") }) {
		t.Errorf("papers %q, want the death notice among the first three", everyones)
	}
	if slices.ContainsFunc(everyones, func(n string) bool { return strings.HasPrefix(n, "Giấy tờ, tài liệu, chứng cứ") }) {
		t.Errorf("papers %q: the proofs for a death long ago are everyone's", everyones)
	}
}

// A time asked of one line goes whole after a long list of papers: the
// number whose unit the record lost keeps the steps' words beside it,
// not "«1» …" (record 1.000656).
func TestTimeOfOneLineSaidWhole(t *testing.T) {
	_, got := embeddedAnswer(t, "1.000656", "bo toi moi mat hom qua o nha, gio lam giay khai tu o xa thi can mang giay to gi va bao lau thi lay duoc?")
	if !strings.Contains(got, "Giấy báo tử") || !strings.Contains(got, "trong ngày làm việc tiếp theo") {
		t.Errorf("answer %q, want the death notice and the steps' time", got)
	}
}

// embeddedAnswer returns the embedded record of code and its answer to
// q, as recordAnswer writes it for the intents q asks.
func embeddedAnswer(t *testing.T, code, q string) (*knowledge.Procedure, string) {
	t.Helper()
	docs, err := portal.EmbeddedDocuments(code)
	if err != nil || len(docs) != 1 {
		t.Fatal(docs, err)
	}
	var b strings.Builder
	recordAnswer(&b, q, detectIntents(fold(q)), docs[0], "", view{})
	return docs[0].Procedure, b.String()
}

// embeddedProcedure is the embedded official record of a code.
func embeddedProcedure(t *testing.T, code string) *knowledge.Procedure {
	t.Helper()
	docs, err := portal.EmbeddedDocuments(code)
	if err != nil || len(docs) != 1 {
		t.Fatal(docs, err)
	}
	return docs[0].Procedure
}

// "Trong thời hạn 02 (hai) ngày làm việc, kể từ ngày nhận đủ hồ sơ …, cơ
// quan đăng ký cấp giấy chứng nhận" is the office's time, its number
// said in words too: no deadline of the resident's (record 1.006391).
func TestOfficeTimeWithNumberInWordsIsNoDeadline(t *testing.T) {
	q := "Tôi có chiếc ghe chở hàng đăng ký ở tỉnh cũ, giờ chuyển hộ khẩu sang tỉnh khác thì phải đăng ký lại ghe, lệ phí bao nhiêu, mấy ngày?"
	p, answer := embeddedAnswer(t, "1.006391", q)
	if got := deadlineOf(p, q); strings.Contains(got, "02 (hai) ngày") {
		t.Errorf("deadline %q: the office's time", got)
	}
	// The length asked beside the fee is the office's time, then.
	if !strings.Contains(answer, "Thời hạn giải quyết: 2 ngày") || !strings.Contains(answer, "70.000") {
		t.Errorf("answer %q, want the fee and the office's 2 days", answer)
	}
}

// A deadline named as such ("hạn chót là khi nào", "trong bao lâu phải
// khai") that the record lacks is not answered with the office's time.
func TestDeadlineSaidIsNoOfficeTime(t *testing.T) {
	p := &knowledge.Procedure{Title: "Khai thuế thu nhập cá nhân", Methods: []knowledge.Method{{Channel: "Trực tiếp", Time: "10 ngày làm việc"}}}
	for _, q := range []string{
		"ban co phieu thi phai tu khai thue thu nhap ca nhan, han chot la khi nao, nop o dau, to khai mau nao",
		"trong bao lâu phải khai thuế, dùng tờ khai mẫu nào?",
	} {
		var b strings.Builder
		recordAnswer(&b, q, detectIntents(fold(q)), knowledge.Document{Title: p.Title, Procedure: p}, "", view{})
		if got := b.String(); strings.Contains(got, "10 ngày") {
			t.Errorf("%q: answer %q gives the office's time for the deadline", q, got)
		}
	}
}

// "Hồ sơ đề nghị hưởng trợ cấp tai nạn, gồm:" heads the injury's papers,
// "Hồ sơ đề nghị hưởng trợ cấp tiền tuất, tiền mai táng phí, gồm:" the
// death's: an injury asked gets no death certificate, a death asked gets
// it (record 1.012538).
func TestInjuryAndDeathCasesApart(t *testing.T) {
	residentsPaper(t, "1.012538", "giấy chứng tử", map[string]bool{
		"Chồng tôi đi trực tổ bảo vệ an ninh trật tự ở thôn thì bị tai nạn gãy chân, anh chưa có bảo hiểm xã hội. Xin trợ cấp tai nạn thì cần nộp những giấy tờ gì?": false,
		"Chồng tôi ở tổ bảo vệ an ninh trật tự, chết khi đi làm nhiệm vụ, chưa có bảo hiểm xã hội. Gia đình xin trợ cấp cần giấy tờ gì?":                             true,
	})
}

// residentsPaper checks, for each question, whether the papers of the
// case it picks in the embedded record code (not another case's) name
// one holding part.
func residentsPaper(t *testing.T, code, part string, want map[string]bool) {
	t.Helper()
	docs, err := portal.EmbeddedDocuments(code)
	if err != nil || len(docs) != 1 {
		t.Fatal(docs, err)
	}
	for q, want := range want {
		papers, _, _ := papersOf(docs[0].Procedure, q)
		if got := slices.ContainsFunc(papers, func(x paper) bool { return !x.other && strings.Contains(x.name, part) }); got != want {
			t.Errorf("%q: %q among the resident's papers %v, want %v", q, part, got, want)
		}
	}
}

// The temporary absence's record (1.003677) opens with the papers of one
// under supervision (the supervisor's consent): a resident going away to
// work gets the other case's, one on a suspended sentence keeps them.
func TestTemporaryAbsenceOfTheSupervised(t *testing.T) {
	residentsPaper(t, "1.003677", "Văn bản đồng ý", map[string]bool{
		"Tôi sắp đi làm ăn xa một năm, khai báo tạm vắng cần những giấy tờ gì?": false,
		"khai tam vang can nhung gi": false,
		"Tôi đang hưởng án treo, muốn đi khỏi xã ít hôm thì khai báo tạm vắng cần giấy tờ gì?": true,
	})
}

// The one paper of the resident's case is named whole when papers are
// all that is asked, where to hand them in aside: the contents of a
// temporary absence's declaration end with the destination. The case
// named only by the law's clause is not named.
func TestLonePaperNamedWhole(t *testing.T) {
	for _, q := range []string{
		"Sắp đi làm xa nhà một thời gian dài, nếu phải khai báo tạm vắng thì cần khai những nội dung gì?",
		"Tôi sắp đi xa nhà vài tháng, khai báo tạm vắng ở đâu và cần khai những gì?",
	} {
		_, answer := embeddedAnswer(t, "1.003677", q)
		if !strings.Contains(answer, "lý do tạm vắng") || !strings.Contains(answer, "địa chỉ nơi đến") || strings.Contains(answer, "Văn bản đồng ý") || strings.Contains(answer, "quy định tại điểm") {
			t.Errorf("%q: answer %q, want the declaration's contents whole, no supervisor's consent, no clause", q, answer)
		}
	}
}

// A divorced resident asking for the single-status paper is told to give
// the divorce judgment's details, a row the portal counts no copy of
// (1.004873); one who says nothing of a divorce is not.
func TestConditionSaidNamesItsPaper(t *testing.T) {
	for q, want := range map[string]bool{
		"e ly hon dc 2 nam r, h mun xin giay xac nhan tinh trang hon nhan de lay chong moi thi can nhung giay to j": true,
		"xin giấy xác nhận tình trạng hôn nhân để đi làm hồ sơ vay vốn cần giấy tờ gì":                              false,
	} {
		_, answer := embeddedAnswer(t, "1.004873", q)
		if got := strings.Contains(answer, "Quyết định ly hôn"); got != want {
			t.Errorf("%q: the divorce judgment named %v, want %v:\n%s", q, got, want, answer)
		}
	}
}

// An organisation's deadline (the oil contractors' of 1.008503) is not
// that of a resident who speaks for none: a person's change of tax
// details is reported within 10 working days.
func TestOrganisationsDeadlineIsNoResidents(t *testing.T) {
	q := "Tôi bán hàng online, tự đăng ký mã số thuế cá nhân kinh doanh (không đăng ký hộ kinh doanh). Giờ đổi số điện thoại và email thì phải báo thay đổi thông tin đăng ký thuế trong bao lâu, có mất phí không?"
	docs, err := portal.EmbeddedDocuments("1.008503")
	if err != nil || len(docs) != 1 {
		t.Fatal(docs, err)
	}
	if got := deadlineOf(docs[0].Procedure, q); !strings.Contains(got, "10 ngày làm việc") || strings.Contains(got, "dầu khí") {
		t.Errorf("deadline %q, want a person's 10 working days, not the oil contractors'", got)
	}
}

// A yearly date the file must go in by ("gửi 01 bộ hồ sơ … trước ngày
// 30/9 hàng năm", 1.003596) is the resident's deadline.
func TestYearlyDateIsADeadline(t *testing.T) {
	_, answer := embeddedAnswer(t, "1.003596", "HTX bọn em muốn đề xuất kế hoạch khuyến nông với xã cho năm sau, hạn nộp hồ sơ là ngày nào, hồ sơ gồm những gì?")
	if !strings.Contains(answer, "30/9") || strings.Contains(answer, "Bước 1") {
		t.Errorf("answer %q, want the yearly 30/9, its step unnumbered", answer)
	}
}

// A case whose condition the question does not tell is not quoted: a
// Korean fiancé living in Việt Nam is not "đang công tác, học tập, lao
// động có thời hạn ở nước ngoài" (record 2.000806).
func TestCaseTheQuestionDoesNotTellIsNotQuoted(t *testing.T) {
	q := "Em gái tôi sắp cưới chồng người Hàn Quốc, anh ấy đang ở Việt Nam, hai đứa muốn đăng ký kết hôn ở xã nhà tôi. Cho hỏi cần những giấy tờ gì, có phải đi khám sức khỏe không?"
	p := embeddedProcedure(t, "2.000806")
	if got := recordDetail(q, p.Title, p); strings.Contains(got, "có thời hạn ở nước ngoài") {
		t.Errorf("detail %q, want no case of one working abroad", got)
	}
}

// Of a record whose every case is a particular one, the case its heading
// names as the title's first clause is the plain one, its papers in the
// order of their numbers: not those filed online, listed first (record
// 1.005280).
func TestPlainCaseOfARecordOfCases(t *testing.T) {
	_, answer := embeddedAnswer(t, "1.005280", "Mấy hộ nuôi tôm tính góp vốn lập HTX, đăng ký thành lập HTX cần hồ sơ gì?")
	if !strings.Contains(answer, "Giấy đề nghị đăng ký thành lập") || !strings.Contains(answer, "Điều lệ") || strings.Contains(answer, "môi trường điện tử") {
		t.Errorf("answer %q, want the plain case's application and charter", answer)
	}
}

// A title's note in brackets that widens what it covers, and that the
// question names, is not cut away: "điểm chỉ có được không" is answered
// by "(áp dụng cho cả trường hợp chứng thực điểm chỉ …)" (record
// 2.000884); another question gets the title cut.
func TestTitleNoteTheQuestionNamesIsShown(t *testing.T) {
	_, answer := embeddedAnswer(t, "2.000884", "Con tôi liệt hai tay không ký được, chứng thực giấy ủy quyền thì điểm chỉ có được không, mất bao nhiêu tiền?")
	if !strings.Contains(answer, "chứng thực điểm chỉ") {
		t.Errorf("answer %q, want the title's note on fingerprints", answer)
	}
	_, answer = embeddedAnswer(t, "2.000884", "chứng thực chữ ký giấy ủy quyền mất bao nhiêu tiền?")
	if strings.Contains(answer, "điểm chỉ") {
		t.Errorf("answer %q, want the title cut", answer)
	}
	// A note that only names the procedure again ("(đăng ký sang tên
	// xe)") widens nothing (record 1.013076).
	_, answer = embeddedAnswer(t, "1.013076", "Mua lại xe máy cũ của hàng xóm, giờ sang tên đổi chủ cần giấy tờ gì?")
	if strings.Contains(answer, "dịch vụ công trực tuyến một phần") {
		t.Errorf("answer %q, want the title cut", answer)
	}
}

// A wife brought into her husband's household registers in a home she
// does not own: the case of the relatives who join the household, whose
// papers prove the tie (record 1.004222), not the owner's own.
func TestSpouseJoiningAHouseholdIsTheirCase(t *testing.T) {
	_, answer := embeddedAnswer(t, "1.004222", "Cưới vợ rồi giờ muốn nhập hộ khẩu cho vợ về nhà mình thì cần giấy tờ gì, mấy ngày xong?")
	if !strings.Contains(answer, "quan hệ nhân thân") {
		t.Errorf("answer %q, want the proof of the tie to the household's head", answer)
	}
}

// A worker's sickness or maternity file goes to her employer, as the
// steps say ("NLĐ đang tham gia BHXH bắt buộc … nộp cho đơn vị SDLĐ"),
// not only to the social insurance office the record names; a voluntary
// member's does not (2.000693, 1.001667).
func TestEmployeeHandsTheFileToTheEmployer(t *testing.T) {
	for code, q := range map[string]string{
		"2.000693": "e moi sinh em be, lam che do thai san nop o dau, bao lau thi co tien",
		"1.001667": "cong nhan bi om nghi 5 ngay, lam che do om dau nop ho so o dau",
	} {
		docs, err := portal.EmbeddedDocuments(code)
		if err != nil || len(docs) != 1 {
			t.Fatal(docs, err)
		}
		var b strings.Builder
		recordAnswer(&b, q, detectIntents(fold(q)), docs[0], "", view{})
		if !strings.Contains(b.String(), "đơn vị sử dụng lao động") {
			t.Errorf("%s: %q\n%s\nwant the employer as the place", code, q, b.String())
		}
		b.Reset()
		voluntary := "toi dong bhxh tu nguyen, " + q
		recordAnswer(&b, voluntary, detectIntents(fold(voluntary)), docs[0], "", view{})
		if strings.Contains(b.String(), "đơn vị sử dụng lao động") {
			t.Errorf("%s: %q\n%s\nwant no employer", code, voluntary, b.String())
		}
	}
}

// The sickness and maternity records list their papers in an outline:
// "1. Đối với NLĐ (Trường hợp không quy định là bản chính …)" heads an
// employee's papers, its bracket a note on copies; "1.4. Lao động nam …
// khi vợ sinh con hồ sơ là …" is a kind of applicant's row; "2.
// Trường hợp người hưởng là người sinh con … đã thôi việc …", too long
// for a heading, is a case of its own. A resident gets their own papers,
// not the employer's list nor the husband's.
func TestOutlinedPapersAreTheResidents(t *testing.T) {
	_, a := embeddedAnswer(t, "1.001667", "Tôi nghỉ ốm 5 ngày, có giấy của bệnh viện, muốn lấy tiền ốm đau bên bảo hiểm thì nộp giấy gì?")
	if !strings.Contains(a, "Giấy ra viện") || !strings.Contains(a, "Giấy chứng nhận nghỉ việc") || strings.Contains(a, "01B-HSB") || strings.Contains(a, "1.1.1") {
		t.Errorf("sick leave, an employee's papers:\n%s", a)
	}
	for _, q := range []string{
		"Em nghỉ việc trc khi sinh, giờ tự nộp hs hưởng chế độ TS lên cơ quan BHXH thì cần giấy tờ gì và mấy ngày giải quyết?",
		"Vợ tôi đóng BHXH tự nguyện được hơn một năm, vừa sinh cháu được 3 tuần, cần những giấy gì để hưởng thai sản?",
	} {
		_, a := embeddedAnswer(t, "2.000693", q)
		if !strings.Contains(a, "giấy khai sinh hoặc trích lục khai sinh") || strings.Contains(a, "Lao động nam") || strings.Contains(a, "mang thai hộ") {
			t.Errorf("%s\nmaternity after a birth, the child's birth paper:\n%s", q, a)
		}
	}
}

// Record 2.000762 heads its papers "1. Đối với trường hợp hưởng trợ cấp
// hàng tháng …" and "2. Đối với người đủ điều kiện … mà bị chết …": the
// monthly allowance's request is the resident's, the funeral's only
// when a death is said.
func TestDeathCaseOnlyWhenADeathIsSaid(t *testing.T) {
	_, a := embeddedAnswer(t, "2.000762", "Bố tôi nghỉ việc từ lâu, có 15 năm công tác, nghe nói được trợ cấp hàng tháng theo quyết định 613 thì nộp đơn gì?")
	if !strings.Contains(a, "Đơn đề nghị giải quyết trợ cấp hàng tháng") || strings.Contains(a, "mai táng") {
		t.Errorf("the monthly allowance asked:\n%s", a)
	}
	_, a = embeddedAnswer(t, "2.000762", "bố tôi được trợ cấp 613 mà chưa kịp giải quyết thì mất, con cái làm hồ sơ gì")
	if !strings.Contains(a, "mai táng") {
		t.Errorf("a death said:\n%s", a)
	}
}

// A paper whose name says it is for some applicants only ("Biên bản
// giám định mức suy giảm KNLĐ … đối với thân nhân bị suy giảm KNLĐ từ
// 81% trở lên") is no paper every survivor brings.
func TestPaperForSomeIsASpecialCase(t *testing.T) {
	_, a := embeddedAnswer(t, "2.000821", "Bố tôi đang hưởng lương hưu thì mất tháng trước, bên BHXH bảo làm hồ sơ hưởng trợ cấp mai táng với tuất, cho tôi hỏi cần những giấy gì")
	if strings.Contains(a, "Biên bản giám định") || !strings.Contains(a, "09-HSB") {
		t.Errorf("the assessment is for relatives who lost 81%% of their capacity:\n%s", a)
	}
}

// Whether a file may go by post, asked, is said from the record's ways
// of handing in: the tax return of a household business may (record
// 1.011022 lists "Dịch vụ bưu chính"); the temporary residence's,
// without that way, says it lists none. The post office where a pension
// is paid is no post asked.
func TestPostAskedIsAnswered(t *testing.T) {
	_, a := embeddedAnswer(t, "1.011022", "ba toi 70 tuoi ban tap hoa nho o nha, to khai thue ho kinh doanh co gui qua buu dien duoc ko, khai theo mau nao")
	if !strings.Contains(a, "gửi qua dịch vụ bưu chính") {
		t.Errorf("the tax return by post:\n%s", a)
	}
	_, a = embeddedAnswer(t, "1.004194", "đăng ký tạm trú gửi hồ sơ qua bưu điện được không")
	if !strings.Contains(a, "bản ghi không ghi cách gửi qua bưu chính") {
		t.Errorf("a record without the post:\n%s", a)
	}
	// The post office as where a pension is paid asks nothing of it.
	_, a = embeddedAnswer(t, "1.001601", "Ông tôi già yếu không ra bưu điện lĩnh lương hưu được, muốn ủy quyền cho tôi lĩnh thay thì cần giấy gì?")
	if strings.Contains(a, "bưu chính") {
		t.Errorf("the pension's paying point is no post asked:\n%s", a)
	}
}

// "Làm khai sinh ở phường nơi tạm trú được không hay bắt buộc về quê"
// is settled by the civil-status records' own note: "Cá nhân có quyền
// lựa chọn thực hiện thủ tục hành chính về hộ tịch tại cơ quan đăng ký
// hộ tịch nơi cư trú"; "có bắt buộc về công an nơi thường trú không" of
// an ID card by the card's "trong cả nước không phụ thuộc vào nơi cư
// trú"; "để về quê vợ đăng ký kết hôn" asks nothing of it.
func TestWhereOneLivesSettledByTheChoiceOfOffice(t *testing.T) {
	for code, q := range map[string]string{
		"1.001193": "Vợ chồng em hộ khẩu ngoài Nghệ An, đang tạm trú ở phường này. Làm khai sinh cho con ở phường nơi tạm trú được không hay bắt buộc về quê ạ?",
		"1.000894": "e voi ny que khac tinh, dang ky ket hon o phuong noi tam tru duoc ko hay phai ve que",
	} {
		p := embeddedProcedure(t, code)
		if d := recordDetail(q, p.Title, p); !strings.Contains(d, "quyền lựa chọn") || !strings.Contains(d, "nơi cư trú") {
			t.Errorf("%s: %q", q, d)
		}
	}
	// Nor must an ID card be asked where one is a permanent resident.
	p := embeddedProcedure(t, "1.014061")
	if q := "con toi vua du 14t, lam the can cuoc lan dau co bat buoc ve cong an noi thuong tru ko? bao lau thi lay dc"; !strings.Contains(recordDetail(q, p.Title, p), "không phụ thuộc vào nơi cư trú") {
		t.Errorf("%s: the card's any-office rule not quoted", q)
	}
	// A trip home told, not asked, is answered without it.
	p = embeddedProcedure(t, "1.004873")
	if q := "Xin giấy độc thân để về quê vợ đăng ký kết hôn thì mấy ngày có, có mất tiền không?"; strings.Contains(recordDetail(q, p.Title, p), "quyền lựa chọn") {
		t.Errorf("%s: the choice of office quoted", q)
	}
}

// An heir asking "sang tên sổ đỏ" gets the papers of a transfer (form
// 18, the certificate, the paper of inheritance), not the case of land
// given to the State, which the dictionary's "tặng cho" reading of
// "sang tên" and "thống nhất" folded as "giao thông" named; one who
// gives land for a road gets that case.
func TestCaseNamedByTheQuestionNotTheDictionaryAlone(t *testing.T) {
	_, a := embeddedAnswer(t, "1.013831", "bo toi mat, anh em da thong nhat de toi nhan thua ke dat. di dang ky sang ten so do can nhung giay gi? don theo mau nao")
	if !strings.Contains(a, "mẫu số 18") || strings.Contains(a, "Nhà nước") || strings.Contains(a, "biên bản họp") {
		t.Errorf("an heir's transfer:\n%s", a)
	}
	_, a = embeddedAnswer(t, "1.013831", "tôi muốn tặng cho một phần đất cho nhà nước để mở rộng đường giao thông thì cần giấy gì")
	if !strings.Contains(a, "Văn bản tặng cho quyền sử dụng đất") {
		t.Errorf("land given for a road:\n%s", a)
	}
}

// Two rows of one paper ("Một trong những loại giấy tờ hợp pháp về đất
// đai" and "Một trong những giấy tờ hợp pháp về đất đai", record
// 1.013229) are named once, leaving room for the drawings.
func TestOnePaperOfTwoRowsNamedOnce(t *testing.T) {
	_, a := embeddedAnswer(t, "1.013229", "Nhà cấp 4 của tôi xuống cấp, muốn thay mái và đổ lại sàn (sửa chữa cải tạo), xin giấy phép sửa chữa cải tạo thì cần những giấy tờ gì ạ?")
	if strings.Count(a, "giấy tờ hợp pháp về đất đai") != 1 || !strings.Contains(a, "Bản vẽ hiện trạng") {
		t.Errorf("the land paper once, the drawings named:\n%s", a)
	}
}

// A time's note that labels its own part far into the note and opens
// each case with its time ("Thời hạn giải quyết: - 03 ngày làm việc đối
// với trường hợp thông tin … đã có trong Cơ sở dữ liệu …; - 07 ngày làm
// việc … chưa có …", record 1.012566) is said beside the cell's 7 days,
// each case by what tells it from the other.
func TestTimeNoteOfCasesAfterTheirTimes(t *testing.T) {
	_, a := embeddedAnswer(t, "1.012566", "Xin giấy XN số CMND 9 số cũ với số CCCD để ngân hàng cập nhật thì mất mấy ngày, có tốn phí ko?")
	if !strings.Contains(a, "03 ngày làm việc … đã có") || !strings.Contains(a, "07 ngày làm việc … chưa có") {
		t.Errorf("the 3 days when the old number is on record:\n%s", a)
	}
	// One whose cases come before their times is the steps' detail: a
	// scrapped motorbike's plates handed back get the 2 days alone.
	_, a = embeddedAnswer(t, "1.013123", "xe may cu hong nat khong dung duoc nua, muon nop lai bien so va giay dang ky thi can mang gi, bao lau xong")
	if strings.Contains(a, "Ghi chú của bản ghi về thời hạn") {
		t.Errorf("a scrapped motorbike's plates, no note of a lost paper's cases:\n%s", a)
	}
}

// The time's label is found in the note as written: letters whose lower
// case is longer ("İ") before it do not shift where its part starts.
func TestTimeLabelFoundAsWritten(t *testing.T) {
	p := &knowledge.Procedure{Methods: []knowledge.Method{{Channel: "Trực tiếp", Time: "7 Ngày làm việc",
		Note: strings.Repeat("İ", 130) + ". Thời hạn giải quyết: - 03 ngày làm việc đối với trường hợp đã có; - 07 ngày làm việc đối với trường hợp chưa có"}}}
	if got := timeNote(p, "7 ngày làm việc"); !strings.Contains(got, "03 ngày làm việc đối với trường hợp đã có") {
		t.Errorf("timeNote = %q", got)
	}
}

// One who registers a dependant with the tax office directly is the
// record's fifth case, not the business household's first, though "cơ
// quan thuế" is said: the office one hands the papers to speaks for no
// body. The form of the Vietnamese dependant's row is named, without
// the outline's pluses (record 1.008498).
func TestDependantRegisteredDirectlyGetsTheirForm(t *testing.T) {
	_, a := embeddedAnswer(t, "1.008498", "đăng ký MST cho con nhỏ là người phụ thuộc để giảm trừ gia cảnh, em tự nộp với cơ quan thuế luôn thì tờ khai mẫu nào?")
	if !strings.Contains(a, "20-ĐK-TCT") || strings.Contains(a, "+++") || strings.Contains(a, "là hộ") {
		t.Errorf("the dependant's own form 20-ĐK-TCT:\n%s", a)
	}
	// Speaking for a company still is a body's question.
	if !speaksForBody(" cong ty em nop cho co quan thue ") || speaksForBody(" em tu nop cho co quan thue ") {
		t.Error("speaksForBody")
	}
}

// A case whose words run long before its time ("1. Cấp lại sổ BHXH do
// thay đổi họ, tên …; sổ BHXH mất, hỏng; …: không quá 10 ngày") is
// quoted by its first clause, the clause the question names and the
// time, which a quote cut at its length lost (record 1.002759).
func TestLongCaseKeepsItsTime(t *testing.T) {
	_, a := embeddedAnswer(t, "1.002759", "so bao hiem xa hoi cua toi bi mat, lam lai mat may ngay")
	if !strings.Contains(a, "sổ BHXH mất, hỏng") || !strings.Contains(a, "không quá 10 ngày") {
		t.Errorf("the lost book's 10 days:\n%s", a)
	}
}

// "nộp … đến Ủy ban nhân dân cấp xã trước ngày 25 của tháng cuối hằng
// quý" is the resident's deadline; the office's reply "trong vòng 01
// ngày làm việc", its subject said before it, is not (record 1.012837).
func TestDeadlineOnADayOfTheQuarter(t *testing.T) {
	_, a := embeddedAnswer(t, "1.012837", "xin hỗ trợ kinh phí đào tạo chuyển đổi nghề vì phải dời chuồng trại chăn nuôi, hạn chót nộp hồ sơ khi nào")
	if !strings.Contains(a, "trước ngày 25 của tháng cuối hằng quý") || strings.Contains(a, "trả lời tính đầy đủ") {
		t.Errorf("the 25th of the quarter's last month:\n%s", a)
	}
}

// A commune's office is said by whose home it serves or what it did
// before, and not named as this commune's: a ward living in another
// commune is registered there (3.000323), a supervision ended where it
// was registered (3.000322).
func TestPlaceSaysWhichCommune(t *testing.T) {
	// Ended at a whole word, before the other way in: not "… hòa giải
	// viên hoặc nộp tr" (2.000424).
	if got := submitPlaces(embeddedProcedure(t, "2.000424")); len(got) == 0 || strings.HasSuffix(got[0], " tr") || strings.Contains(got[0], "hoặc") {
		t.Errorf("a mediator's place: %q", got)
	}
	// Nor does it run on past a colon into the next step: not "… ở nước
	// ngoài: Lập h" (1.002051).
	if got := submitPlaces(embeddedProcedure(t, "1.002051")); len(got) == 0 || strings.Contains(strings.Join(got, " "), ":") {
		t.Errorf("a worker abroad's place: %q", got)
	}
	b := recordsBot(t, "3.000323", "3.000322")
	for q, want := range map[string]string{
		"Ông bà nội muốn đăng ký làm người giám sát việc giám hộ cho cháu bị khuyết tật trí tuệ (cháu ở với bác nó ở xã khác). Nộp hồ sơ ở UBND xã nào ạ?": "nơi cư trú của người được giám hộ",
		"Tôi là người giám sát việc giám hộ cho cháu, nay cháu có người giám hộ mới ở tỉnh khác, tôi muốn đăng ký chấm dứt giám sát thì nộp ở đâu?":        "đã đăng ký giám sát việc giám hộ",
	} {
		a := reply(t, b, Question{Text: q, Commune: "demo"}).Answer
		if !strings.Contains(a, want) || strings.Contains(a, "(Xã Mẫu)") {
			t.Errorf("%q: the place does not say which commune (%q):\n%s", q, want, a)
		}
	}
}

// "nộp cho cơ quan BHXH nơi đang chi trả lương hưu": which office of its
// kind is said with the place (record 1.001742).
func TestPlaceSaysWhichOffice(t *testing.T) {
	_, a := embeddedAnswer(t, "1.001742", "bo toi ve que song voi con, muon chuyen noi lanh luong huu ve tinh khac thi nop don o dau")
	if !strings.Contains(a, "cơ quan Bảo hiểm xã hội nơi đang chi trả lương hưu") {
		t.Errorf("the office now paying the pension:\n%s", a)
	}
	// Not one a bracket says is some applicants': a first work accident's
	// file goes to the office paying a pension only for a pensioner.
	if got := submitPlaces(embeddedProcedure(t, "1.001632")); slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "nơi đang") }) {
		t.Errorf("a first work accident's place: %q", got)
	}
}

// A quote cut around the asked words does not start after the negation
// that turns them round: "… tạm thời chưa phải nộp thuế", not "… phải
// nộp thuế".
func TestQuoteKeepsItsNegation(t *testing.T) {
	s := "Bản sao tài liệu xác định đối tượng được miễn thuế thu nhập cá nhân, đối tượng không phải nộp thuế thu nhập cá nhân, đối tượng tạm thời chưa phải nộp thuế thu nhập cá nhân theo quy định của Bộ Tài chính"
	got := quoteAround(s, []string{"bo"}, 90)
	if !strings.Contains(got, "chưa phải nộp") {
		t.Errorf("quoteAround = %q", got)
	}
}

// "tờ khai mẫu nào" of a record whose everyone's papers name no form,
// while most of its cases' rows name one (08-MST), gets that form, by
// the row that is the form itself (record 1.008503).
func TestFormMostCasesShareIsNamed(t *testing.T) {
	_, a := embeddedAnswer(t, "1.008503", "mẹ em buôn bán nhỏ có mã số thuế, nay đổi địa chỉ trong cùng phường thì khai thay đổi thông tin đăng ký thuế theo tờ khai mẫu nào")
	if !strings.Contains(a, "Tờ khai điều chỉnh, bổ sung thông tin đăng ký thuế (mẫu số 08-MST)") {
		t.Errorf("the form 08-MST:\n%s", a)
	}
}

// A funeral said in everyday words ("đám ma") is the record's "đám
// tang", whose tent on the pavement is allowed within a day, not the
// other cases' 5 working days (record 1.013274).
func TestFuneralSaidInEverydayWords(t *testing.T) {
	_, a := embeddedAnswer(t, "1.013274", "nha co dam ma, dung rap tren le duong xin phep bao lau")
	if !strings.Contains(a, "đám tang: không quá 01 ngày") {
		t.Errorf("the funeral's day:\n%s", a)
	}
}

// A record whose note names its online channels in a sentence ("… qua
// các cổng … như: Trực tuyến qua Cổng dịch vụ công quốc gia, Cổng dịch
// vụ công Bộ Công an, ứng dụng VNeID hoặc …") is answered with the
// channels, not the sentence's lead cut before them (record 1.010041).
func TestOnlineChannelsNamedInASentence(t *testing.T) {
	_, a := embeddedAnswer(t, "1.010041", "xin giấy xác nhận cư trú làm online trên app VNeID được không")
	if !strings.Contains(a, "ứng dụng VNeID") {
		t.Errorf("the VNeID app:\n%s", a)
	}
}

// "vừa có quyết định" says the decision is had: the record's rule for
// one who has it (30 days from its signing), not for one who has none
// yet (record 1.011006).
func TestJustHadIsHad(t *testing.T) {
	p := embeddedProcedure(t, "1.011006")
	q := "cơ sở sản xuất nhà em thuê đất nhà nước, vừa có quyết định cho thuê đất thì bao lâu phải nộp tờ khai tiền thuê đất"
	if got := recordDetail(q, p.Title, p); !strings.Contains(got, "ký quyết định cho thuê đất") {
		t.Errorf("recordDetail = %q", got)
	}
}

// A requirement quoted for one who sends a relative is said with the
// case right after it that lifts it for relatives: the letter of
// authority "không phải chứng thực" when the proxy is a parent (record
// 2.002189).
func TestRequirementLiftedForKin(t *testing.T) {
	p := embeddedProcedure(t, "2.002189")
	q := "con đang làm việc ở Hàn, nhờ bố ở quê đi làm ghi chú kết hôn thay thì văn bản ủy quyền có phải chứng thực không"
	if got := recordDetail(q, p.Title, p); !strings.Contains(got, "không phải chứng thực") {
		t.Errorf("recordDetail = %q", got)
	}
}

// "ở xã nào cũng được không" asks whether it must be done where one
// lives: an ID card is exchanged at any commune's police, "không phụ
// thuộc vào nơi cư trú" (record 1.014063).
func TestAnyCommuneAsked(t *testing.T) {
	p := embeddedProcedure(t, "1.014063")
	q := "the can cuoc het han, ve que lam lai hay phuong nao cung duoc vay"
	if got := recordDetail(q, p.Title, p); !strings.Contains(got, "không phụ thuộc") {
		t.Errorf("recordDetail = %q", got)
	}
	q = "CCCD het han, gio doi the moi o xa nao cung dc ko"
	if got := recordDetail(q, p.Title, p); !strings.Contains(got, "không phụ thuộc") {
		t.Errorf("recordDetail = %q", got)
	}
}

// "có giá trị bao lâu" asks how long a paper stays valid, settled by the
// record's "có giá trị trong thời hạn 06 tháng" (record 2.000806).
func TestValidityAsked(t *testing.T) {
	p := embeddedProcedure(t, "2.000806")
	q := "giay xac nhan suc khoe de dang ky ket hon voi nguoi nuoc ngoai co gia tri bao lau"
	if got := recordDetail(q, p.Title, p); !strings.Contains(got, "06 tháng") {
		t.Errorf("recordDetail = %q", got)
	}
}

// A certification the record sets at commune level, its agency a
// notary's office and no step naming the commune, is the commune
// People's Committee's too (record 2.001008).
func TestCertificationAtCommuneLevel(t *testing.T) {
	_, a := embeddedAnswer(t, "2.001008", "tự dịch giấy tờ tiếng Đức sang tiếng Việt, chứng thực chữ ký người dịch ở đâu")
	if !strings.Contains(a, "Ủy ban nhân dân cấp xã") {
		t.Errorf("the commune's committee:\n%s", a)
	}
}

// Of cases the title lists, each heading one of them, the title's words
// the question says name its case: "bị tai nạn xe" is the accident's
// case and its police confirmation, not the natural disaster's first
// case (record 3.000083).
func TestCaseNamedByTheTitlesWords(t *testing.T) {
	_, a := embeddedAnswer(t, "3.000083", "chong em bi tai nan xe phai mo, xin giam thue thu nhap ca nhan thi can giay to gi")
	if !strings.Contains(a, "xác nhận tai nạn") || strings.Contains(a, "thiên tai") {
		t.Errorf("the accident's papers:\n%s", a)
	}
	_, a = embeddedAnswer(t, "3.000083", "toi mac benh hiem ngheo, xin giam thue TNCN can nop giay to gi")
	if !strings.Contains(a, "bệnh án") {
		t.Errorf("the illness's papers:\n%s", a)
	}
	// Not of two cases, one a gift to the State: a parent's gift of land
	// to a child is the general case.
	_, a = embeddedAnswer(t, "1.013831", "bố mẹ đã làm hợp đồng tặng cho tôi mảnh đất ở quê, giờ sang tên sổ đỏ thì nộp những giấy gì")
	if strings.Contains(a, "Nhà nước") || !strings.Contains(a, "mẫu số 18") {
		t.Errorf("the general case's papers:\n%s", a)
	}
}

// The online twins of a civil-status form ("Mẫu hộ tịch điện tử tương
// tác …") and the row that leads the papers ("… thực hiện việc nộp/xuất
// trình … các giấy tờ sau:") are no papers to find: a birth abroad
// entered at home names the foreign paper it is entered from (record
// 2.000547).
func TestOnlineFormTwinsLeaveRoomForPapers(t *testing.T) {
	_, got := embeddedAnswer(t, "2.000547", "Con em sinh ben Han Quoc, da lam giay khai sinh ben do roi. Gio ve VN muon ghi vao so ho tich o xa thi can nhung giay to gi a?")
	papers, _, _ := strings.Cut(got, "\nNơi nộp")
	if !strings.Contains(papers, "Bản sao giấy tờ chứng minh việc hộ tịch") {
		t.Errorf("answer %q, want the copy of the foreign paper", got)
	}
	if strings.Contains(papers, "điện tử tương tác") || strings.Contains(papers, "các việc hộ tịch khác thực hiện") {
		t.Errorf("answer %q names the online form or the lead row as papers", got)
	}
}

// A deadline whose number is written in words with the digits in
// brackets ("chậm nhất không quá năm (05) ngày làm việc kể từ ngày phát
// hiện") is the resident's deadline, not the office's one day (record
// 1.011049).
func TestDeadlineNumberInWordsThenDigits(t *testing.T) {
	_, got := embeddedAnswer(t, "1.011049", "nha e nau ruou ban co dan tem dien tu, lo chay mat 1 cuon tem. phai bao cho thue trong may ngay, dung mau gi")
	if !strings.Contains(got, "chậm nhất không quá năm (05) ngày làm việc kể từ ngày phát hiện") || !strings.Contains(got, "04/TEM") {
		t.Errorf("answer %q, want the 5 working days from the loss and form 04/TEM", got)
	}
}

// A child born abroad and never registered there, asked about at home
// ("bé … sinh ở Nhật", which the dictionary reads "nước ngoài"), brings
// what that case lists: proof of the child's entry and the foreign birth
// paper, named as papers, not hidden among special cases (record
// 2.000528).
func TestBirthAbroadCasePapers(t *testing.T) {
	q := "bé nhà mình sinh ở Nhật nhưng chưa làm khai sinh bên đó, giờ cả nhà về VN ở hẳn rồi. Đi làm khai sinh cho bé ở phường cần mang theo giấy tờ gì ạ"
	_, got := embeddedAnswer(t, "2.000528", q)
	if !strings.Contains(got, "nhập cảnh hợp pháp vào Việt Nam") || !strings.Contains(got, "Giấy chứng sinh hoặc giấy tờ khác do cơ quan có thẩm quyền nước ngoài") {
		t.Errorf("answer %q, want the child's entry and the foreign birth paper", got)
	}
	if _, home := embeddedAnswer(t, "2.000528", "vợ tôi người Hàn, sinh con ở bệnh viện huyện, làm khai sinh cần gì"); strings.Contains(home, "nhập cảnh") {
		t.Errorf("answer %q: a child born at home needs no proof of entry", home)
	}
}

// What stands in for a paper that cannot be had ("Trường hợp không có
// văn bản nêu trên thì phải có văn bản cam đoan … và có ít nhất hai người
// làm chứng"), listed by the portal before that paper, is said with it:
// a father without a DNA test reads that a sworn statement and two
// witnesses will do (record 1.001022).
func TestFallbackSaidWithItsPaper(t *testing.T) {
	_, got := embeddedAnswer(t, "1.001022", "thủ tuc nhận cha cho con, hai vợ chồng chưa dăng ky kết hôn thì cần giấy tờ j")
	if !strings.Contains(got, "Văn bản của cơ quan y tế, cơ quan giám định… (không có thì: văn bản cam đoan") || !strings.Contains(got, "hai người làm chứng") {
		t.Errorf("answer %q, want the medical proof and, without it, the sworn statement with two witnesses", got)
	}
	// Asked outright ("nếu không có thì sao"), the fallback is said once:
	// the record's sentence is not quoted after the list that says it.
	q := "Giờ tôi muốn làm thủ tục nhận con ở xã thì cần giấy tờ gì chứng minh quan hệ cha con, có bắt buộc xét nghiệm ADN không, nếu không có thì sao?"
	p := embeddedProcedure(t, "1.001022")
	var b strings.Builder
	recordAnswer(&b, q, detectIntents(fold(q)), knowledge.Document{Title: p.Title, Procedure: p}, recordDetail(q, p.Title, p), view{})
	if asked := b.String(); strings.Count(asked, "văn bản cam đoan") != 1 {
		t.Errorf("answer %q, want the sworn statement said once", asked)
	}
	// Unless the list cut it before the witnesses: then the record's
	// sentence says them.
	q = "lm thu tuc nhan cha cho con ma ko co giay xet nghiem ADN thi phai nop cai gi thay the z"
	b.Reset()
	recordAnswer(&b, q, detectIntents(fold(q)), knowledge.Document{Title: p.Title, Procedure: p}, recordDetail(q, p.Title, p), view{})
	if got := b.String(); !strings.Contains(got, "hai người làm chứng") {
		t.Errorf("answer %q, want the two witnesses", got)
	}
}

// A household business moved to another province hands its file to the
// new tax office within 10 working days of the old office's notice: the
// taxpayer's duty ("người nộp thuế phải lập hồ sơ, gửi đến cơ quan thuế
// nơi chuyển đến") though the sentence opens with the office's notice
// (record 1.008505).
func TestMoveToNewTaxOffice(t *testing.T) {
	p := embeddedProcedure(t, "1.008505")
	if got := deadlineOf(p, "HKD nhà tôi chuyển cửa hàng sang tỉnh khác nên đổi cơ quan thuế quản lý. Ở thuế nơi chuyển đến phải nộp hồ sơ trong mấy ngày?"); !strings.Contains(got, "Trong thời hạn 10 (mười) ngày làm việc") {
		t.Errorf("deadline %q, want the 10 working days after the old office's notice", got)
	}
}

// A list of papers asked for its form ("nộp mẫu gì") is said whole
// beside a long deadline, or the form's number goes with the line's cut
// end (record 1.008505).
func TestFormAskedBesideALongDeadline(t *testing.T) {
	_, got := embeddedAnswer(t, "1.008505", "HKD nhà tôi chuyển cửa hàng sang tỉnh khác nên đổi cơ quan thuế quản lý. Ở thuế nơi chuyển đến phải nộp mẫu gì, hạn mấy ngày?")
	if !strings.Contains(got, "30/ĐK-TCT") || !strings.Contains(got, "10 (mười) ngày làm việc") {
		t.Errorf("answer %q, want form 30/ĐK-TCT and the 10 working days", got)
	}
}

// A record whose time cells are empty and whose note times each stage
// says every stage: the appraisal's 33 working days, not only the
// notice's 2 (record 1.003956).
func TestStagesTimedInTheNote(t *testing.T) {
	_, got := embeddedAnswer(t, "1.003956", "tổ cộng đồng xin xã công nhận và giao quyền quản lý nguồn lợi thủy sản thì xã thẩm định mất bao lâu")
	if !strings.Contains(got, "02 ngày làm việc") || !strings.Contains(got, "33 ngày làm việc") {
		t.Errorf("answer %q, want the notice's 2 and the appraisal's 33 working days", got)
	}
}

// A record in lettered sections ("A - Đối với … sổ BHXH", "B - Đối với
// … thẻ BHYT") answers from the section the question names; and a case
// row the question names ("Trường hợp NLĐ đổi thẻ BHYT do được hưởng
// quyền lợi BHYT cao hơn bổ sung Giấy tờ chứng minh …: a) …; b) Cựu
// chiến binh …") says the item of the asker: a veteran reads his
// discharge decision (record 1.002759).
func TestSectionAndItemAsked(t *testing.T) {
	_, got := embeddedAnswer(t, "1.002759", "Cựu chiến binh muốn đổi thẻ BHYT lên quyền lợi cao hơn thì cần giấy tờ gì chứng minh?")
	if !strings.Contains(got, "Quyết định phục viên") || strings.Contains(got, "Ghi xác nhận thời gian đóng BHXH") {
		t.Errorf("answer %q, want the card's section and the veteran's discharge decision", got)
	}
}

// One who cannot sign or read asks whether the will can be certified:
// the record's rule (fingerprint, or two witnesses) is quoted (record
// 2.001019).
func TestCannotSignQuotesTheRule(t *testing.T) {
	p := embeddedProcedure(t, "2.001019")
	for _, q := range []string{"bà tôi không biết chữ, không ký được, có chứng thực di chúc được không", "ong toi ky ten khong duoc nua thi chung thuc di chuc the nao"} {
		if got := recordDetail(q, p.Title, p); !strings.Contains(got, "điểm chỉ") {
			t.Errorf("%q: detail %q, want the fingerprint rule", q, got)
		}
	}
}

// A near-poor household borrowing from the social policy bank to mend
// its house is the record's case 3 (form 06), not case 4 (a credit
// institution): the dictionary's reading of "nộp ở đâu" ("cơ quan thực
// hiện") speaks for no organisation, "sửa chữa" is no "not yet", and a
// counted case's long heading is a case (record 1.014632).
func TestCountedCaseOfTheSocialPolicyBank(t *testing.T) {
	_, got := embeddedAnswer(t, "1.014632", "nhà tôi hộ cận nghèo, muốn vay vốn ngân hàng chính sách để sửa nhà. Giấy xác nhận điều kiện vay vốn thì nộp ở đâu, theo mẫu số mấy?")
	if !strings.Contains(got, "thông qua Ngân") || !strings.Contains(got, "Mẫu số 06") {
		t.Errorf("answer %q, want case 3's paper and its form 06", got)
	}
}

// A household business whose owner died is handed on with the death
// proved: the case whose papers hold the death certificate, not the
// change of the business's name that "đứng tên" hits (record 2.000720).
func TestOwnerDiedCaseOfItsPapers(t *testing.T) {
	_, got := embeddedAnswer(t, "2.000720", "Bố tôi đứng tên chủ hộ kinh doanh tiệm tạp hóa, nay bố đã mất, mẹ tôi muốn đứng tên thay. Thủ tục đổi chủ hộ kinh doanh cần giấy tờ gì?")
	if !strings.Contains(got, "giấy chứng tử") {
		t.Errorf("answer %q, want the death certificate", got)
	}
}

// A time whose note times each case is said whole beside a list of
// papers: one who hands the file in herself reads her 3 working days
// (record 2.000693).
func TestNotedTimeSaidWhole(t *testing.T) {
	_, got := embeddedAnswer(t, "2.000693", "toi nghi viec truoc khi sinh con, gio tu nop ho so huong che do thai san o co quan bao hiem xa hoi thi khai mau nao va bao lau thi duoc giai quyet?")
	if !strings.Contains(got, "tự nguyện: 3 ngày làm việc") {
		t.Errorf("answer %q, want the 3 working days of one who hands the file in herself", got)
	}
}

// A record whose cases are headed by who declares ("Hộ kinh doanh …
// thuộc đối tượng không chịu thuế …:", "… nộp thuế … theo phương pháp
// …:") names the asker's case beyond the words every case opens with
// ("Hộ kinh doanh,"), and its forms only: not 01/TKN-CNKD beside 01/CNKD as one list (record 1.011022).
func TestCasesOfWhoDeclares(t *testing.T) {
	_, got := embeddedAnswer(t, "1.011022", "hộ kinh doanh nộp thuế theo phương pháp thu nhập tính thuế khai mẫu gì")
	if !strings.Contains(got, "«cá nhân kinh doanh thuộc đối tượng nộp thuế") || !strings.Contains(got, "01/CNKD") || strings.Contains(got, "01/TKN-CNKD") {
		t.Errorf("answer %q, want the taxpayer's case and its form 01/CNKD only", got)
	}
}

// A paper's name cut where its qualification begins loses what the
// question asks of it: the photos that go with the plans of a repair are
// quoted from the rest of the row. The e-tax registration's cases are
// named by their count, not cut at its bracket to "Trường hợp".
func TestPaperPartAskedIsQuoted(t *testing.T) {
	_, a := embeddedAnswer(t, "1.013229", "nhà cấp 4 muốn sửa chữa cải tạo nâng tầng, xin phép thì hồ sơ cần bản vẽ với ảnh chụp hiện trạng không")
	if !strings.Contains(a, "ảnh chụp (kích thước tối thiểu 10 x 15 cm) hiện trạng") {
		t.Errorf("photos of the repair not quoted:\n%s", a)
	}
	_, a = embeddedAnswer(t, "1.013229", "sửa nhà cần giấy tờ gì")
	if strings.Contains(a, "ảnh chụp") {
		t.Errorf("photos quoted, not asked:\n%s", a)
	}
	_, a = embeddedAnswer(t, "1.008008", "đăng ký giao dịch thuế điện tử thì tờ khai mẫu số mấy")
	if strings.Contains(a, "Trường hợp (mẫu") || !strings.Contains(a, "Trường hợp 1: Đăng ký giao dịch") {
		t.Errorf("cases of the e-tax registration not named:\n%s", a)
	}
}

// Cases of a labelled time part that share their time word for word
// say it once: a lost registration paper re-issued wholly online is
// checked within 30 days before its 2 working days.
func TestSharedTimeOfCasesSaid(t *testing.T) {
	_, a := embeddedAnswer(t, "1.013080", "mất cà vẹt xe máy, làm lại online toàn trình thì bao lâu có")
	if !strings.Contains(a, "xác minh trong thời hạn 30 ngày") || !strings.Contains(a, "02 ngày làm việc") {
		t.Errorf("the check before the re-issue not said:\n%s", a)
	}
}

// A pupil's lost health insurance card goes through the school, the
// record's place for pupils and students, not the offices of the rest.
func TestPupilsCardThroughTheSchool(t *testing.T) {
	_, a := embeddedAnswer(t, "1.002759", "con học lớp 8 làm mất thẻ BHYT học sinh, xin cấp lại thì nộp ở đâu")
	if !strings.Contains(a, "Nơi nộp: cơ sở giáo dục") {
		t.Errorf("pupil's place:\n%s", a)
	}
	_, a = embeddedAnswer(t, "1.002759", "mất thẻ BHYT hộ gia đình, xin cấp lại nộp ở đâu")
	if strings.Contains(a, "giáo dục") {
		t.Errorf("household's place:\n%s", a)
	}
}

// Procedures done together each keep their form first when forms are
// asked: registering a birth with the father's acknowledgement fills in
// both.
func TestLinkedProceduresKeepBothForms(t *testing.T) {
	_, a := embeddedAnswer(t, "1.000689", "vợ chồng em chưa đăng ký kết hôn, giờ sinh bé rồi, làm khai sinh cho bé có ghi tên bố luôn thì khai tờ khai mẫu nào")
	if !strings.Contains(a, "Tờ khai đăng ký khai sinh theo mẫu; Tờ khai đăng ký nhận cha, mẹ, con theo mẫu") {
		t.Errorf("both forms not first:\n%s", a)
	}
}

// A lost marriage paper, named as residents name it, lacks the record's
// "bản sao Giấy chứng nhận kết hôn": its rule for the lack is quoted.
func TestLostMarriagePaperRuleQuoted(t *testing.T) {
	p := embeddedProcedure(t, "1.004746")
	q := "giấy đăng ký kết hôn của bố mẹ em mất từ hồi lụt, xã cũng không còn sổ, giờ đăng ký lại kết hôn thì nộp giấy tờ gì"
	if d := recordDetail(q, p.Title, p); !strings.Contains(d, "Nếu không có bản sao Giấy chứng nhận kết hôn thì nộp bản sao hồ sơ, giấy tờ cá nhân") {
		t.Errorf("detail %q", d)
	}
}

// Where a certified contract is cancelled is the office that certified
// it: the record's rule is quoted when the question asks where.
func TestCancelledAtTheOfficeThatCertified(t *testing.T) {
	p := embeddedProcedure(t, "2.000913")
	if d := recordDetail("hợp đồng mua bán đất đã chứng thực ở xã rồi, giờ hai bên muốn hủy bỏ hợp đồng thì làm ở đâu", p.Title, p); !strings.Contains(d, "được thực hiện tại cơ quan đã chứng thực giao dịch") {
		t.Errorf("detail %q", d)
	}
}

// A form listed again under a second case, its name worded a little
// otherwise, is still the only form of its kind: its bracket ("(áp dụng
// đối với cá nhân …)") says which form it is, and it is listed.
func TestFormListedUnderTwoCasesIsEveryones(t *testing.T) {
	_, a := embeddedAnswer(t, "1.008529", "bán lại phần vốn góp trong công ty, tự khai thuế TNCN trực tiếp thì tờ khai mẫu nào")
	if !strings.Contains(a, "Tờ khai thuế thu nhập cá nhân (mẫu số 04/CNV-TNCN)") {
		t.Errorf("the form not listed:\n%s", a)
	}
}
