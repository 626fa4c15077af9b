package knowledge

import (
	"slices"
	"strings"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// docEntry is what the index remembers of a document to rank and show it
// without a round trip to the store.
type docEntry struct {
	ID, Kind, Title, URL, Commune, Level string
	foldTitle                            string             // " " + folded title words + " "
	titleSeq                             []string           // the folded title words in order (titleRun)
	titleWeights                         map[string]float64 // distinct folded title word -> share it counts with
	ages                                 []ageBound         // age bounds the title states
	titlePairs                           []string           // distinct adjacent folded title (and names) syllables
	titleWords                           []string           // distinct folded syllables of the title and names
	typedTitle                           []string           // " " + title, then each name, lower-case with diacritics + " "
	names                                []string           // " " + folded words of each name residents use + " "
	nameWeights                          []map[string]float64
	level, audience                      string             // the procedure's level and audience, as the record writes them
	onAnyPaper                           bool               // Procedure.OnAnyPaper
	forMembers                           bool               // for the police or the army: submitted through their units, or about them
	forBodies                            bool               // its audience is organisations or officials only, no resident
	forOrganisations                     bool               // its title keeps it for organisations ("… là tổ chức")
	vehicles                             int                // the kinds of vehicle its title names (vehiclesNamed)
	foldText                             string             // " " + folded words of title and all passages + " "
	plain                                bool               // written without diacritics: any spelling matches its words
	wordIDs                              []uint32           // its distinct folded words (wordStats.intern), sorted
	passages                             map[string]Passage // by passage ID
	// head is the document without its text, which passages holds, and
	// without its procedure unless the index keeps them: the document as
	// the index can give it when the store cannot (see Index.document).
	head Document
}

// newEntry reads d into an entry as newDocEntry does, keeping its
// procedure when the index keeps them; the caller holds the index's
// write lock.
func (ix *Index) newEntry(d Document) *docEntry {
	e := newDocEntry(d, &ix.stats)
	if ix.keepProcedures {
		e.head.Procedure = d.Procedure
	}
	return e
}

// document returns the document id as the index holds it: its passages
// in order and, when the index keeps them, its procedure; its body is
// left out (its passages hold the text). False when the index does not
// have it.
func (ix *Index) document(id string) (Document, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	e, ok := ix.docs[id]
	if !ok {
		return Document{}, false
	}
	d := e.head
	d.Passages = make([]Passage, 0, len(e.passages))
	for _, p := range e.passages {
		d.Passages = append(d.Passages, p)
	}
	slices.SortFunc(d.Passages, func(a, b Passage) int { return a.Ordinal - b.Ordinal })
	return cloneDocument(d), true
}

func (ix *Index) forget(docID string) {
	if e, ok := ix.docs[docID]; ok {
		ix.stats.remove(e)
		delete(ix.docs, docID)
	}
}

// newDocEntry reads d into an entry, numbering its words in s; the caller
// holds the index's write lock.
func newDocEntry(d Document, s *wordStats) *docEntry {
	e := &docEntry{ID: d.ID, Kind: d.Kind, Title: d.Title, URL: d.URL, Commune: d.Commune,
		passages: make(map[string]Passage, len(d.Passages)), head: d}
	e.head.Body, e.head.Passages, e.head.Procedure = "", nil, nil
	var names []string
	if d.Procedure != nil {
		e.Level = d.Procedure.Level
		e.audience = d.Procedure.Audience
		if e.URL == "" {
			e.URL = d.Procedure.SourceURL
		}
		names = d.Procedure.Names
		e.onAnyPaper = d.Procedure.OnAnyPaper
		e.forBodies = forBodies(d.Procedure.Audience)
	}
	titleWords := vietnamese.Words(d.Title)
	e.foldTitle = " " + strings.Join(titleWords, " ") + " "
	e.forOrganisations = forOrganisations(e.foldTitle)
	// The vehicles a title excepts ("… tài sản khác … (trừ tàu thuyền
	// đánh cá …)") are not its own.
	own, _, _ := strings.Cut(e.foldTitle, " tru ")
	e.vehicles = vehiclesNamed(own + " ")
	if d.Procedure != nil {
		e.forMembers = forMembers(e.foldTitle, d.Procedure.Where)
	}
	e.titleSeq = titleWords
	e.titleWeights = titleWeights(d.Title)
	e.ages = titleAgeBounds(titleWords)
	seen := make(map[string]bool, len(titleWords))
	addPairs := func(words []string) {
		for i := 0; i+1 < len(words); i++ {
			if pair := words[i] + " " + words[i+1]; !seen[pair] {
				seen[pair] = true
				e.titlePairs = append(e.titlePairs, pair)
			}
		}
	}
	seenWord := make(map[string]bool, len(titleWords))
	addWords := func(words []string) {
		for _, w := range words {
			if !seenWord[w] {
				seenWord[w] = true
				e.titleWords = append(e.titleWords, w)
			}
		}
	}
	addPairs(titleWords)
	addWords(titleWords)
	typed, _ := vietnamese.Said(d.Title)
	e.typedTitle = append(e.typedTitle, " "+strings.Join(typed, " ")+" ")
	for _, n := range names {
		ws := vietnamese.Words(n)
		addPairs(ws)
		addWords(ws)
		typed, _ := vietnamese.Said(n)
		e.typedTitle = append(e.typedTitle, " "+strings.Join(typed, " ")+" ")
		e.names = append(e.names, " "+strings.Join(ws, " ")+" ")
		e.nameWeights = append(e.nameWeights, titleWeights(n))
	}
	// foldText is written at its exact size, and the words are kept as
	// numbers: the passages' own folded copies are not kept.
	folded := make([][]string, len(d.Passages))
	size := len(e.foldTitle)
	for _, n := range e.names {
		size += len(n)
	}
	for i, p := range d.Passages {
		e.passages[p.ID] = p
		folded[i] = vietnamese.Words(p.Heading + "\n" + p.Text)
		for _, w := range folded[i] {
			size += len(w) + 1
		}
	}
	var text strings.Builder
	text.Grow(size)
	text.WriteString(e.foldTitle)
	for _, n := range e.names {
		text.WriteString(n[1:])
	}
	for _, ws := range folded {
		for _, w := range ws {
			text.WriteString(w)
			text.WriteByte(' ')
		}
	}
	e.foldText = text.String()
	ids := make([]uint32, 0, 256)
	for w := range strings.FieldsSeq(e.foldText) {
		ids = append(ids, s.intern(w))
	}
	slices.Sort(ids)
	e.wordIDs = slices.Clone(slices.Compact(ids)) // not the whole run of words
	e.plain = !hasDiacritics(d.Title)
	for _, p := range d.Passages {
		e.plain = e.plain && !hasDiacritics(p.Text)
	}
	return e
}

// rebuild replaces the in-memory facts from scratch, for an index whose
// documents are already in bleve.
func (ix *Index) remember(docs []Document) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, d := range docs {
		ix.forget(d.ID)
		e := ix.newEntry(d)
		ix.docs[d.ID] = e
		ix.stats.add(e)
	}
}
