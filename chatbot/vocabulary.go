package chatbot

import "strings"

// procedureVocabulary holds folded words and phrases of administrative
// procedures as residents name them. A question with none of them is not
// about a procedure, however many of its everyday words a document holds
// ("quán cà phê ở Đà Lạt", "giá xăng ngày mai").
var procedureVocabulary = []string{
	// papers and acts
	"thu tuc", "giay", "ho so", "dang ky", "dang ki", "dk", "cap", "cap lai", "cap doi", "xin", "nop",
	"khai", "khai bao", "trinh bao", "bao cho", "chung thuc", "cong chung", "xac nhan", "trich luc",
	"ban sao", "to khai", "don", "mau", "le phi", "phi", "uy quyen", "hop dong", "dieu kien",
	"tra cuu ho so", "ho so truc tuyen", "dich vu cong", "vneid", "phan anh", "khieu nai",
	// civil status and residence
	"khai sinh", "khai tu", "ket hon", "ly hon", "hon nhan", "nhan cha", "nhan con", "nhan me",
	"giam ho", "ho tich", "doi ho", "doi sang ho", "mang ho", "doi ten", "cai chinh", "quoc tich", "con nuoi", "nuoi con",
	"ho khau", "nhap khau", "cat khau", "tach khau", "tach ho", "chuyen khau", "thuong tru", "tam tru",
	"tam vang", "luu tru", "cu tru", "chu ho",
	// identity
	"can cuoc", "cccd", "cmnd", "chung minh", "dinh danh", "ho chieu", "the",
	// land and building
	"dat", "so do", "so hong", "thua", "tach thua", "hop thua", "thua ke", "di san", "tang cho",
	"chuyen nhuong", "mua ban nha", "xay dung", "giay phep", "hoa giai", "tranh chap", "ranh gioi",
	// insurance, allowances, business, others
	"bao hiem", "bhyt", "bhxh", "luong huu", "tro cap", "ho tro", "ho ngheo", "can ngheo", "bao tro", "btxh", "nkt",
	"nguoi cao tuoi", "khuyet tat", "tu tuat", "kinh doanh", "hkd", "tam ngung", "ban hang", "thong bao", "giay phep",
	"thai san", "che do", "bang lai", "lai xe", "gplx", "dang kiem", "bien so", "mo quan", "mo cua hang", "mo tiem",
	"tu choi nhan", "dan cu", "du lieu dan cu", "sua thong tin", "nghia vu quan su", "quan su", "thuong binh", "liet si", "nguoi co cong",
	// offices
	"ubnd", "uy ban", "cong an", "trung tam phuc vu", "mot cua", "hanh chinh", "chinh quyen",
	"xa", "phuong", "thi tran", "tinh",
	// abbreviations residents type
	"dkks", "dkkh", "tthn", "gpxd", "gcn", "qsdd",
}

// aboutProcedures reports whether a folded, space-padded question names
// something of administrative procedures.
func aboutProcedures(padded string) bool {
	for _, v := range procedureVocabulary {
		if strings.Contains(padded, " "+v+" ") {
			return true
		}
	}
	return false
}
