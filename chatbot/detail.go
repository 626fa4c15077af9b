package chatbot

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// maxDetail bounds the sentence of a record quoted for what a question
// asks beyond the procedure's name.
const maxDetail = 180

// minDetailWords is how many words of its own a question needs, beyond
// the procedure's name and what it asks of it, for a sentence to be
// quoted.
const minDetailWords = 2

// minDetailScore is the least score (detailScore) of a sentence worth
// quoting: two of the question's words and a pair of them side by side,
// or four words.
const minDetailScore = 4

// longDetail is the length, in runes, past which a sentence needs
// minLongDetailScore to be quoted.
const (
	longDetail         = 300
	minLongDetailScore = 8
)

// genericWords are folded words too common in questions and records to
// tell one sentence of a record from another.
var genericWords = map[string]bool{
	"xa": true, "phuong": true, "nguoi": true, "toi": true, "em": true, "minh": true, "nha": true,
	"lam": true, "di": true, "ra": true, "ve": true, "den": true, "duoc": true, "co": true,
	"khong": true, "hay": true, "voi": true, "cho": true, "cua": true, "va": true, "thi": true,
	"ma": true, "da": true, "se": true, "dang": true, "muon": true, "can": true, "phai": true,
	"gi": true, "nao": true, "sao": true, "bao": true, "nhieu": true, "the": true, "nay": true,
	"ubnd": true, "ban": true, "nhan": true, "dan": true, "cap": true, "so": true,
	"giay": true, "to": true, "ho": true, "thu": true, "tuc": true, "ky": true,
	// "Trường hợp" and "ruột" are in most records' sentences ("anh, chị,
	// em ruột của người ủy quyền"): a resident's "bác ruột" is no reason
	// to quote one.
	"truong": true, "hop": true, "ruot": true,
	// "nộp trực tiếp" is a channel, not a reason to quote "tiếp nhận …";
	// "tại UBND xã" says where, not a reason to quote "(4) ủy quyền …
	// để vay vốn tại Ngân hàng chính sách xã hội".
	"tiep": true, "tai": true,
	// "công an phường", "CA xã" is where residents go, not what they ask
	// ("Đối với Công an nhân dân: …" was quoted for a lodger's fee);
	// "mới", "hơn" say when and how much of anything.
	"an": true, "ca": true, "moi": true, "hon": true,
}

// sentenceBreak splits a record's text into the sentences a resident
// could be shown one at a time.
var sentenceBreak = regexp.MustCompile(`\.\s+|;\s*|\n+|\s+[-+]\s+|:\s+-\s*`)

// recordDetail returns the record's sentence that holds most of what the
// question asks beyond the procedure's name ("có cần giấy ủy quyền
// không", "trong bao nhiêu ngày phải đi"), or "" when no sentence holds
// enough of it.
func recordDetail(question, title string, p *knowledge.Procedure) string {
	return pickDetail(question, title, detailSentences(p))
}

// minDetailLen is the fewest runes of a sentence quoted alone, unless it
// rules on a yes or no or holds a number.
const minDetailLen = 40

// detailSentence is a sentence of a record that may be quoted for a
// question, with what scoring it needs derived once (see detailScore).
type detailSentence struct {
	text   string
	folded string // its folded words, padded with spaces
	rules  bool   // it settles a yes or no (rulingWords)
	lack   string // the paper it says what to do without (lacking), folded, or ""
}

// detailSentences splits a record's text into the sentences recordDetail
// weighs, in the order it weighs them. They do not depend on the
// question, so an answer reads them once per generation of the knowledge
// base (recordFacts).
func detailSentences(p *knowledge.Procedure) []detailSentence {
	var out []detailSentence
	add := func(text string) {
		for _, s := range sentenceBreak.Split(joinLists(text), -1) {
			s = strings.TrimSpace(strings.Trim(s, "-+*•. "))
			// A heading that announces a list ("…, hồ sơ gồm:") says
			// nothing by itself.
			if utf8.RuneCountInString(s) < 15 || strings.HasSuffix(s, ":") {
				continue
			}
			f := foldedWords(s)
			rules := rulingWords.MatchString(f)
			// A fragment ("hộ gia đình cận nghèo", "d) Người tham gia
			// BHYT theo hộ gia đình") quoted alone says nothing; a short
			// rule or a short sentence with a number may.
			if utf8.RuneCountInString(s) < minDetailLen && !rules && !strings.ContainsAny(s, "0123456789") {
				continue
			}
			d := detailSentence{text: s, folded: f, rules: rules}
			if m := lacking.FindStringSubmatch(f); m != nil {
				d.lack = m[3]
			}
			out = append(out, d)
		}
	}
	for _, pp := range p.Papers {
		add(pp.Name)
	}
	for _, s := range p.Steps {
		add(s)
	}
	add(p.Conditions)
	add(p.Audience)
	for _, m := range p.Methods {
		add(m.Note)
		add(m.Fee)
	}
	return out
}

// listIntro announces a list whose items a sentence separates by ";"
// ("Nội dung khai báo tạm vắng gồm: họ và tên …; lý do tạm vắng; thời
// gian tạm vắng; địa chỉ nơi đến").
var listIntro = regexp.MustCompile(`(?i)\bgồm:?\s+`)

// joinLists keeps a list that listIntro announces one sentence, its items
// joined by commas, when each item is short and none is a case or a step:
// quoted, the list is whole, not its first item.
func joinLists(text string) string {
	locs := listIntro.FindAllStringIndex(text, -1)
	for i := len(locs) - 1; i >= 0; i-- {
		start := locs[i][1]
		end := len(text)
		if j := strings.IndexAny(text[start:], ".\n"); j >= 0 {
			end = start + j
		}
		items := strings.Split(text[start:end], ";")
		if len(items) < 2 {
			continue
		}
		short := true
		for _, it := range items {
			it = strings.TrimSpace(it)
			if utf8.RuneCountInString(it) > maxListItem || it == "" || strings.HasPrefix(fold(it), "truong hop") || strings.HasPrefix(fold(it), "buoc") ||
				strings.Contains(it, ")") { // lettered papers ("d4) Giấy chứng nhận …") are sentences of their own
				short = false
				break
			}
		}
		if short {
			text = text[:start] + strings.Join(items, ",") + text[end:]
		}
	}
	return text
}

// maxListItem is the most runes of an item joinLists joins.
const maxListItem = 110

// askedRule is a yes or no that residents ask in their own words and a
// record settles in its own: the sentence that settles it is quoted,
// cut around at, whatever other words the question shares with the
// record.
type askedRule struct {
	asked, rule *regexp.Regexp // on folded words (foldedWords)
	at          []string       // the words to cut the quote around
}

var askedRules = []askedRule{
	// How long a paper stays valid ("giấy khám sức khỏe có giá trị bao
	// lâu"), not how long the office takes: settled by "… có giá trị
	// trong thời hạn 06 tháng, kể từ ngày cấp".
	{regexp.MustCompile(` (gia tri|hieu luc|dung duoc|su dung duoc)( [a-z]+){0,2} (bao lau|may thang|may ngay|bao nhieu ngay|bao nhieu thang|trong bao lau) `),
		regexp.MustCompile(` (co gia tri|co hieu luc)( su dung)?( trong)?( thoi han)?( khong qua)? [0-9]+ (thang|ngay|nam) `), []string{"gia", "tri"}},
	// Whether it must be done where one lives: "có phải về quê làm
	// không", "làm ở Công an xã nơi đang ở được không", "ở đâu cũng
	// được"; settled by "Công an cấp xã trong cả nước không phụ thuộc
	// vào nơi cư trú".
	{regexp.MustCompile(` (o dau cung|bat (ky|ki) (dau|noi|xa)|cho nao cung|noi nao cung|(xa|phuong) nao cung|ve que|ve dia phuong|ve noi thuong tru|noi (dang )?(o|song|tam tru|thuong tru|lam viec)|cho dang o|dang tam tru|dang song o|cho tro|noi tro|dang o tro|tinh khac|khac tinh|ngoai tinh|noi khac|xa khac|phuong khac|huyen khac) `),
		regexp.MustCompile(` khong phu thuoc (vao )?noi cu tru `), []string{"khong phu thuoc"}},
	// Where, when the record sends it back to the office that did the
	// first step ("hợp đồng đã chứng thực ở xã, muốn hủy thì làm ở
	// đâu"); settled by "Việc sửa đổi, bổ sung, hủy bỏ giao dịch được
	// thực hiện tại cơ quan đã chứng thực giao dịch".
	{regexp.MustCompile(` (o dau|noi nao|cho nao|den dau|o cho nao|co quan nao) `),
		regexp.MustCompile(` thuc hien tai co quan da (chung thuc|cap|dang ky|giai quyet|thuc hien) `), []string{"co quan da"}},
	// The same asked outright of a civil-status procedure ("làm khai
	// sinh ở phường nơi tạm trú được không hay bắt buộc về quê", not a
	// story's "về quê thăm họ hàng"); settled by "Cá nhân có quyền lựa
	// chọn thực hiện thủ tục hành chính về hộ tịch tại cơ quan đăng ký hộ
	// tịch nơi cư trú".
	{regexp.MustCompile(` (noi|cho|o) (dang )?(o|song|tam tru|cu tru|tro|lam viec)( [a-z]+){0,4} (duoc|dc) (khong|ko|k|hong|hay|chu) | (bat buoc|co phai|phai|buoc) (ve|ve lai) (que|dia phuong|noi thuong tru) `),
		regexp.MustCompile(` co quyen lua chon( [a-z]+){0,20} noi cu tru `), []string{"lua chon"}},
	// Whether the fee comes back when the file is refused: "lệ phí có
	// được trả lại không"; settled by "Lệ phí … không được hoàn trả …".
	{regexp.MustCompile(` (le phi|phi|tien)( \S+){0,4} (tra lai|hoan lai|hoan tra|hoan) | (tra lai|hoan lai|hoan tra) (le phi|phi|tien) `),
		regexp.MustCompile(` phi( \S+){0,8} (duoc )?hoan tra `), []string{"hoan tra"}},
	// Whether the office must verify first, and for how long: "có phải
	// chờ xác minh gì không"; settled by a time given for verifying.
	{regexp.MustCompile(` xac minh `), regexp.MustCompile(` xac minh .*[0-9]`), []string{"xac minh"}},
	// Whether a parent must agree: "có cần bố mẹ đồng ý không"; settled
	// by "phải ghi rõ ý kiến đồng ý của cha, mẹ hoặc người giám hộ".
	{regexp.MustCompile(` (dong y|cho phep|chap thuan|dong thuan) `), regexp.MustCompile(` (y kien dong y|su dong y|dong y bang van ban|van ban dong y) `), []string{"dong y"}},
	// Whose phone number to use: "dùng sđt của ai"; settled by who "sử
	// dụng số thuê bao di động chính chủ".
	{regexp.MustCompile(` (sdt|so dien thoai|so dt|dien thoai) `), regexp.MustCompile(` su dung so thue bao `), []string{"thue bao"}},
	// Whether and how long the office posts the file: "xã có phải niêm
	// yết công khai không, niêm yết bao lâu"; settled by the step that
	// posts it for a time ("Niêm yết công khai … trong thời gian 15
	// ngày"), though it is the office's.
	{regexp.MustCompile(` niem yet `), regexp.MustCompile(` niem yet( [a-z0-9]+){0,60} [0-9]+ ngay `), []string{"niem yet"}},
	// Whether the seller may hand the papers over: "có được đưa luôn cà
	// vẹt cho người mua không"; settled by "Chủ xe phải giữ lại chứng
	// nhận đăng ký xe, biển số xe (không giao cho … nhận chuyển quyền sở
	// hữu xe)".
	{regexp.MustCompile(` (dua|giao|de lai|ban giao|gui)( [a-z0-9]+){0,4} (cho|lai cho) (nguoi mua|ben mua|chu moi|nguoi nhan|nguoi ta|ho) `),
		regexp.MustCompile(` (phai giu lai|khong (duoc )?giao cho) `), []string{"giu lai", "khong giao"}},
	// Whether the old paper goes back: "có phải nộp lại giấy cũ không";
	// settled by "… thì phải nộp lại Giấy xác nhận … đã được cấp trước
	// đó", not by what to do when it cannot be ("không nộp lại được").
	{regexp.MustCompile(` (nop|tra|giao|dem|mang|thu)( lai)?( cai)? (giay|the|so|bang|ban|ca vet|cavet|dang ky|bien so|giay phep)( [a-z0-9]+){0,4} (cu|da cap|da duoc cap|truoc) `),
		regexp.MustCompile(` (phai|thi|va) (nop lai|tra lai|giao lai|nop ban goc)( [a-z0-9]+){0,8} (da duoc cap|da cap) `), []string{"nop lai", "tra lai", "giao lai", "nop ban goc"}},
	// An age gap: "người nhận nuôi phải hơn bé bao nhiêu tuổi"; settled
	// by "Hơn con nuôi từ 20 tuổi trở lên", not by the child's own age.
	{regexp.MustCompile(` hon( [a-z0-9]+){0,3} (bao nhieu|may|bn) tuoi `), regexp.MustCompile(` hon( [a-z]+){0,3} (tu )?[0-9]+ tuoi `), []string{"hon"}},
	// Whether both must come: "2 đứa có phải cùng có mặt không", "1
	// người đi được không"; settled by "hai bên nam, nữ phải có mặt", or
	// by heirs who "phải ký trước mặt người thực hiện chứng thực", or by
	// a representative who "đưa người dưới 14 tuổi đến" the office.
	// Who the story names ("hai đứa muốn đăng ký kết hôn") asks nothing.
	{regexp.MustCompile(` (co mat|cung di|di cung|di (1|mot) minh|(1|mot) (nguoi|ng|minh|dua|ben)( [a-z]+)? (di|len|ra|lam|den)|(di|ra|len|den) ca (hai|2)( (dua|nguoi|ng|vo chong))?|(ca hai|ca 2|(2|hai) (dua|nguoi|ng|ben|vo chong))( (vo chong|vc|dua|nguoi|ng|ben))?( (co|deu|cung))?( (phai|can))?( cung)? (di|ra|len|den|co mat)) `),
		regexp.MustCompile(` phai (co mat|cung co mat|truc tiep co mat|ky truoc mat) | cung (voi )?nguoi (dai dien|giam ho)( [a-z0-9]+){0,10} (den|toi) | (dai dien|giam ho)( hop phap)? dua nguoi( [a-z0-9]+){0,6} (den|toi) `), []string{"co mat", "truoc mat", "cung nguoi", "dua nguoi"}},
	// Whether someone else may do it for the person: "bà nội có đi làm
	// giấy khai sinh cho cháu thay được không", "em đăng ký thay mẹ được
	// không"; settled by what the record says of authorising ("Trường hợp
	// người đi đăng ký khai sinh cho trẻ em là ông, bà … thì không phải
	// có văn bản ủy quyền"). A rule that no one may be authorised
	// ("Phiếu Lý lịch tư pháp số 2 không được ủy quyền") comes first;
	// then the rule for relatives ("Trường hợp người được ủy quyền là
	// ông, bà, cha, mẹ … thì văn bản ủy quyền không phải chứng thực"),
	// else the rule for a person authorised (not a postal firm), else any
	// rule of authorising.
	// One who cannot sign or read: "mắt kém không đọc được, ký cũng
	// không được", "bà không biết chữ"; settled by "Trường hợp người yêu
	// cầu chứng thực không ký được thì phải điểm chỉ; nếu … không đọc
	// được … thì phải có 02 (hai) người làm chứng".
	{cannotSign, regexp.MustCompile(` (khong ky duoc|khong the ky|phai diem chi|nguoi lam chung) `), []string{"diem chi", "lam chung"}},
	{proxyAsked, regexp.MustCompile(` khong duoc uy quyen `), []string{"khong duoc uy quyen"}},
	{proxyAsked, regexp.MustCompile(` (nguoi duoc uy quyen|nguoi di( [a-z]+){1,8}) la (ong|ba|cha|me|con|vo|chong|anh|chi|em) `), []string{"uy quyen"}},
	{proxyAsked, regexp.MustCompile(` uy quyen cho ca nhan `), []string{"uy quyen"}},
	{proxyAsked, regexp.MustCompile(` uy quyen `), []string{"uy quyen"}},
}

// cannotSign matches one who cannot sign or read (askedRules).
var cannotSign = regexp.MustCompile(` (khong|ko|k|chang|cung khong) (biet |the |con )?(ky|ki|doc|viet)( chu| ten)?( duoc| dc)? | (ky|ki|doc|viet)( ten| chu)?( cung)? (khong|ko|k|chang) (duoc|dc|noi) | (khong|ko|k|chang) (biet|thuoc) chu | mu chu | diem chi | lan tay `)

// takesOver matches one who takes another's place rather than acting
// for them: "muốn đứng tên chủ hộ kinh doanh thay bố".
var takesOver = regexp.MustCompile(` (dung ten|lam chu|thay ten|thay the) `)

// proxyAsked matches a question whether someone else may do it for the
// person (askedRules). "Làm hộ khẩu" is no one acting for another, nor
// is a letter of authority whose signature is certified ("chứng thực
// chữ ký trên giấy ủy quyền").
var proxyAsked = regexp.MustCompile(` thay (duoc|dc|duoc khong) | (lam|di|nop|xin|dang ky|dk|lanh|linh|nhan|ky|di lam|di nop|di xin) (thay|ho|giup|giup cho|dum|gium) (cho|duoc|dc|khong|ko|nguoi|con|me|bo|ba|ong|chau|vo|chong) | thay (cho )?(con|chau|me|bo|cha|ba|ong|vo|chong|anh|chi|em|nguoi nha|nguoi than) `)

// pickDetail is recordDetail on a record's sentences (detailSentences).
func pickDetail(question, title string, sentences []detailSentence) string {
	return pickDetailFrom(question, title, sentences, true, questionAsks{
		papers: slices.Contains(detectIntents(intentPadded(question, fold(question))), intentPapers),
		twice:  len(twoAsks.FindAllString(vietnamese.Fold(question), -1)) >= 2,
	})
}

// questionAsks is what pickDetail reads of a question once, for it and
// for the second quote it may look for.
type questionAsks struct {
	papers bool // it asks for the papers
	twice  bool // it asks two yes-or-no questions (twoAsks)
}

// twoAsks counts the yes-or-no questions a question asks ("… có cần bố
// mẹ đồng ý không, giấy cho ở nhờ có bắt buộc công chứng không ạ?").
var twoAsks = regexp.MustCompile(`(?i)\b(khong|ko|k|hok|hong|chua)( (a|vay|nhi|nhe|the))?\s*([?,.;]|$)`)

// pickDetailFrom is pickDetail, the rules residents ask in their words
// (askedRules) read or not.
func pickDetailFrom(question, title string, sentences []detailSentence, rules bool, asks questionAsks) string {
	q := foldedWords(question)
	words := ownWords(question, title)
	sq := newScoring(words, q, foldedWords(askingSentence(question)), asksYesNo(question))
	sq.howLong = howLongAsked.MatchString(q)
	sq.age, sq.titleAges = vietnamese.AgeSaid(question), foldedWords(title)
	// "có mất phí không" asks no one to be present.
	asked := costsSaid.ReplaceAllString(q, " ")
	// Two rules asked in one question ("dùng sđt của ai, con có phải đi
	// cùng không") are both quoted, each shorter.
	// The paper the question lacks, named by its head ("mất bản gốc …
	// giấy chứng tử" lacks "bản sao Giấy chứng tử trước đây được cấp hợp
	// lệ"): the record's rule for that lack comes before a general rule
	// the question's words also ask.
	if lacksAsked.MatchString(q) || strings.Contains(asked, " mat ") {
		for i, s := range sentences {
			if h := lackHead(s.lack); h != "" && strings.Contains(q, h) {
				return withOtherwise(quoteDetail(s.text, strings.Fields(s.lack)), s.text, sentences, i)
			}
		}
	}
	var settled []string
	var ats [][]string
	var rulesSettled []*regexp.Regexp
	// A rule asked by the same words as the rules before it is read only
	// when they settled nothing.
	var settledBy *regexp.Regexp // what asked the rule before, if it settled a sentence
	for _, r := range askedRules {
		if r.asked == settledBy {
			continue
		}
		settledBy = nil
		if !rules || !r.asked.MatchString(asked) || r.asked == proxyAsked && takesOver.MatchString(asked) {
			continue
		}
		// Of the sentences that settle it, the one that shares most with
		// the question: the guardian's own number for a child's account.
		best, bestScore := "", -1
		for _, s := range sentences {
			if r.rule.MatchString(s.folded) {
				if score := sq.score(s.folded, s.rules); score > bestScore {
					best, bestScore = s.text, score
				}
			}
		}
		if best != "" && !slices.Contains(settled, best) {
			settled, ats, rulesSettled = append(settled, best), append(ats, r.at), append(rulesSettled, r.rule)
			settledBy = r.asked
		}
	}
	switch len(settled) {
	case 0:
	case 1:
		// A second yes-or-no beside the rule asked is answered too.
		if asks.twice {
			rest := slices.DeleteFunc(slices.Clone(sentences), func(s detailSentence) bool { return s.text == settled[0] })
			if other := pickDetailFrom(question, title, rest, false, asks); other != "" {
				// Cut around what it rules ("không bắt buộc phải công
				// chứng"), else the question's own words. A bare "không
				// phải" ("…, không phải để đăng ký kết hôn thì … phải ghi
				// rõ mục đích") rules nothing asked: the question's words
				// it holds that the rule does not are cut around instead.
				at := ownWords(question, title)
				r := strings.TrimSpace(rulingWords.FindString(foldedWords(other)))
				if b := beyondWords(at, other, settled[0]); len(b) > 0 && (r == "" || r == "khong phai" || r == "khong can") {
					at = b
				} else if r != "" {
					at = []string{r}
				}
				return quoteAround(settled[0], ats[0], maxDetail/2+20) + "» «" + quoteAround(other, at, maxDetail/2+20)
			}
		}
		return ruleQuote(settled[0], ats[0], rulesSettled[0])
	default:
		return quoteAround(settled[0], ats[0], maxDetail/2+20) + "» «" + quoteAround(settled[1], ats[1], maxDetail/2+20)
	}
	// "không có giấy chứng sinh thì …": the record's rule for that very
	// lack ("trường hợp không có Giấy chứng sinh thì nộp …").
	// The paper may be named in everyday words: "mất cà vẹt" lacks the
	// "chứng nhận đăng ký xe" the dictionary reads it as.
	lacks, named := lacksAsked.MatchString(q) || strings.Contains(costsSaid.ReplaceAllString(q, " "), " mat "), ""
	for i, s := range sentences {
		if s.lack == "" {
			continue
		}
		lack := " " + s.lack + " "
		if !strings.Contains(q, " khong co"+lack) && !strings.Contains(q, " chua co"+lack) && !strings.Contains(q, " mat"+lack) {
			if !lacks {
				continue
			}
			if named == "" {
				for _, x := range caseDictionary().Expand(question) {
					named += foldedWords(x) + "|"
				}
			}
			// "mất giấy đăng ký kết hôn" lacks the "bản sao Giấy chứng nhận
			// kết hôn" the record names: the paper, whichever copy.
			if !strings.Contains(named, lack) && !strings.Contains(named, " "+lackPaper(s.lack)+" ") {
				continue
			}
		}
		return withOtherwise(quoteDetail(s.text, strings.Fields(s.lack)), s.text, sentences, i)
	}
	// "ko có kết quả xét nghiệm ADN thì cần gì thay": the record's rule
	// for lacking what it names just before ("Trường hợp không có văn bản
	// nêu trên thì phải có văn bản cam đoan … và … hai người làm chứng").
	// So is "bản chính mất …, dùng giấy tờ gì để chứng minh".
	// Proof asked ("cần giấy tờ chứng minh gì", "có bắt buộc xét nghiệm
	// ADN không") is asked with what stands in for it.
	if lacks && (substituteAsked.MatchString(q) || asks.papers) || proofAsked.MatchString(q) {
		for i, s := range sentences {
			if anaphoric.MatchString(" " + s.lack + " ") {
				return withOtherwise(quoteDetail(s.text, strings.Fields(s.lack)), s.text, sentences, i)
			}
		}
	}
	if len(words) < minDetailWords && sq.age == 0 {
		return "" // the question asks nothing the parts do not answer
	}
	// A paper of a list ("d4) Giấy chứng nhận nghỉ việc hưởng bảo hiểm
	// xã hội") answers only a question about papers.
	best, bestScore, bestRules, at := "", 0, false, -1
	qStance := stance(q)
	for i, s := range sentences {
		if !asks.papers && listItem.MatchString(s.text) && !s.rules && utf8.RuneCountInString(s.text) < longDetail {
			continue
		}
		if score := sq.score(s.folded, s.rules); score > bestScore || score == bestScore && score > 0 && len(s.text) < len(best) {
			if inException(s.text, words) || stance(s.folded)*qStance < 0 || caseUntold(s.folded, sq, words) {
				continue
			}
			best, bestScore, bestRules, at = s.text, score, s.rules, i
		}
	}
	// A long sentence holds a few of any question's words by chance: read
	// against the answers of new questions, those over longDetail runes
	// quoted on four words were beside the point (a rule on fingerprints
	// for a card's fee, on cadastral maps for a land certificate's time).
	// One that rules on what a yes-or-no question asks ("hai bên nam, nữ
	// phải có mặt") is quoted however long, and so is a case whose
	// condition is the resident's ("Trường hợp … đã ly hôn … thì …").
	// A second yes-or-no (rules false) is asked outright: a little less
	// in common with it will do.
	need := 2 * minDetailScore
	if !rules {
		need -= 2
	}
	if bestScore < need || utf8.RuneCountInString(best) > longDetail && bestScore < 2*minLongDetailScore &&
		!(sq.yesNo && bestRules) && !caseSaid(sentences[at].folded, sq, words) && !sq.ageFits(sentences[at].folded) {
		return ""
	}
	quote := quoteDetail(best, words)
	// What the office does with the file (checks it, reports to its
	// head, writes the register, refuses one left incomplete) answers no
	// resident's question, whatever words it shares with one, nor does
	// the tail of a sentence cut from its subject: read against new
	// questions' answers, most such quotes were beside the point.
	if officeStep(best) || officeStep(quote) || fragment(quote) {
		return ""
	}
	// "chú ruột nhận cháu … có cần giấy khám sức khỏe không": the paper
	// and the exception that names the resident, not the paper alone.
	if e := exceptionSaid(best, words); e != "" && !strings.Contains(quote, e) {
		return quote2(best, e)
	}
	// A cut that holds only pairs of the question's words that many of
	// the record's sentences hold is made around the rarest pair instead:
	// the photo the question asks about, not the "hiện trạng" of every
	// drawing.
	if anchor, n := rarestPair(sq, sentences, []string{sentences[at].folded}); anchor != "" {
		if _, m := rarestPair(sq, sentences, []string{foldedWords(quote)}); m > n {
			quote = quoteDetail(best, []string{anchor})
		}
	}
	quote = withOtherwise(quote, best, sentences, at)
	quote = withLifted(quote, best, sentences, at, q)
	// A second yes-or-no ("có phải nộp lại giấy cũ không, trên giấy có
	// ghi mục đích không") is answered by a second sentence that holds a
	// word of the question the first does not.
	if rules && asks.twice {
		rest := slices.DeleteFunc(slices.Clone(sentences), func(s detailSentence) bool { return s.text == best })
		if other := pickDetailFrom(question, title, rest, false, asks); other != "" && utf8.RuneCountInString(quote) <= maxCaseDetail {
			if beyond := beyondWords(words, other, best); len(beyond) > 0 {
				return quote + "» «" + quoteAround(strings.TrimPrefix(other, "… "), beyond, maxDetail/2+20)
			}
		}
	}
	return quote
}

// beyondWords returns the question's words that a second sentence holds
// and the first does not.
func beyondWords(words []string, second, first string) []string {
	sf, ff := foldedWords(second), foldedWords(first)
	var beyond []string
	for _, w := range words {
		if strings.Contains(sf, " "+w+" ") && !strings.Contains(ff, " "+w+" ") {
			beyond = append(beyond, w)
		}
	}
	return beyond
}

// rarestPair returns, of the pairs of the question's words side by side
// in texts (folded), the one the record's sentences say the fewest times,
// and how many; "" and a count above any when there is none.
func rarestPair(sq scoring, sentences []detailSentence, texts []string) (string, int) {
	best, fewest := "", math.MaxInt
	for _, pair := range sq.pairs {
		if !slices.ContainsFunc(texts, func(t string) bool { return strings.Contains(t, pair) }) {
			continue
		}
		n := 0
		for _, s := range sentences {
			n += strings.Count(s.folded, pair)
		}
		if n < fewest {
			best, fewest = strings.TrimSpace(pair), n
		}
	}
	return best, fewest
}

// caseSaid reports a sentence (folded) that opens a case whose
// condition, before its "thì", holds a pair of the question's words side
// by side, one of them beyond the procedure's name (words): "Trường hợp
// … đã ly hôn … thì …" for "đã ly hôn rồi, xin giấy xác nhận độc thân".
func caseSaid(folded string, sq scoring, words []string) bool {
	cond, _, ok := strings.Cut(folded, " thi ")
	// "Đối với thủ tục … thay đổi chủ hộ, … thì …" is a case too; "Đối
	// với nơi chưa có bản đồ …" is not the resident's "chưa có sổ".
	if !ok || !strings.HasPrefix(cond, " truong hop ") && !strings.HasPrefix(cond, " doi voi thu tuc ") {
		return false
	}
	cond += " "
	for _, pair := range sq.pairs {
		if !strings.Contains(cond, pair) {
			continue
		}
		for _, w := range strings.Fields(pair) {
			if slices.Contains(words, w) && !genericWords[w] {
				return true
			}
		}
	}
	return false
}

// caseUntold reports a sentence (folded) that opens a case whose
// condition, before its "thì", holds none of the question's own words
// (words): "Trường hợp người yêu cầu … đang công tác, học tập, lao động
// có thời hạn ở nước ngoài thì …" is not the case of a Korean fiancé
// living in Việt Nam, however much of the rest the question shares.
// A case of an age bound the age said falls in ("người dưới 06 tuổi"
// for a child of 3) is told.
func caseUntold(folded string, sq scoring, words []string) bool {
	cond, _, ok := strings.Cut(folded, " thi ")
	if !ok || !caseOpen.MatchString(cond) || sq.ageFits(cond) {
		return false
	}
	cond += " "
	for _, w := range words {
		if strings.Contains(cond, " "+w+" ") {
			return false
		}
	}
	return true
}

// lacking matches a record's sentence (folded) that says what to do
// without a paper: "trường hợp không có giấy chứng sinh thì …".
var lacking = regexp.MustCompile(`^ (truong hop|neu)(?: nguoi yeu cau| nguoi di dang ky| cong dan| nguoi dan)? (khong co|chua co|mat|khong xuat trinh duoc|khong cung cap duoc) ([a-z0-9 ]{3,60}?) thi `)

// lackHead returns the first three words of a lacked paper's name after
// its copy ("bản sao"), " "-padded, when they name a paper ("giấy …",
// "sổ …"), or "".
func lackHead(lack string) string {
	w := strings.Fields(strings.TrimPrefix(strings.TrimPrefix(lack, "ban sao "), "ban chinh "))
	if len(w) < 3 || w[0] != "giay" && w[0] != "so" && w[0] != "the" {
		return ""
	}
	return " " + strings.Join(w[:3], " ") + " "
}

// lackPaper is a lacked paper's name after its copy ("bản sao").
func lackPaper(lack string) string {
	return strings.TrimPrefix(strings.TrimPrefix(lack, "ban sao "), "ban chinh ")
}

// costsSaid is "mất" that says what something costs, not what was
// lost: "mất bao lâu", "mất phí", "mất mấy ngày".
var costsSaid = regexp.MustCompile(` mat (bao|bn|phi|tien|may|het|nhieu|thoi|le|cong|khoang|chi|ca|it|lau|tam|gan|tren|duoi|[0-9]+) `)

// listItem opens an item of a lettered list: "d4) ", "b) ".
var listItem = regexp.MustCompile(`^[a-zđ][0-9]?\) `)

// lacksAsked and substituteAsked are a question (folded words) that
// lacks a paper and asks what stands in for it; anaphoric is a lack
// (lacking) that names the paper only as the one above.
var (
	lacksAsked      = regexp.MustCompile(` (khong|ko|k|hong|chua|kg) (co|lam|xin duoc|lam duoc) `)
	substituteAsked = regexp.MustCompile(` (thay|thay the|thay vao|bu vao|thi sao|thi lam sao|thi lam the nao|thi phai lam sao) `)
	anaphoric       = regexp.MustCompile(` (neu tren|tren|nay|do|noi tren) $`)
	// proofAsked is a question (folded words) asking what proves the
	// claim, or whether a test must prove it.
	proofAsked = regexp.MustCompile(` (giay to|giay|van ban|chung cu)( gi)? (de )?chung minh | chung minh (gi|bang gi|the nao|ra sao|nhu the nao|la) | (bat buoc|phai|can)( phai)? (xet nghiem|giam dinh) `)
)

// withOtherwise adds to a quote of sentences[at] what to do when the
// remedy it quotes is not at hand either: "trường hợp không có Giấy
// chứng sinh thì nộp văn bản của người làm chứng …; nếu không có người
// làm chứng thì phải có giấy cam đoan". A quote cut short stays as it is.
func withOtherwise(quote, sentence string, sentences []detailSentence, at int) string {
	if at+1 < len(sentences) && otherwise.MatchString(sentences[at+1].folded) && quote == sentence &&
		utf8.RuneCountInString(sentence)+utf8.RuneCountInString(sentences[at+1].text) <= maxCaseDetail {
		quote += "; " + sentences[at+1].text
	}
	return quote
}

// withLifted adds to a quote of sentences[at] the case right after it
// that lifts what it requires for someone the question (folded, q)
// names and it does not: "Văn bản ủy quyền (được chứng thực) …" asked
// by one who sends her mother, and "Trường hợp người được ủy quyền là
// ông, bà, cha, mẹ, … thì văn bản ủy quyền không phải chứng thực".
func withLifted(quote, sentence string, sentences []detailSentence, at int, q string) string {
	if at+1 >= len(sentences) || !liftedCase.MatchString(sentences[at+1].folded) ||
		utf8.RuneCountInString(quote)+utf8.RuneCountInString(sentences[at+1].text) > maxCaseDetail+maxDetail/2 {
		return quote
	}
	next, rule := sentences[at+1].folded, foldedWords(sentence)
	cond, _, _ := strings.Cut(next, " thi ")
	for _, w := range strings.Fields(q) {
		if kinWords[w] && strings.Contains(cond, " "+w+" ") && !strings.Contains(rule, " "+w+" ") {
			return quote + "; " + sentences[at+1].text
		}
	}
	return quote
}

// liftedCase is a case (folded) that lifts a requirement: "trường hợp
// … thì … không phải chứng thực".
var liftedCase = regexp.MustCompile(`^ truong hop .* thi .*khong (phai|can|bat buoc) `)

// otherwise opens a sentence that says what to do when the one before it
// cannot be done: "nếu không có người làm chứng thì …".
var otherwise = regexp.MustCompile(`^ (neu|truong hop) khong (co|the|duoc) `)

// exceptionSaid returns the exception a sentence makes ("(trừ trường
// hợp … cô, cậu, dì, chú, bác ruột nhận cháu làm con nuôi)") when it
// holds one of the question's words that the rule before it does not,
// or "".
func exceptionSaid(sentence string, words []string) string {
	i := strings.Index(sentence, "trừ trường hợp")
	if i < 0 {
		return ""
	}
	e := sentence[i:]
	if j := strings.Index(e, ")"); j > 0 {
		e = e[:j]
	}
	// A word the rule before it holds too ("không được ủy quyền … trừ
	// trường hợp … có thể ủy quyền") makes the rule the answer.
	f, head := foldedWords(e), foldedWords(sentence[:i])
	for _, w := range words {
		if strings.Contains(f, " "+w+" ") && !strings.Contains(head, " "+w+" ") {
			return e
		}
	}
	return ""
}

// ruleQuote quotes the sentence that settles a rule asked, cut around
// at; when the cut loses the time the rule is settled with ("Niêm yết
// công khai … trong thời gian 15 ngày"), its opening and that time.
func ruleQuote(sentence string, at []string, rule *regexp.Regexp) string {
	quote := quoteDetail(sentence, at)
	if rule.MatchString(foldedWords(quote)) {
		return quote
	}
	folded := vietnamese.Fold(sentence) // same length in runes as sentence
	loc := timeSpan.FindStringIndex(folded)
	if loc == nil {
		return quote
	}
	from := utf8.RuneCountInString(folded[:loc[0]])
	return quote2(sentence, string([]rune(sentence)[from:]))
}

// timeSpan is a length of time a step takes, folded: "trong thời gian 15
// ngày", "trong thời hạn 05 ngày làm việc".
var timeSpan = regexp.MustCompile(`trong (thoi gian|thoi han|vong) (toi da )?\d+ (ngay|thang|gio)`)

// quote2 quotes a sentence's opening and, after it, a part further on.
func quote2(sentence, part string) string {
	head := sentence[:strings.Index(sentence, part)]
	head = strings.TrimRight(head, " (,;")
	return strings.TrimSuffix(clip(head, 30), " …") + " … " + clip(part, maxDetail)
}

// inException reports a sentence that names the question's words only
// after "trừ" (except): quoted alone, «trừ Giấy ủy quyền trong các
// trường hợp …» or «… thẻ cư trú, bằng tốt nghiệp» reads as the rule
// for them, while the record lists them as exceptions to a rule the
// quote leaves out.
func inException(sentence string, words []string) bool {
	toks := strings.FieldsFunc(strings.ToLower(sentence), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	except := -1
	for i, t := range toks {
		if t == "trừ" {
			except = i
			break
		}
	}
	if except < 0 {
		return false
	}
	for _, t := range toks[:except] {
		f := vietnamese.Fold(t)
		for _, w := range words {
			if f == w {
				return false
			}
		}
	}
	return true
}

// foldedWords is s's folded words joined by spaces, with a space before
// and after, so that a word is found whole by looking for " word ".
func foldedWords(s string) string {
	return " " + strings.Join(vietnamese.Words(s), " ") + " "
}

// maxCaseDetail bounds a quoted sentence that sets a case and what
// follows from it ("Trường hợp … thì …"): what follows is the answer to
// a question about the case, so it gets more room than other quotes.
const maxCaseDetail = maxDetail + 60

// quoteDetail quotes a record's sentence for a question. A case and its
// consequence ("Trường hợp … đã ly hôn … thì … cung cấp … Bản án/Quyết
// định ly hôn") keep the consequence, the case cut around the question's
// words; any other long sentence is cut around them (quoteAround).
func quoteDetail(sentence string, words []string) string {
	n := utf8.RuneCountInString(sentence)
	t := strings.Index(sentence, " thì ")
	switch {
	case n <= maxDetail:
		return sentence
	case n <= maxCaseDetail && listIntro.MatchString(sentence):
		return sentence // a list whole: "… gồm: họ và tên, …, địa chỉ nơi đến"
	case t < 0:
		return quoteAround(sentence, words, maxDetail)
	case n <= maxCaseDetail:
		return sentence
	}
	cond, then := sentence[:t], clip(sentence[t+1:], maxCaseDetail-60)
	cut := quoteAround(cond, words, maxCaseDetail-utf8.RuneCountInString(then)-3)
	return strings.TrimSuffix(cut, " …") + " … " + then
}

// quoteAround cuts a long sentence to about n characters around the first of
// words it holds, so that what the question asks about is in the quote.
func quoteAround(sentence string, words []string, n int) string {
	if utf8.RuneCountInString(sentence) <= n {
		return sentence
	}
	folded := vietnamese.Fold(sentence) // same length in runes as sentence
	first := -1
	for _, w := range words {
		if i := indexWord(folded, w); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	runes := []rune(sentence)
	start := 0
	if first > 0 {
		start = utf8.RuneCountInString(folded[:first]) - 50
	}
	if start <= 0 {
		return clipAmount(sentence, n)
	}
	for start < len(runes) && runes[start] != ' ' {
		start++
	}
	// "… đối tượng tạm thời chưa phải nộp thuế": a cut after the
	// negation would say the opposite ("… phải nộp thuế").
	for range 3 {
		end := start
		for end > 0 && runes[end-1] == ' ' {
			end--
		}
		word := end
		for word > 0 && runes[word-1] != ' ' {
			word--
		}
		if word == end || !negationWords[strings.ToLower(string(runes[word:end]))] {
			break
		}
		start = word
	}
	return "… " + clipAmount(strings.TrimSpace(string(runes[start:])), n)
}

// negationWords turn what follows them round, or open such a turn ("tạm
// thời chưa"): a quote does not start after them.
var negationWords = map[string]bool{"không": true, "chưa": true, "chẳng": true, "chớ": true, "đừng": true, "thời": true, "tạm": true}

// amountNext is a time amount at the start of the text after a cut: "10
// ngày làm việc", "là 03 ngày".
var amountNext = regexp.MustCompile(`^\s*(là\s+|không quá\s+|tối đa\s+)?\d+\s+(ngày làm việc|ngày|tháng|năm|giờ|tuần)([\s,.;:)]|$)`)

// unitNext is the unit after a number a cut ends with.
var unitNext = regexp.MustCompile(`^\s+(ngày làm việc|ngày|tháng|năm|giờ|tuần)([\s,.;:)]|$)`)

// clipAmount is clip, but a cut made just before a time amount ("… đến
// cơ quan thuế trong thời hạn" before "10 ngày") goes on to hold it: the
// amount is what such a sentence is quoted for.
func clipAmount(s string, n int) string {
	c := clip(s, n)
	body := strings.TrimSuffix(c, " …")
	if body == c || !strings.HasPrefix(s, body) {
		return c
	}
	next := amountNext
	if last, _ := utf8.DecodeLastRuneInString(body); unicode.IsDigit(last) {
		next = unitNext // "… không quá 45" before "ngày"
	}
	m := next.FindString(s[len(body):])
	if m == "" {
		return c
	}
	body += strings.TrimRight(m, " ,.;:)")
	if len(body) == len(s) {
		return body
	}
	return body + " …"
}

// indexWord returns where w starts as a whole word in folded text, or -1.
func indexWord(folded, w string) int {
	for i := 0; ; {
		j := strings.Index(folded[i:], w)
		if j < 0 {
			return -1
		}
		at := i + j
		end := at + len(w)
		if (at == 0 || folded[at-1] == ' ') && (end == len(folded) || !isLetterByte(folded[end])) {
			return at
		}
		i = at + 1
	}
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// yesNoQuestion matches a folded question asking yes or no ("có cần …
// không", "được không", "ko").
var yesNoQuestion = regexp.MustCompile(` (co|duoc|phai|can) .*(khong|ko|k|hok|hem|chua) $| (duoc|dc|phai|can) (khong|ko|k|chua) `)

// questionClauses splits a question into its clauses: "… ở xã có được
// không, lệ phí bao nhiêu?" asks a yes or no and a fee.
var questionClauses = regexp.MustCompile(`[.!?,;]+\s*`)

// orElse is a folded clause that asks yes or no before offering the
// other way: "… có phải cùng lên xã không hay …".
var orElse = regexp.MustCompile(` (co|duoc|phai|can) .*(khong|ko) hay `)

// asksYesNo reports a question that asks yes or no of something other
// than the fee: "có mất lệ phí không" is answered by the fee, and a
// sentence that rules on another yes or no is no answer to it.
func asksYesNo(question string) bool {
	for _, s := range questionClauses.Split(strings.TrimSpace(question), -1) {
		f := foldedWords(s)
		// "có phải cùng lên xã không hay một người đi cũng được" asks
		// yes or no before its "hay".
		if (yesNoQuestion.MatchString(f) || orElse.MatchString(f)) && !slices.Contains(detectIntents(f), intentFee) {
			return true
		}
	}
	return false
}

// rulingWords are what a record's sentence says when it settles a yes or
// no: "không phải có văn bản ủy quyền", "chỉ cần xuất trình".
var rulingWords = regexp.MustCompile(` (khong phai|khong can|khong duoc|chi can|bat buoc|duoc mien|khong bat buoc|phai co mat|phai truc tiep) `)

// questionSentences splits a question into its sentences.
var questionSentences = regexp.MustCompile(`[.!?]+\s+`)

// askingSentence is the sentence of a question that asks (the one with
// the question mark, else the last one): a long question tells its
// story first and asks at the end.
func askingSentence(question string) string {
	parts := questionSentences.Split(strings.TrimSpace(question), -1)
	for _, p := range parts {
		if strings.Contains(p, "?") {
			return p
		}
	}
	return parts[len(parts)-1]
}

// detailScore scores a sentence of a record against a question, in
// halves: two for each word of the asking sentence (askingSentence) it
// holds and one for each word of the story before it; two for each pair
// of the question's words it holds side by side; one more when the
// question asks yes or no and the sentence rules on it.
func detailScore(words []string, question, ask string, yesNo bool, sentence string) int {
	f := foldedWords(sentence)
	return newScoring(words, question, ask, yesNo).score(f, yesNo && rulingWords.MatchString(f))
}

// scoring is what detailScore looks for in a sentence, derived once per
// question: each word padded with spaces and its weight, and the pairs of
// the question's words worth finding side by side.
type scoring struct {
	words   []string // " word "
	weights []int
	kin     []bool   // the word names a relative (kinWords)
	pairs   []string // " word word "
	yesNo   bool
	// howLong: the question asks how long something lasts ("niêm yết
	// bao lâu"); a sentence that gives a length answers it better.
	howLong bool
	// age is the resident's age in years the question says ("con 3
	// tuổi", vietnamese.AgeSaid), 0 when none; a sentence whose age bound it falls within
	// is about the resident, unless the procedure's name (titleAges,
	// folded words) says that bound.
	age       int
	titleAges string
}

// ageBound is an age bound in a sentence's folded words: "dưới 06
// tuổi", "từ đủ 14 tuổi".
var ageBound = regexp.MustCompile(` (duoi|chua du|chua den|tu du|du|tu|tren|den duoi) 0?([0-9]{1,2}) tuoi `)

// ageFits tells whether a sentence's folded words bound an age the
// resident's falls within ("người dưới 06 tuổi" for a child of 3), by a
// bound the procedure's name does not already say.
func (sc scoring) ageFits(folded string) bool {
	if sc.age == 0 {
		return false
	}
	fits := false
	for _, m := range ageBound.FindAllStringSubmatch(folded, -1) {
		n, _ := strconv.Atoi(m[2])
		upper := strings.HasSuffix(m[1], "duoi") || strings.HasPrefix(m[1], "chua")
		switch {
		case upper && sc.age >= n, !upper && sc.age < n:
			return false // a bound the resident is outside of
		case strings.Contains(sc.titleAges, " "+m[2]+" tuoi ") || strings.Contains(sc.titleAges, " 0"+m[2]+" tuoi "):
		default:
			fits = true
		}
	}
	return fits
}

var (
	howLongAsked = regexp.MustCompile(` (bao lau|may ngay|bao nhieu ngay|bn ngay|bao nhieu lau|may thang|bao nhieu thang) `)
	lengthSaid   = regexp.MustCompile(` [0-9]+ (ngay|thang|nam|gio) `)
)

// kinWords are folded words that name a relative. A record lists them
// together ("ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột"), so a
// list of kin holds any resident's "bà nội" or "vợ chồng tôi": of them a
// sentence counts the weightiest once, and two side by side are no pair.
var kinWords = map[string]bool{"ong": true, "ba": true, "cha": true, "me": true, "bo": true, "con": true, "vo": true,
	"chong": true, "anh": true, "chi": true, "em": true, "chau": true, "noi": true, "ngoai": true, "bac": true,
	"chu": true, "cau": true, "thim": true, "mo": true}

func newScoring(words []string, question, ask string, yesNo bool) scoring {
	sc := scoring{yesNo: yesNo}
	for _, w := range words {
		w = " " + w + " "
		weight := 1
		if strings.Contains(ask, w) {
			weight = 2
		}
		sc.words = append(sc.words, w)
		sc.weights = append(sc.weights, weight)
		sc.kin = append(sc.kin, kinWords[strings.TrimSpace(w)])
	}
	qs := strings.Fields(question)
	for i := 0; i+1 < len(qs); i++ {
		if genericWords[qs[i]] && genericWords[qs[i+1]] || kinWords[qs[i]] && kinWords[qs[i+1]] {
			continue
		}
		sc.pairs = append(sc.pairs, " "+qs[i]+" "+qs[i+1]+" ")
	}
	return sc
}

// score is detailScore of a sentence's folded words (foldedWords); rules
// tells whether the sentence rules on a yes or no (rulingWords).
func (sc scoring) score(folded string, rules bool) int {
	score, kin := 0, 0
	for i, w := range sc.words {
		if !strings.Contains(folded, w) {
			continue
		}
		if sc.kin[i] {
			kin = max(kin, sc.weights[i])
			continue
		}
		score += sc.weights[i]
	}
	score += kin
	// The resident's age within a sentence's own bound ("người dưới 06
	// tuổi" for a child of 3) is the rule for them whatever else it says.
	if sc.ageFits(folded) {
		score += 2 * minDetailScore
	}
	if score == 0 {
		return 0
	}
	for _, pair := range sc.pairs {
		if strings.Contains(folded, pair) {
			score += 2
		}
	}
	if sc.yesNo && rules || sc.howLong && lengthSaid.MatchString(folded) {
		score++
	}
	return score
}

// matchScore counts the question's words a text holds, and once more
// each pair of them it holds side by side as the question says them.
func matchScore(words []string, question, text string) int {
	return detailScore(words, question, question, false, text) / 2
}

// office names an office or an official, folded: who acts in a record's
// sentence about what the office does.
const office = `(uy ban|ubnd|co quan|cong chuc|can bo|chu tich|trung tam|lanh dao|nguoi tiep nhan|bo phan|hoi dong|don vi|toa an|co so cai nghien|cong an|bhxh|bao hiem xa hoi|phong|nguoi thuc hien chung thuc|ra soat vien|van phong|chi nhanh|thu truong|ho tich thuc hien|nguoi co tham quyen|truong thon|to truong|ban chi dao|ban quan ly)`

var (
	// officeFirst is a sentence (folded) whose subject is an office,
	// after its numbering and a time limit that opens it: "Trong thời
	// hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ, Ủy ban nhân dân cấp
	// xã ban hành …", "Người thực hiện chứng thực kiểm tra …".
	officeFirst = regexp.MustCompile(`^ (trong thoi han( toi da)? [0-9]+( [a-z]+){0,3}? (ngay|gio)( lam viec)?( ke tu( [a-z0-9]+){1,12}?)? )?` + office + ` `)
	// officeThen is a case whose consequence the office acts on:
	// "Trường hợp … không bổ sung, hoàn thiện được hồ sơ thì cán bộ tiếp
	// nhận hồ sơ báo cáo …".
	officeThen = regexp.MustCompile(` thi ` + office + ` `)
	// officeDoes is what only an office does: writes the register,
	// reports to or helps its head, appraises, posts results, refuses
	// (not an heir who "từ chối nhận di sản").
	officeDoes = regexp.MustCompile(` ghi vao so | muc ghi chu | phan mem dang ky | (trinh|giup) chu tich | tham dinh ho so | khi tiep nhan ho so | truong hop tiep nhan ho so | niem yet cong khai ket qua | neu ro ly do | thanh phan cuoc hop | kiem tra tinh phap ly | khong phe duyet | de nghi don vi do dac | truyen sang he thong | khong bo sung hoan thien duoc ho so | tu choi (giai quyet|cap|tiep nhan|thu ly|dang ky|chung thuc) | thi tu choi | tay xoa sua chua `)
	// caseOpen opens a case: "Trường hợp …", "Đối với …".
	caseOpen  = regexp.MustCompile(`^ (doi voi|truong hop) `)
	timeFirst = regexp.MustCompile(`^ (sau khi|sau|truoc khi|trong thoi han|trong vong|ke tu) `)
	caseRules = regexp.MustCompile(` (thi|phai|nop|gui|can|lap|duoc|la) `)
)

// officeStep reports a record's sentence, or a quote of one, about what
// the office does with the file rather than what the resident does or
// gets, or a case it announces without ruling on it.
func officeStep(text string) bool {
	text = unnumbered(text)
	f := foldedWords(text)
	if officeFirst.MatchString(f) || officeThen.MatchString(f) || officeDoes.MatchString(f) {
		return true
	}
	// "Trường hợp không đủ điều kiện theo quy định, Chủ tịch Ủy ban nhân
	// dân cấp xã trả lời bằng văn bản", "… thì sau khi nhận được thông
	// báo, Lãnh đạo Ủy ban nhân dân … lập biên bản".
	if caseOpen.MatchString(f) {
		// Its consequence, after "thì" or else after the case's comma,
		// past a time it opens with ("sau khi nhận được thông báo, …").
		_, then, ok := strings.Cut(text, " thì ")
		if !ok {
			_, then, ok = strings.Cut(text, ", ")
		}
		if when := foldedWords(then); ok && timeFirst.MatchString(when) {
			_, then, ok = strings.Cut(then, ", ")
		}
		if ok && officeFirst.MatchString(foldedWords(then)) {
			return true
		}
		// A case announced and never ruled on: "Đối với thân nhân của
		// người đang hưởng … lương hưu".
		return !caseRules.MatchString(f) && !strings.Contains(text, ":") && utf8.RuneCountInString(text) < 130
	}
	return false
}

// unnumbered is a sentence, or a quote of one, without the numbering
// and elision marks it opens with ("… d) ", "- Bước 2: a) ").
func unnumbered(text string) string {
	text = strings.TrimLeft(strings.TrimSpace(text), "… ")
	for i := 0; i < 3; i++ {
		text = strings.TrimSpace(stepPrefix.ReplaceAllString(text, ""))
	}
	return text
}

// officeSubject reports a sentence whose subject is an office, after its
// numbering and a time limit it opens with (officeFirst).
func officeSubject(text string) bool {
	return officeFirst.MatchString(foldedWords(unnumbered(text)))
}

// fragmentRules are the folded words by which a short piece of a
// sentence still rules on something.
var fragmentRules = regexp.MustCompile(` (thi|phai|duoc|khong|chi can|la|co the|can) `)

// fragment reports a quote that is the tail of a sentence cut from its
// subject ("hộ gia đình làm nông nghiệp … có mức sống trung bình", "trị
// và dự án, phương án … thuộc các chương trình mục"): it starts in lower
// case, is short, and neither rules on anything nor holds a number.
func fragment(quote string) bool {
	q := strings.TrimLeft(strings.TrimSpace(quote), "… ")
	r, _ := utf8.DecodeRuneInString(q)
	return unicode.IsLower(r) && utf8.RuneCountInString(q) < 110 && !strings.ContainsAny(q, "0123456789") &&
		!fragmentRules.MatchString(foldedWords(q))
}
