package chatbot

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

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
	"tam vang", "luu tru", "cu tru", "chu ho", "ho",
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

// meantSpelling lists, for vocabulary entries whose folded form is also an
// everyday word, how the procedure word is spelled with its diacritics:
// "the" is thẻ (a card) but also thế (thế nào, "how"), "dat" is đất (land)
// but also đặt (to book), "xa" is xã but also xa (far). In a question typed
// with diacritics the entry counts only in these spellings; in one typed
// without them it may mean either, so it counts.
var meantSpelling = map[string][]string{
	"the": {"thẻ"}, "dat": {"đất"}, "cap": {"cấp"}, "giay": {"giấy"}, "don": {"đơn"},
	"mau": {"mẫu"}, "phi": {"phí"}, "thua": {"thửa"}, "xa": {"xã"}, "tinh": {"tỉnh"},
	"phuong": {"phường"}, "nop": {"nộp"}, "khai": {"khai"}, "ban sao": {"bản sao"},
	"che do": {"chế độ"}, "ho tro": {"hỗ trợ"}, "quan su": {"quân sự"}, "lai xe": {"lái xe"},
	"bang lai": {"bằng lái"}, "ban hang": {"bán hàng"}, "di san": {"di sản"}, "bao cho": {"báo cho"},
	"mo quan": {"mở quán"}, "dan cu": {"dân cư"}, "ho so": {"hồ sơ"}, "xin": {"xin"},
	"ho": {"hộ"},
}

// onlyAccented holds the vocabulary entries too common without diacritics
// to count typed that way: "ho" is hộ (a household), but also họ, hồ, ho.
var onlyAccented = map[string]bool{"ho": true}

// aboutProcedures reports whether question names something of
// administrative procedures: a vocabulary entry, spelled as the procedure
// word when the question was typed with diacritics (meantSpelling).
func aboutProcedures(question string) bool {
	typed := strings.FieldsFunc(vietnamese.Normalize(question), notLetterOrDigit)
	folded := make([]string, len(typed))
	for i, w := range typed {
		folded[i] = vietnamese.Fold(w)
	}
	accented := typedAccented(typed, folded)
	for i, w := range folded {
		for _, e := range vocabularyByFirst[w] {
			end := i + len(e.words)
			if end <= len(folded) && slices.Equal(folded[i:end], e.words) && spelledAsMeant(e.v, typed[i:end], accented) {
				return true
			}
		}
	}
	return false
}

// typedAccented reports words typed with diacritics: enough of them
// carry them that one without them is meant so ("đi xa"), not a slip
// ("xin giay phep xay dụng"). typed are the words normalised and lower
// case, folded their folded forms.
func typedAccented(typed, folded []string) bool {
	marked := 0
	for i, w := range typed {
		if folded[i] != w {
			marked++
		}
	}
	return marked >= 2 && 10*marked >= 3*len(typed)
}

// spelledQuestion is a question's syllables as typed and folded, read
// once for every text spelledIn weighs against it.
type spelledQuestion struct {
	typed, folded []string
	accented      bool
}

func spellQuestion(question string) spelledQuestion {
	typed, folded := vietnamese.Said(question)
	return spelledQuestion{typed, folded, typedAccented(typed, folded)}
}

// spelledIn keeps the words (folded) that text holds as the question
// spells them. A question typed with diacritics says which word it
// means: its "bố" (father) is not the "bổ" of "Trang bổ sung", though
// both fold to "bo". A word the question does not spell with marks (one
// typed bare, or the dictionary's), or any word of a question typed
// without diacritics, is kept.
func (q spelledQuestion) spelledIn(words []string, text string) []string {
	if !q.accented {
		return words
	}
	in, _ := vietnamese.Said(text)
	has := make(map[string]bool, len(in))
	for _, w := range in {
		has[spelling(w)] = true
	}
	var out []string
	for _, w := range words {
		spelled, found := false, false
		for i, f := range q.folded {
			if f == w {
				spelled = true
				// A syllable typed bare says nothing of its marks.
				found = found || q.typed[i] == f || has[spelling(q.typed[i])]
			}
		}
		if found || !spelled {
			out = append(out, w)
		}
	}
	return out
}

// spelling is a syllable (normalised) with its tone mark moved to the
// end, so that the old and new placings ("hoà", "hòa") are one spelling.
func spelling(syllable string) string {
	var base, tone []rune
	for _, r := range norm.NFD.String(syllable) {
		switch r {
		case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
			tone = append(tone, r)
		default:
			base = append(base, r)
		}
	}
	return norm.NFC.String(string(base)) + string(tone)
}

// vocabularyEntry is an entry of procedureVocabulary and its words.
type vocabularyEntry struct {
	v     string
	words []string
}

// vocabularyByFirst holds procedureVocabulary's entries by their first
// word, so that a question is read once, not once per entry.
var vocabularyByFirst = func() map[string][]vocabularyEntry {
	m := make(map[string][]vocabularyEntry)
	for _, v := range procedureVocabulary {
		words := strings.Fields(v)
		m[words[0]] = append(m[words[0]], vocabularyEntry{v: v, words: words})
	}
	return m
}()

// spelledAsMeant reports whether the typed words, which fold to the
// vocabulary entry v, may mean it in a question typed with diacritics or
// (accented false) without.
func spelledAsMeant(v string, typed []string, accented bool) bool {
	meant, ambiguous := meantSpelling[v]
	if !ambiguous || !accented && !onlyAccented[v] {
		return true
	}
	return slices.Contains(meant, strings.Join(typed, " "))
}

func notLetterOrDigit(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
