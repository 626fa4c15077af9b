package places

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// resolved summarises a Resolution as "former (district, province) → new
// (province)" lines.
func resolved(res Resolution) []string {
	var out []string
	for _, c := range res.Candidates {
		s := c.Former.FullName + " (" + c.Former.District + ", " + c.Former.Province + ") →"
		for _, n := range c.New {
			s += " " + n.FullName + " (" + n.Province + ")"
		}
		out = append(out, s)
	}
	return out
}

func TestResolveSeeds(t *testing.T) {
	d := mustLoad(t)
	tests := []struct {
		q    string
		want string // the one new commune
	}{
		{"tôi ở xã Thanh Phú Long cũ, giờ nộp hồ sơ ở đâu?", "Xã Thuận Mỹ (Tây Ninh)"},
		{"Xã Thanh Vĩnh Đông trước đây giờ thuộc xã nào?", "Xã Thuận Mỹ (Tây Ninh)"},
		{"xã Thuận Mỹ, huyện Châu Thành, Long An cũ giờ là xã nào", "Xã Thuận Mỹ (Tây Ninh)"},
		{"Thuận Mỹ (Châu Thành, Long An) cũ giờ ở đâu", "Xã Thuận Mỹ (Tây Ninh)"},
		{"thanh phu long cu gio nop ho so o dau", "Xã Thuận Mỹ (Tây Ninh)"},
		{"xã Thạnh Phú Long nộp hồ sơ ở đâu", "Xã Thuận Mỹ (Tây Ninh)"}, // everyday spelling of the tone
		{"thi tran Tam Duong cu gio la xa nao", "Xã Bình Lư (Lai Châu)"},
		{"Thị trấn Tam Đường (Lai Châu) sáp nhập vào đâu?", "Xã Bình Lư (Lai Châu)"},
		{"xã Sơn Bình huyện Tam Đường tỉnh Lai Châu giờ thuộc xã nào", "Xã Bình Lư (Lai Châu)"},
		{"xã Sơn Bình, Lai Châu trước đây", "Xã Bình Lư (Lai Châu)"},
		{"xã Bình Lư huyện Tam Đường cũ bây giờ là xã nào", "Xã Bình Lư (Lai Châu)"},
		{"phường Phúc Xá quận Ba Đình trước đây sáp nhập vào đâu", "Phường Hồng Hà (Hà Nội)"},
		{"Phường 1 quận 3 cũ giờ là phường nào", "Phường Bàn Cờ (Hồ Chí Minh)"},
		{"Tôi ở huyện Côn Đảo cũ, giờ thuộc đâu?", "Đặc khu Côn Đảo (Hồ Chí Minh)"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res := d.Resolve(tt.q)
			if !res.Found || res.Ambiguous || len(res.Candidates) != 1 || len(res.Candidates[0].New) != 1 {
				t.Fatalf("Resolve = %v, want one candidate → %s", resolved(res), tt.want)
			}
			n := res.Candidates[0].New[0]
			if got := n.FullName + " (" + n.Province + ")"; got != tt.want {
				t.Errorf("Resolve → %s, want %s", got, tt.want)
			}
		})
	}
}

func TestResolveTonePlacement(t *testing.T) {
	d := mustLoad(t)
	// The CSV writes "Hòa"; residents type "Hoà" too.
	a := d.Resolve("xã Hòa Bình Thạnh cũ giờ thuộc xã nào")
	b := d.Resolve("xã Hoà Bình Thạnh cũ giờ thuộc xã nào")
	if !a.Found || cmp.Diff(resolved(a), resolved(b)) != "" {
		t.Errorf("Hòa and Hoà resolve differently:\n%v\n%v", resolved(a), resolved(b))
	}
}

func TestResolveSplit(t *testing.T) {
	d := mustLoad(t)
	res := d.Resolve("phường Cống Vị, quận Ba Đình cũ giờ thuộc phường nào?")
	if !res.Found || res.Ambiguous || len(res.Candidates) != 1 {
		t.Fatalf("Resolve = %v, want one split former ward", resolved(res))
	}
	var got []string
	for _, n := range res.Candidates[0].New {
		got = append(got, n.FullName)
	}
	slices.Sort(got)
	if len(got) < 2 || !slices.Contains(got, "Phường Giảng Võ") {
		t.Errorf("split ward Cống Vị went to %v, want several new wards including Phường Giảng Võ", got)
	}
}

func TestResolveAmbiguous(t *testing.T) {
	d := mustLoad(t)
	tests := []struct {
		q         string
		provinces []string // former provinces of the candidates
	}{
		{"xã Sơn Bình cũ giờ thuộc xã nào?", []string{"Tỉnh Bà Rịa - Vũng Tàu", "Tỉnh Khánh Hoà", "Tỉnh Kiên Giang", "Tỉnh Lai Châu"}},
		{"son binh cu gio la xa nao", []string{"Tỉnh Bà Rịa - Vũng Tàu", "Tỉnh Khánh Hoà", "Tỉnh Kiên Giang", "Tỉnh Lai Châu"}},
		{"xã Sơn Bình huyện Không Có cũ", []string{"Tỉnh Bà Rịa - Vũng Tàu", "Tỉnh Khánh Hoà", "Tỉnh Kiên Giang", "Tỉnh Lai Châu"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res := d.Resolve(tt.q)
			if !res.Found || !res.Ambiguous {
				t.Fatalf("Resolve = %+v, want an ambiguous choice", resolved(res))
			}
			var got []string
			for _, c := range res.Candidates {
				if c.Former.District == "" || len(c.New) == 0 {
					t.Errorf("candidate %+v lacks its former district or new commune", c)
				}
				got = append(got, c.Former.Province)
			}
			slices.Sort(got)
			if diff := cmp.Diff(tt.provinces, got); diff != "" {
				t.Errorf("candidate provinces (-want +got):\n%s", diff)
			}
		})
	}
}

func TestResolveNotFormer(t *testing.T) {
	d := mustLoad(t)
	questions := []string{
		"đăng ký khai sinh cần gì",
		"làm sổ đỏ",
		"làm sổ đỏ ở đâu, mất bao lâu?",
		"đăng ký kết hôn cần giấy tờ gì",
		"thủ tục đăng ký thường trú",
		"đăng ký tạm trú online như thế nào",
		"xác nhận cư trú ở đâu",
		"xac nhan cu tru o dau",
		"cụ thể cần mang theo gì",
		"làm căn cước công dân cho con",
		"cấp lại thẻ bảo hiểm y tế bị mất",
		"bảo hiểm xã hội một lần",
		"nhận trợ cấp xã hội cho người cao tuổi",
		"đăng ký khai tử cho bố",
		"chứng thực bản sao ở ủy ban xã",
		"UBND cấp xã giải quyết những thủ tục nào",
		"công an phường có làm hộ chiếu không",
		"phí cấp giấy chứng nhận quyền sử dụng đất là bao nhiêu",
		"sau sáp nhập thì nộp hồ sơ khai sinh ở đâu",
		"giờ làm việc của bộ phận một cửa",
		"bây giờ làm thủ tục online được không",
		"xin giấy xác nhận tình trạng hôn nhân",
		"đổi giấy phép lái xe",
		"tách thửa đất cần điều kiện gì",
		"chuyển mục đích sử dụng đất",
		"đăng ký hộ kinh doanh",
		"thủ tục nhận con nuôi",
		"trích lục khai sinh bản sao",
		"vneid bị khóa tài khoản",
		"hồ sơ hưởng trợ cấp thất nghiệp",
		"cấp đổi sổ hộ khẩu cũ sang căn cước",
		"dang ky khai sinh can giay to gi",
		"lam so do o xa nao",
		"xã tôi có làm chứng thực không",
		"phường mình mở cửa thứ bảy không",
		"sổ hộ khẩu cũ bị mất thì làm sao",
		"căn cước cũ hết hạn, giờ làm lại ở đâu",
		"mẹ tôi sống bình an ở quê cũ, giờ muốn chuyển hộ khẩu",
		"nhà tôi ở thôn Tân Lập cũ giờ thuộc xã nào",
		"xa quá không đi được, có nộp online được không",
		"tôi ở Long An cũ, giờ là tỉnh Tây Ninh đúng không",
		// "cũ" says its noun before it is old: "xe máy cũ của ông" is
		// not the former Phường Cửa Ông.
		"mua lai chiec xe may cu cua ong hang xom, gio muon sang ten qua minh thi can giay to gi, bao lau thi xong",
		// "tháng này là", not "nay là" (now is).
		"lich tiem chung mo rong cho tre so sinh o tram y te phuong thang nay la ngay nao, co can mang so tiem khong?",
		// A commune by the border, in a question that capitalises names.
		"Tôi ở xã biên giới, sắp cưới chồng người Lào ở bản bên kia biên giới. Anh ấy cần mang theo giấy tờ gì để đăng ký kết hôn ở xã ạ?",
		// Only current communes.
		"xã Thuận Mỹ nộp hồ sơ ở đâu",
		"phường Ba Đình làm căn cước ở đâu",
		"UBND phường Hồng Hà mở cửa mấy giờ",
		"xã Bình Lư, tỉnh Lai Châu có nhận hồ sơ đất đai không",
		"đặc khu Côn Đảo làm khai sinh ở đâu",
	}
	for _, q := range questions {
		t.Run(q, func(t *testing.T) {
			if res := d.Resolve(q); res.Found {
				t.Errorf("Resolve found a former unit: %v", resolved(res))
			}
		})
	}
}

// Ordinary words typed with their diacritics are not a former unit whose
// name folds to them: "giờ xin cái mới" is not the former Xã Xín Cái.
func TestResolveBareNameNeedsItsOwnTones(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	q := "giấy xác nhận tình trạng hôn nhân xin năm ngoái hết hạn dùng rồi, giờ xin cái mới có phải nộp lại tờ cũ không"
	if r := d.Resolve(q); r.Found {
		t.Errorf("%q resolved to %+v", q, r.Candidates)
	}
	if r := d.Resolve("tôi ở Xín Cái cũ, giờ nộp hồ sơ ở đâu"); !r.Found {
		t.Error("the name typed with its own tones is no longer found")
	}
}

// An unaccented "cu" that is a former name's own first word is not also
// the cue "cũ": "so do cu bi rach" is an old land certificate torn, not
// the former Xã Cù Bị.
func TestResolveCueInsideTheName(t *testing.T) {
	d := mustLoad(t)
	q := "so do cu bi rach nat, muon cap doi so moi thi het bao lau"
	if r := d.Resolve(q); r.Found {
		t.Errorf("%q resolved to %v", q, resolved(r))
	}
	if r := d.Resolve("nha toi o cu bi cu, gio thuoc xa nao"); !r.Found {
		t.Error("a name followed by its own cue is no longer found")
	}
}

// A unit word before a comma heads no name: "ở UBND xã, giờ hai bên" is
// not the former Xã Gio Hải.
func TestResolveUnitBeforeACommaNamesNothing(t *testing.T) {
	d := mustLoad(t)
	q := "Hợp đồng cho thuê nhà đã chứng thực ở UBND xã, giờ hai bên muốn sửa lại giá thuê thì chứng thực việc sửa đổi hợp đồng ở đâu?"
	if r := d.Resolve(q); r.Found {
		t.Errorf("%q resolved to %v", q, resolved(r))
	}
	if r := d.Resolve("xã Gio Hải cũ giờ thuộc xã nào"); !r.Found {
		t.Error("the former commune named after its unit is no longer found")
	}
}

// "Cũ" or a former province says a name is former only across the words
// that place it; elsewhere in the question it says what else is old or
// where else the resident has been, and ordinary words that spell a
// former name ("nhà ba tầng", "xin cái mới", "đang làm") name nothing.
func TestResolveFarCueNamesNothing(t *testing.T) {
	d := mustLoad(t)
	for _, q := range []string{
		"nhà tôi định phá nhà cấp bốn cũ để xây lại nhà ba tầng, có cần xin giấy phép không",
		"giay xac nhan tinh trang hon nhan het han, gio xin cai moi co phai nop lai to cu khong",
		"dang lam cong nhan o Binh Duong, the can cuoc bi gay, doi the moi o dau",
		"thang may chung cu nha toi hong ca thang, ban quan ly khong sua",
		"muon nhan con ngoai gia thu lam con minh thi can chung cu gi",
		// "Bây giờ" heads a bare name only beside it.
		"bay gio muon nhan con ngoai gia thu lam con minh thi sao",
		"hien nay dang lam cong nhan, muon doi the can cuoc",
	} {
		if r := d.Resolve(q); r.Found {
			t.Errorf("%q resolved to %v", q, resolved(r))
		}
	}
	for _, q := range []string{
		"Thuận Mỹ (Châu Thành, Long An) cũ giờ ở đâu",
		"xã Tân Mỹ, huyện Đức Hòa, Long An cũ giờ nộp hồ sơ ở đâu",
		"quê cũ ở xã Gio Hải giờ thuộc xã nào",
		"Thanh Phú Long bây giờ ở đâu",
		"tôi ở xã Tân Mỹ, bây giờ thuộc xã nào",
	} {
		if r := d.Resolve(q); !r.Found {
			t.Errorf("%q is no longer found", q)
		}
	}
}
