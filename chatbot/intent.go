package chatbot

import (
	"regexp"
	"slices"
	"strings"

	"github.com/hoidap/hoidap/knowledge"
)

// intent is what part of a procedure a resident asks about.
type intent string

const (
	intentPapers     intent = knowledge.SectionPapers
	intentFee        intent = knowledge.SectionFee
	intentTime       intent = knowledge.SectionTime
	intentSteps      intent = knowledge.SectionSteps
	intentSubmit     intent = knowledge.SectionSubmit
	intentOnline     intent = "online"
	intentConditions intent = knowledge.SectionConditions
	intentResult     intent = knowledge.SectionResult
	// intentDeadline asks by when the resident must act ("khai tử trong
	// bao lâu", "hạn chót"), not how long the office takes.
	intentDeadline intent = "deadline"
	intentGeneral  intent = "general"
)

// intentCues are folded phrases, matched on whole words, in the order
// intents are answered.
var intentCues = []struct {
	intent intent
	cues   []string
}{
	{intentPapers, []string{"giay to", "ho so gom", "thanh phan", "can gi", "can j", "mang gi", "mang theo",
		// "chuẩn bị gì", not "đang chuẩn bị sang Nhật" (about to go).
		"chuan bi gi", "chuan bi j", "chuan bi nhung", "chuan bi ho so", "chuan bi giay", "can chuan bi", "phai chuan bi",
		"can nhung gi", "nhung gi", "can mang", "giay gi", "ho so gi", "can giay", "mau nao", "mau don", "don gi", "theo mau",
		"ban ve gi", "ban ve nao", "can ban ve", "giay nao", "giay to nao", "ho so nao", "can co gi", "nop gi", "nop nhung gi",
		"ho so the nao", "ho so ra sao", "ho so nhu the nao", "giay ma", "phai nop nhung", "can nhung",
		"mau gi", "mau j", "giay j", "giay to j", "nop j", "ho so j", "dem theo", "dem gi", "dem j", "mang j", "cam theo", "to khai gi", "to khai j", "to khai nao", "ban khai gi", "ban khai j", "ban khai nao", "mau ban khai", "khai mau", "dien mau", "mau so may", "mau to khai", "don theo mau",
		"kem gi", "kem j", "kem nhung gi", "kem theo gi", "kem theo nhung", "nhung j", "van ban gi", "van ban nao", "van ban j", "phieu gi", "phieu nao", "phieu j", "mau phieu", "phieu mau",
		// "cần mấy tấm ảnh": the photos are among the papers.
		"may tam anh", "bao nhieu tam anh", "bao nhieu anh", "anh co nao", "anh kich thuoc"}},
	{intentFee, []string{"le phi", "phi", "bao nhieu tien", "bn tien", "het bao nhieu", "ton bao nhieu", "mat bao nhieu tien",
		"chi phi", "mien phi", "tien", "dong bao nhieu", "het bn", "mat bn", "ton bn"}},
	{intentTime, []string{"bao lau", "may ngay", "thoi han", "bao nhieu ngay", "khi nao co", "mat bao lau", "thoi gian",
		"bao gio co", "trong bao lau", "lau khong", "lau ko", "lau k", "lau khog", "lau hok", "lau hong", "lau kg", "lau hem", "bn ngay", "may tuan", "bao gio xong",
		"khi nao xong", "bao gio nhan", "khi nao nhan", "bao nhiu ngay", "bao nhieu lau", "bao nhiu lau", "ngay thi xong",
		"may hom"}},
	{intentOnline, []string{"online", "truc tuyen", "qua mang", "vneid", "dich vu cong", "tren mang", "qua dien thoai", "bang dien thoai", "onl", "qua app", "tren app", "bang app"}},
	{intentSubmit, []string{"o dau", "noi nop", "nop o", "den dau", "cho nao", "co quan nao", "nop cho ai", "gui ai", "o cho nao",
		"buu chinh", "di dau", "lam o"}},
	{intentSteps, []string{"thu tuc the nao", "cac buoc", "trinh tu", "lam the nao", "lam sao", "quy trinh", "nhu the nao",
		"the nao", "ntn", "lam gi", "thu tuc gi", "huong dan", "thu tuc sao", "thu tuc ra sao", "thu tuc nhu nao"}},
	{intentConditions, []string{"dieu kien", "duoc khong", "co duoc", "bao nhieu tuoi", "yeu cau", "ai duoc", "du tuoi", "bat buoc",
		"co phai", "co can"}},
	{intentResult, []string{"nhan duoc gi", "ket qua", "nhan gi", "duoc cap gi", "cap giay gi", "cap giay j", "duoc giay gi", "nhan giay gi", "nhan duoc giay gi", "cap cho giay gi", "duoc cap lai giay gi"}},
}

// intentWords are the words of every cue: a follow-up made only of them
// ("còn lệ phí thì sao?") has no topic of its own.
var intentWords = func() map[string]bool {
	m := map[string]bool{"con": true, "thi": true, "sao": true, "vay": true, "the": true, "nhe": true, "a": true, "k": true,
		"khong": true, "co": true, "the con": true, "lam": true, "duoc": true, "nua": true, "ne": true, "oi": true}
	for _, ic := range intentCues {
		for _, c := range ic.cues {
			for _, w := range strings.Fields(c) {
				m[w] = true
			}
		}
	}
	return m
}()

// detectIntents returns what the question asks, in answer order; general
// when it asks nothing in particular. At most three.
func detectIntents(padded string) []intent {
	padded = storyTime.Replace(padded)
	var out []intent
	for _, ic := range intentCues {
		for _, c := range ic.cues {
			if strings.Contains(padded, " "+c+" ") {
				out = append(out, ic.intent)
				break
			}
		}
	}
	if deadlineCue(padded) {
		out = append([]intent{intentDeadline}, out...)
		// "hạn chót phải khai tử là bao lâu": the length asked is the
		// deadline's, unless the office's is asked as well.
		if has(out, intentTime) && !officeTimeCue(padded) {
			out = remove(out, intentTime)
		}
	}
	// "để tiện làm giấy tờ cho con", "lũ cuốn trôi hết giấy tờ": papers
	// said in the story, beside another thing asked, ask for no list.
	if len(out) > 1 && has(out, intentPapers) && onlyBare(padded, intentPapers, "giay to", func(next string) bool { return papersAsked[next] }) {
		out = remove(out, intentPapers)
	}
	// "sửa xong được cấp giấy gì": the paper given, not those to bring.
	if has(out, intentPapers) && has(out, intentResult) && resultPaper.MatchString(padded) &&
		!cued(resultPaper.ReplaceAllString(padded, " "), intentPapers) {
		out = remove(out, intentPapers)
	}
	// "có phải nộp sổ đỏ không", "cần mang CCCD không": whether a paper
	// is needed is answered by the papers.
	if !has(out, intentPapers) && paperAsked.MatchString(padded) {
		out = append(out, intentPapers)
	}
	// "lấy giấy liền đc ko", "trong ngày có được không": how soon the
	// paper comes is the office's time.
	if !has(out, intentTime) && !has(out, intentDeadline) && soonAsked.MatchString(padded) {
		out = append(out, intentTime)
	}
	// "nghe nói giờ cũng có tiền thai sản": money the resident is paid,
	// not a fee.
	if has(out, intentFee) && onlyBare(moneyReceived.Replace(padded), intentFee, "tien", func(next string) bool { return !paidWords[next] }) {
		out = remove(out, intentFee)
	}
	// "tờ khai có gửi qua bưu điện được ko": how the file is handed in.
	if !has(out, intentSubmit) && postAsked.MatchString(padded) {
		out = append(out, intentSubmit)
	}
	// "nộp online ở đâu" asks about online submission, not the office.
	if has(out, intentOnline) && has(out, intentSubmit) {
		out = remove(out, intentSubmit)
	}
	// "có cần giấy tờ gì" is about papers, "có mất phí không" about the
	// fee, not conditions; "có phải xóa thường trú không, bao lâu" asks
	// whether it must be done, and how long it takes.
	if len(out) > 1 && has(out, intentConditions) && !strings.Contains(padded, " dieu kien ") &&
		(has(out, intentPapers) || has(out, intentFee) || has(out, intentOnline) || !strings.Contains(padded, " co phai ")) {
		out = remove(out, intentConditions)
	}
	if len(out) > 1 && has(out, intentSteps) {
		out = remove(out, intentSteps)
		// "đăng ký với xã thế nào, mất mấy ngày": how, beside another
		// ask, is answered by what to bring.
		if !has(out, intentPapers) && (strings.Contains(padded, " the nao ") || strings.Contains(padded, " lam sao ") ||
			strings.Contains(padded, " ntn ") || strings.Contains(padded, " ra sao ") || strings.Contains(padded, " thu tuc sao ") ||
			strings.Contains(padded, " nhu nao ")) {
			out = append(out, intentPapers)
		}
	}
	// "đi khai tử thì trong bao nhiêu ngày", "khai báo cư trú cho cháu
	// trong thời hạn bao lâu": a length asked as "within", with nothing
	// after it that is the office's, is as often the resident's own
	// limit as the office's time; the record's limit is said beside the
	// time, and before it.
	if i := slices.Index(out, intentTime); i >= 0 && !has(out, intentDeadline) && withinAsked(padded) {
		out = slices.Insert(out, i, intentDeadline)
		if len(out) > 3 {
			out = remove(out, intentTime)
		}
	}
	if len(out) == 0 {
		return []intent{intentGeneral}
	}
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

// withinLength is a length asked "within": "trong bao lâu", "trong vòng
// mấy ngày", "trong thời hạn bao lâu".
var withinLength = regexp.MustCompile(` trong (vong |thoi han |khoang )?(bao lau|bao nhieu ngay|may ngay|bn ngay|bao nhieu lau) `)

// withinAsked reports a length asked "within" that nothing after it
// makes the office's: "trong bao lâu thì xong", "trong mấy ngày thì có
// kết quả" are the office's time only.
func withinAsked(padded string) bool {
	// "công an giải quyết khiếu nại trong bao lâu", "xử lý trong bao
	// lâu": the office acts within it.
	for _, c := range []string{" giai quyet ", " xu ly ", " tra loi ", " duyet ", " xet duyet ", " phe duyet "} {
		if strings.Contains(padded, c) {
			return false
		}
	}
	for _, m := range withinLength.FindAllStringIndex(padded, -1) {
		after := padded[m[0]:]
		if !officeLength(after) && !officeTimeCue(after) && !officeDone.MatchString(after) && !officeMust.MatchString(after) {
			return true
		}
	}
	return false
}

// officeTimeCue reports words that ask how long the office takes: "bao
// lâu thì xong", "mấy ngày có kết quả".
func officeTimeCue(padded string) bool {
	for _, c := range []string{" xong ", " ket qua ", " thoi han giai quyet ", " tra loi ", " thi co ", " moi co ", " xu ly ",
		" khi nao co ", " bao gio co ", " mat bao lau ", " mat may ngay ", " giai quyet ", " duoc cap ",
		" mat bao nhieu ngay ", " mat bn ngay ", " mat may hom ", " het bao lau ", " het may ngay ", " mat bao nhieu lau "} {
		if strings.Contains(padded, c) {
			return true
		}
	}
	// "bao lâu có sổ", but not "bao lâu, có mất lệ phí không".
	for _, c := range []string{" bao lau co ", " may ngay co "} {
		rest := padded
		for {
			i := strings.Index(rest, c)
			if i < 0 {
				break
			}
			rest = rest[i+len(c)-1:]
			if next := strings.Fields(rest); len(next) > 0 && !newClause[next[0]] {
				return true
			}
		}
	}
	return false
}

// newClause are the words after "có" that begin another question: "có
// mất phí không", "có phải", "có cần".
var newClause = map[string]bool{"mat": true, "phai": true, "can": true, "duoc": true, "khong": true, "ko": true, "thu": true, "ton": true}

// notCue are syllables, as typed with diacritics, that fold to a cue's
// word and mean something else: "tiện" (convenient) is not "tiền".
var notCue = map[string]bool{"tiện": true, "tiến": true, "tiên": true, "tiễn": true}

// intentPadded is the folded question (padded) that intents are read
// from, with the syllables of notCue kept apart when the question was
// typed with diacritics.
func intentPadded(question, padded string) string {
	padded = conditionsShort(phSpelled(padded))
	q := spellQuestion(question)
	if !q.accented {
		return padded
	}
	changed := false
	for i, w := range q.typed {
		if notCue[w] {
			q.folded[i] = "~" + q.folded[i]
			changed = true
		}
	}
	if !changed {
		return padded
	}
	return " " + strings.Join(q.folded, " ") + " "
}

// dkAsked and dkDoubled match "đk" that stands for "điều kiện" (conditions), not
// "đăng ký": "cần đk gì", "những đk nào", "đủ đk".
var (
	dkAsked   = regexp.MustCompile(` dk (gi|j|nao|ntn|the nao) `)
	dkDoubled = regexp.MustCompile(` (nhung|cac|du) dk `)
)

// conditionsShort writes out the "đk" of dkAsked and dkDoubled as "điều kiện",
// folded.
func conditionsShort(padded string) string {
	if !strings.Contains(padded, " dk ") {
		return padded
	}
	padded = dkAsked.ReplaceAllString(padded, " dieu kien $1 ")
	return dkDoubled.ReplaceAllString(padded, " $1 dieu kien ")
}

// phSpelled rewrites the short words a resident types with "f" for "ph"
// ("lệ fi", "xin fép", "fải"): Vietnamese has no "f".
func phSpelled(padded string) string {
	if !strings.Contains(padded, " f") {
		return padded
	}
	ws := strings.Fields(padded)
	for i, w := range ws {
		if strings.HasPrefix(w, "f") && len(w) <= 5 {
			ws[i] = "ph" + w[1:]
		}
	}
	return " " + strings.Join(ws, " ") + " "
}

// onlyBare reports a question whose only cue for what is asked is the
// bare cue, each time said without a word after it that asks (asks):
// "giấy tờ" is asked in "cần giấy tờ gì", not in "để tiện làm giấy tờ
// cho con".
// cued reports whether padded holds a cue of what.
func cued(padded string, what intent) bool {
	for _, ic := range intentCues {
		if ic.intent == what && slices.ContainsFunc(ic.cues, func(c string) bool { return strings.Contains(padded, " "+c+" ") }) {
			return true
		}
	}
	return false
}

// storyTime joins the lengths of time a story tells ("nằm viện một thời
// gian", "thời gian qua") into one word: they ask no time.
var storyTime = strings.NewReplacer(" mot thoi gian ", " mot_thoi_gian ", " thoi gian qua ", " thoi_gian_qua ")

// resultPaper asks which paper the office gives: "được cấp giấy gì".
var resultPaper = regexp.MustCompile(` (duoc cap|duoc cap lai|cap|cap cho|duoc|nhan|nhan duoc) giay (gi|j) `)

func onlyBare(padded string, what intent, cue string, asks func(next string) bool) bool {
	for _, ic := range intentCues {
		if ic.intent != what {
			continue
		}
		for _, c := range ic.cues {
			if c != cue && strings.Contains(padded, " "+c+" ") {
				return false
			}
		}
	}
	rest := padded
	for {
		i := strings.Index(rest, " "+cue+" ")
		if i < 0 {
			return true
		}
		rest = rest[i+len(cue)+1:]
		next := strings.Fields(rest)
		if len(next) == 0 || asks(next[0]) {
			return false
		}
	}
}

// papersAsked are the words after "giấy tờ" that ask for them.
var papersAsked = map[string]bool{"gi": true, "j": true, "nao": true, "can": true, "gom": true, "the": true, "ntn": true,
	"ra": true, "nhu": true, "nhung": true, "phai": true, "chuan": true, "mang": true, "de": true, "ca": true, "ho": true, "kem": true}

// moneyReceived drops the "tiền" of money the resident is to receive,
// or is paid in: "mấy ngày có tiền", "bao lâu thì nhận tiền", "lĩnh
// bằng tiền mặt".
var moneyReceived = strings.NewReplacer(" bang tien mat ", " bang ", " co tien ", " co ", " nhan tien ", " nhan ", " lanh tien ", " lanh ", " linh tien ", " linh ",
	" duoc tien ", " duoc ", " ve tien ", " ve ")

// paidWords begin what "tiền" the state pays a resident: "tiền thai
// sản", "tiền tuất", "tiền trợ cấp", "tiền hỗ trợ".
var paidWords = map[string]bool{"thai": true, "tuat": true, "tro": true, "ho": true, "luong": true, "mai": true, "thuong": true,
	"om": true, "that": true, "huu": true, "tu": true, "boi": true, "den": true, "chinh": true}

// deadlineCue reports a question about the resident's own time limit:
// "hạn chót", "quá hạn", or "phải" with a length of time ("phải đi đăng ký
// trong bao lâu", "trong vòng mấy ngày phải khai tử").
func deadlineCue(padded string) bool {
	if deadlineSaid(padded) {
		return true
	}
	return deadlineInferred(padded)
}

// deadlineSaid reports a deadline the question names as such: "hạn
// chót", "quá hạn", "hạn nộp … là bao lâu".
func deadlineSaid(padded string) bool {
	// "phải gia hạn trước bao nhiêu ngày": how long before a date the
	// resident must act.
	for _, c := range []string{" han chot ", " muon nhat ", " tre nhat ", " qua han ", " tre han ", " cham nhat ", " han cuoi ", " het han phai ", " khi nao phai ", " truoc bao nhieu ngay ", " truoc may ngay ", " truoc bao lau ", " bao trc ", " trc bao nhieu ", " trc bao nhiu ", " trc may ngay ", " truoc bao nhiu ",
		// "báo trước mấy giờ": by what hour a guest's stay is notified.
		" bao truoc ", " truoc may gio ", " truoc bao nhieu gio ", " han bao la ", " han thong bao la ", " han khai bao la "} {
		if strings.Contains(padded, c) {
			return true
		}
	}
	if handInBy.MatchString(padded) || goBy.MatchString(padded) || limitToAct.MatchString(padded) {
		return true
	}
	// "có phải thông báo cho thuế không, hạn mấy ngày": a bare "hạn" is
	// the resident's; "thời hạn", "gia hạn" are not.
	for _, m := range bareLimit.FindAllStringSubmatch(padded, -1) {
		if m[1] != "thoi" && m[1] != "gia" {
			return true
		}
	}
	return false
}

// deadlineInferred reports a length asked after a "phải" the resident
// must act on ("phải đăng ký lại ghe, lệ phí bao nhiêu, mấy ngày"): a
// deadline, unless what follows the length is the office's.
func deadlineInferred(padded string) bool {
	// "phải đi đăng ký … trong bao lâu", "trong bao lâu phải xóa hộ
	// khẩu", "nộp hồ sơ trong bao lâu": the resident must act; "bao lâu
	// phải xong" asks the office's time.
	acts := actWithin.MatchString(padded)
	// "thì phải đăng ký với xã không" asks whether, not by when.
	must := mustWhether.ReplaceAllString(padded, " ")
	for _, c := range []string{" phai di ", " phai dang ky ", " phai lam ", " phai khai ", " phai ke khai ", " phai bao ", " phai nop ", " phai dk ", " phai trinh bao ", " phai thong bao "} {
		acts = acts || strings.Contains(must, c)
	}
	if !acts {
		return false
	}
	// "phải đăng ký …, bao nhiêu ngày thì xong", "… mất bao lâu", "bao
	// lâu thì được tiền": the office's time. Only what follows the length
	// asked tells whose time it is ("mới được cấp sổ, phải kê khai …
	// trong bao lâu" is the resident's), and "thì có phải … không",
	// "chậm thì có bị phạt không" are a yes or no.
	padded = strings.ReplaceAll(strings.ReplaceAll(padded, " thi co phai ", " phai "), " thi co bi ", " bi ")
	// Each length asked is read up to the next: "trong bao lâu phải đi
	// đăng ký … và mấy ngày thì có giấy" asks the resident's time, then
	// the office's.
	lengths := lengthAsked.FindAllStringIndex(padded, -1)
	resident := len(lengths) == 0 && !officeLength(padded)
	for k, i := range lengths {
		end := len(padded)
		if k+1 < len(lengths) {
			end = lengths[k+1][0]
		}
		if !officeLength(padded[max(0, i[0]-len(" het")):end]) {
			resident = true
		}
	}
	if !resident {
		return false
	}
	// "bao lâu thì xã hòa giải xong": the office's time, whoever does it;
	// and "mấy ngày thì họ phải báo có nhận giải quyết không": what the
	// office must do.
	if officeDone.MatchString(padded) || officeMust.MatchString(padded) {
		return false
	}
	// "phải đi gia hạn trong khoảng thời gian nào trước khi hết hạn",
	// "phải làm lúc nào": when the resident must act.
	for _, c := range []string{" bao lau ", " bao nhieu ngay ", " may ngay ", " thoi han ", " trong vong ", " thoi gian nao ", " luc nao ", " khi nao ", " truoc khi het han "} {
		if strings.Contains(padded, c) {
			return true
		}
	}
	return false
}

// limitToAct is "thời hạn" said of what the resident does: "thời hạn
// khai thuế thu nhập cá nhân là bao nhiêu ngày", "thời hạn nộp tờ
// khai"; not the office's "thời hạn giải quyết", nor "thời hạn bao lâu".
var limitToAct = regexp.MustCompile(` thoi han (phai )?(khai|ke khai|khai bao|nop|thong bao|di khai|bao (cho|voi|cong an|ca)) `)

// bareLimit is "hạn" with a length asked, and the word before it.
var bareLimit = regexp.MustCompile(` (\S+) han (la |trong )?(may ngay|bao nhieu ngay|bn ngay|bao lau) `)

// mustWhether is a yes or no on whether the resident must act: "thì
// phải đăng ký với xã không", "có phải báo công an ko".
var mustWhether = regexp.MustCompile(` phai (di |den |ra |len )?(dang ky|dk|lam|khai|ke khai|bao|nop|trinh bao|thong bao)( [a-z0-9]+){0,4} (khong|ko|k|hok|hong|kg|khg) `)

// officeLength reports a length asked, with the words after it, that is
// the office's: "bao nhiêu ngày thì xong", "mất bao lâu", "bao lâu thì
// được tiền".
func officeLength(after string) bool {
	for _, c := range []string{" thi xong ", " la xong ", " moi xong ", " se xong ", " thi co ket qua ", " lay ket qua ", " nhan ket qua ",
		" mat bao lau ", " mat may ngay ", " mat bao nhieu ngay ", " mat bn ngay ", " het bao lau ", " het may ngay ", " thi duoc ", " moi duoc ", " thi co ", " moi co ", " thi nhan ",
		" duoc tra loi ", " co tra loi ", " duoc cap ", " co ket qua ", " duoc duyet ", " duoc xet "} {
		if strings.Contains(after, c) {
			return true
		}
	}
	return officeActs.MatchString(after)
}

// officeActs matches an office that acts after a length asked: "bao lâu
// thì xã duyệt", "mấy ngày thì ủy ban giải quyết".
var officeActs = regexp.MustCompile(` thi (xa|ben xa|ho|uy ban|ubnd|can bo|cong an|co quan|nha nuoc|tinh|huyen)( [a-z]+){0,2} (duyet|phe duyet|xet|xet duyet|giai quyet|xu ly|cap|tra|tra loi|xac nhan|ky|chi tra|lam xong) `)

// lengthAsked finds where a question asks a length of time.
var lengthAsked = regexp.MustCompile(` (bao lau|bao nhieu ngay|may ngay|bn ngay|bao nhieu lau|thoi han|trong vong) `)

// handInBy matches the time limit to hand in a file or a return: "hạn
// nộp hồ sơ là bao lâu", "hạn nộp tờ khai là khi nào", or the day of a
// month it falls on, "hạn nộp là ngày mấy", "hạn khai ngày nào", or
// asked bare, "hạn nộp mấy ngày".
var handInBy = regexp.MustCompile(` han (nop|khai|dang ky)( [a-z0-9]+){0,3} ((la |trong )?(bao lau|khi nao|bao nhieu ngay|may ngay|ngay nao|bn ngay)|(la |vao )?ngay (may|nao|bao nhieu|bn)) `)

// goBy matches the time a resident has to go and act: "thời hạn đi
// đăng ký khai tử là bao nhiêu ngày", not "thời hạn giải quyết".
var goBy = regexp.MustCompile(` thoi han (phai )?di (dang ky|dk|khai|khai bao|nop|lam|bao|trinh bao|thong bao) `)

// officeMust matches an office, or "they", that must act: "thì họ phải
// báo", "thì xã phải trả lời".
var officeMust = regexp.MustCompile(` thi (ho|xa|ben xa|uy ban|ubnd|can bo|cong an|co quan) phai `)

// officeDone matches "bao lâu thì … xong" with a few words between.
var officeDone = regexp.MustCompile(` (bao lau|may ngay|bao nhieu ngay|bn ngay) thi( [a-z0-9]+){1,4} xong `)

// soonAsked matches a folded question asking whether the paper comes at
// once: "lấy giấy liền đc ko", "có ngay không", "làm trong ngày được không".
var soonAsked = regexp.MustCompile(` (lay|nhan|co|cap|tra|lam)( giay| ket qua| so| the| ban| luon)? (lien|ngay|luon|lien luon|ngay luon|trong ngay|tai cho) (duoc|dc|khong|ko|k|hok|hong|kg)( |$)` +
	`| trong ngay (co )?(duoc|dc) (khong|ko|k|hok|hong|kg)( |$)`)

// paperAsked matches a folded question asking whether a paper must be
// brought or handed in ("có phải nộp sổ đỏ không"), not a fee or a
// time ("có phải nộp lệ phí", "phải nộp trong bao lâu").
var paperAsked = regexp.MustCompile(` (phai|can) (nop|mang|mang theo|dem|dem theo|xuat trinh|photo) (so|giay|ban|can cuoc|cccd|the|ho chieu|hop dong|anh|don|to khai|trich luc|gcn|xac nhan)( |$)` +
	// "có cần sổ đỏ không", "có bắt buộc phải có giấy chứng sinh không":
	// a paper named right after the need, with no verb.
	`| co (can|bat buoc|phai)( phai)?( co)? ` + namedPapers + `( |$)` +
	// "xây nhà … cần sổ đỏ không": the need said bare, its no after.
	`| (can|phai co|bat buoc co) ` + namedPapers + ` (khong|ko|k|hok|hong|kg|khg)( |$)` +
	// "cần chứng cứ gì": the proofs are papers (kept out of the cues,
	// whose words are no topic: "chứng cứ" names a heading of papers).
	`| (chung cu|bang chung) (gi|j|nao)( |$)` +
	// "cần khai những nội dung gì": what a declaration holds is its
	// paper ("Nội dung khai báo tạm vắng gồm: …").
	`| (khai|ghi|dien|khai bao) (nhung |cac )?(noi dung|thong tin) (gi|j|nao)( |$)`)

// namedPapers are the papers residents name in a yes or no (paperAsked).
const namedPapers = `(so do|so hong|so ho khau|giay chung|giay khai sinh|giay ket hon|giay dang ky ket hon|giay xac nhan|can cuoc|cccd|cmnd|chung minh nhan dan|ho chieu|hop dong|anh|the bhyt|the bao hiem|trich luc|ban sao|ban chinh|xac nhan|gcn|to khai|don)`

// actWithin matches a folded question asking within how long the
// resident must act: "trong bao lâu phải xóa", "nộp hồ sơ trong mấy
// ngày", but not "bao lâu phải xong" or "giải quyết trong bao lâu".
var actWithin = regexp.MustCompile(` (trong )?(bao lau|may ngay|bao nhieu ngay|bn ngay) (thi )?phai (di|lam|nop|khai|bao|dang ky|dk|xoa|gia han|trinh bao|doi|cap nhat|thong bao)( |$)| (nop|nop ho so|khai|khai bao|trinh bao|thong bao|dang ky|dk|gia han) trong (vong )?(bao lau|may ngay|bao nhieu ngay|bn ngay) `)

// topical reports whether a question has words beyond what it asks
// about: a topic of its own.
func topical(words []string) bool {
	for _, w := range words {
		if !intentWords[w] {
			return true
		}
	}
	return false
}

func has(is []intent, i intent) bool {
	for _, x := range is {
		if x == i {
			return true
		}
	}
	return false
}

func remove(is []intent, i intent) []intent {
	out := is[:0:0]
	for _, x := range is {
		if x != i {
			out = append(out, x)
		}
	}
	return out
}
