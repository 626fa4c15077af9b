package knowledge

import (
	"cmp"
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// group is one document's best passage and score in a result list.
type group struct {
	entry   *docEntry
	best    Passage
	score   float64
	matches int
	named   int // words of the longest residents' name the question says
}

// rerank weighs each document's score by how much of its title the query
// explains: bleve rewards a long title for every query word it contains,
// while a resident asking "đăng ký HKD lần đầu" wants "Đăng ký thành lập
// hộ kinh doanh", not "Đăng ký thuế lần đầu đối với người nộp thuế là tổ
// chức (…)".
func (ix *Index) rerank(p plan, groups []*group) {
	if len(groups) == 0 {
		return
	}
	asked := make(map[string]bool)
	for _, w := range p.topic {
		if p.who[w] {
			continue
		}
		asked[w] = true
		if c, ok := p.corrections[w]; ok {
			asked[c] = true
		}
	}
	// The age bounds that fit the age asked about only tell apart titles
	// found for the rest of the question.
	for _, list := range [][]string{p.expansions, p.ages} {
		for _, e := range list {
			for _, w := range strings.Fields(e) {
				asked[w] = true
			}
		}
	}
	if !p.purpose.empty() && !ix.namesProcedure(p, groups) {
		if p.now > 0 {
			// After a story, an ask that names nothing beside its purpose
			// asks about the story's procedure: "giấy xác nhận tình trạng
			// hôn nhân cũ đã hết hạn, giờ xin cấp lại để đăng ký kết hôn".
			p.now = 0
			p.setAsk(ix)
		}
		if !ix.namesProcedure(p, groups) {
			// What comes before "để" names no procedure ("cần làm gì để
			// được hưởng trợ cấp"): the purpose is what is asked.
			p.purpose = noSpan(len(p.said))
			p.setAsk(ix)
		}
	}
	if p.now > 0 && reissueOfStory.MatchString(" "+strings.Join(p.ask, " ")+" ") {
		// "Năm ngoái đã xin giấy xác nhận tình trạng hôn nhân …, giờ sắp
		// cưới vợ thì xin lại giấy khác được không": the paper asked for
		// again is the story's.
		p.now = 0
		p.setAsk(ix)
	}
	if p.past != nil && !ix.asksOwnTopic(p, asked, groups) {
		// What is asked after the story names no procedure of its own
		// ("… tổ hòa giải thôn không xong, giờ muốn gửi đơn lên xã giải
		// quyết"): the story says what it is about.
		p.now, p.purpose = 0, noSpan(len(p.said))
		p.setAsk(ix)
	}
	top := groups[0].score
	longestName := 0 // words of the longest name the question says word for word
	nowText := newSaidText(p.ask)
	// The residents' name of a procedure done on any paper, read by the
	// dictionary in a question with no story ("công chứng mấy bản photo
	// sổ đỏ" => "chứng thực bản sao"), is said too: the paper named is its
	// object, not a procedure of its own.
	var readText saidText
	if p.past == nil && len(p.expansions) > 0 {
		readText = newSaidText([]string{strings.Join(p.expansions, " , ")})
	}
	own := make([]bool, len(groups)) // named in the question's own words, not the dictionary's
	for i, g := range groups {
		if g.score > top {
			top = g.score
		}
		g.named = saidName(nowText, g.entry.names)
		own[i] = g.named > 0
		if g.named == 0 && g.entry.onAnyPaper && readText.text != "" {
			g.named = saidName(readText, g.entry.names)
		}
		longestName = max(longestName, g.named)
	}
	// Unless the dictionary also reads what is done after it to the
	// paper it was done on ("hợp đồng … chứng thực ở xã bị ghi nhầm" =>
	// "sửa sai sót trong giao dịch"): that is asked, and the
	// certification is the paper's story.
	if readText.text != "" && slices.ContainsFunc(groups, func(g *group) bool { return g.entry.onAnyPaper && g.named > 0 }) {
		later := 0
		for i, g := range groups {
			if !own[i] && !g.entry.onAnyPaper {
				later = max(later, saidName(readText, g.entry.names))
			}
		}
		if later > 0 {
			longestName = 0
			for i, g := range groups {
				switch {
				case own[i]:
				case g.entry.onAnyPaper:
					g.named = 0
				default:
					g.named = saidName(readText, g.entry.names)
				}
				longestName = max(longestName, g.named)
			}
		}
	}
	longestName = max(longestName, namedTogether(groups))
	askedNowText := nowText.text
	// Who a person is stays so after the story: "con tôi có bố là người
	// nước ngoài, trước đã đăng ký khai sinh …, giờ muốn đăng ký lại".
	foreign := foreignAsked(askedNowText, p.expansions) || p.now > 0 && foreignAsked(" "+strings.Join(p.said[:p.now], " ")+" ", nil)
	// A birth or death abroad ("bé sinh bên Hàn Quốc, chưa đăng ký ở
	// Hàn") makes the procedure named its variant "có yếu tố nước
	// ngoài": "làm giấy khai sinh" names "đăng ký khai sinh có yếu tố
	// nước ngoài", and the common one does not apply. (A marriage is
	// foreign by who marries, not where: Luật Hộ tịch, Điều 37.)
	// So does a foreign person's ("bố dượng tôi là người Đài Loan … đăng
	// ký lại khai tử"): the name said is the foreign variant's too.
	var abroadOf map[*group]bool // the common procedures a foreign one stands in for
	// The common procedure each foreign one stands in for when a foreign
	// person or a birth or death abroad is asked about: the story the
	// common one's guide holds ("bé mới sinh ở bệnh viện", "bé nhà mình
	// … đi làm khai sinh ở phường") covers the variant's question as
	// well.
	var standsFor map[*group]*group
	if foreign || slices.Contains(p.expansions, "nuoc ngoai") {
		for _, f := range groups {
			if !foreignTitle(f.entry.foldTitle) {
				continue
			}
			for _, d := range groups {
				// The common procedure is named by its residents' name, by
				// its title said whole ("vợ là người Việt, chồng là người
				// Hàn …, đăng ký khai sinh cho con") or as the dictionary
				// reads the question ("làm khai sinh").
				key := titleKey(d.entry.foldTitle)
				named := d.named > 0 || strings.Contains(askedNowText, " "+key+" ") || slices.Contains(p.expansions, key)
				if named && (foreign || placeEvent(d.entry.foldTitle)) && titleKey(f.entry.foldTitle) == key+" co yeu to nuoc ngoai" {
					f.named = max(f.named, d.named)
					if standsFor == nil {
						standsFor = make(map[*group]*group)
					}
					standsFor[f] = d
					if foreign {
						continue // the common one is weighed down as not foreign below
					}
					if abroadOf == nil {
						abroadOf = make(map[*group]bool)
					}
					abroadOf[d] = true
				}
			}
		}
	}
	abroad := slices.Contains(p.expansions, "nuoc ngoai")
	// Mobile registration asked outright, or in the dictionary's reading
	// of an officer coming to the home ("cán bộ xuống tận nhà làm khai
	// tử").
	mobile := strings.Contains(askedNowText, " luu dong ") ||
		slices.ContainsFunc(p.expansions, func(x string) bool { return strings.HasSuffix(x, " luu dong") })
	// The dictionary's reading of a linked procedure ("khai sinh + ghi
	// tên bố" => "khai sinh kết hợp"): the common procedure whose name is
	// said inside it must not outweigh the linked one.
	var linked []string
	for _, x := range p.expansions {
		if first, ok := strings.CutSuffix(x, " ket hop"); ok {
			linked = append(linked, " "+first+" ")
		}
	}
	whole := " " + strings.Join(p.said, " ") + " "
	// A child whose birth is registered ("con đã có giấy khai sinh nhưng
	// bỏ trống tên bố") is not registered again, alone or together with
	// the father.
	born := containsAny(whole, birthDone...) || fatherLeftOut.MatchString(whole)
	// A record for the members of the police or the army (the health
	// insurance card re-issued through their unit) is not what a
	// resident who does not say so asks about.
	members := containsAny(whole, memberWords...)
	membersOffered := members && slices.ContainsFunc(groups, func(g *group) bool { return g.entry.forMembers })
	officials := containsAny(whole, " can bo ", " cong chuc ", " vien chuc ", " chu tich ", " pho chu tich ")
	// A record for organisations only (the first land certificate of an
	// organisation using land) is not what a resident asks about unless
	// the question speaks for one.
	bodies := containsAny(whole, bodyWords...)
	kind := businessKind(whole)
	businessName := (kind >= 0 || containsAny(whole, " cua hang ", " ten quan ")) && containsAny(whole, " doi ten ", " thay doi ten ", " sua ten ") &&
		!containsAny(whole, " khai sinh ", " ho ten ", " ten con ", " ten chau ", " ten toi ", " ten em ", " ten minh ", " ho tich ", " chu dem ")
	// "có mất phí không", "mất bao lâu" spend money or time; nobody
	// died of them.
	death := containsAny(costOrTime.ReplaceAllString(whole, " "), deathSaid...)
	inCountry := containsAny(whole, " tai viet nam ", " o viet nam ", " trong nuoc ", " o vn ", " tai vn ") &&
		!containsAny(whole, " o nuoc ngoai ", " tai nuoc ngoai ", " ben nuoc ngoai ", " dang o nuoc ngoai ")
	deadOffered := slices.ContainsFunc(groups, func(g *group) bool { return containsAny(g.entry.foldTitle, deadWords...) })
	vehicle := vehiclesNamed(whole)
	said := p.words // the words variant markers are looked for in
	if foreign || slices.Contains(p.expansions, "nuoc ngoai") {
		// A foreign person, or a step done abroad ("kết hôn bên Hàn
		// Quốc"), says the variant "nước ngoài".
		said = append(slices.Clip(said), "nuoc", "ngoai")
	}
	objects := namedObjects(p, groups)
	longestRun := 0 // words of the longest run of a title the question says word for word
	runs := make([]int, len(groups))
	for i, g := range groups {
		// A residents' name said word for word is a run of the title it
		// names: "xác nhận đã hoàn thành nghĩa vụ thuế" (the tax office's
		// confirmation) outruns the customs' title "xác nhận hoàn thành
		// nghĩa vụ nộp thuế", of which it says four words in a row.
		runs[i] = max(titleRun(p.ask, g.entry.titleSeq), g.named)
		longestRun = max(longestRun, runs[i])
	}
	// The stage is said in the question's words or the dictionary's:
	// "nộp lại cà vẹt" => "thu hồi chứng nhận đăng ký xe", "quán đóng cửa
	// hẳn rồi, muốn xóa …" => "chấm dứt hoạt động". A first issue the
	// dictionary reads in a story only is the state before what is
	// asked: "… đất chưa có sổ đỏ (lần đầu), tôi muốn đề nghị chủ tịch
	// xã giải quyết" asks no first certificate.
	stages := stagesSaid(slices.Concat(p.ask, p.expansions))
	// The dictionary's reading of what is asked now, read once and only
	// when it is needed: a second reading of the question is no cost
	// every search should pay.
	var nowExpansions []string
	nowRead := false
	readNow := func() []string {
		if !nowRead {
			nowExpansions, nowRead = ix.askExpansions(p), true
		}
		return nowExpansions
	}
	// A move has two offices: the question that says where it goes now
	// ("ở thuế nơi chuyển đến", "bên thuế nơi mới" in the dictionary's
	// words) asks the record of the office arrived at, not its twin at
	// the office left; and the other way round. A question whose words
	// and reading name no end of a move has none now either.
	move := ""
	if containsAny(askedNowText+" "+strings.Join(p.expansions, " , ")+" ", " chuyen den ", " chuyen di ") {
		move = moveSaid(askedNowText + " " + strings.Join(readNow(), " , ") + " ")
	}
	// The way said to hand the file in, which the plan took out of what
	// is said ("Làm trực tiếp ở công an thì mấy ngày").
	way := whole + p.way + " "
	wholeOnline := strings.Contains(askedNowText, " toan trinh ") // done wholly online
	// Online said ("đăng ký xe lần đầu online") when the records offer a
	// wholly online twin: the twin done "một phần hoặc trực tiếp" is
	// the office's way.
	online := !wholeOnline && containsAny(way, " online ", " onl ", " truc tuyen ", " tren mang ", " qua mang ") &&
		slices.ContainsFunc(groups, func(g *group) bool { return strings.Contains(g.entry.foldTitle, " toan trinh ") })
	// And in person said ("ra công an xã đăng ký … trực tiếp") is the
	// twin done "một phần hoặc trực tiếp", not the wholly online one.
	inPerson := !online && strings.Contains(way, " truc tiep ") &&
		slices.ContainsFunc(groups, func(g *group) bool { return strings.Contains(g.entry.foldTitle, " mot phan hoac truc tiep ") })
	if p.now > 0 && !strings.Contains(stagesSaid(slices.Concat(p.ask, readNow())), firstTime) {
		stages = strings.ReplaceAll(stages, firstTime, " ")
	}
	if pendingStop.MatchString(whole) {
		stages = " dung thuc hien" + stages
	}
	var askedNow, saidNow map[string]bool // asked, without the story of steps already done; and of it, what is said
	if p.past != nil {
		askedNow = without(asked, p.past)
		saidNow = make(map[string]bool)
		for _, w := range p.ask {
			if askedNow[w] {
				saidNow[w] = true
			}
		}
	}
	// The steps the story tells done: "đã đăng ký kết hôn bên Hàn rồi,
	// giờ muốn ghi vào sổ hộ tịch".
	toldDone := ""
	if p.now > 0 {
		toldDone = " " + strings.Join(p.said[:p.now], " ") + " "
	}
	var purpose map[string]bool // the words said only in the purpose
	if !p.purpose.empty() {
		purpose = ix.pastOnly(p.typed, p.said, 0, p.purpose)
	}
	for i, g := range groups {
		// A title of another stage than the one the question names gets
		// nothing from the residents' name the question says: "có đăng ký
		// hộ kinh doanh, muốn tạm ngừng" names the registration only to
		// say what is paused.
		act := actionFit(stages, g.entry.foldTitle)
		precision, named := ix.titleFit(asked, g.entry, act)
		share := g.score / top
		// A commune's own document whose title the question names by a
		// pair of words few titles hold ("thôn Phú Túc") is what the
		// resident asks about, before a national procedure that shares
		// the common words.
		if g.entry.Commune != "" && ix.namesRare(p, g.entry) {
			share, precision = nameBonus, 1 // as strong as the best match, and named
		}
		if g.named > 0 && g.named == longestName && act >= 1 {
			// A name said word for word that explains what the question
			// is about weighs at least namedShare of the best match of
			// the words, however long the record's names field.
			// The paper named after the name of a procedure done on any
			// paper is its object: "chứng thực bản sao CCCD". So is the
			// paper said after a name in the question's own words, "on"
			// it, that no title outruns: "chứng thực chữ ký trên giấy ủy
			// quyền" (not "chứng thực chữ ký người dịch").
			if g.entry.onAnyPaper || ix.namesExplain(p, g.entry) >= minNamedExplain ||
				own[i] && runs[i] == longestRun && namedOnPaper(nowText.text, g.entry.names) {
				share = max(share, namedShare)
			}
			share *= nameBonus
		}
		g.score = share * (titleFloor + (1-titleFloor)*precision)
		if named < 1 {
			g.score *= variantFit(said, g.entry.foldTitle)
		}
		g.score *= act * negatedFit(whole, g.entry.foldTitle)
		if longestName > 0 && g.entry.Kind == KindArticle && g.entry.Commune == "" {
			// A province-wide explanation ("Nộp hồ sơ trực tuyến …")
			// is not the answer to a question naming a procedure
			// ("làm hộ chiếu nộp online mấy ngày"): the record says
			// whether it is done online, and in how long.
			g.score *= explainWeight
		}
		if foreign && !foreignTitle(g.entry.foldTitle) || abroadOf[g] {
			g.score *= foreignWeight
		}
		// Nor is a procedure with a foreign element what a question
		// without one asks, whatever of its title it says ("bác ruột
		// nhận cháu làm con nuôi" is in the foreign adoption's title).
		// A title for citizens and foreigners alike ("Cấp Phiếu Lý lịch
		// tư pháp cho công dân Việt Nam, người nước ngoài …") is not one.
		if !foreign && !abroad && strings.Contains(g.entry.foldTitle, " yeu to nuoc ngoai ") {
			g.score *= foreignWeight
		}
		if longestRun >= minRun && runs[i] == longestRun {
			g.score *= runBonus
		}
		for _, o := range objects {
			if !o.heldBy(g.entry) {
				g.score *= objectWeight
			}
		}
		if g.entry.forMembers && !members {
			g.score *= foreignWeight
		}
		// And one who says they serve ("con tôi là chiến sĩ công an, mất
		// thẻ BHYT") is served through their unit, by the record for
		// members when one is offered, not the one for everyone whose
		// text speaks of officers in passing.
		if members && membersOffered && !g.entry.forMembers {
			g.score *= variantWeight
		}
		if move != "" && strings.Contains(g.entry.foldTitle, moveOther[move]) && !strings.Contains(g.entry.foldTitle, move) {
			g.score *= variantWeight
		}
		// Done wholly online ("làm lại online toàn trình") is the record
		// of the whole online service, not its twin done partly online or
		// at the office, whichever the residents' name names.
		if wholeOnline && containsAny(g.entry.foldTitle, " tuyen mot phan ", " cong mot phan ") && !strings.Contains(g.entry.foldTitle, " toan trinh ") {
			g.score *= foreignWeight * foreignWeight
		}
		if online && strings.Contains(g.entry.foldTitle, " mot phan hoac truc tiep ") && !strings.Contains(g.entry.foldTitle, " toan trinh ") {
			g.score *= foreignWeight
		}
		if inPerson && strings.Contains(g.entry.foldTitle, " toan trinh ") {
			g.score *= foreignWeight
		}
		// Nor is the procedure the story says was done ("đã đăng ký kết
		// hôn … rồi, giờ …") what is asked now, unless asked again.
		if toldDone != "" && doneBefore(toldDone, askedNowText, g.entry.foldTitle) {
			g.score *= foreignWeight
		}
		// Nor is one for officials ("lương hưu … đối với cán bộ xã")
		// what a resident who does not say they serve asks about.
		if !officials && containsAny(" "+g.entry.foldTitle+" ", " doi voi can bo ", " cho can bo ") {
			g.score *= foreignWeight
		}
		if g.entry.forBodies && !bodies {
			g.score *= bodiesWeight
		}
		// A cooperative's change is not a company's, nor a household
		// business's: a title that names only kinds of business other
		// than the one the question names.
		if k := titleKinds(g.entry.foldTitle); kind >= 0 && k != 0 && k&(1<<kind) == 0 {
			g.score *= kindWeight
		}
		// Nor is the version of a procedure that its title keeps for
		// organisations ("… của chủ rừng là tổ chức", "đăng ký thuế lần
		// đầu đối với người nộp thuế là tổ chức") what a household asks.
		if !bodies && g.entry.forOrganisations {
			g.score *= foreignWeight
		}
		// Nor is a ship's or an aircraft's procedure what a question
		// about a car asks ("đăng ký xe tạm thời", not "tàu biển").
		if t := g.entry.vehicles; vehicle != 0 && t != 0 && vehicle&t == 0 {
			g.score *= foreignWeight
		}
		// Nor is a house's and land's ("Khai lệ phí trước bạ nhà, đất")
		// what a question about a vehicle and no land asks.
		if vehicle != 0 && strings.Contains(g.entry.foldTitle, " nha dat ") && !containsAny(whole, " dat ", " nha dat ") {
			g.score *= foreignWeight
		}
		// Nor is what is left by the dead ("Truy lĩnh lương hưu … của
		// người hưởng đã chết") what a question that tells no death asks.
		if !death && containsAny(g.entry.foldTitle, deadWords...) {
			g.score *= foreignWeight
		}
		// A question that places its people in Việt Nam ("chồng tôi là
		// người nước ngoài, ở lâu năm tại Việt Nam") asks no procedure
		// done abroad ("Nhập quốc tịch Việt Nam ở nước ngoài"): its
		// "nước ngoài" is who, not where.
		if inCountry && strings.Contains(g.entry.foldTitle, " o nuoc ngoai ") {
			g.score *= variantWeight
		}
		// And the dead authorise no one: "ông nhà tôi hưởng lương hưu,
		// mất tháng trước …, tôi lãnh thay được không" asks what is left
		// by the dead, not "Ủy quyền lĩnh thay", when the records hold it.
		if death && deadOffered && strings.Contains(g.entry.foldTitle, " uy quyen ") {
			g.score *= foreignWeight
		}
		// A business's name changed ("HTX của tôi muốn đổi tên", "hộ
		// kinh doanh đổi tên cửa hàng") is no person's civil status,
		// whatever the residents' name "đổi tên" names.
		if businessName && strings.Contains(g.entry.foldTitle, " ho tich ") {
			g.score *= foreignWeight * foreignWeight * foreignWeight
		}
		if born && strings.Contains(" "+g.entry.foldTitle+" ", " dang ky khai sinh ") {
			g.score *= foreignWeight
		}
		if uninsuredOf(whole, g.entry.foldTitle) {
			// "bác chưa có BHYT, xin hỗ trợ tiền viện phí": the
			// insurance's payments are not for one it does not cover.
			g.score *= foreignWeight
		}
		if mobile && !strings.Contains(g.entry.foldTitle, " luu dong ") {
			// "đăng ký kết hôn lưu động" asks the office to come to the
			// home: the common procedure's name said inside it, nor a
			// death told at home ("mất ở nhà"), must outweigh the mobile
			// one.
			g.score *= foreignWeight * foreignWeight
		}
		for _, first := range linked {
			if strings.Contains(g.entry.foldTitle, first) && !strings.Contains(g.entry.foldTitle, first+"ket hop ") {
				g.score *= foreignWeight * foreignWeight
			}
		}
		// A title explained by the story of a step already done, and much
		// less by what is asked now, is that step's procedure; not one
		// whose residents' name is said after the story ("đã công chứng
		// hợp đồng rồi, giờ sang tên sổ đỏ"), nor one that holds what is
		// asked now word for word ("đã chấp hành xong án …, muốn được
		// hưởng tiếp lương hưu": the pension resumed after a prison term).
		if p.past != nil && g.named == 0 && runs[i] < minRun {
			if now := ix.nowFit(askedNow, saidNow, g.entry, act); now < pastShare*precision {
				g.score *= pastWeight
			}
		}
		// Nor is one the purpose explains what is asked: "cấp đổi sổ đỏ
		// để thế chấp vay vốn" asks for the exchange, not the mortgage.
		if purpose != nil && g.named == 0 && runs[i] < minRun && ix.explained(purpose, g.entry.titleWeights) >= purposeShare {
			g.score *= pastWeight
		}
		if p.age > 0 {
			g.score *= ageFit(p.age, g.entry.ages)
		}
		c := ix.wordCoverage(p, g.entry)
		if d := standsFor[g]; d != nil {
			c = max(c, ix.wordCoverage(p, d.entry))
		}
		g.score *= coverFloor + (1-coverFloor)*c*c*c
	}
	saidVariants(groups, whole)
}

// uninsured matches a question about one an insurance does not cover:
// "chưa có BHYT", "chưa từng đóng bảo hiểm y tế", "không có thẻ BHYT".
var uninsured = regexp.MustCompile(` (chua|khong|ko|k) (tung |he |duoc )?(co|dong|tham gia|mua|cap) (the |so )?(bhyt|bao hiem y te) `)

// insurancePays are the title words of the health insurance's payments,
// as opposed to joining it or issuing its card.
var insurancePays = []string{" thanh toan ", " chi tra ", " huong ", " che do ", " tro cap "}

// uninsuredOf reports a title of the health insurance's payments
// (" "-padded, folded) for a question (whole) about one it does not
// cover; not one for those who have not joined ("… chưa tham gia bảo
// hiểm y tế").
func uninsuredOf(whole, foldTitle string) bool {
	if !uninsured.MatchString(whole) || strings.Contains(foldTitle, " chua tham gia ") {
		return false
	}
	return containsAny(foldTitle, " bhyt ", " bao hiem y te ") && containsAny(foldTitle, insurancePays...)
}

// kindFirst puts a title that names a kind of business the question
// names (asked: one bit each, as titleKinds), its level weighed in,
// before every title that names only kinds it does not, however many of
// the question's other words the latter holds: a cooperative that pauses its business ("HTX …
// tạm ngừng kinh doanh, phải báo trước bao nhiêu ngày") sends the
// cooperative's notice, not the household business's that shares the
// words "trước" and "thông báo"; a cooperative that founded a company
// notifies that, it founds no household business. It reports whether it
// lowered any.
func kindFirst(groups []*group, asked int) bool {
	if asked == 0 {
		return false
	}
	best := 0.0
	for _, g := range groups {
		if titleKinds(g.entry.foldTitle)&asked != 0 {
			best = max(best, g.score)
		}
	}
	lowered := false
	for _, g := range groups {
		if k := titleKinds(g.entry.foldTitle); k != 0 && k&asked == 0 && g.score >= best && best > 0 {
			g.score = best * kindBelow
			lowered = true
		}
	}
	return lowered
}

// kindBelow is the share of the best score of the asked kind of business
// that a title naming only other kinds keeps when kindFirst lowers it.
const kindBelow = 0.95

// saidVariants weighs down a title whose sibling is the same title with
// a few more words that the question says: "sổ đỏ cấp lần đầu … cấp
// không đúng quy định" is "Thu hồi Giấy chứng nhận đã cấp lần đầu không
// đúng quy định …", not the same title without "lần đầu", though that
// one holds a longer run of the question's words.
func saidVariants(groups []*group, whole string) {
	// Only the best results can be put before one another.
	top := slices.Clone(groups)
	slices.SortFunc(top, func(a, b *group) int { return cmp.Compare(b.score, a.score) })
	top = top[:min(len(top), maxVariantResults)]
	keys := make([][]string, len(top))
	for i, g := range top {
		keys[i] = strings.Fields(titleKey(g.entry.foldTitle))
	}
	for i, a := range keys {
		for j, b := range keys {
			if i == j || len(a) <= len(b) || len(a)-len(b) > maxVariantWords {
				continue
			}
			// a is b with a run of words put in: the same start and end.
			k := 0
			for k < len(b) && a[k] == b[k] {
				k++
			}
			extra := len(a) - len(b)
			if !slices.Equal(a[k+extra:], b[k:]) {
				continue
			}
			run := a[k : k+extra]
			// Two words or more ("lần đầu", "lưu động"): a lone "của"
			// tells no variant.
			if len(run) >= 2 && slices.ContainsFunc(run, func(w string) bool { return len(w) > 1 && !vietnamese.IsStopword(w) }) &&
				strings.Contains(whole, " "+strings.Join(run, " ")+" ") {
				top[j].score *= saidVariantWeight
			}
		}
	}
}

// maxVariantResults is how many of the best results saidVariants
// compares with one another.
const maxVariantResults = 20

// maxVariantWords is the most words a sibling title puts in.
const maxVariantWords = 4

// saidVariantWeight is the weight of a title whose sibling holds the
// words the question says that it lacks.
const saidVariantWeight = 0.7

// titleFit returns how much of a procedure's title the asked words
// explain, the best of its residents' names counted as its title, and
// how much of the best name alone; names count only for a title of the
// stage asked about (act ≥ 1).
func (ix *Index) titleFit(asked map[string]bool, e *docEntry, act float64) (precision, named float64) {
	if act >= 1 {
		for _, nw := range e.nameWeights {
			named = max(named, ix.explained(asked, nw))
		}
	}
	return max(ix.explained(asked, e.titleWeights), named), named
}

// nowFit is titleFit for what is asked after a story: the title by the
// words asked now, a residents' name only by the words said now. The
// dictionary's words for "sang tên" ("tặng cho") do not make "chứng
// thực hợp đồng tặng cho", the contract the story certified, what is
// asked.
func (ix *Index) nowFit(askedNow, saidNow map[string]bool, e *docEntry, act float64) float64 {
	fit := ix.explained(askedNow, e.titleWeights)
	if act >= 1 {
		for _, nw := range e.nameWeights {
			fit = max(fit, ix.explained(saidNow, nw))
		}
	}
	return fit
}

// minOwnTopic is the least share of some result's title that what a
// question asks after its story must explain for the story to be only
// a step done before it.
const minOwnTopic = 0.3

// asksOwnTopic reports whether the words a question says after its
// story, beyond what it asks of a procedure ("làm thế nào", "bao lâu"),
// explain at least minOwnTopic of some result's title or names.
func (ix *Index) asksOwnTopic(p plan, asked map[string]bool, groups []*group) bool {
	askedNow := make(map[string]bool)
	for _, w := range p.ask {
		if asked[w] && !askWords[w] {
			askedNow[w] = true
		}
	}
	for _, g := range groups {
		if titleRun(p.ask, g.entry.titleSeq) >= minRun {
			return true // "giờ muốn ghi vào sổ hộ tịch"
		}
		if fit, _ := ix.titleFit(askedNow, g.entry, 1); fit >= minOwnTopic {
			return true
		}
	}
	return false
}

// reissueOfStory matches an ask (folded, padded) for a paper again that
// names none: "xin lại giấy khác", "cấp lại được không".
var reissueOfStory = regexp.MustCompile(` (xin|cap|lam) lai (giay |ban |cai )?(khac|moi|nua|duoc|khong|ko|k|thi|o dau|can gi) `)

// kinWords are the folded words of family ties a question names its
// people by; pronouns, the words after them that make them someone's
// ("mẹ tôi", "con mình", "vợ của em").
var (
	kinWords = map[string]bool{"cha": true, "me": true, "bo": true, "ba": true, "ma": true, "con": true, "vo": true, "chong": true,
		"ong": true, "anh": true, "chi": true, "em": true, "chau": true, "chu": true, "bac": true}
	pronouns = map[string]bool{"toi": true, "minh": true, "em": true, "tui": true, "tao": true, "t": true, "chau": true}
)

// kinSaid returns the family ties (kinWords) a question says as whose
// someone is, and then names that person by: "mẹ tôi 80 tuổi … đón mẹ
// lên ở cùng, muốn nhập hộ khẩu mẹ vào nhà tôi" asks about the
// residence, not the recognition of a mother ("Đăng ký nhận cha, mẹ,
// con"). A tie said after "nhận" ("con tôi …, bố cháu muốn nhận con")
// is asked. So is where the asker works ("làm cty") said: who asks, not
// what.
func kinSaid(said []string) map[string]bool {
	var out map[string]bool
	asked := make(map[string]bool)
	for i, w := range said {
		if !kinWords[w] {
			continue
		}
		if i > 0 && said[i-1] == "nhan" {
			asked[w] = true
			continue
		}
		j := i + 1
		if j < len(said) && kinWords[said[j]] && !pronouns[said[j]] { // "ông bà tôi"
			j++
		}
		if j < len(said) && said[j] == "cua" {
			j++
		}
		if j < len(said) && pronouns[said[j]] {
			if out == nil {
				out = make(map[string]bool)
			}
			out[w] = true
		}
	}
	for w := range asked {
		delete(out, w)
	}
	// Where the asker works ("hai đứa em cùng làm cty", "làm ở công ty")
	// says who asks, not what: a marriage asked by two factory workers is
	// no company's registration.
	for i, w := range said {
		// "muốn làm công ty riêng" sets one up.
		if w != "lam" || i > 0 && (said[i-1] == "muon" || said[i-1] == "dinh") {
			continue
		}
		j := i + 1
		for j < len(said) && j <= i+2 && workAt[said[j]] {
			j++
		}
		for _, place := range workplaces {
			if j+len(place) <= len(said) && slices.Equal(said[j:j+len(place)], place) {
				if out == nil {
					out = make(map[string]bool)
				}
				for _, pw := range place {
					out[pw] = true
				}
			}
		}
	}
	return out
}

// workAt are the words between "làm" and where one works: "làm ở", "làm
// cho", "làm việc tại".
var workAt = map[string]bool{"o": true, "cho": true, "tai": true, "viec": true, "trong": true}

// workplaces are the places a resident works at, folded words.
var workplaces = [][]string{{"cty"}, {"cong", "ty"}, {"nha", "may"}, {"xi", "nghiep"}, {"xuong"}}

// namesProcedure reports whether what is asked names some result's
// procedure: by a residents' name, or by minRun words of its title in a
// row, said or in the dictionary's reading ("cấp đổi sổ đỏ" → "cấp đổi
// giấy chứng nhận quyền sử dụng đất").
func (ix *Index) namesProcedure(p plan, groups []*group) bool {
	said := p.ask
	q := newSaidText(said)
	var read []string
	for _, x := range ix.askExpansions(p) {
		read = append(read, strings.Fields(x)...)
	}
	for _, g := range groups {
		if saidName(q, g.entry.names) > 0 || titleRun(said, g.entry.titleSeq) >= minRun || titleRun(read, g.entry.titleSeq) >= minRun {
			return true
		}
	}
	return false
}

// pastShare is the share of a title's fit that must remain without the
// words said only in the story of a step already done for the title to
// be what is asked.
const pastShare = 0.5

// purposeShare is the share of a title that the words said only in the
// purpose the question gives (purposeAt) may explain before the title is
// taken for the purpose's procedure rather than the one asked.
const purposeShare = 0.25

// pastWeight is the weight of a title that what the question asks now,
// without the story of a step already done, explains less than pastShare
// of.
const pastWeight = 0.5

// without returns the words of asked that are not in drop.
func without(asked, drop map[string]bool) map[string]bool {
	out := make(map[string]bool, len(asked))
	for w := range asked {
		if !drop[w] {
			out[w] = true
		}
	}
	return out
}

// rareTitles is how many titles at most may hold a pair of words for
// namesRare to take it as naming one document.
const rareTitles = 2

// namesRare reports a question that says, word for word, a pair of
// adjacent words of e's title that at most rareTitles titles hold.
func (ix *Index) namesRare(p plan, e *docEntry) bool {
	for i := 0; i+1 < len(p.said); i++ {
		if p.filler[i] || p.filler[i+1] || askWords[p.said[i]] || askWords[p.said[i+1]] {
			continue
		}
		pair := p.said[i] + " " + p.said[i+1]
		if slices.Contains(e.titlePairs, pair) && ix.stats.pairs[pair] <= rareTitles {
			return true
		}
	}
	return false
}

// nameBonus weighs a procedure one of whose residents' names the
// question says word for word ("đổi chủ hộ").
const nameBonus = 1.6

// minNamedExplain is how much of what a question is about
// (namesExplain) a procedure's title and names must hold for the name
// the question says to lift it (namedShare): "đăng ký kết hôn với người
// Hàn Quốc" says the name of the common procedure and more.
const minNamedExplain = 0.75

// namesExplain is the share, weighted by rarity, of the question's topic
// words that a procedure's title and residents' names hold.
func (ix *Index) namesExplain(p plan, e *docEntry) float64 {
	// How often or how ("lĩnh thay lương hưu cho bố hằng tháng") says
	// nothing of which procedure.
	how := make(map[string]bool)
	for i := 0; i+1 < len(p.said); i++ {
		if modifierPairs[p.said[i]+" "+p.said[i+1]] {
			how[p.said[i]], how[p.said[i+1]] = true, true
		}
	}
	var have, want float64
	for _, w := range p.topic {
		if askWords[w] || p.past[w] || p.who[w] || how[w] {
			continue // what is asked, said only in the story, whose, or how
		}
		idf := ix.stats.idf(w)
		want += idf
		if slices.Contains(e.titleWords, w) {
			have += idf
		}
	}
	if want == 0 {
		return 0
	}
	return have / want
}

// namedShare is the least share of the best bleve score a procedure gets
// when the question says one of its residents' names (nameBonus).
const namedShare = 0.6

// onPaper is a paper said right after a procedure's name as what it is
// done on: "… trên giấy ủy quyền", "… vào văn bản".
var onPaper = regexp.MustCompile(`^ (tren|vao|trong) (to |ban |cai )?(giay|van ban|hop dong|don|to khai|ban) `)

// paperWritten is a paper the resident wrote, said before a procedure's
// name as what it is done on: "tôi viết giấy ủy quyền cho ông bà …, ra
// xã chứng thực chữ ký".
var paperWritten = regexp.MustCompile(` (giay uy quyen|van ban uy quyen|giay cam ket|ban cam ket|(viet|lam|soan) (giay|don|van ban|ban|to)) `)

// namedOnPaper reports one of names (each " "-padded) said in text
// (folded, padded) with a paper it is done on after it, or one written
// before it.
func namedOnPaper(text string, names []string) bool {
	for _, n := range names {
		if strings.Count(n, " ") < 3 {
			continue
		}
		if i := strings.Index(text, n); i >= 0 && (onPaper.MatchString(text[i+len(n)-1:]) || paperWritten.MatchString(text[:i+1])) {
			return true
		}
	}
	return false
}

// saidName returns the words of the longest of names (each " "-padded)
// that the question says word for word, 0 for none; names of one word are
// left to the title. Only the procedures with the longest such name get
// nameBonus: "làm giấy khai sinh" inside "chưa từng được làm giấy khai
// sinh" must not outweigh the procedure for those never registered.
//
// A name said as "thủ tục …" counts one word more: "muốn đăng ký kết hôn
// với người khác, vậy phải làm thủ tục ghi chú ly hôn ở đâu" asks for the
// record of the divorce, the marriage is why.
func saidName(q saidText, names []string) int {
	longest := 0
	for _, n := range names {
		w := strings.Count(n, " ") - 1
		if w < 2 || !saysNow(q.text, n, q.asks) {
			continue
		}
		if strings.Contains(q.text, " thu tuc"+n) {
			w++
		}
		longest = max(longest, w)
	}
	return longest
}

// namedTogether gives a procedure done together with another ("đăng ký
// khai sinh kết hợp đăng ký nhận cha, mẹ, con") the names of both when
// the question names both ("làm giấy khai sinh cho bé và để anh ấy nhận
// con luôn"), longer than either's alone, and returns the longest so
// given. The parts are found among groups by their titles, a foreign
// variant's suffix shared.
func namedTogether(groups []*group) int {
	const foreignSuffix = " co yeu to nuoc ngoai"
	longest := 0
	for _, c := range groups {
		key := titleKey(c.entry.foldTitle)
		left, right, ok := strings.Cut(key, " ket hop ")
		if !ok {
			continue
		}
		right = strings.TrimPrefix(right, "thu tuc ")
		bare := strings.TrimSuffix(right, foreignSuffix)
		var nl, nr int
		for _, d := range groups {
			switch k := titleKey(d.entry.foldTitle); k {
			case left, left + foreignSuffix:
				nl = max(nl, d.named)
			case right, bare:
				nr = max(nr, d.named)
			}
		}
		if nl > 0 && nr > 0 {
			c.named = max(c.named, nl+nr)
			longest = max(longest, c.named)
		}
	}
	return longest
}

// saidText is a question's words, " "-padded, read once for saidName,
// which runs over every result and every document.
type saidText struct {
	text string
	asks bool // it asks yes or no ("… không", "… chưa"): see saysNow
}

func newSaidText(said []string) saidText {
	q := " " + strings.Join(said, " ") + " "
	return saidText{q, containsAny(q, " khong ", " ko ", " k ", " chua ", " duoc khong ")}
}

// saysNow reports a name (" "-padded) said in q as what is asked, not as
// a step done or a thing held: "đã đăng ký HKD" and "có đăng ký HKD, …
// tự khai thuế ở đâu" name the registration only to say the business
// has one. "Có" opens a yes/no question when asks ("có đăng ký khai
// sinh online được không").
func saysNow(q, n string, asks bool) bool {
	for from := 0; ; {
		i := strings.Index(q[from:], n)
		if i < 0 {
			return false
		}
		before := q[:from+i+1]
		if !strings.HasSuffix(before, " da ") && !(strings.HasSuffix(before, " co ") && !asks) {
			return true
		}
		from += i + 1
	}
}

// memberWords are the folded words by which a question says its asker
// serves in the police or the army.
var memberWords = []string{" cong an ", " quan doi ", " bo doi ", " chien si ", " si quan ", " quan nhan ", " nganh ca "}

// forMembers reports a record about the police or the army by its folded
// title ("… của công dân đối với lực lượng Công an nhân dân") or whose
// place of submission is such a unit taking papers from its own members
// ("Sĩ quan, hạ sĩ quan, chiến sĩ nghĩa vụ … Công an nhân dân").
func forMembers(foldTitle, where string) bool {
	w := " " + strings.Join(vietnamese.Words(where), " ") + " "
	return containsAny(foldTitle, " cong an nhan dan ", " quan doi nhan dan ") || containsAny(w, " si quan ", " chien si ", " quan nhan ")
}

// bodyWords are the folded words by which a question speaks for an
// organisation, a business or an office rather than a resident.
var bodyWords = []string{" to chuc ", " doanh nghiep ", " cong ty ", " hop tac xa ", " htx ", " dn ", " co quan ", " don vi ",
	" truong hoc ", " nha truong ", " benh vien ", " nha may ", " xi nghiep ", " chi nhanh ", " van phong ", " cong chuc ", " vien chuc ", " can bo ", " du an "}

// businessKinds are the kinds of business whose registrations the
// records keep apart, each with the folded words a question or a title
// names it by.
var businessKinds = [][]string{
	{" hop tac xa ", " htx "},
	{" doanh nghiep ", " cong ty ", " dn "},
	{" ho kinh doanh ", " hkd "},
	{" to hop tac "},
}

// businessKind returns the index in businessKinds of the only kind of
// business a question (folded, padded) names, or -1 when it names none
// or several.
func businessKind(whole string) int {
	kind := -1
	for i, words := range businessKinds {
		if containsAny(whole, words...) {
			if kind >= 0 {
				return -1
			}
			kind = i
		}
	}
	return kind
}

// titleKinds returns the kinds of business a title (folded) names, one
// bit each.
func titleKinds(title string) int {
	t := " " + title + " "
	kinds := 0
	for i, words := range businessKinds {
		if containsAny(t, words...) {
			kinds |= 1 << i
		}
	}
	return kinds
}

// kindWeight weighs a title that names only kinds of business other than
// the one the question names: another kind's registration is kept by
// another law and another office.
const kindWeight = 0.3

// bodiesWeight weighs a record for organisations only when the question
// does not speak for one.
const bodiesWeight = 0.7

// forBodies reports a record's audience ("Doanh nghiệp", "Tổ chức (không
// bao gồm doanh nghiệp, HTX)", "Cán bộ, công chức, viên chức") that names
// no resident: no citizen, no Vietnamese or foreign person.
func forBodies(audience string) bool {
	a := " " + strings.Join(vietnamese.Words(audience), " ") + " "
	return strings.TrimSpace(a) != "" && !containsAny(a, " cong dan ", " nguoi viet nam ", " nguoi nuoc ngoai ", " ca nhan ", " ho gia dinh ", " ho kinh doanh ")
}

// forOrganisations reports a title (folded, " "-padded) that keeps its
// procedure for organisations and names no household or person.
func forOrganisations(foldTitle string) bool {
	return containsAny(foldTitle, " la to chuc ", " doi voi to chuc ") && !containsAny(foldTitle, " ca nhan ", " ho gia dinh ")
}

// vehicles are the kinds of vehicle that sibling procedures split
// between them (registering a car, a ship, an aircraft), each with the
// folded words that name it.
var vehicles = [][]string{
	{" xe ", " o to ", " oto ", " mo to ", " moto ", " phuong tien co gioi "},
	{" tau bien ", " tau ca ", " tau thuyen ", " phuong tien thuy ", " thuyen ", " ghe ", " sa lan ", " du thuyen "},
	{" tau bay ", " may bay ", " thiet bi bay ", " flycam "},
}

// vehiclesNamed returns the kinds of vehicle a " "-padded folded text
// names, one bit for each of vehicles.
func vehiclesNamed(text string) int {
	kinds := 0
	for i, words := range vehicles {
		if containsAny(text, words...) {
			kinds |= 1 << i
		}
	}
	return kinds
}

// variantMarkers are title words that make a procedure a variant of a
// more common one: a resident who says none of them means the common one
// ("đăng ký kết hôn", not "đăng ký lại kết hôn" or "… lưu động"; "xin
// giấy phép xây dựng", not "Cấp điều chỉnh giấy phép xây dựng").
var variantMarkers = []string{" lai ", " doi ", " luu dong ", " nuoc ngoai ", " ket hop ", " bien gioi ", " toan trinh ", " cap dieu chinh ", " tam nhap khau ", " chi nhanh ", " giam sat viec "}

// variantFree rewrites the title words that hold a variant marker
// without meaning the variant.
var variantFree = strings.NewReplacer(" doi voi ", " voi ", " chuyen doi ", " chuyen ", " thue lai ", " thue ")

// variantWeight is the weight of a title for each variant marker the
// question does not say.
const variantWeight = 0.8

// variantFit weighs a title by the variant markers it has and the
// question lacks.
func variantFit(words []string, foldTitle string) float64 {
	q := " " + strings.Join(words, " ") + " "
	// "đối với" folds as "đổi" (change) does: it marks no variant; nor
	// do "chuyển đổi" (convert) and "thuê lại" (sublet), which the
	// transfer of land lists among its cases.
	foldTitle = variantFree.Replace(foldTitle)
	fit := 1.0
	for _, m := range variantMarkers {
		said := m
		switch m {
		case " cap dieu chinh ":
			said = " dieu chinh " // "muốn điều chỉnh giấy phép"
		case " tam nhap khau ":
			said = " tam nhap " // "xe này tạm nhập miễn thuế"
		case " giam sat viec ":
			said = " giam sat " // the guardianship's supervision, not the guardianship
		}
		if m == " chi nhanh " && (bodyBefore(foldTitle, m) || containsAny(q, branchSaid...)) {
			continue // the body's own too, or a branch said in other words
		}
		if strings.Contains(foldTitle, m) && !strings.Contains(q, said) {
			fit *= variantWeight
		}
	}
	return fit
}

// branchSaid are the words a question names a body's branch with.
var branchSaid = []string{" chi nhanh ", " van phong dai dien ", " dia diem kinh doanh "}

// bodyBefore reports a title that lists the body itself before its
// branch ("Hiệu đính … thông tin đăng ký hợp tác xã, liên hiệp hợp tác
// xã, chi nhánh …"): it is the body's procedure too, not only the
// branch's.
func bodyBefore(foldTitle, branch string) bool {
	at := strings.Index(foldTitle, branch)
	return at > 0 && containsAny(foldTitle[:at+1], " hop tac xa ", " doanh nghiep ", " cong ty ", " ho kinh doanh ")
}

// explainWeight is the weight of a province-wide article when the
// question says a procedure's name.
const explainWeight = 0.5

// birthDone are the words (folded, padded) that say a child's birth is
// registered already.
var birthDone = []string{" da co giay khai sinh ", " co giay khai sinh roi ", " da lam giay khai sinh ", " da dang ky khai sinh ",
	" da lam khai sinh ", " da khai sinh ", " da co khai sinh ", " da co gks ", " giay khai sinh de trong ", " giay khai sinh bo trong ",
	" giay khai sinh chua co ten "}

// deadWords are a title's words (folded, padded) for a person who has
// died; deathSaid a question's, "mất" (also "lost") among them.
var (
	deadWords = []string{" da chet ", " tu tran ", " qua doi ", " nguoi chet "}
	deathSaid = []string{" mat ", " chet ", " qua doi ", " tu tran ", " tu vong ", " khuat ", " hy sinh ", " tu tuat ", " tuat ", " mai tang ", " khai tu ", " di san ", " thua ke "}
)

// costOrTime matches "mất" spending money or time: "mất phí", "mất bao
// lâu", "mất mấy ngày".
var costOrTime = regexp.MustCompile(` mat (phi|le phi|tien|chi phi|bao lau|bao nhieu|bao nhiu|may|bn|thoi gian|nhieu|cong) `)

// fatherLeftOut says a birth certificate lacks the father's name ("giấy
// khai sinh để trống tên bố", "khai sinh của cháu chỉ có tên mẹ"): the
// birth is registered.
var fatherLeftOut = regexp.MustCompile(` khai sinh( \S+){0,3} (de trong|bo trong|chua co ten|khong co ten|thieu ten|chi (co|ghi|mang) (ten|ho) me) `)

// foreignWeight is the weight of a title without a foreign element
// (foreignTitle) for a question about a foreign person ("kết hôn với người Hàn Quốc"): the
// common procedure's name said word for word ("đăng ký kết hôn") must
// not outweigh the one with a foreign element, whose fee and place
// differ.
const foreignWeight = 0.5

// foreignTitle reports a title with a foreign element or for a foreign
// person; "ở nước ngoài" (abroad) says where, not who.
func foreignTitle(foldTitle string) bool {
	return strings.Contains(foldTitle, " yeu to nuoc ngoai ") || strings.Contains(foldTitle, " nguoi nuoc ngoai ")
}

// placeEvent reports a folded title registering an event whose foreign
// element is where it happened: a birth or a death.
func placeEvent(foldTitle string) bool {
	return strings.Contains(foldTitle, " khai sinh ") || strings.Contains(foldTitle, " khai tu ")
}

// foreignAsked reports a question about a foreign person, in its words
// or the dictionary's ("người Hàn Quốc" => "yếu tố nước ngoài"); going
// abroad ("đi nước ngoài") is a purpose, not a foreign element.
// said is the question's words after its story, " "-padded.
func foreignAsked(said string, expansions []string) bool {
	if strings.Contains(said, " nguoi nuoc ngoai ") || strings.Contains(said, " yeu to nuoc ngoai ") {
		return true
	}
	for _, x := range expansions {
		if x == "yeu to nuoc ngoai" {
			return true
		}
	}
	return false
}

// minRun is the least number of a title's words, in its order, that a
// question must say word for word for the title to be what it names:
// "muốn ghi vào sổ hộ tịch" names "Thủ tục ghi vào Sổ hộ tịch việc …"
// even when the story says "đăng ký kết hôn".
const minRun = 4

// runBonus is the weight of the titles with the longest such run.
const runBonus = 1.3

// titleRun returns the most words in a row of said that the title's
// words hold in a row: the longest common run of the two sequences.
// A title holding fewer than minRun of the words said has no run that
// counts, and is not searched for one.
func titleRun(said, title []string) int {
	held := 0
	for _, w := range said {
		if slices.Contains(title, w) {
			held++
		}
	}
	if held < minRun {
		return 0
	}
	best := 0
	prev := make([]int, len(title)+1) // run ending at the previous said word and title[k-1]
	cur := make([]int, len(title)+1)
	for _, w := range said {
		for k, t := range title {
			if w == t {
				cur[k+1] = prev[k] + 1
				best = max(best, cur[k+1])
			} else {
				cur[k+1] = 0
			}
		}
		prev, cur = cur, prev
	}
	return best
}

// object is a paper or card the question names by its initials ("thẻ
// BHYT", "GPXD"): the initials and what the dictionary spells them as,
// each " "-padded.
type object []string

// heldBy reports a title or a residents' name that names the object.
func (o object) heldBy(e *docEntry) bool {
	for _, form := range o {
		if strings.Contains(e.foldTitle, form) {
			return true
		}
		for _, n := range e.names {
			if strings.Contains(n, form) {
				return true
			}
		}
	}
	return false
}

// objectWeight is the weight of a title that does not name a paper the
// question names by its initials when another result's does: "thẻ BHYT
// bị in sai ngày sinh" asks to correct the card, not the civil-status
// record the dictionary reads "sai ngày sinh" as.
const objectWeight = 0.7

// bringWords are the words before a paper the resident brings ("cần
// CCCD", "mang theo CCCD", "photo CCCD").
var bringWords = map[string]bool{"can": true, "mang": true, "theo": true, "photo": true, "kem": true, "xuat": true}

// held reports a paper said[i] the resident says they have: "đã có
// CCCD", "có CCCD rồi", "CCCD có đủ rồi", "CCCD có sẵn".
func held(said []string, i int) bool {
	at := func(j int, w string) bool { return j >= 0 && j < len(said) && said[j] == w }
	return at(i-1, "co") && (at(i-2, "da") || at(i+1, "roi")) ||
		at(i+1, "co") && (at(i+2, "du") || at(i+2, "roi") || at(i+2, "san"))
}

// broughtPapers returns the words of the papers named by their initials
// that the question says it brings, or has, for a procedure named before
// them ("tôi cần CCCD gấp" asks for the card), and the dictionary's words
// for them.
func broughtPapers(p plan) map[string]bool {
	var out map[string]bool
	said := p.ask
	named := false // a word of the topic said before: what the paper is brought for
	for i, w := range said {
		x, ok := p.aliases[w]
		brought := ok && (i > 0 && bringWords[said[i-1]] || held(said, i))
		if !brought {
			named = named || slices.Contains(p.topic, w)
		}
		if !brought || !named {
			continue
		}
		if out == nil {
			out = make(map[string]bool)
		}
		out[w] = true
		for _, f := range x {
			for _, fw := range strings.Fields(f) {
				out[fw] = true
			}
		}
	}
	return out
}

// namedObjects returns the papers the question names by their initials
// after its story (p.aliases) that some result's title or names name.
func namedObjects(p plan, groups []*group) []object {
	var out []object
	seen := make(map[string]bool)
	said := p.ask
	for i, w := range said {
		x, ok := p.aliases[w]
		if !ok || i > 0 && bringWords[said[i-1]] {
			continue // a paper brought is not what the question is about
		}
		if seen[w] || !slices.ContainsFunc(x, func(f string) bool { return strings.Contains(f, " ") }) {
			// Each paper weighs once, and a word typed short ("ng" for
			// "người") names no paper.
			continue
		}
		seen[w] = true
		o := object{" " + w + " "}
		for _, f := range x {
			o = append(o, " "+f+" ")
		}
		for _, g := range groups {
			if o.heldBy(g.entry) {
				out = append(out, o)
				break
			}
		}
	}
	return out
}

// actions are the stages of a procedure's life that sibling procedures
// split between them (setting up, changing, suspending, ending,
// re-issuing, repairing): the words a question says them with, and the
// words a title says them with. A civil-status paper lost with its
// register is registered again ("Đăng ký lại kết hôn"): its re-issue.
// A stage marked only is one that every other title is not: a copy
// asked for ("xin bản sao giấy kết hôn") is not the registration whose
// name the paper carries.
var actions = []stage{
	{[]string{" tam ngung ", " tam dung ", " tam nghi ", " tam dong cua ", " tam dong "}, []string{" tam ngung "}, false},
	{[]string{" cham dut ", " giai the ", " dong cua ", " dong mst ", " ngung han ", " nghi han ", " khong kinh doanh nua ", " thoi kinh doanh ", " dep han ", " xoa ho kinh doanh ", " xoa dang ky ho kinh doanh "}, []string{" cham dut ", " giai the "}, false},
	// A debt or a mortgage struck off ("muốn xóa nợ trên sổ", "xóa thế
	// chấp") is its removal, not the certificate exchanged. Not "xóa đăng
	// ký": the dictionary reads a household moved ("chuyển hộ khẩu") as
	// its registration both made and struck off.
	{[]string{" xoa no ", " xoa ghi no ", " xoa the chap "}, []string{" xoa "}, false},
	{[]string{" thay doi ", " doi ten ", " doi dia chi ", " sua dia chi ", " chuyen dia diem ", " chuyen dia chi ", " chuyen sang dia chi ", " chuyen cho ", " doi nganh ", " them nganh ", " bo sung nganh ", " dieu chinh ", " sua doi ", " sua thong tin ", " sua noi dung "}, []string{" thay doi ", " dieu chinh ", " sua doi "}, false},
	{[]string{" sua chua ", " cai tao ", " sua nha ", " sua lai nha ", " nang cap nha "}, []string{" sua chua ", " cai tao "}, false},
	// A building moved whole ("dời nguyên căn nhà sang chỗ khác") is
	// its relocation permit, not a new one.
	// Not a bare "di doi": "đi đổi thẻ" folds to it.
	{[]string{" di doi cong trinh ", " di doi nha ", " giay phep di doi ", " doi nguyen can ", " doi ca can nha "}, []string{" di doi "}, false},
	// Determined again ("xác định lại diện tích đất ở", or "tính lại" in
	// the dictionary's words) is not the certificate exchanged, though
	// it is named.
	{[]string{" xac dinh lai "}, []string{" xac dinh lai "}, true},
	{[]string{" cap lai ", " lam lai ", " that lac ", " bi mat ", " dang ky lai ", " dk lai ", " dki lai "}, []string{" cap lai ", " dang ky lai "}, false},
	// Extended ("xin gia hạn giấy phép trồng cây … sắp hết hạn") is not
	// the permit issued anew.
	{[]string{" gia han "}, []string{" gia han "}, false},
	{[]string{" huy bo ", " huy hop dong ", " huy giao dich ", " muon huy "}, []string{" huy bo "}, true},
	// A first issue said as such ("làm sổ đỏ lần đầu cho mảnh đất ông bà
	// để lại") is not the exchange of a certificate already issued.
	{[]string{firstTime}, []string{firstTime, " thanh lap ", " dang ky moi ", " cap moi ", " xay dung moi "}, false},
	// A cooperative's or a business's record put right ("xin hiệu đính
	// lại") is its correction, not a notice of new details.
	{[]string{" hieu dinh "}, []string{" hieu dinh "}, false},
	// A certificate issued with a mistake is corrected ("sổ đỏ cấp lần
	// đầu ghi sai năm sinh"), not issued again: the dictionary reads the
	// mistake as "đính chính".
	{[]string{" dinh chinh "}, []string{" dinh chinh "}, false},
	// Harmed again ("năm nay lại bị tai nạn lao động lần nữa", "tiếp tục
	// bị" in the dictionary's words) is not the first time.
	{[]string{" tiep tuc bi ", " lan nua "}, []string{" tiep tuc bi "}, false},
	// A file handed in and withdrawn before it is decided ("nộp hồ sơ
	// đăng ký hộ kinh doanh rồi, đổi ý, muốn dừng thủ tục").
	{[]string{" dung thu tuc ", " dung thuc hien ", " dung viec dang ky ", " dung dang ky ", " rut ho so ", " rut lai ho so "}, []string{" dung thuc hien "}, true},
	// Handing a vehicle's papers back ("nộp lại cà vẹt", in the
	// dictionary's words); a bare "thu hồi" is as often done to the
	// resident ("đất bị thu hồi") or part of a longer story.
	{[]string{" thu hoi chung nhan dang ky "}, []string{" thu hoi "}, false},
	// A tax cut or waived ("xin giảm thuế TNCN" after a flood) is its
	// relief, not the year's settlement of the same tax. A bare "miễn
	// thuế" is as often what a thing is ("ô tô tạm nhập miễn thuế").
	{[]string{" giam thue ", " mien giam thue ", " xin mien thue ", " de nghi mien thue "}, []string{" giam thue ", " mien thue ", " mien giam thue "}, false},
	// A permit or a sea area given back ("muốn trả lại giấy phép") is
	// not the permit or the registration the story names.
	{[]string{" tra lai giay phep ", " tra giay phep ", " nop lai giay phep ", " tra lai khu vuc bien ", " tra lai mat nuoc "}, []string{" tra lai "}, false},
	// A vehicle registered for a while ("đăng ký xe tạm thời" for a new
	// car without plates) is not its first registration, which the
	// dictionary reads in "mới mua, chưa có biển".
	{[]string{" xe tam thoi ", " dang ky tam thoi ", " dk tam thoi ", " bien so tam thoi ", " bien tam thoi "}, []string{" tam thoi "}, true},
	{[]string{" xin ban sao ", " cap ban sao ", " lay ban sao ", " them ban sao ", " xin trich luc ", " cap trich luc ", " lay trich luc ", " ban trich luc "}, []string{" ban sao ", " trich luc "}, true},
}

// actionWeight is the weight of a title that says none of the stage a
// question names but another stage, or a first registration.
const actionWeight = 0.5

// endStages are title words of a procedure's end, or of its return
// after one, that a question naming no stage does not ask; nor a filing
// withdrawn ("Dừng thực hiện thủ tục đăng ký hộ kinh doanh").
var endStages = []string{" cham dut ", " giai the ", " khoi phuc ", " tam ngung ", " dung thuc hien "}

// moveOther maps each end of a move to the other: " chuyen den " (the
// place moved to) and " chuyen di " (the place left).
var moveOther = map[string]string{" chuyen den ": " chuyen di ", " chuyen di ": " chuyen den "}

// moveSaid returns the one end of a move a text (folded, " "-padded)
// says, or "" when it says neither or both.
func moveSaid(text string) string {
	den, di := strings.Contains(text, " chuyen den "), strings.Contains(text, " chuyen di ")
	switch {
	case den && !di:
		return " chuyen den "
	case di && !den:
		return " chuyen di "
	}
	return ""
}

// lostSaid are the words a question may say a paper lost with.
var lostSaid = []string{" mat ", " that lac ", " danh roi ", " roi ", " bi trom ", " bi cuop ", " khong tim thay ", " khong con "}

// endSaid are the words a question may say an end with.
var endSaid = []string{" thoi ", " ngung ", " dung ", " nghi ", " nua ", " cat ", " huy ", " dong ", " bo ", " het han "}

// negatedFit weighs down a title that says what the question (whole,
// " "-padded) names is not so: "Chứng thực chữ ký người dịch mà người
// dịch không phải là cộng tác viên dịch thuật …" for a translation done
// by "cộng tác viên dịch thuật của phường", beside its twin "… là cộng
// tác viên dịch thuật".
//
// So does one that says what the question changes is not changed: "Đăng
// ký thay đổi thông tin đăng ký thuế không làm thay đổi cơ quan thuế
// quản lý trực tiếp" for "chuyển sang tỉnh khác nên đổi cơ quan thuế".
func negatedFit(q, foldTitle string) float64 {
	for _, n := range negations {
		i := strings.Index(foldTitle, n.title)
		if i < 0 || containsAny(q, n.said...) {
			continue
		}
		// Three words of what is negated, or two when no more follow:
		// "dự án theo hiệp định của nhà nước" says "hiệp định", not the
		// "hiệp định tránh đánh thuế hai lần" a title says it is not.
		rest := strings.Fields(foldTitle[i+len(n.title):])
		if k := min(3, len(rest)); k >= 2 && strings.Contains(q, n.verb+strings.Join(rest[:k], " ")+" ") {
			return actionWeight
		}
	}
	return 1
}

// negations are the negations a title may say of what follows them, each
// with the words by which a question says the same negation, and the
// word the question says the object it changes after ("đổi cơ quan
// thuế", not "lên cơ quan thuế cập nhật số điện thoại").
var negations = []struct {
	title string
	said  []string
	verb  string // what the question says before the object it changes
}{
	{" khong phai la ", []string{" khong phai ", " khong la "}, " "},
	{" khong lam thay doi ", []string{" khong lam thay doi ", " khong thay doi ", " khong doi ", " van giu ", " khong chuyen "}, " doi "},
}

// amendSaid are the words a question may ask an amendment with.
var amendSaid = []string{" sua ", " bo sung ", " dieu chinh ", " thay doi ", " doi ", " them "}

// endWeight is the weight of a title of endStages for a question that
// names no stage.
const endWeight = 0.8

// stageBonus is the weight of a title that says the stage the question
// names ("Cấp lại … do bị mất" for "sổ đỏ bị thất lạc, làm lại").
const stageBonus = 1.3

// stage is one of actions: the words a question says it with, the words
// a title says it with, and whether every other title is not it.
type stage struct {
	said, title []string
	only        bool
}

// firstTime says a first issue: "làm sổ đỏ lần đầu".
const firstTime = " lan dau "

// laterStages are title words of the stages after a first issue.
var laterStages = []string{" thu hoi ", " gia han ", " cap lai ", " dang ky lai ", " cap doi ", " tam ngung ", " cham dut ", " giai the ", " thay doi ", " sua chua ", " cai tao ", " dung thuc hien "}

// otherStage are title words of a procedure's other stages, a first
// registration included.
var otherStage = []string{" thanh lap ", " thu hoi ", " gia han ", " cap lai ", " dang ky lai ", " cap doi ", " dang ky moi ", " lan dau ", " cap moi ", " xay dung moi ", " tam ngung ", " cham dut ", " giai the ", " thay doi ", " sua chua ", " cai tao ", " di doi "}

// firstIssue reports a title (" "-padded) that issues something for the
// first time: "Cấp thẻ căn cước …", "Đăng ký, cấp Giấy chứng nhận …", not
// "Cấp lại", "Cấp đổi" or "Cấp bản sao".
func firstIssue(title string) bool {
	title = " " + strings.TrimSpace(title) + " "
	for _, start := range []string{" cap ", " dang ky cap "} {
		if strings.HasPrefix(title, start) {
			rest := title[len(start)-1:]
			// A copy ("Cấp bản sao …") is what a lost paper is replaced
			// with, not its first issue.
			return !strings.HasPrefix(rest, " lai ") && !strings.HasPrefix(rest, " doi ") && !strings.HasPrefix(rest, " ban sao ")
		}
	}
	// "Đăng ký, đăng ký lại, điều chỉnh đóng BHXH tự nguyện", "Đăng ký,
	// điều chỉnh đóng BHXH …": a title that lists the registration before
	// its later stages is the first registration's too.
	return strings.HasPrefix(title, " dang ky dang ky lai ") || strings.HasPrefix(title, " dang ky dieu chinh dong ")
}

// stageSaid rewrites what a question says that reads as another stage
// than it is: "bằng lái bị thu hồi" tells what was done to the paper,
// "làm lại mái" is a repair, "sai quy định, chính tôi" is no "đính
// chính".
var stageSaid = strings.NewReplacer(" bi thu hoi ", " bi ", " quy dinh chinh ", " quy dinh ",
	" lam lai mai ", " sua nha ", " lam lai nha ", " sua nha ", " lam lai tuong ", " sua nha ", " lam lai san ", " sua nha ", " lam lai bep ", " sua nha ")

// pauseFor matches a stop for a while said in everyday words, "nghỉ bán
// 2 tháng", "ngừng kinh doanh một thời gian": the stage "tạm ngừng",
// said where it is said, before the reason after it ("để sửa nhà").
var pauseFor = regexp.MustCompile(` (nghi|ngung|dung) (ban|ban hang|buon ban|kinh doanh)( [a-z0-9]+){0,2} (thang|tuan|ngay|hom|thoi gian) `)

// wornSaid are the words by which a question says a paper is worn or
// old, to be exchanged rather than replaced as lost.
var wornSaid = []string{" rach ", " nat ", " cu ", " hong ", " hu ", " nhoe ", " mo ", " uot ", " phai mau ", " mau moi "}

// exchangeSaid are the words by which a question says a paper is to be
// exchanged: changed, old, torn, worn, blurred, expired, wrong, or due at
// an age.
var exchangeSaid = []string{" doi ", " cu ", " rach ", " nat ", " hong ", " hu ", " nhoe ", " mo ", " phai mau ", " uot ", " moi ", " cap doi ", " het han ", " sai ", " tuoi ", " chip "}

// pauseShop matches a shop's stop for a count of months or weeks said
// with no object, "quán muốn nghỉ 2 tháng", "tiệm đóng cửa vài tuần":
// the stage "tạm ngừng" when the question is about a business
// (shopSaid), not a worker's leave ("nghỉ 6 tháng thai sản").
var pauseShop = regexp.MustCompile(` (nghi|dong cua) ([0-9]+|mot|hai|ba|vai|may|it) (thang|tuan) `)

// shopSaid are words that say the question is about a business.
var shopSaid = []string{" kinh doanh ", " quan ", " cua hang ", " tiem ", " sap ", " ban hang "}

// pendingStop matches a file not yet decided on that the resident wants
// stopped ("hồ sơ chưa được duyệt, muốn dừng lại", "đã nộp hồ sơ đăng
// ký thành lập nhưng …, muốn rút lại"): the stage "dừng thực hiện thủ
// tục", though the file is told as a story before what is asked.
var pendingStop = regexp.MustCompile(` ho so( [a-z0-9]+){0,5} (chua duoc (duyet|giai quyet|xu ly|cap)|dang (cho|xu ly|duoc xu ly)|chua co ket qua)( [a-z0-9]+){0,4} (dung lai|huy|rut lai|rut) | da nop ho so( [a-z0-9]+){0,12} (muon|xin) (dung lai|huy|rut lai|rut) `)

// stagesSaid is the question's words (and the dictionary's) in which
// actionFit looks for the stage said, " "-padded: read once per search.
func stagesSaid(words []string) string {
	q := pauseFor.ReplaceAllString(" "+strings.Join(words, " ")+" ", " tam ngung$0")
	if containsAny(q, shopSaid...) {
		q = pauseShop.ReplaceAllString(q, " tam ngung$0")
	}
	return stageSaid.Replace(q)
}

// actionFit weighs a title by whether it is the stage of a procedure's
// life the question names (q, as stagesSaid reads it): "tạm ngừng kinh
// doanh" is not "đăng ký thành lập hộ kinh doanh".
func actionFit(q string, foldTitle string) float64 {
	title := " " + foldTitle + " "
	// The stage said first is the one asked; one said after it is its
	// reason ("tạm nghỉ bán 3 tháng để sửa nhà").
	first, at := -1, len(q)
	for i, a := range actions {
		for _, s := range a.said {
			if j := strings.Index(q, s); j >= 0 && j < at && s != firstTime {
				first, at = i, j
			}
		}
	}
	// A re-issue for a lost paper ("Cấp lại Giấy chứng nhận do bị mất")
	// is not asked when no loss is said ("mất bao lâu" is the time) and
	// either no stage is, or the paper is said worn or old: "đổi sổ đỏ
	// sang mẫu mới mất bao lâu" asks its exchange.
	if strings.Contains(title, " do bi mat ") && !containsAny(costOrTime.ReplaceAllString(q, " "), lostSaid...) &&
		(first < 0 || containsAny(q, wornSaid...)) {
		return endWeight
	}
	if first < 0 && strings.Contains(q, firstTime) {
		// "lần đầu" names the stage only when no other is named: "sổ đỏ
		// cấp lần đầu ghi sai" asks its correction.
		first = slices.IndexFunc(actions, func(a stage) bool { return slices.Contains(a.said, firstTime) })
	}
	if first < 0 {
		// A question that names no stage asks for the thing itself, not
		// its end: "làm mã số thuế cá nhân" is the registration, not
		// "Chấm dứt hiệu lực mã số thuế" nor "Khôi phục mã số thuế".
		// One that says an end in other words ("thôi làm người giám
		// hộ", "không bán nữa") may ask it.
		for _, end := range endStages {
			if strings.Contains(title, end) && !strings.Contains(q, end) && !containsAny(q, endSaid...) {
				return endWeight
			}
		}
		// Nor the report of its loss: "làm giấy thông hành sang Lào ở đâu"
		// is the pass, not "Trình báo mất giấy thông hành"; a paper said
		// lost ("bị mất", "đánh rơi", "thất lạc") may ask it, and "mất
		// bao lâu", "mất tiền" say no loss.
		if strings.Contains(title, " trinh bao mat ") && !containsAny(costOrTime.ReplaceAllString(q, " "), lostSaid...) {
			return endWeight
		}
		// Nor its extension: "xin giấy phép chèo thuyền ở hồ thủy lợi" is
		// the permit, not "Cấp gia hạn, điều chỉnh … giấy phép"; a permit
		// said to run out ("sắp hết hạn") may ask it.
		// Only a title that opens with it: "… cho thuê đất, gia hạn sử
		// dụng đất khi hết thời hạn" also lets land be converted.
		if i := strings.Index(title, " gia han "); i >= 0 && i <= len(" cap ") && !containsAny(q, " het han ", " qua han ", " den han ", " mai han ") {
			return endWeight
		}
		// Nor its exchange: a question that holds a certificate ("mảnh
		// đất có sổ đỏ") does not trade it for a new one unless it says
		// it worn, old, expired, wrong or to be changed.
		if strings.HasPrefix(" "+strings.TrimSpace(foldTitle)+" ", " cap doi ") && !containsAny(q, exchangeSaid...) {
			return endWeight
		}
		// Nor the amendment of what it gives: "xin giao khu vực biển …
		// bao lâu có quyết định giao" is the sea area given, not
		// "Sửa đổi, bổ sung Quyết định giao khu vực biển".
		if strings.HasPrefix(strings.TrimPrefix(strings.TrimSpace(title), "thu tuc "), "sua doi bo sung ") && !containsAny(q, amendSaid...) {
			return endWeight
		}
		return 1
	}
	a := actions[first]
	if a.said[0] == firstTime {
		// A first issue needs no "lần đầu" in its title ("Cấp hộ chiếu
		// phổ thông", "Đăng ký thành lập hộ kinh doanh"); what comes
		// after it does not answer it.
		switch {
		case containsAny(title, a.title...) || firstIssue(title):
			return stageBonus
		case containsAny(title, laterStages...):
			return actionWeight
		}
		return 1
	}
	if containsAny(title, a.title...) {
		return stageBonus
	}
	if a.only || containsAny(title, otherStage...) || firstIssue(title) || registersFirst(title) {
		return actionWeight
	}
	return 1
}

// registersFirst reports a title (" "-padded) that registers something
// for the first time, "Thủ tục đăng ký kết hôn", "Đăng ký việc nuôi con
// nuôi trong nước": for a later stage asked ("đăng ký lại" after the
// register was lost) it is the stage before.
func registersFirst(title string) bool {
	title = " " + strings.TrimSpace(title) + " "
	rest, ok := strings.CutPrefix(title, " thu tuc dang ky ")
	if !ok {
		rest, ok = strings.CutPrefix(title, " dang ky ")
	}
	return ok && !strings.HasPrefix(rest, "lai ")
}

// askExpansions are the dictionary's expansions of what is asked: the
// question after its story, outside its purpose (asked).
func (ix *Index) askExpansions(p plan) []string {
	if ix.dict == nil {
		return nil
	}
	return ix.dict.Expand(strings.Join(asked(p.typed, p.now, p.purpose), " "))
}

// explained is the share, weighted by rarity, of a title's (or a name's)
// words that the question asks: what of the title the question explains.
func (ix *Index) explained(asked map[string]bool, weights map[string]float64) float64 {
	var have, all float64
	for w, share := range weights {
		// "mất", "hết" in a name say what happened ("mất căn cước"),
		// not what is asked.
		if askWords[w] && w != "mat" && w != "het" {
			continue
		}
		idf := ix.stats.idf(w) * share
		all += idf
		if asked[w] {
			have += idf
		}
	}
	if all == 0 {
		return 0
	}
	return have / all
}

// addNamed adds to a result list the documents one of whose residents'
// names the question says word for word but that bleve left below
// hitsPerQuery passages, common words like "đổi" outscoring them: "đổi
// chủ hộ" must find the procedure residents call so. The caller holds
// ix.mu for reading.
func (ix *Index) addNamed(ctx context.Context, p plan, commune string, groups map[string]*group, order []*group) ([]*group, error) {
	var ids []string
	q := newSaidText(p.said)
	for id, e := range ix.docs {
		if _, found := groups[id]; found || len(e.names) == 0 || saidName(q, e.names) == 0 {
			continue
		}
		for pid := range e.passages {
			ids = append(ids, pid)
		}
	}
	if len(ids) == 0 {
		return order, nil
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(p.query(commune))
	b.AddFilter(bleve.NewDocIDQuery(ids))
	res, err := ix.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(b, len(ids), 0, false))
	if err != nil {
		return nil, fmt.Errorf("knowledge: search: %w", err)
	}
	return ix.addHits(res.Hits, groups, order), nil
}

// doneBefore reports a title whose first three words the story (folded,
// padded) says done right after "đã", "vừa" or "mới", and what is asked
// now (folded, padded) does not say.
func doneBefore(story, askedNow, foldTitle string) bool {
	words := strings.Fields(strings.TrimPrefix(strings.TrimSpace(foldTitle), "thu tuc "))
	if len(words) < 3 {
		return false
	}
	lead := " " + strings.Join(words[:3], " ") + " "
	if strings.Contains(askedNow, lead) {
		return false
	}
	for _, marker := range []string{" da", " vua", " moi", " da lam", " vua lam"} {
		if strings.Contains(story, marker+lead) {
			return true
		}
	}
	return false
}
