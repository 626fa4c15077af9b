package chatbot

import (
	"slices"
	"strings"
	"testing"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/portal"
)

// What a question asks is read from the words residents type, short forms
// included ("bn ngày", "lâu ko"), and "khi nào phải", "báo trước mấy
// ngày" ask the resident's own time limit, not the office's.
func TestIntentsAsResidentsType(t *testing.T) {
	for q, want := range map[string]intent{
		"khai thue TNCN dung to khai mau nao, han nop may ngay":                                          intentDeadline,
		"làm VNeID mức 2 cho ông bà thì ra công an xã, cần phiếu gì":                                     intentPapers,
		"tach thua dat hs gom nhung gi, bn ngay xong":                                                    intentTime,
		"làm lại thẻ bảo hiểm có lâu ko":                                                                 intentTime,
		"đăng ký khai sinh hết bn":                                                                       intentFee,
		"làm giấy thông hành ở công an xã cần mấy tấm ảnh":                                               intentPapers,
		"tam tru thi khi nao phai di gia han":                                                            intentDeadline,
		"tam nghi ban 2 thang thi phai bao truoc may ngay":                                               intentDeadline,
		"tạm ngưng kinh doanh 3 tháng, phải báo trc bao nhiu ngày":                                       intentDeadline,
		"tam tru sap het han thi phai gia han truoc bao nhieu ngay v":                                    intentDeadline,
		"Tạm trú của tôi sắp hết hạn, tôi phải đi gia hạn trong khoảng thời gian nào trước khi hết hạn?": intentDeadline,
		// The resident's time, then the office's.
		"HTX vừa quyết định lập chi nhánh, trong bao lâu phải đi đăng ký hoạt động chi nhánh và mấy ngày thì có giấy chứng nhận": intentDeadline,
		"gio phai quyet toan tien thue dat, han nop ho so la bao lau, bao lau co thong bao":                                      intentDeadline,
		// "chậm thì có bị phạt không" asks no office's time.
		"ban xe roi, chu cu phai lam thu hoi dang ky trong vong bao nhieu ngay, cham thi co bi phat khong": intentDeadline,
		"visa sap het han thi phai lam gia han luc nao":                                                    intentDeadline,
		// "Thời hạn" of what the resident does is a deadline.
		"toi ban manh dat o que, hop dong cong chung xong roi, thoi han khai thue thu nhap ca nhan la bao nhieu ngay, dung to khai mau nao": intentDeadline,
		// An app is the online channel.
		"Em gái ở quê lên ở nhà mình chơi mấy hôm thì có phải báo công an ko, báo qua app đc ko, hạn chót là mấy giờ?": intentOnline,
		"lam tam tru cho nguoi thue tro bao nhiu ngay thi xong":                                      intentTime,
		"xin giay phep sua nha thi can ban ve gi":                                                    intentPapers,
		"dang ky ket hon ho so the nao":                                                              intentPapers,
		"rút BHXH 1 lần thì nộp mẫu gì":                                                              intentPapers,
		"dong bhxh tu nguyen thi khai to khai nao":                                                   intentPapers,
		"len cong an xa kich hoat vneid muc 2 can dem theo gi":                                       intentPapers,
		"đi làm sổ hộ nghèo thì cầm theo những cái gì":                                               intentPapers,
		"xin miễn tiền chậm nộp do hỏa hoạn thì cần làm văn bản gì gửi cơ quan thuế":                 intentPapers,
		"dong cua quan ko ban nua thi lam thu tuc cham dut ho kinh doanh co ton phi ko, nop nhung j": intentPapers,
		"Thủ tục nhận con (con ngoài giá thú) cần chứng cứ gì và mất mấy ngày?":                      intentPapers,
		"Tôi có cái bến thủy nội địa bốc dỡ cát, giờ không làm nữa muốn đóng bến thì thủ tục sao, mất mấy ngày?": intentPapers,
		"xin giấy phép xây nhà 3 tầng trên đất nhà mình thì bao lâu xã cấp, cần sổ đỏ không?":                    intentPapers,
		"giay khai sinh ghi sai ngay sinh, sua xong dc cap giay gi":                                              intentResult,
		"lam mat ho chieu thi phai trinh bao trong bao lau, nop o dau":                                           intentDeadline,
		"em họ lên ở chơi mấy hôm có phải báo công an không, hạn báo là mấy giờ":                                 intentDeadline,
		// "f" typed for "ph".
		"muon doi ten cho con gai 5 tuoi thi co phai dong le fi ko a":                            intentFee,
		"em sinh xong đi làm lại rồi, nộp hồ sơ hưởng thai sản cho công ty muộn nhất là bao lâu": intentDeadline,
		// "phải kê khai … trong bao lâu", and a yes-or-no "thì có phải"
		// after it, which asks no office's time.
		"nha toi moi duoc cap so dat o, phai ke khai thue dat phi nong nghiep trong bao lau? tien thue moi nam chi tam 30-40 nghin thi co phai lam ho so mien khong": intentDeadline,
		"mới mua xe thì phải kê khai lệ phí trước bạ trong mấy ngày":                                                                                                 intentDeadline,
		// "đk" for "điều kiện".
		"tách hộ ra ở riêng thì cần đk gì, CA xã làm mấy ngày thì xong": intentConditions,
		// A yes or no on whether to act, then the resident's limit.
		"mở thêm điểm bán ở chợ khác thì có phải thông báo cho thuế không, hạn mấy ngày, dùng mẫu nào?": intentDeadline,
		// Which declaration to fill in ("làm bản khai j").
		"bố e hồi trc là TNXP thời chống Mỹ, giờ muốn xin trợ cấp hàng tháng cho bố thì làm bản khai j, bao lâu có kết quả ạ": intentPapers,
		// "tờ khai j": which form, "j" for "gì".
		"the bhyt cua me toi bi troi mat roi, lam lai co lau ko, can to khai j": intentPapers,
		// The day of the month a return is due.
		"hang thang khai thue tai nguyen theo mau nao, han nop la ngay may": intentDeadline,
		"thuế khoán quý này hạn nộp ngày nào vậy":                           intentDeadline,
	} {
		padded := intentPadded(q, fold(q))
		if got := detectIntents(padded); !slices.Contains(got, want) {
			t.Errorf("%q: intents %v, want %v among them", q, got, want)
		}
	}
	// "đang chuẩn bị sang Nhật" tells what the son is about to do; only
	// the days are asked.
	q := "Con trai tôi thường trú ở phường, đang chuẩn bị sang Nhật để kết hôn với bạn gái người Nhật, phía bên đó yêu cầu giấy xác nhận độc thân. Xin hỏi xin giấy xác nhận tình trạng hôn nhân ở UBND phường thì mất mấy ngày ạ?"
	if got := detectIntents(intentPadded(q, fold(q))); slices.Contains(got, intentPapers) || !slices.Contains(got, intentTime) {
		t.Errorf("%q: intents %v, want the time, not the papers", q, got)
	}
	for _, q := range []string{"làm giấy khai sinh cần chuẩn bị gì", "đăng ký kết hôn phải chuẩn bị những giấy tờ nào"} {
		if got := detectIntents(intentPadded(q, fold(q))); !slices.Contains(got, intentPapers) {
			t.Errorf("%q: intents %v, want the papers", q, got)
		}
	}
	// The resident must register; the days asked are the office's.
	for _, q := range []string{
		"chủ nhà bảo phải đăng ký tạm trú, em cần giấy tờ gì và bao nhiêu ngày thì xong ạ",
		"vậy phải làm thủ tục ghi chú ly hôn ở đâu, mất bao lâu",
		"vậy em phải nộp hồ sơ ở đâu, bao lâu thì được tiền",
		"muốn đăng ký lại khai sinh cho mẹ thì phải nộp những giấy tờ gì và mất bao nhiêu ngày?",
		"muốn nhờ xã hòa giải thì phải nộp những gì, bao lâu thì xã hòa giải xong?",
		// What "they", the office, must do is the office's time.
		"muốn nhờ xã hòa giải thì nộp đơn ở đâu, mấy ngày thì họ phải báo có nhận giải quyết hay không?",
		// Whether one must register, then how long it takes.
		"Ruộng lúa nhà tôi cấy không có lãi, muốn chuyển sang trồng cây ăn quả kết hợp nuôi cá thì phải đăng ký với xã không, nộp giấy gì, mấy ngày?",
	} {
		if got := detectIntents(fold(q)); slices.Contains(got, intentDeadline) || !slices.Contains(got, intentTime) {
			t.Errorf("%q: intents %v, want the time and no deadline", q, got)
		}
	}
	// Money the resident receives is not a fee.
	for _, q := range []string{
		"Nghỉ việc hơn 1 năm rồi, muốn rút BHXH 1 lần thì nộp mẫu gì, mấy ngày có tiền?",
		"hồ sơ tuất nộp rồi thì bao lâu nhận tiền",
	} {
		if got := detectIntents(fold(q)); slices.Contains(got, intentFee) {
			t.Errorf("%q: intents %v, want no fee", q, got)
		}
	}
}

// A time limit before an event ("chậm nhất là 03 ngày làm việc trước
// ngày tạm ngừng") is the resident's, and the quote holds it even at the
// end of a long step.
func TestDeadlineQuotedWhereTheRecordSetsIt(t *testing.T) {
	p := &knowledge.Procedure{Steps: []string{
		"Trường hợp đăng ký trực tiếp hoặc đăng ký qua dịch vụ bưu chính: Trường hợp hộ kinh doanh tạm ngừng kinh doanh từ 15 ngày trở lên hoặc tiếp tục kinh doanh trước thời hạn đã đăng ký, hộ kinh doanh gửi hồ sơ đăng ký đến Cơ quan đăng ký kinh doanh cấp xã nơi hộ kinh doanh đăng ký trụ sở chậm nhất là 03 ngày làm việc trước ngày tạm ngừng kinh doanh.",
		"Cơ quan đăng ký kinh doanh cấp xã trả kết quả trong thời hạn 03 ngày làm việc.",
	}}
	got := deadlineOf(p, "quán cơm tạm nghỉ bán 2 tháng thì phải báo trước mấy ngày")
	if !strings.Contains(got, "03 ngày làm việc trước ngày tạm ngừng") {
		t.Errorf("deadline %q lacks the 3 working days before the pause", got)
	}
	// The case it holds for is quoted with it, not the channel before
	// the colon: a pause of 15 days or more (1.001570).
	if !strings.HasPrefix(got, "Trường hợp hộ kinh doanh tạm ngừng kinh doanh từ 15 ngày trở lên") {
		t.Errorf("deadline %q lacks the case of a pause of 15 days or more", got)
	}
}

// A cooperative that hands in its branch's file "đến cơ quan đăng ký
// kinh doanh", the branch named at length between, keeps the time
// (2.002123).
func TestDeadlineOfWhoHandsInALongNamedFile(t *testing.T) {
	docs, err := portal.EmbeddedDocuments("2.002123")
	if err != nil {
		t.Fatal(err)
	}
	got := deadlineOf(docs[0].Procedure, "HTX vừa quyết định lập chi nhánh ở xã bên, trong bao lâu phải đi đăng ký hoạt động chi nhánh")
	if !strings.Contains(got, "Trong thời hạn 10 ngày kể từ ngày quyết định lập chi nhánh") {
		t.Errorf("deadline %q, want the 10 days from the decision", got)
	}
}

// So does one whose branch is named at greater length still, closing it
// (1.005010: "gửi hồ sơ đăng ký chấm dứt hoạt động chi nhánh, văn phòng
// đại diện, địa điểm kinh doanh đến cơ quan đăng ký kinh doanh").
func TestDeadlineOfWhoHandsInALongerNamedFile(t *testing.T) {
	docs, err := portal.EmbeddedDocuments("1.005010")
	if err != nil || len(docs) != 1 {
		t.Fatal(err)
	}
	got := deadlineOf(docs[0].Procedure, "HTX tôi quyết định đóng cửa chi nhánh ở xã bên. Trong bao lâu phải nộp hồ sơ chấm dứt hoạt động chi nhánh?")
	if !strings.Contains(got, "Trong thời hạn 10 ngày kể từ ngày quyết định chấm dứt") {
		t.Errorf("deadline %q, want the 10 days from the decision", got)
	}
}

// So does one who readies the file, then sends it on: "cá nhân … chuẩn
// bị hồ sơ khai thuế và gửi đến cơ quan thuế" within 10 days of selling
// a capital share (1.008529), asked beside its form.
func TestDeadlineOfWhoReadiesTheFileAndSendsIt(t *testing.T) {
	_, got := embeddedAnswer(t, "1.008529", "e ban lai phan von gop trong cty cua nhom ban, tu khai thue tncn truc tiep thi han may ngay, mau to khai nao")
	if !strings.Contains(got, "10 (mười) ngày kể từ ngày cá nhân chuyển nhượng") {
		t.Errorf("the resident's 10 days are not said:\n%s", got)
	}
	// The form asked is named, though the list of papers is cut for the
	// deadline before it.
	if !strings.Contains(got, "(mẫu số 04/CNV-TNCN)") {
		t.Errorf("the form is not named:\n%s", got)
	}
}

// A clause's deadline is the deadline of whom its sentence names first:
// the voluntary member's 60 days come after a semicolon, the employee's
// 45 days in a sentence of their own.
func TestDeadlineOfWhomTheSentenceNames(t *testing.T) {
	p := &knowledge.Procedure{Title: "Giải quyết hưởng chế độ thai sản", Steps: []string{
		"Bước 1. Lập, nộp hồ sơ a) Cá nhân: a1) NLĐ đang tham gia BHXH bắt buộc lập hồ sơ theo quy định tại Mục 2.3 (Thành phần hồ sơ) nộp cho đơn vị SDLĐ. Thời hạn nộp hồ sơ chậm nhất 45 ngày kể từ ngày hết thời gian nghỉ việc hưởng chế độ thai sản.\n" +
			"a3) Người tham gia BHXH tự nguyện lập hồ sơ theo quy định tại Mục 2.3 (Thành phần hồ sơ) nộp đến cơ quan BHXH; thời hạn nộp hồ sơ chậm nhất 60 ngày kể từ ngày sinh con, như sau:",
	}}
	for q, want := range map[string]string{
		"Tôi đóng BHXH tự nguyện, vừa sinh con thì hạn chót nộp hồ sơ hưởng thai sản là bao lâu?": "chậm nhất 60 ngày kể từ ngày sinh con",
		"nghỉ thai sản xong thì phải nộp hồ sơ cho công ty trong bao lâu":                         "chậm nhất 45 ngày",
		// The words beyond the procedure's name pick the case.
		"Em đóng bảo hiểm xã hội tự nguyện, vừa sinh em bé, hạn chót nộp hồ sơ hưởng thai sản là bao lâu, nộp cho ai?": "chậm nhất 60 ngày kể từ ngày sinh con",
	} {
		got := deadlineOf(p, q)
		if !strings.Contains(got, want) {
			t.Errorf("%s: deadline %q, want %q", q, got, want)
		}
		if strings.HasSuffix(got, "như sau") || strings.HasSuffix(got, ":") {
			t.Errorf("%s: deadline %q ends on the list it announced", q, got)
		}
	}
}

// The resident's deadline before an event, not the office's time counted
// from the file's receipt beside it. The step is the official record's
// (1.012898).
func TestDeadlineBeforeAnEventNotTheOfficeTime(t *testing.T) {
	p := &knowledge.Procedure{Steps: []string{
		"- Trước ngày hết hạn hợp đồng thuê nhà tối thiểu 30 ngày, người đang thuê nhà ở nộp 01 bộ hồ sơ đến đơn vị quản lý vận hành nhà ở hoặc cơ quan quản lý nhà ở. Trường hợp UBND cấp tỉnh phân cấp, ủy quyền cho UBND cấp xã thực hiện quyền đại diện chủ sở hữu nhà ở cũ thuộc tài sản công thì UBND cấp xã đồng thời là cơ quan quản lý nhà ở - Trong thời hạn tối đa 15 ngày, kể từ ngày nhận được hồ sơ đề nghị ký lại hợp đồng, đơn vị quản lý vận hành hoặc cơ quan quản lý nhà ở có trách nhiệm kiểm tra hồ sơ, trường hợp người thuê nhà ở vẫn thuộc đối tượng và đủ điều kiện thuê nhà ở theo quy định thì có văn bản thông báo rõ thời gian, địa điểm để người thuê thực hiện ký lại hợp đồng thuê nhà ở.",
	}}
	got := deadlineOf(p, "Muốn ký lại hợp đồng thuê nhà thì phải nộp hồ sơ trước bao nhiêu ngày?")
	if !strings.Contains(got, "tối thiểu 30 ngày") || strings.Contains(got, "15 ngày") {
		t.Errorf("deadline %q, want the 30 days before the lease ends", got)
	}
}

// A time an office keeps ("đơn vị đo đạc có trách nhiệm thực hiện trích
// đo … không quá 05 ngày làm việc") is no deadline of the resident's:
// the first land certificate's record (1.013978) holds no such deadline.
func TestOfficesTimeIsNoDeadline(t *testing.T) {
	docs, err := portal.EmbeddedDocuments("1.013978")
	if err != nil {
		t.Fatal(err)
	}
	if got := deadlineOf(docs[0].Procedure, "mới được cấp sổ đỏ đất ở thì trong bao lâu phải khai thuế sử dụng đất phi nông nghiệp"); strings.Contains(got, "đo đạc") {
		t.Errorf("deadline %q, want none of the surveyor's time", got)
	}
	// Nor the commune's time to confirm a tax file, counted from the
	// request (1.007695): the household's 30 days.
	docs, err = portal.EmbeddedDocuments("1.007695")
	if err != nil {
		t.Fatal(err)
	}
	if got := deadlineOf(docs[0].Procedure, "nha toi moi duoc cap so dat o, phai ke khai thue dat phi nong nghiep trong bao lau? tien thue moi nam chi tam 30-40 nghin thi co phai lam ho so mien khong"); !strings.Contains(got, "30 ngày") {
		t.Errorf("deadline %q, want the household's 30 days", got)
	}
}

// How recent a photo must be ("không quá 06 tháng") is no time limit.
func TestPhotoAgeIsNoDeadline(t *testing.T) {
	p := &knowledge.Procedure{Papers: []knowledge.Paper{
		{Name: "Ảnh mới chụp không quá 06 tháng, cỡ 4cm x 6cm, mặt nhìn thẳng, đầu để trần"},
		{Name: "02 ảnh chân dung mới chụp không quá 6 tháng"},
	}}
	if got := deadlineOf(p, "hộ chiếu hết hạn phải làm lại trước mấy ngày"); got != "" {
		t.Errorf("deadline %q, want none", got)
	}
}

// A record whose table gives no time has it in its steps; the quote holds
// the number of days even at the end of a long step.
func TestOfficeTimeQuotedFromTheSteps(t *testing.T) {
	p := &knowledge.Procedure{Steps: []string{
		"Trường hợp hồ sơ đủ điều kiện cấp, Cơ quan đăng ký kinh doanh cấp xã cấp Giấy chứng nhận đăng ký hộ kinh doanh và gửi thông báo về Cơ quan thuế quản lý trực tiếp hộ kinh doanh cho hộ kinh doanh trong thời hạn 03 ngày làm việc kể từ ngày nhận hồ sơ.",
	}}
	if got := timeOf(p); !strings.Contains(got, "03 ngày làm việc") {
		t.Errorf("time %q lacks the 3 working days of the steps", got)
	}
}

// A cell that lost its unit takes none from the time the steps give the
// check of the file for completeness: the decision's 07 days are what a
// resident waits (record 1.011471).
func TestBareTimeIsNotTheCheckOfTheFile(t *testing.T) {
	p := &knowledge.Procedure{Time: "1", Steps: []string{
		"b) Bước 2: Tiếp nhận, kiểm tra tính đầy đủ của thành phần hồ sơ. Cơ quan có thẩm quyền kiểm tra hồ sơ và trả lời ngay tính hợp lệ của thành phần hồ sơ đối với hồ sơ nộp trực tiếp, trong thời hạn 01 ngày làm việc, kể từ ngày nhận được hồ sơ nộp qua dịch vụ bưu chính hoặc qua môi trường điện tử; trường hợp hồ sơ chưa đủ thành phần theo quy định, cơ quan có thẩm quyền phê duyệt thông báo bằng văn bản và nêu rõ lý do.",
		"c) Bước 3: Phê duyệt phương án khai thác và trả kết quả. Trong thời hạn 07 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ, cơ quan có thẩm quyền ban hành Quyết định phê duyệt phương án khai thác.",
	}}
	got := timeOf(p)
	if strings.HasPrefix(got, "1 ngày làm việc") || !strings.Contains(got, "07 ngày làm việc") {
		t.Errorf("time %q: want the bare «1» beside the steps' 07 working days", got)
	}
}

// Two times of one channel are each said with the case the record's note
// gives it; one time alone is said bare.
func TestTimesWithTheirCases(t *testing.T) {
	p := &knowledge.Procedure{Methods: []knowledge.Method{
		{Channel: "Trực tuyến", Time: "1 ngày làm việc", Note: "Nộp qua VNeID. Cơ quan đăng ký cư trú cấp xác nhận trong thời hạn 01 ngày làm việc với trường hợp thông tin có trong Cơ sở dữ liệu quốc gia về dân cư."},
		{Channel: "Trực tuyến", Time: "3 ngày làm việc", Note: "Cấp xác nhận trong thời hạn 03 ngày làm việc với trường hợp cần xác minh; trường hợp từ chối thì phải trả lời bằng văn bản."},
	}}
	want := "1 ngày làm việc (trường hợp thông tin có trong Cơ sở dữ liệu quốc gia về dân cư); 3 ngày làm việc (trường hợp cần xác minh)"
	if got := timeOf(p); got != want {
		t.Errorf("time %q, want %q", got, want)
	}
	p.Methods = p.Methods[:1]
	if got := timeOf(p); got != "1 ngày làm việc" {
		t.Errorf("one time %q, want it bare", got)
	}
}

// A provincial procedure whose file the commune police take says so, not
// "not at the commune" above a commune place; one handed in at the
// province says the commune does not decide it.
func TestLevelNoteAgreesWithThePlace(t *testing.T) {
	atCommune := &knowledge.Procedure{Level: "Cấp bộ, Cấp tỉnh", Where: "Công an cấp xã"}
	if got := levelNote(atCommune, view{}); strings.Contains(got, "không giải quyết tại xã") || !strings.Contains(got, "nhận tại cấp xã") {
		t.Errorf("level note %q for a file the commune police take", got)
	}
	atProvince := &knowledge.Procedure{Level: "Cấp tỉnh", Where: "Công an cấp tỉnh"}
	if got := levelNote(atProvince, view{}); !strings.Contains(got, "không giải quyết tại xã") {
		t.Errorf("level note %q for a file handed in at the province", got)
	}
}

// A time the note gives for two things is said bare; a time the note
// gives under a label ("Cấp lại biển số định danh: Không quá 07 ngày")
// is said with it.
func TestTimeCaseOfTwoThingsIsBare(t *testing.T) {
	note := "- Thời hạn giải quyết: + Cấp chứng nhận thu hồi đăng ký, biển số xe: Không quá 02 ngày làm việc (trường hợp cấp chứng nhận thu hồi đăng ký, biển số), kể từ ngày nhận đủ hồ sơ hợp lệ. + Cấp chứng nhận đăng ký xe: Không quá 02 ngày làm việc, kể từ ngày nhận đủ hồ sơ hợp lệ."
	p := &knowledge.Procedure{Methods: []knowledge.Method{
		{Channel: "Trực tiếp", Time: "2 ngày làm việc", Note: note},
		{Channel: "Trực tiếp", Time: "7 ngày làm việc", Note: "- Thời hạn giải quyết: + Cấp lại biển số định danh: Không quá 07 ngày làm việc, kể từ ngày nhận đủ hồ sơ hợp lệ."},
	}}
	want := "2 ngày làm việc; 7 ngày làm việc (cấp lại biển số định danh)"
	if got := timeOf(p); got != want {
		t.Errorf("time %q, want %q", got, want)
	}
}

// Intents are read as the question spells them: "tiện" is no fee, and
// "tiền thai sản" is money paid, not a fee; "tiền làm sổ đỏ" is one.
func TestIntentsAsSpelled(t *testing.T) {
	for q, want := range map[string]bool{
		"ra riêng một hộ để tiện làm giấy tờ, nộp ở đâu": false,
		"nghe nói có tiền thai sản, nộp ở đâu":           false,
		"tiền làm sổ đỏ":                                 true,
		"tien lam so do":                                 true,
		"làm giấy khai sinh có mất tiền không":           true,
	} {
		padded := fold(q)
		if got := slices.Contains(detectIntents(intentPadded(q, padded)), intentFee); got != want {
			t.Errorf("%q: fee asked %v, want %v", q, got, want)
		}
	}
}

// "thế nào" beside another ask is answered by what to bring.
func TestHowBesideTimeAsksPapers(t *testing.T) {
	q := "Ruộng lúa nhà tôi muốn chuyển sang trồng cây ăn quả thì đăng ký với xã thế nào, mất mấy ngày?"
	got := detectIntents(fold(q))
	if !slices.Contains(got, intentPapers) || !slices.Contains(got, intentTime) {
		t.Errorf("intents %v, want the papers and the time", got)
	}
}

// A record that gives each of its cases a time in its steps answers the
// time of the case the question names, not the table's longest.
func TestTimeOfTheCaseTheQuestionNames(t *testing.T) {
	p := &knowledge.Procedure{Time: "45 ngày", Steps: []string{
		"Bước 4. Nhận kết quả giải quyết gồm sổ BHXH, thẻ BHYT theo hình thức đăng ký\nThời hạn giải quyết 1. Cấp lại sổ BHXH do thay đổi họ, tên, chữ đệm; sổ BHXH mất, hỏng: không quá 10 ngày kể từ ngày nhận đủ hồ sơ theo quy định. Trường hợp phải xác minh quá trình đóng BHXH ở tỉnh khác thì không quá 45 ngày nhưng phải có văn bản thông báo cho NLĐ biết.\n" +
			"2. Điều chỉnh nội dung đã ghi trên sổ BHXH: không quá 5 ngày kể từ ngày nhận đủ hồ sơ theo quy định.\n" +
			"3. Cấp lại, đổi thẻ BHYT:\n+ Trường hợp thay đổi thông tin: Không quá 03 ngày kể từ ngày nhận đủ hồ sơ theo quy định.\n" +
			"+ Trường hợp không thay đổi thông tin hoặc người tham gia đang điều trị tại các cơ sở Khám chữa bệnh: trả trong ngày khi nhận đủ hồ sơ theo quy định.",
	}}
	for _, q := range []string{
		"Làm mất thẻ BHYT thì xin cấp lại bao lâu có, có mất phí không?",
		"the bhyt bi mat, lam lai co mat tien ko, bao lau thi co",
		"Nhà tôi hộ nghèo được nhà nước cấp thẻ bảo hiểm y tế, giờ làm mất thẻ thì xin cấp lại ở đâu, có lâu không?",
	} {
		got := caseTime(p, q)
		for _, want := range []string{"Cấp lại, đổi thẻ BHYT", "Không quá 03 ngày", "trả trong ngày"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: case time %q lacks %q", q, got, want)
			}
		}
		if strings.Contains(got, "10 ngày") {
			t.Errorf("%s: case time %q holds the social insurance book's", q, got)
		}
	}
	if got := caseTime(p, "mất sổ bảo hiểm xã hội thì cấp lại bao lâu"); !strings.Contains(got, "10 ngày") {
		t.Errorf("case time %q for a lost book lacks its 10 days", got)
	}
	// A question that names no case, and steps whose times are not
	// labelled cases, leave the table's time.
	if got := caseTime(p, "thủ tục này mất bao lâu"); got != "" {
		t.Errorf("case time %q for a question naming no case", got)
	}
	// The time table's notes give cases too.
	maternity := &knowledge.Procedure{Time: "6 ngày làm việc", Methods: []knowledge.Method{{Channel: "Trực tiếp", Time: "6 ngày làm việc",
		Note: "- Nhận hồ sơ từ đơn vị SDLĐ: Tối đa 06 ngày làm việc kể từ ngày cơ quan BHXH nhận đủ hồ sơ theo quy định.\n- Nhận hồ sơ từ NLĐ, người tham gia BHXH tự nguyện: Tối đa 03 ngày làm việc kể từ ngày cơ quan BHXH nhận đủ hồ sơ theo quy định."}}}
	if got := caseTime(maternity, "em đóng BHXH tự nguyện, vừa sinh bé, nộp hồ sơ thai sản bao lâu thì được giải quyết"); !strings.Contains(got, "03 ngày") {
		t.Errorf("case time %q lacks the voluntary member's 3 days", got)
	}
	steps := &knowledge.Procedure{Steps: []string{"- Trong thời hạn 07 ngày làm việc, cơ quan cấp phép xem xét hồ sơ.", "- Trong thời hạn 15 ngày kể từ ngày nhận đủ hồ sơ, cơ quan cấp giấy phép xây dựng."}}
	if got := caseTime(steps, "xin giấy phép xây dựng nhà ở bao lâu"); got != "" {
		t.Errorf("case time %q from steps that label no case", got)
	}
}

// One sentence that gives two cases their times answers the case named.
func TestTimeOfTheCaseOneSentenceNames(t *testing.T) {
	p := &knowledge.Procedure{Time: "5 ngày làm việc", Steps: []string{
		"Trong thời hạn không quá 01 ngày đối với đám tang, không quá 05 ngày làm việc đối với các trường hợp khác, cơ quan có thẩm quyền giải quyết thủ tục hành chính có văn bản cấp phép sử dụng tạm thời lòng đường, vỉa hè vào mục đích khác.",
	}}
	if got := caseTime(p, "Nhà tôi có đám tang, cần dựng rạp lấn ra lòng đường thì xin phép thế nào, bao lâu được cấp phép?"); !strings.Contains(got, "đám tang: không quá 01 ngày") {
		t.Errorf("case time %q, want the funeral's day", got)
	}
	if got := caseTime(p, "xin phép dùng vỉa hè làm chỗ để xe bao lâu"); strings.Contains(got, "đám tang") {
		t.Errorf("case time %q for a question naming no funeral", got)
	}
}

// A wedding is not a funeral for sharing "đám".
func TestTimeOfTheCaseNotNamedByHalf(t *testing.T) {
	p := &knowledge.Procedure{Time: "5 ngày làm việc", Steps: []string{
		"Trong thời hạn không quá 01 ngày đối với đám tang, không quá 05 ngày làm việc đối với các trường hợp khác, cơ quan có thẩm quyền giải quyết thủ tục hành chính có văn bản cấp phép.",
	}}
	if got := caseTime(p, "Nhà sắp có đám cưới, muốn dựng rạp lấn ra vỉa hè vài hôm thì phải xin phép thế nào, mấy ngày thì được?"); got != "" {
		t.Errorf("case time %q for a wedding", got)
	}
}

// The resident's deadline and the office's time asked together are both
// answered: "phải thông báo trong bao nhiêu ngày, xã xử lý mấy ngày".
func TestDeadlineAndOfficeTimeBoth(t *testing.T) {
	q := "Hop tac xa cua chung toi vua doi nganh nghe kinh doanh thi phai thong bao trong bao nhieu ngay, xa xu ly may ngay?"
	if got := detectIntents(fold(q)); !has(got, intentDeadline) || !has(got, intentTime) {
		t.Errorf("%q: intents %v, want the deadline and the time", q, got)
	}
}

// Within how long the resident must act, asked after or before the act
// ("trong bao lâu phải xóa hộ khẩu", "nộp hồ sơ trong bao lâu"), is a
// deadline; how long the office takes is not.
func TestDeadlineAskedWithinHowLong(t *testing.T) {
	for q, want := range map[string]bool{
		"ong noi em moi mat, trong bao lau phai xoa ho khau cho ong, lam o dau":                 true,
		"heo bi dich phai tieu huy het, muon xin ho tro thi nop ho so trong bao lau, nop o dau": true,
		"xóa hộ khẩu cho ông mất bao lâu":                                                       false,
		"nộp hồ sơ xong thì bao lâu phải xong":                                                  false,
		"nop ho so trong bao lau thi co ket qua":                                                false,
		// "bao lâu thì xã duyệt": the office acts, after the papers asked.
		"Tôi nuôi tôm muốn được nhà nước hỗ trợ một phần tiền mua bảo hiểm nông nghiệp thì phải nộp giấy tờ gì, bao lâu thì xã duyệt?": false,
		"phải nộp đơn gì, mấy ngày thì được duyệt": false,
		// "thời hạn đi đăng ký" is the resident's; "thời hạn giải quyết"
		// the office's.
		"Ông tôi mất hôm qua. Thời hạn đi đăng ký khai tử là bao nhiêu ngày, cần giấy gì?": true,
		"thoi han phai khai bao tam vang la may ngay":                                      true,
		"đăng ký khai tử thời hạn giải quyết mấy ngày":                                     false,
	} {
		if got := has(detectIntents(fold(q)), intentDeadline); got != want {
			t.Errorf("%q: deadline asked %v, want %v", q, got, want)
		}
	}
}

// A deadline written with its number in words ("10 (mười) ngày"), and one
// kept by whoever hands in the file to the commune, are the resident's
// (records 1.007674, 1.013997).
func TestDeadlineInWordsAndOfWhoeverHandsIn(t *testing.T) {
	p := &knowledge.Procedure{Steps: []string{
		"++ Trường hợp hợp đồng chuyển nhượng không có thỏa thuận bên mua là người nộp thuế thay cho bên bán thì nộp hồ sơ khai thuế chậm nhất là 10 (mười) ngày kể từ thời điểm hợp đồng chuyển nhượng có hiệu lực theo quy định của pháp luật.",
		"++ Trường hợp hợp đồng chuyển nhượng có thỏa thuận bên mua là người nộp thuế thay cho bên bán thì nộp hồ sơ khai thuế chậm nhất là thời điểm làm thủ tục đăng ký quyền sở hữu, quyền sử dụng bất động sản.",
	}}
	// The case it holds for is quoted with it, up to its "thì".
	if got := deadlineOf(p, "bán đất thì khai thuế TNCN chậm nhất mấy ngày sau khi ký HĐ"); !strings.Contains(got, "10 (mười) ngày") || !strings.HasPrefix(got, "Trường hợp hợp đồng chuyển nhượng không có thỏa thuận") {
		t.Errorf("deadline %q, want the 10 days and the case they hold for", got)
	}
	p = &knowledge.Procedure{Steps: []string{
		"Trong thời hạn 30 ngày kể từ ngày kết thúc việc tiêu hủy động vật, sản phẩm động vật tại ổ dịch, cơ sở sản xuất nộp 01 bộ hồ sơ đến Ủy ban nhân dân cấp xã theo hình thức trực tiếp hoặc qua dịch vụ bưu chính.",
		"Trường hợp nộp hồ sơ qua dịch vụ bưu chính: Trong thời hạn 03 ngày làm việc kể từ ngày nhận được hồ sơ, Ủy ban nhân dân cấp xã xem xét, kiểm tra tính chính xác, đầy đủ của hồ sơ.",
	}}
	if got := deadlineOf(p, "heo nha toi bi dich ta chau phi phai tieu huy het, muon xin ho tro thi nop ho so trong bao lau"); !strings.Contains(got, "30 ngày") {
		t.Errorf("deadline %q, want the 30 days after the culling", got)
	}
	// Whoever sends the file named by what it is (1.004979).
	p = &knowledge.Procedure{Steps: []string{
		"Trong thời hạn 10 ngày kể từ ngày có thay đổi nội dung quy định tại khoản 1 Điều này, hợp tác xã, liên hiệp hợp tác xã gửi hồ sơ thông báo thay đổi đến cơ quan đăng ký kinh doanh\nTrong thời hạn 03 ngày làm việc kể từ ngày nhận được hồ sơ thông báo, cơ quan đăng ký kinh doanh có trách nhiệm xem xét tính hợp lệ của hồ sơ",
	}}
	if got := deadlineOf(p, "hop tac xa vua doi nganh nghe kinh doanh thi phai thong bao trong bao nhieu ngay"); !strings.Contains(got, "10 ngày") {
		t.Errorf("deadline %q, want the 10 days after the change", got)
	}
}

// A deadline given as a day ("chậm nhất là ngày cuối cùng của tháng thứ
// 3 kể từ ngày kết thúc năm", "ngày thứ 45 kể từ ngày chấm dứt") is the
// resident's. The step is the official record's (1.008549).
func TestDeadlineAsADay(t *testing.T) {
	p := &knowledge.Procedure{Title: "Khai quyết toán thuế tài nguyên đối với cơ sở khai thác tài nguyên", Steps: []string{
		"+ Bước 1: \n++ Tổ chức, cá nhân khai thác tài nguyên thiên nhiên lập hồ sơ khai quyết toán thuế tài nguyên và gửi đến cơ quan thuế quản lý trực tiếp.\n++ Thời hạn nộp hồ sơ: Chậm nhất là ngày cuối cùng của tháng thứ 3 kể từ ngày kết thúc năm dương lịch hoặc năm tài chính hoặc là ngày thứ 45 kể từ ngày chấm dứt hoạt động, chấm dứt hợp đồng hoặc tổ chức lại doanh nghiệp.",
		"+ Bước 2: Cơ quan thuế tiếp nhận hồ sơ theo quy định.",
	}}
	got := deadlineOf(p, "quyết toán thuế tài nguyên năm thì hạn chót nộp là khi nào")
	if !strings.Contains(got, "ngày cuối cùng của tháng thứ 3") {
		t.Errorf("deadline %q, want the last day of the third month", got)
	}
	p = &knowledge.Procedure{Steps: []string{"Người nộp thuế nộp hồ sơ khai thuế chậm nhất là ngày thứ 20 của tháng tiếp theo tháng phát sinh nghĩa vụ thuế."}}
	if got := deadlineOf(p, "khai thuế tháng hạn cuối ngày mấy"); !strings.Contains(got, "ngày thứ 20 của tháng tiếp theo") {
		t.Errorf("deadline %q, want the 20th of the next month", got)
	}
	// The day's number also in words, beside the year's settlement, each
	// in its part of the steps as the record is read (1.008312): the
	// month's declaration is asked.
	p = &knowledge.Procedure{Title: "Khai thuế tài nguyên/khai quyết toán thuế tài nguyên đối với cơ sở khai thác tài nguyên", Steps: []string{
		"(i) Khai thuế tài nguyên +",
		"Bước 1: \n++ Tổ chức, cá nhân khai thác tài nguyên thiên nhiên lập hồ sơ khai thuế và gửi đến cơ quan thuế quản lý trực tiếp.\n++ Thời hạn nộp hồ sơ : Chậm nhất là ngày thứ 20 (hai mươi) của tháng tiếp theo tháng phát sinh nghĩa vụ thuế.",
		"Bước 2. Cơ quan thuế tiếp nhận hồ sơ theo quy định.\n(ii) Khai quyết toán thuế tài nguyên +",
		"Bước 1: \n++ Tổ chức, cá nhân khai thác tài nguyên thiên nhiên lập hồ sơ khai quyết toán thuế tài nguyên và gửi đến cơ quan thuế quản lý trực tiếp.\n++ Thời hạn nộp hồ sơ: Chậm nhất là ngày cuối cùng của tháng thứ 3 kể từ ngày kết thúc năm dương lịch hoặc năm tài chính hoặc là ngày thứ 45 kể từ ngày chấm dứt hoạt động, chấm dứt hợp đồng hoặc tổ chức lại doanh nghiệp.",
	}}
	if got := deadlineOf(p, "toi dc cap phep khai thac cat soi nho o xa, hang thang khai thue tai nguyen theo mau nao, han nop la ngay may"); !strings.Contains(got, "ngày thứ 20 (hai mươi) của tháng tiếp theo") {
		t.Errorf("deadline %q, want the 20th of the next month", got)
	}
	// The year's settlement asked is the part of the steps named so; the
	// business reorganised after its deadline is a time, not whose.
	if got := deadlineOf(p, "Nhà em có mỏ khai thác cát nhỏ, hạn chót nộp hồ sơ quyết toán thuế tài nguyên năm là khi nào vậy?"); !strings.Contains(got, "ngày cuối cùng của tháng thứ 3") {
		t.Errorf("deadline %q, want the last day of the third month", got)
	}
	// A part's name weighs only between clauses that score alike: the
	// office's 2 days in a part named with the question's words are not
	// the resident's 10 in another (1.008503).
	p = &knowledge.Procedure{Steps: []string{
		"(i) Đăng ký thay đổi thông tin đăng ký thuế đối với người nộp thuế là tổ chức, hộ gia đình/cá nhân kinh doanh thay đổi các thông tin đăng ký thuế không làm thay đổi cơ quan thuế quản lý",
		"Bước 2: Cơ quan thuế tiếp nhận:\n++++ Trường hợp hồ sơ chưa đầy đủ, chưa đúng thủ tục theo quy định: Cơ quan thuế gửi thông báo về việc không chấp nhận hồ sơ, gửi đến Cổng thông tin điện tử mà người nộp thuế lựa chọn lập và gửi hồ sơ trong thời hạn 02 (hai) ngày làm việc kể từ ngày ghi trên Thông báo tiếp nhận hồ sơ.\n(ii) Cá nhân thay đổi thông tin qua tổ chức chi trả thu nhập",
		"Bước 1: Trường hợp cá nhân có ủy quyền cho tổ chức, cá nhân chi trả thu nhập thực hiện đăng ký thay đổi thông tin đăng ký thuế cho cá nhân thì phải gửi văn bản ủy quyền cho tổ chức chi trả thu nhập chậm nhất là 10 ngày làm việc kể từ ngày phát sinh thông tin thay đổi.",
	}}
	if got := deadlineOf(p, "Tôi bán hàng online, tự đăng ký mã số thuế cá nhân kinh doanh (không đăng ký hộ kinh doanh). Giờ đổi số điện thoại và email thì phải báo thay đổi thông tin đăng ký thuế trong bao lâu, có mất phí không?"); !strings.Contains(got, "10 ngày") {
		t.Errorf("deadline %q, want the 10 days", got)
	}
}

// A deadline whose clause goes on to name an organisation ("…, Tổ chức
// sử dụng đất … nộp hồ sơ") is the organisation's, not a household's
// (1.007695).
func TestDeadlineOfAnOrganisationNamedAfterIt(t *testing.T) {
	docs, err := portal.EmbeddedDocuments("1.007695")
	if err != nil || len(docs) != 1 {
		t.Fatal(docs, err)
	}
	got := deadlineOf(docs[0].Procedure, "nha toi moi duoc cap so dat o, phai ke khai thue dat phi nong nghiep trong bao lau?")
	if !strings.Contains(got, "30 ngày") || strings.Contains(got, "Tổ chức") {
		t.Errorf("deadline %q, want the 30 days without the organisation's clause", got)
	}
}

// Whether a paper must be handed in is answered by the papers; whether
// the fee must be paid is not.
func TestPaperAskedYesOrNo(t *testing.T) {
	for q, want := range map[string]bool{
		"xin giấy phép xây nhà 3 tầng ở xã thì có phải nộp sổ đỏ k, bao lâu thì có giấy phép": true,
		"đăng ký tạm trú có cần mang căn cước không":                                          true,
		"đăng ký kết hôn có phải nộp lệ phí không":                                            false,
		// "có cần sổ đỏ không" asks the papers even with no verb.
		"Xin giấy phép xây dựng thì mất bao lâu, có cần sổ đỏ không ạ?": true,
		"lam giay khai sinh co bat buoc phai co giay chung sinh ko":     true,
		"sửa nhà có cần xin giấy phép không, mất bao lâu":               false,
		"làm sổ đỏ có cần lệ phí không, mấy ngày":                       false,
		// What goes with the form asks the papers.
		"giờ đổi sang giấy CN đăng ký HTX mới thì nộp kèm gì, mấy ngày xong?": true,
		// What a declaration holds is its paper.
		"Sắp đi làm xa nhà, khai báo tạm vắng thì cần khai những nội dung gì?": true,
	} {
		if got := has(detectIntents(fold(q)), intentPapers); got != want {
			t.Errorf("%q: papers asked %v, want %v", q, got, want)
		}
	}
}

// "được cấp giấy gì" asks which paper the office gives, not which to
// bring.
func TestResultPaperIsNotPapersToBring(t *testing.T) {
	q := "giay khai sinh cua con toi bi ghi sai ngay sinh, muon cai chin lai thì lam o dau, sua xong dc cap giay gi?"
	if got := detectIntents(intentPadded(q, fold(q))); !slices.Contains(got, intentResult) || slices.Contains(got, intentPapers) {
		t.Errorf("%q: intents %v, want the result and not the papers", q, got)
	}
}

// A grade asked ("công trình cấp III") takes the time of the rest ("12
// ngày làm việc đối với công trình còn lại"), not of the grades a case
// names ("16 ngày làm việc đối với công trình cấp I, cấp đặc biệt"),
// as 1.009794 gives them.
func TestTimeOfTheGradeAsked(t *testing.T) {
	p := &knowledge.Procedure{Time: "16 ngày làm việc", Steps: []string{
		"Thời hạn kiểm tra: 16 ngày làm việc đối với công trình cấp I, cấp đặc biệt và 12 ngày làm việc đối với công trình còn lại kể từ ngày tiếp nhận hồ sơ đề nghị kiểm tra công tác nghiệm thu.",
	}}
	for q, want := range map[string]string{
		"Tôi xây công trình cấp III, cần kiểm tra công tác nghiệm thu thì mất bao nhiêu ngày?": "công trình còn lại: 12 ngày làm việc",
		"cong trinh cap 3 kiem tra nghiem thu bao lau":                                         "công trình còn lại: 12 ngày làm việc",
		"công trình cấp I kiểm tra nghiệm thu mất bao lâu":                                     "công trình cấp I: 16 ngày làm việc",
	} {
		if got := caseTime(p, q); !strings.Contains(got, want) {
			t.Errorf("%s: case time %q, want %q", q, got, want)
		}
	}
}

// A length of time the story tells asks no time.
func TestStoryTimeAsksNoTime(t *testing.T) {
	for q, want := range map[string]bool{
		"Ông nội em mất hôm qua tại nhà, trước đó có nằm viện một thời gian rồi xin về. Giờ muốn làm giấy khai tử cho ông thì cần những giấy gì?": false,
		"thời gian giải quyết khai tử là bao lâu": true,
	} {
		if got := has(detectIntents(fold(q)), intentTime); got != want {
			t.Errorf("%q: time asked %v, want %v", q, got, want)
		}
	}
}

// Whether the paper comes at once asks the office's time.
func TestSoonAskedIsTime(t *testing.T) {
	for q, want := range map[string]bool{
		"2 đứa e tính đi đky kết hôn, làm ở đâu, có mất phí ko, lấy giấy liền đc ko ạ?": true,
		"làm khai sinh cho con trong ngày được không":                                   true,
		"chứng thực bản sao có ngay không":                                              true,
		"đăng ký kết hôn có mất phí không, lấy ngày nào cho đẹp":                        false,
		"làm giấy khai sinh cần mang giấy gì":                                           false,
	} {
		if got := has(detectIntents(fold(q)), intentTime); got != want {
			t.Errorf("%q: time asked %v, want %v", q, got, want)
		}
	}
}

// A length asked "within" ("đi khai tử thì trong bao nhiêu ngày") with
// nothing after it that is the office's gets the record's own limit for
// the resident beside the office's time (1.000656: 15 days from the
// death); "công an giải quyết … trong bao lâu" stays the office's time.
func TestWithinHowManyDaysGetsTheLimit(t *testing.T) {
	for _, q := range []string{
		"bố tôi vừa mất hôm qua ở nhà, đi khai tử ở xã thì trong bao nhiêu ngày, mang giấy gì",
		"ông nội em mất hôm qua, làm khai tử trong vòng bao nhiêu ngày, cần giấy gì ạ",
	} {
		if _, got := embeddedAnswer(t, "1.000656", q); !strings.Contains(got, "Trong thời hạn 15 ngày kể từ ngày có người chết") || !strings.Contains(got, "Giấy báo tử") {
			t.Errorf("%q: answer\n%s\nwants the 15 days and the papers", q, got)
		}
	}
	for _, q := range []string{
		"Tôi muốn khiếu nại quyết định xử phạt của công an xã vì thấy không đúng. Công an giải quyết khiếu nại lần đầu trong bao lâu?",
		"dong cua tiem roi, muon cham dut ho kinh doanh thi nop ho so o dau, xu ly trong bao lau",
		"làm sổ đỏ trong bao lâu thì xong",
		// "Thời hạn bao lâu" is how long, not a "thời hạn báo".
		"lam so do thoi han bao lau",
	} {
		if got := detectIntents(intentPadded(q, fold(q))); slices.Contains(got, intentDeadline) {
			t.Errorf("%q: intents %v, want the office's time only", q, got)
		}
	}
}

// A case the question names that the time's note times on its own is
// said beside the time (1.013082): a lost registration paper is checked
// for 30 days; a torn one is not.
func TestCaseOfTheTimeNamed(t *testing.T) {
	for q, want := range map[string]bool{
		"Mất cà vẹt xe máy rồi, xin cấp lại giấy đăng ký xe mất bao lâu, cần giấy gì?": true,
		"cà vẹt bị rách, cấp lại bao lâu":                                              false,
	} {
		_, got := embeddedAnswer(t, "1.013082", q)
		if strings.Contains(got, "30 ngày") != want || !strings.Contains(got, "2 ngày làm việc") {
			t.Errorf("%q: answer\n%s\nwant the 30 days' check: %v", q, got, want)
		}
	}
}

// A deadline counted in days as "ngày thứ 10 kể từ …" is quoted
// (1.008538: a car given, taxed).
func TestDeadlineAsTheNthDayFrom(t *testing.T) {
	q := "Chú ruột cho em chiếc ô tô, sang tên qua em thì em khai thuế TNCN theo tờ khai mẫu số mấy, hạn nộp là khi nào?"
	if got := deadlineOf(embeddedProcedure(t, "1.008538"), q); !strings.Contains(got, "chậm nhất là ngày thứ 10 kể từ ngày phát sinh nghĩa vụ thuế") {
		t.Errorf("deadline %q, want the 10th day", got)
	}
}

// A time cell of bare days ("20 Ngày") whose note says the same number
// of working days is said in working days (2.000986), and one whose
// note does not stays as the cell says (1.002051).
func TestTimeInWorkingDaysAsItsNoteSays(t *testing.T) {
	for code, want := range map[string]string{"2.000986": "20 ngày làm việc", "1.002051": "10 ngày"} {
		if got := timeOf(embeddedProcedure(t, code)); got != want {
			t.Errorf("%s: time %q, want %q", code, got, want)
		}
	}
}

// A deadline a clause sets on what must be handed to an office ("phải
// được trình … Ủy ban nhân dân gần nhất … chậm nhất 03 (ba) ngày làm
// việc") is the resident's, and the record's "thời hạn giải quyết" is
// the office's (1.005040: a barge's accident on a river).
func TestDeadlineOfWhatMustBeHandedIn(t *testing.T) {
	q := "ghe cho hang cua toi bi dam va tren song, nghe noi phai trinh bao duong thuy noi dia cho ubnd gan nhat xac nhan, phai nop trong bao lau va xac nhan mat bao lau?"
	if got := deadlineOf(embeddedProcedure(t, "1.005040"), q); !strings.Contains(got, "chậm nhất 03 (ba) ngày làm việc") {
		t.Errorf("deadline %q, want the 3 working days", got)
	}
}
