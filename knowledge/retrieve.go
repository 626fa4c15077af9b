package knowledge

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// Boosts: the title says what a procedure is, a heading where in it the
// passage sits, the body the detail. Bigrams reward words in the resident's
// order ("khai sinh" over "sinh ... khai").
const (
	boostTitle     = 3.0
	boostTitleBi   = 4.0
	boostHeading   = 1.5
	boostBody      = 1.0
	boostBodyBi    = 1.5
	boostAccent    = 1.5
	boostExpansion = 2.0
	boostNames     = 3.0
	// hitsPerQuery is how many passages are read to fill the documents
	// asked for: enough that ten distinct documents survive grouping.
	hitsPerQuery = 100
	// communeBonus favours procedures done at commune level, which is what
	// residents who scan a commune's poster are asking about.
	communeBonus = 1.15
	// titleFloor is the share of a document's score kept however little
	// of its title the query explains.
	titleFloor = 0.4
	// coverFloor is the share of a document's score kept however few of
	// the question's words its text holds; above it the score grows with
	// the cube of that coverage, so that a title sharing two words loses
	// to a procedure whose text holds all that the resident said.
	coverFloor = 0.2
)

// plan is a query taken apart: its folded content words, the corrections
// of words the corpus does not know, and the dictionary's expansions.
type plan struct {
	words       []string
	cover       []string          // the words coverage weighs: the topic
	said        []string          // every folded word, filler included, in order
	filler      []bool            // which of said are question filler
	typed       []string          // said as typed, diacritics kept
	topic       []string          // words naming the procedure, for titles
	corrections map[string]string // unknown word -> known word one edit away
	expansions  []string
	// aliases maps a word of cover that is a dictionary term made of
	// initials ("dk", "cmnd") to what it expands to: a document holding
	// an expansion covers the word.
	aliases  map[string][]string
	age      int      // age the question states, 0 when none
	ages     []string // title phrases of age bounds the age asked about falls in
	accented string
	// heading is what headings are searched for: the words and the
	// expansions' words, without those most headings hold.
	heading string
	// spelled maps each folded word typed with diacritics to its spelling
	// ("tinh" → "tình"); a word typed without them may mean any spelling.
	spelled map[string]spelling
}

func (ix *Index) plan(text string) plan {
	var p plan
	text = dropOffice(dropChannel(text))
	p.words = vietnamese.ContentWordsIn(text, func(pair string) bool {
		return ix.stats.titlePair(pair) || ix.dict != nil && ix.dict.HasPair(pair)
	})
	if len(p.words) == 0 {
		p.words = vietnamese.Words(text)
	}
	typed, said := vietnamese.Said(text)
	p.said, p.typed = said, typed
	p.filler = make([]bool, len(typed))
	for i, t := range typed {
		p.filler[i] = vietnamese.IsFiller(t)
	}
	p.topic, _ = splitAsk(p.words)
	if len(p.topic) == 0 {
		p.topic = p.words
	}
	// Coverage weighs what the question is about, not what it asks of it:
	// "có mất phí không" says nothing of which procedure.
	p.cover = p.topic
	for _, w := range p.words {
		if ix.dict != nil && ix.dict.IsTerm(w) {
			continue
		}
		if c := ix.stats.correct(w); c != "" {
			if p.corrections == nil {
				p.corrections = make(map[string]string)
			}
			p.corrections[w] = c
		}
	}
	if ix.dict != nil {
		// Teencode spelled out ("j" => "gì") is still filler.
		for _, x := range ix.dict.Expand(text) {
			if !allStopwords(x) {
				p.expansions = append(p.expansions, x)
			}
		}
	}
	if ix.dict != nil {
		for _, w := range p.cover {
			if !ix.dict.IsTerm(w) || !initials(w) {
				continue
			}
			if p.aliases == nil {
				p.aliases = make(map[string][]string)
			}
			p.aliases[w] = ix.dict.Expand(w)
		}
	}
	var heading []string
	for _, w := range p.words {
		if c, ok := p.corrections[w]; ok && !ix.stats.commonHeading(c) {
			heading = append(heading, c)
		}
		if !ix.stats.commonHeading(w) {
			heading = append(heading, w)
		}
	}
	for _, x := range p.expansions {
		for _, w := range vietnamese.Words(x) {
			if !ix.stats.commonHeading(w) {
				heading = append(heading, w)
			}
		}
	}
	p.heading = strings.Join(heading, " ")
	p.age = queryAge(text)
	p.ages = ageExpansions(p.age, ix.stats.ages)
	if norm := vietnamese.Normalize(text); norm != vietnamese.Fold(text) {
		p.accented = norm
		p.spelled = make(map[string]spelling)
		for _, w := range strings.FieldsFunc(norm, notLetterOrDigit) {
			if f := vietnamese.Fold(w); f != w {
				p.spelled[f] = newSpelling(w)
			}
		}
	}
	return p
}

// allStopwords reports whether every word of a folded phrase is filler.
func allStopwords(phrase string) bool {
	for _, w := range strings.Fields(phrase) {
		if !vietnamese.IsStopword(w) {
			return false
		}
	}
	return true
}

func match(text, field string, boost float64) query.Query {
	q := bleve.NewMatchQuery(text)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}

func (p plan) query(commune string) query.Query {
	withCorrections := func(ws []string) string {
		all := append([]string(nil), ws...)
		for _, w := range ws {
			if c, ok := p.corrections[w]; ok {
				all = append(all, c)
			}
		}
		return strings.Join(all, " ")
	}
	// The dictionary's phrases stand beside the resident's own words, as
	// if the resident had said both.
	extra := ""
	if len(p.expansions) > 0 {
		extra = " " + strings.Join(p.expansions, " , ")
	}
	topic := withCorrections(p.topic) + extra
	parts := []query.Query{
		match(topic, "title_f", boostTitle),
		match(strings.Join(p.topic, " ")+extra, "title_b", boostTitleBi),
		// The names field holds every title and the names residents use
		// for some procedures, so its words weigh as they do in titles.
		match(topic, "names_f", boostTitle),
		match(strings.Join(p.topic, " ")+extra, "names_b", boostNames),
		match(strings.Join(p.words, " ")+extra, "body_b", boostBodyBi),
	}
	if p.heading != "" {
		parts = append(parts, match(p.heading, "heading_f", boostHeading))
	}
	if p.accented != "" {
		parts = append(parts, match(p.accented, "title", boostAccent))
	}
	scope := []query.Query{term(scopeAll, "commune")}
	if commune != "" {
		scope = append(scope, term(commune, "commune"))
	}
	b := bleve.NewBooleanQuery()
	b.AddShould(parts...)
	b.SetMinShould(1)
	b.AddFilter(bleve.NewDisjunctionQuery(scope...))
	return b
}

func term(v, field string) query.Query {
	q := bleve.NewTermQuery(v)
	q.SetField(field)
	return q
}

// Search finds the documents that best answer q, one hit per document with
// its best passage, best first.
func (ix *Index) Search(ctx context.Context, q Query) ([]Hit, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	ix.mu.RLock()
	p := ix.plan(q.Text)
	ix.mu.RUnlock()
	if len(p.words) == 0 && len(p.expansions) == 0 {
		return nil, nil
	}
	req := bleve.NewSearchRequestOptions(p.query(q.Commune), hitsPerQuery, 0, false)
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("knowledge: search: %w", err)
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	groups := make(map[string]*group)
	order := ix.addHits(res.Hits, groups, nil)
	order, err = ix.addNamed(ctx, p, q.Commune, groups, order)
	if err != nil {
		return nil, err
	}
	ix.rerank(p, order)
	for _, g := range order {
		if strings.Contains(g.entry.Level, "xã") {
			g.score *= communeBonus
		}
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].score > order[j].score })
	// The same procedure done at several levels is one answer.
	// Of near ties, the one done at the commune is kept: the district
	// level is gone, but its records remain.
	seen := make(map[string]int, len(order))
	kept := make([]*group, 0, len(order))
	for _, g := range order {
		k := titleKey(g.entry.foldTitle)
		if i, ok := seen[k]; ok {
			if atCommune(g.entry.foldTitle) && !atCommune(kept[i].entry.foldTitle) && g.score >= nearTie*kept[i].score {
				kept[i] = g
			}
			continue
		}
		seen[k] = len(kept)
		kept = append(kept, g)
	}
	order = kept
	if len(order) > limit {
		order = order[:limit]
	}
	hits := make([]Hit, 0, len(order))
	for _, g := range order {
		tc, named := ix.titleCoverage(p, g.entry)
		hits = append(hits, Hit{
			DocID:         g.entry.ID,
			PassageID:     g.best.ID,
			Kind:          g.entry.Kind,
			Title:         g.entry.Title,
			Section:       g.best.Section,
			Heading:       g.best.Heading,
			Snippet:       snippet(g.best.Text, 240),
			Text:          g.best.Text,
			URL:           g.entry.URL,
			Commune:       g.entry.Commune,
			Score:         g.score,
			Coverage:      ix.coverage(p, g.entry),
			Topical:       ix.topical(p, g.entry),
			TitleCoverage: tc,
			Named:         named,
		})
	}
	return hits, nil
}

// addNamed adds to a result list the documents one of whose residents'
// names the question says word for word but that bleve left below
// hitsPerQuery passages, common words like "đổi" outscoring them: "đổi
// chủ hộ" must find the procedure residents call so. The caller holds
// ix.mu for reading.
func (ix *Index) addNamed(ctx context.Context, p plan, commune string, groups map[string]*group, order []*group) ([]*group, error) {
	var ids []string
	for id, e := range ix.docs {
		if _, found := groups[id]; found || len(e.names) == 0 || saidName(p.said, e.names) == 0 {
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

// addHits adds bleve's passage hits to their documents' groups, new
// groups in the order met. A document's evidence adds up over its first
// three passages: the title on the first, the details on the others. The
// caller holds ix.mu for reading.
func (ix *Index) addHits(hits search.DocumentMatchCollection, groups map[string]*group, order []*group) []*group {
	for _, h := range hits {
		docID := h.ID[:strings.LastIndexByte(h.ID, '#')]
		e, ok := ix.docs[docID]
		if !ok {
			continue
		}
		g, ok := groups[docID]
		if !ok {
			g = &group{entry: e, best: e.passages[h.ID]}
			groups[docID] = g
			order = append(order, g)
		}
		if g.matches < 3 {
			g.score += h.Score
		}
		g.matches++
	}
	return order
}

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
	top := groups[0].score
	longestName := 0 // words of the longest name the question says word for word
	for _, g := range groups {
		if g.score > top {
			top = g.score
		}
		g.named = saidName(p.said, g.entry.names)
		longestName = max(longestName, g.named)
	}
	for _, g := range groups {
		// A title of another stage than the one the question names gets
		// nothing from the residents' name the question says: "có đăng ký
		// hộ kinh doanh, muốn tạm ngừng" names the registration only to
		// say what is paused.
		act := actionFit(p.words, g.entry.foldTitle)
		precision := ix.explained(asked, g.entry.titleWeights)
		named := 0.0 // how fully a name residents use says what was asked
		if act == 1 {
			for _, nw := range g.entry.nameWeights {
				named = max(named, ix.explained(asked, nw))
			}
		}
		precision = max(precision, named)
		share := g.score / top
		// A commune's own document whose title the question names by a
		// pair of words few titles hold ("thôn Phú Túc") is what the
		// resident asks about, before a national procedure that shares
		// the common words.
		if g.entry.Commune != "" && ix.namesRare(p, g.entry) {
			share, precision = nameBonus, 1 // as strong as the best match, and named
		}
		if g.named > 0 && g.named == longestName && act == 1 {
			// A name said word for word that explains what the question
			// is about weighs at least namedShare of the best match of
			// the words, however long the record's names field.
			if ix.namesExplain(p, g.entry) >= minNamedExplain {
				share = max(share, namedShare)
			}
			share *= nameBonus
		}
		g.score = share * (titleFloor + (1-titleFloor)*precision)
		if named < 1 {
			g.score *= variantFit(p.words, g.entry.foldTitle)
		}
		g.score *= act
		if p.age > 0 {
			g.score *= ageFit(p.age, g.entry.ages)
		}
		c := ix.wordCoverage(p, g.entry)
		g.score *= coverFloor + (1-coverFloor)*c*c*c
	}
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
	var have, want float64
	for _, w := range p.topic {
		if askWords[w] {
			continue
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

// saidName returns the words of the longest of names (each " "-padded)
// that the question says word for word, 0 for none; names of one word are
// left to the title. Only the procedures with the longest such name get
// nameBonus: "làm giấy khai sinh" inside "chưa từng được làm giấy khai
// sinh" must not outweigh the procedure for those never registered.
func saidName(said []string, names []string) int {
	if len(names) == 0 {
		return 0
	}
	q := " " + strings.Join(said, " ") + " "
	longest := 0
	for _, n := range names {
		if w := strings.Count(n, " ") - 1; w >= 2 && w > longest && strings.Contains(q, n) {
			longest = w
		}
	}
	return longest
}

// variantMarkers are title words that make a procedure a variant of a
// more common one: a resident who says none of them means the common one
// ("đăng ký kết hôn", not "đăng ký lại kết hôn" or "… lưu động").
var variantMarkers = []string{" lai ", " doi ", " luu dong ", " nuoc ngoai ", " ket hop ", " bien gioi ", " toan trinh "}

// variantWeight is the weight of a title for each variant marker the
// question does not say.
const variantWeight = 0.8

// variantFit weighs a title by the variant markers it has and the
// question lacks.
func variantFit(words []string, foldTitle string) float64 {
	q := " " + strings.Join(words, " ") + " "
	fit := 1.0
	for _, m := range variantMarkers {
		if strings.Contains(foldTitle, m) && !strings.Contains(q, m) {
			fit *= variantWeight
		}
	}
	return fit
}

// actions are the stages of a procedure's life that sibling procedures
// split between them (setting up, changing, suspending, ending,
// re-issuing, repairing): the words a question says them with, and the
// words a title says them with.
var actions = []struct{ said, title []string }{
	{[]string{" tam ngung ", " tam dung ", " tam nghi "}, []string{" tam ngung "}},
	{[]string{" cham dut ", " giai the ", " dong cua ", " dong mst ", " ngung han ", " nghi han ", " khong kinh doanh nua ", " thoi kinh doanh "}, []string{" cham dut ", " giai the "}},
	{[]string{" thay doi ", " doi ten ", " doi dia chi ", " sua dia chi ", " chuyen dia diem ", " doi nganh ", " them nganh ", " bo sung nganh ", " dieu chinh ", " sua doi ", " sua thong tin ", " sua noi dung "}, []string{" thay doi ", " dieu chinh ", " sua doi "}},
	{[]string{" sua chua ", " cai tao ", " sua nha ", " sua lai nha ", " nang cap nha "}, []string{" sua chua ", " cai tao "}},
	{[]string{" cap lai ", " lam lai "}, []string{" cap lai "}},
}

// actionWeight is the weight of a title that says none of the stage a
// question names but another stage, or a first registration.
const actionWeight = 0.5

// otherStage are title words of a procedure's other stages, a first
// registration included.
var otherStage = []string{" thanh lap ", " dang ky moi ", " lan dau ", " cap moi ", " xay dung moi ", " tam ngung ", " cham dut ", " giai the ", " thay doi ", " sua chua ", " cai tao "}

// actionFit weighs a title by whether it is the stage of a procedure's
// life the question names: "tạm ngừng kinh doanh" is not "đăng ký thành
// lập hộ kinh doanh".
func actionFit(words []string, foldTitle string) float64 {
	q := " " + strings.Join(words, " ") + " "
	title := " " + foldTitle + " "
	for _, a := range actions {
		if !containsAny(q, a.said...) || containsAny(title, a.title...) {
			continue
		}
		if containsAny(title, otherStage...) {
			return actionWeight
		}
	}
	return 1
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

// snippet cuts text to about n bytes at a word boundary.
func snippet(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if len(text) <= n {
		return text
	}
	cut := strings.LastIndexByte(text[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8Start(text[cut]) {
			cut--
		}
	}
	return text[:cut] + " …"
}
