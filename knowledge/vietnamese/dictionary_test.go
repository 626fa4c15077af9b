package vietnamese

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"
)

func TestDefaultDictionary(t *testing.T) {
	d := DefaultDictionary()
	if d.Len() < 80 {
		t.Errorf("DefaultDictionary().Len() = %d, want at least 80 entries", d.Len())
	}
	if got := len(d.Entries()); got != d.Len() {
		t.Errorf("len(Entries()) = %d, Len() = %d", got, d.Len())
	}
}

// TestEveryEntryExpands checks, for every term of every embedded entry, that
// a resident typing it with diacritics, without, in capitals or in NFD gets
// the entry's expansions.
func TestEveryEntryExpands(t *testing.T) {
	d := DefaultDictionary()
	for _, e := range d.Entries() {
		for i, term := range e.Terms {
			want := e.adds(i)
			variants := map[string]string{
				"accented":      term,
				"folded":        Fold(term),
				"upper":         strings.ToUpper(term),
				"nfd":           norm.NFD.String(term),
				"in a question": "cho tôi hỏi " + term + " thế nào ạ",
			}
			for name, q := range variants {
				t.Run(term+"/"+name, func(t *testing.T) {
					got := d.Expand(q)
					inQuery := " " + strings.Join(Words(q), " ") + " "
					for _, w := range want {
						if strings.Contains(inQuery, " "+w+" ") {
							continue // already in the question
						}
						if !contains(got, w) {
							t.Errorf("line %d: Expand(%q) = %q, missing %q", e.Line, q, got, w)
						}
					}
				})
			}
		}
	}
}

func TestExpand(t *testing.T) {
	d := DefaultDictionary()
	tests := []struct {
		name, query string
		want        []string // must all be present
		not         []string // must all be absent
	}{
		{"red book accented", "Làm sổ đỏ mất bao lâu?", []string{"giay chung nhan quyen su dung dat", "thoi han giai quyet"}, nil},
		{"red book capitals", "SỔ ĐỎ", []string{"giay chung nhan quyen su dung dat"}, nil},
		{"tax cut for a flood", "Tiệm tạp hoá HKD nhà mình bị nước lũ ngập hư hết hàng, muốn xin giảm thuế TNCN thì cần những giấy tờ gì?", []string{"thien tai"}, nil},
		{"tax cut for cancer", "Tôi bị ung thư đang điều trị, tốn nhiều tiền. Có được giảm thuế TNCN không", []string{"benh hiem ngheo"}, nil},
		{"household slang", "em di lam o Binh Duong gan 10 nam, gio ve que o han, muon nhap khau lai vao nha ba me thi can giay to gi", []string{"dang ky thuong tru"}, nil},
		{"import is no household", "nhập khẩu hàng hóa về nhà kho thì khai hải quan ở đâu", nil, []string{"dang ky thuong tru"}},
		{"allowance moved", "Toi dang huong tro cap BHXH hang thang o Nghe An, nay toi chuyen vao Binh Duong o voi con gai. Muon chuyen noi nhan tien thi nop don o dau?", []string{"chuyen huong sang dia ban khac"}, nil},
		{"so dong is not so do", "so dong tien", nil, []string{"giay chung nhan quyen su dung dat"}},
		{"cccd is whole word", "cccdx abcccd", nil, []string{"can cuoc cong dan", "the can cuoc"}},
		{"cccd after slash", "CCCD/CMND", []string{"can cuoc cong dan", "the can cuoc"}, nil},
		{"e-invoice initials", "dùng HĐĐT có mã của CQT", []string{"hoa don dien tu", "co quan thue"}, nil},
		{"group both ways", "bảo hiểm y tế cho mẹ", []string{"bhyt"}, []string{"bao hiem y te"}},
		{"group abbreviation", "thẻ bhyt", []string{"bao hiem y te"}, nil},
		{"longer phrase wins", "xin bản sao giấy khai sinh", []string{"cap ban sao trich luc ho tich"}, []string{"dang ky khai sinh"}},
		{"overlapping phrases both count", "tách sổ đỏ", []string{"tach thua"}, nil},
		{"car transfer is not land transfer", "sang tên xe máy", []string{"thay doi chu xe"}, []string{"chuyen nhuong"}},
		{"a pedal boat for hire is a water recreation vehicle", "mất giấy đăng ký thuyền đạp vịt cho khách thuê", []string{"phuong tien hoat dong vui choi giai tri duoi nuoc"}, nil},
		{"a new head of household is a residence change, not a new family name", "bố tôi là chủ hộ đã mất, đổi chủ hộ sang mẹ tôi", []string{"dieu chinh thong tin ve cu tru"}, []string{"thay doi cai chinh bo sung thong tin ho tich"}},
		{"teencode", "ko bit dk tam tru j", []string{"khong", "dang ky", "gi"}, nil},
		{"a birth paper written wrong, as GKS", "GKS cua con bi ghi sai ten, muon sua lai", []string{"thay doi cai chinh bo sung thong tin ho tich"}, nil},
		{"a shop shut for some months is paused", "quán HKD muốn nghỉ 2 tháng để sửa nhà", []string{"tam ngung kinh doanh"}, nil},
		{"a certified contract typed wrong is corrected", "hợp đồng tặng cho chứng thực ở xã bị đánh máy sai số thửa", []string{"sua sai sot trong giao dich"}, nil},
		{"a marriage paper lost is the record's certificate", "giấy đăng ký kết hôn của bố mẹ mất từ hồi lụt", []string{"giay chung nhan ket hon"}, nil},
		{"a mortgage contract taken to be certified", "hợp đồng thế chấp mang ra xã chứng thực", []string{"chung thuc giao dich"}, nil},
		{"a pause of some months is not a closing", "tiệm đã đăng ký hộ kinh doanh, giờ muốn nghỉ bán 2 tháng", []string{"tam ngung kinh doanh"}, []string{"cham dut hoat dong ho kinh doanh"}},
		{"a tax code closed ends it, it is not restored", "nghỉ kinh doanh rồi muốn đóng mã số thuế", []string{"cham dut hieu luc ma so thue"}, nil},
		{"a boat just built is not yet in use", "mới đóng chiếc ghe máy, đăng ký lần đầu ở xã", []string{"phuong tien chua khai thac"}, nil},
		{"paying for a boat is not building one", "đóng lệ phí đăng ký thuyền", nil, []string{"phuong tien chua khai thac"}},
		{"a motorbike through a border gate", "chạy xe máy qua cửa khẩu sang Lào du lịch cần giấy tờ gì", []string{"xe gan may xuat canh"}, nil},
		{"married says who asks, not what", "muon tach ho khau ra rieng khi da lay vo", nil, []string{"dang ky ket hon"}},
		{"to marry is asked", "sắp lấy vợ thì đăng ký ở đâu", []string{"dang ky ket hon"}, nil},
		{"a relative staying a few days, told to the police", "em họ dưới quê lên ở chơi mấy hôm thì có phải báo công an không", []string{"thong bao luu tru"}, nil},
		{"a boat's lost papers are re-issued", "làm mất giấy đăng ký chiếc mô tô nước cho khách thuê, xin cấp lại", []string{"cap lai giay chung nhan dang ky phuong tien"}, nil},
		{"the court's papers online", "đang có vụ kiện ở tòa, muốn đăng ký nhận giấy tờ, thông báo của tòa qua mạng", []string{"van ban to tung bang phuong tien dien tu"}, nil},
		{"legal aid asked beside a land dispute", "đang bị kiện tranh chấp đất, muốn xin luật sư trợ giúp pháp lý miễn phí", []string{"yeu cau tro giup phap ly"}, nil},
		{"an officer to the home is mobile registration", "xã có cử cán bộ xuống tận nhà làm khai tử không", []string{"dang ky khai tu luu dong"}, nil},
		{"an officer coming to where the baby is", "con toi sinh o nha tren ban xa, co can bo xuong tan noi lam giay khai sinh khong", []string{"dang ky khai sinh luu dong"}, nil},
		{"a ditch to the fields, support asked", "thon toi lam muong nho dan nuoc vao ruong, muon xin xa ho tro", []string{"ho tro phat trien thuy loi nho"}, nil},
		{"an officer up to the mountain village", "cán bộ xã có lên tận bản làm khai sinh cho con được không", []string{"dang ky khai sinh luu dong"}, nil},
		{"a death at home is no mobile registration", "bố tôi mất ở nhà, ra xã làm khai tử", nil, []string{"dang ky khai tu luu dong"}},
		{"teencode inside a term", "nhà em khó khăn muốn xin lm hộ nghèo", []string{"cong nhan ho ngheo"}, nil},
		{"i/y spelling folded alike", "làm giấy li dị", []string{"ly hon"}, nil},
		{"online", "nộp online được không", []string{"truc tuyen"}, nil},
		{"filler inside a term", "không muốn nhận phần đất", []string{"tu choi nhan di san"}, nil},
		{"filler typed without marks", "khong muon nhan phan dat", []string{"tu choi nhan di san"}, nil},
		{"no reading across a new clause", "cho tôi hỏi thuê trọ", []string{"dang ky tam tru"}, []string{"cho thue bat dong san"}},
		{"content word breaks a term", "không phải nhà tôi nhận phần", nil, []string{"tu choi nhan di san"}},
		{"parts in either order", "mất giấy đăng ký kết hôn, xin bản sao thế nào", []string{"cap ban sao trich luc ho tich"}, nil},
		{"parts without marks", "xin ban sao giay chung tu cua bo", []string{"cap ban sao trich luc ho tich"}, nil},
		{"a wall built over the line", "nha ben canh xay tuong lan sang dat nha toi", []string{"hoa giai tranh chap dat dai"}, nil},
		{"one part alone is not enough", "đăng ký kết hôn cần bản sao căn cước không", nil, []string{"cap ban sao trich luc ho tich"}},
		{"shapes typed, tones left out", "nhâp hô khau ve nha chông", []string{"dang ky thuong tru"}, nil},
		{"another shape is another word", "cuôi vợ", nil, []string{"ket hon"}},
		{"a tone typed is the word's own", "cuối vợ", nil, []string{"ket hon"}},
		{"a child into the parents' household is a home not one's own", "nhập HK cho cháu vào hộ của bố mẹ", []string{"khong thuoc quyen so huu cua minh"}, nil},
		{"coming to live with one's husband, registered", "nhập khẩu về ở với chồng", []string{"khong thuoc quyen so huu cua minh"}, nil},
		{"a daughter-in-law into the household", "con dâu mới cưới về, muốn nhập khẩu cho nó vào hộ nhà tôi", []string{"dang ky thuong tru"}, nil},
		{"imported goods are no household", "phân bón nhập khẩu kiểm tra chất lượng ở đâu", nil, []string{"dang ky thuong tru"}},
		{"a broken motorbike's papers and plate handed back", "xe máy cũ hỏng, muốn ra công an xã nộp lại đăng ký và biển số", []string{"thu hoi chung nhan dang ky xe"}, nil},
		{"a state flat from long ago", "gia dinh toi o can ho tap the cua nha nuoc phan tu truoc nam 2007", []string{"nha o cu thuoc tai san cong"}, nil},
		{"shares sold are securities transferred", "được chia cổ tức bằng cổ phiếu, giờ bán số cổ phiếu đó thì khai thuế mẫu nào", []string{"chung khoan", "chuyen nhuong chung khoan"}, nil},
		{"a household of one's own is the household split", "con trai tôi lấy vợ, muốn tách ra thành hộ riêng", []string{"tach ho"}, nil},
		{"a lost pass reported", "lam mat giay thong hanh, phai bao o dau", []string{"trinh bao mat"}, nil},
		{"a lost paper re-issued is no report asked", "làm mất giấy khai sinh, làm lại ở đâu", nil, []string{"trinh bao mat"}},
		{"photocopies certified", "công chứng mấy bản photo sổ đỏ với căn cước", []string{"chung thuc ban sao"}, nil},
		{"a gift of land certified", "làm hợp đồng tặng cho mảnh đất cho con, chứng thực ở xã", []string{"chung thuc giao dich"}, nil},
		{"living with a child is no household said", "chuyển lương hưu về ở với con", nil, []string{"khong thuoc quyen so huu cua minh"}},
		{"a flood on rented land asks relief for a force majeure", "Lũ cuốn trôi ao cá trên đất tôi thuê của nhà nước, tôi xin miễn giảm tiền thuê đất", []string{"bat kha khang"}, nil},
		{"a shop burnt is no land relief", "tiệm tạp hóa bị cháy hết hàng, xin giảm thuế TNCN", nil, []string{"bat kha khang"}},
		{"a wharf closed", "toi co cai ben thuy noi dia nho, gio khong lam nua muon xin dong ben", []string{"cong bo dong cang ben thuy noi dia"}, nil},
		{"a wharf about to open is not closed", "nha toi lam ben thuy noi dia nho ven song, truoc khi hoat dong phai cong bo o dau", nil, []string{"cong bo dong cang ben thuy noi dia"}},
		{"cloth sent abroad to be sewn", "gửi vải sang Campuchia cho bên kia gia công rồi nhập hàng về", []string{"dat gia cong o nuoc ngoai"}, nil},
		{"sewing for a foreign buyer is no sewing abroad", "cong ty nho cua toi lam gia cong hang cho nuoc ngoai, con du nguyen lieu", nil, []string{"dat gia cong o nuoc ngoai"}},
		{"a decision reckoned short is adjusted", "quyet dinh huong bhxh mot lan cua toi bi tinh thieu thoi gian dong, muon dieu chinh lai", []string{"dieu chinh huy quyet dinh"}, nil},
		{"a business registration written wrong is corrected", "giay chung nhan dang ky ho kinh doanh cua toi bi ghi sai so dien thoai so voi ho so da nop", []string{"hieu dinh thong tin dang ky ho kinh doanh"}, nil},
		{"a land contract certified at the commune", "ban manh dat cho hang xom, lam hop dong chuyen nhuong dat chung thuc o xa thi phi bn vay", []string{"chung thuc giao dich"}, nil},
		{"a pension after prison", "Bố tôi đang hưởng lương hưu thì bị đi tù 3 năm, nay đã chấp hành xong án về địa phương, muốn lĩnh tiếp lương hưu", []string{"chap hanh xong hinh phat tu"}, nil},
		{"a grocer's income tax is a business's", "nha toi ban hang tap hoa, cuoi nam phai quyet toan thue thu nhap ca nhan", []string{"ca nhan kinh doanh"}, nil},
		{"oysters farmed at sea", "muốn được giao khu vực mặt biển để nuôi hàu", []string{"nuoi trong thuy san"}, nil},
		{"nothing", "xin chào", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.Expand(tt.query)
			for _, w := range tt.want {
				if !contains(got, w) {
					t.Errorf("Expand(%q) = %q, missing %q", tt.query, got, w)
				}
			}
			for _, w := range tt.not {
				if contains(got, w) {
					t.Errorf("Expand(%q) = %q, should not contain %q", tt.query, got, w)
				}
			}
			if tt.want == nil && tt.not == nil && got != nil {
				t.Errorf("Expand(%q) = %q, want nil", tt.query, got)
			}
		})
	}
}

func TestParseDictionary(t *testing.T) {
	src := "# comment\n\nCCCD = căn cước công dân   # trailing comment\nsổ đỏ ; SỔ HỒNG => giấy chứng nhận ; nhà ở\n"
	d, err := ParseDictionary(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Terms: []string{"CCCD", "căn cước công dân"}, Line: 3},
		{Terms: []string{"sổ đỏ", "SỔ HỒNG"}, Expansions: []string{"giấy chứng nhận", "nhà ở"}, Line: 4, OneWay: true},
	}
	if diff := cmp.Diff(want, d.Entries()); diff != "" {
		t.Errorf("Entries() mismatch (-want +got):\n%s", diff)
	}
	if got, want := d.Expand("so hong"), []string{"giay chung nhan", "nha o"}; !cmp.Equal(got, want) {
		t.Errorf("Expand(so hong) = %q, want %q", got, want)
	}
	if got, want := d.Expand("căn cước công dân"), []string{"cccd"}; !cmp.Equal(got, want) {
		t.Errorf("Expand(căn cước công dân) = %q, want %q", got, want)
	}
}

func TestParseDictionaryErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"no separator", "# x\nsổ đỏ\n", "line 2: invalid dictionary: no \"=\" or \"=>\""},
		{"empty member", "a = b\n\na = = b\n", "line 3: invalid dictionary: empty member"},
		{"empty term", "=> b\n", "line 1: invalid dictionary: empty term"},
		{"empty expansion", "a => b ;\n", "line 1: invalid dictionary: empty expansion"},
		{"two arrows", "a => b => c\n", "line 1: invalid dictionary: more than one \"=>\""},
		{"mixed", "a = b => c\n", "line 1: invalid dictionary: \"=\" on a \"=>\" line"},
		{"joined parts in a group", "a + b = c\n", "line 1: invalid dictionary: \"+\" in a group; only a \"=>\" line joins parts"},
		{"empty part", "a + => c\n", "line 1: invalid dictionary: empty part"},
		{"semicolon in group", "a ; b = c\n", "line 1: invalid dictionary: \";\" in a group"},
		{"punctuation only", "a = b\n!!! = c\n", "line 2: invalid dictionary: member \"!!!\" has no letters or digits"},
		{"same when folded", "Hòa = hoà\n", "line 1: invalid dictionary: \"Hòa\" and \"hoà\" are the same once folded"},
		{"expansion equals term", "sổ đỏ => so do\n", "line 1: invalid dictionary: \"sổ đỏ\" and \"so do\" are the same once folded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseDictionary(strings.NewReader(tt.src))
			if err == nil {
				t.Fatalf("ParseDictionary(%q) = nil error, want %q", tt.src, tt.want)
			}
			if !errors.Is(err, ErrDictionary) {
				t.Errorf("error %v does not wrap ErrDictionary", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestMerge(t *testing.T) {
	admin, err := ParseDictionary(strings.NewReader("nhà văn hóa xã => trung tâm phục vụ hành chính công\nsổ đỏ => trích đo\n"))
	if err != nil {
		t.Fatal(err)
	}
	base := DefaultDictionary()
	m := base.Merge(admin)
	if got, want := m.Len(), base.Len()+2; got != want {
		t.Errorf("Merge Len() = %d, want %d", got, want)
	}
	if got := m.Expand("nha van hoa xa"); !contains(got, "trung tam phuc vu hanh chinh cong") {
		t.Errorf("merged Expand = %q, missing the administrator's entry", got)
	}
	got := m.Expand("sổ đỏ")
	for _, w := range []string{"giay chung nhan quyen su dung dat", "trich do"} {
		if !contains(got, w) {
			t.Errorf("merged Expand(sổ đỏ) = %q, missing %q", got, w)
		}
	}
	if base.Expand("nha van hoa xa") != nil || contains(base.Expand("sổ đỏ"), "trich do") {
		t.Error("Merge changed the receiver")
	}
}

func contains(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}

func BenchmarkExpand(b *testing.B) {
	d := DefaultDictionary()
	q := "Cho em hỏi làm sổ đỏ và tách thửa đất ở phường mới thì cần giấy tờ gì, mất bao nhiêu tiền, nộp online được không ạ?"
	b.ReportAllocs()
	for b.Loop() {
		d.Expand(q)
	}
}

func TestIsTerm(t *testing.T) {
	d := DefaultDictionary()
	for _, c := range []struct {
		word string
		want bool
	}{
		{"cccd", true},
		{"cmnd", true},
		{"bhyt", true},
		{"cand", false}, // a corpus word one edit from cmnd
		{"dang", false}, // only the start of longer terms
	} {
		if got := d.IsTerm(c.word); got != c.want {
			t.Errorf("IsTerm(%q) = %v, want %v", c.word, got, c.want)
		}
	}
}

// A conjunction part of one short syllable folds onto others: "té" is
// "tế", "gãy" is "gây", "cưới" is "cuối". The entries that need them say
// them with a second word.
func TestDefaultDictionaryFoldingTraps(t *testing.T) {
	d := DefaultDictionary()
	for q, not := range map[string]string{
		"hòa giải viên ở thôn có được cấp thẻ bảo hiểm y tế không":   "gặp tai nạn",
		"hoa giai vien o thon co duoc cap the bao hiem y te khong":   "gặp tai nạn",
		"hoa giai vien gay thiet hai thi ai boi thuong":              "gặp tai nạn",
		"cuoi tuan toi chay xe may qua bien gioi thi lam giay to gi": "kết hôn",
	} {
		for _, x := range d.Expand(q) {
			if strings.Contains(x, Fold(not)) || strings.Contains(x, not) {
				t.Errorf("Expand(%q) has %q", q, x)
			}
		}
	}
}
