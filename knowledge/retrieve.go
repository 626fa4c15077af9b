package knowledge

import (
	"context"
	"fmt"
	"math"
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
	words  []string
	cover  []string // the words coverage weighs: the topic
	said   []string // every folded word, filler included, in order
	filler []bool   // which of said are question filler
	typed  []string // said as typed, diacritics kept
	// way is how the question says the file is handed in ("làm trực
	// tiếp", "nộp online"), folded; dropOffice takes it out of said.
	way string
	// now is the index in said where what is asked begins after a story
	// of steps already done (nowAt), past the words said only in that
	// story; 0 and nil when there is none.
	now  int
	past map[string]bool
	// purpose is the span of said, from its "để", of a purpose the
	// question gives the procedure it names ("cấp đổi sổ đỏ để thế chấp
	// vay vốn": the mortgage is why, not what is asked; purposeAt); empty
	// at the end when there is none. The words said only in it are past
	// too.
	purpose wordSpan
	// who are the family ties said as whose someone is (kinSaid): they
	// name no procedure, and weigh less in coverage.
	who map[string]bool
	// ask is what is asked: said after the story, but for the purpose.
	ask         []string
	topic       []string          // words naming the procedure, for titles
	corrections map[string]string // unknown word -> known word one edit away
	respelled   map[string]bool   // the words a sound-alike was read as (respell)
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
	for _, w := range submitWay.FindAllString(text, -1) {
		p.way += " " + strings.Join(vietnamese.Words(w), " ")
	}
	text = dropDenied(dropOffice(dropChannel(text)))
	p.words = vietnamese.ContentWordsIn(text, func(pair string) bool {
		return ix.stats.titlePair(pair) || ix.dict != nil && ix.dict.HasPair(pair)
	})
	if len(p.words) == 0 {
		p.words = vietnamese.Words(text)
	}
	typed, said := vietnamese.Said(text)
	p.said, p.typed = said, typed
	clause := clauseStarts(text, len(said))
	p.now = nowAt(typed, said, clause)
	p.purpose = purposeAt(typed, said, clause, p.now)
	p.setAsk(ix)
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
	p.who = kinSaid(said)
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
	if b := broughtPapers(p); len(b) > 0 && slices.ContainsFunc(p.topic, func(w string) bool { return !b[w] }) {
		// "sang tên sổ đỏ cần CCCD của hai vợ chồng không" asks about the
		// transfer: the ID card brought is searched as a word of the body
		// only, or its records crowd the transfer out.
		p.topic = slices.DeleteFunc(slices.Clone(p.topic), func(w string) bool { return b[w] })
		p.expansions = slices.DeleteFunc(p.expansions, func(x string) bool {
			for _, w := range strings.Fields(x) {
				if !b[w] {
					return false
				}
			}
			return true
		})
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
	p.age = vietnamese.AgeSaid(text)
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

// setAsk sets what is asked, and the words said only outside it, from
// the story (now) and the purpose.
func (p *plan) setAsk(ix *Index) {
	p.ask = asked(p.said, p.now, p.purpose)
	p.past = ix.pastOnly(p.typed, p.said, p.now, p.purpose)
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
	ix.pace.begin()
	defer ix.pace.end()
	if !q.Respell {
		return ix.search(ctx, q, nil)
	}
	ix.mu.RLock()
	text, respelled := ix.respell(q.Text)
	ix.mu.RUnlock()
	if respelled == nil {
		return nil, nil
	}
	q.Text = text
	return ix.search(ctx, q, respelled)
}

// rankOrder sorts reranked results best first, a procedure done at the
// commune lifted by communeBonus.
func rankOrder(order []*group) {
	for _, g := range order {
		if strings.Contains(g.entry.Level, "xã") {
			g.score *= communeBonus
		}
		// Bleve sums a score's parts in no fixed order: the same
		// procedure's records of several provinces score alike but for
		// the last bits, which differ from search to search.
		g.score = math.Round(g.score/scoreGrain) * scoreGrain
	}
	sortOrder(order)
}

// sortOrder sorts groups by score, best first. Ties go by the document's
// ID: the same question must get the same procedure every time, in every
// commune.
func sortOrder(order []*group) {
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].score != order[j].score {
			return order[i].score > order[j].score
		}
		return order[i].entry.ID < order[j].entry.ID
	})
}

// scoreGrain is the precision scores are compared at.
const scoreGrain = 1e-9

// search is Search for one reading of the question; respelled are the
// words respell wrote into it.
func (ix *Index) search(ctx context.Context, q Query, respelled map[string]bool) ([]Hit, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	ix.mu.RLock()
	p := ix.plan(q.Text)
	p.respelled = respelled
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
	rankOrder(order)
	if kindFirst(order, titleKinds(strings.Join(p.said, " "))) {
		sortOrder(order)
	}
	// The same procedure done at several levels is one answer.
	// Of near ties, the one done at the commune is kept: the district
	// level is gone, but its records remain.
	// So is, whatever its score, the commune's or one that names no
	// level over its twin done at the province ("Cấp thẻ căn cước cho
	// người dưới 14 tuổi (thực hiện tại cấp tỉnh)"), unless the question
	// names the province; not one done at the ministry.
	province := strings.Contains(" "+strings.Join(p.said, " ")+" ", " tinh ")
	seen := make(map[string]int, len(order))
	kept := make([]*group, 0, len(order))
	for _, g := range order {
		k := titleKey(g.entry.foldTitle)
		if i, ok := seen[k]; ok {
			if atCommune(g.entry.foldTitle) && !atCommune(kept[i].entry.foldTitle) && g.score >= nearTie*kept[i].score ||
				!province && atProvince(kept[i].entry.foldTitle) && (atCommune(g.entry.foldTitle) || !strings.Contains(g.entry.foldTitle, " thuc hien tai cap ")) {
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
			NameSaid:      g.named >= 2,
		})
	}
	return hits, nil
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
