package chatbot

import (
	"strings"
	"sync"
)

// maxMemo bounds each of the memo's maps; past it the map starts afresh.
const maxMemo = 4096

// Generations is implemented by a Knowledge that counts its writes
// (knowledge.Base). With it the bot keeps what it derives from documents
// (source cards, extractive answers of procedures) until the next write,
// instead of deriving it again for every resident asking the same thing.
type Generations interface {
	Generation() uint64
}

// memo keeps, for the knowledge base's current generation, each
// document's source card and each procedure answer's text. Safe for
// concurrent use.
type memo struct {
	mu      sync.Mutex
	gen     uint64
	cards   map[string]Source       // by document ID; N, ID and Section left empty
	texts   map[string]string       // by textKey
	records map[string]*recordFacts // by document ID
}

func newMemo() *memo {
	return &memo{cards: make(map[string]Source), texts: make(map[string]string), records: make(map[string]*recordFacts)}
}

// at returns the memo for generation gen: a newer one empties it, an older
// one (a caller that read documents before a write) gets nothing.
func (m *memo) at(gen uint64) bool {
	if gen > m.gen {
		m.gen = gen
		clear(m.cards)
		clear(m.texts)
		clear(m.records)
	}
	return gen == m.gen
}

func (m *memo) card(gen uint64, docID string) (Source, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.at(gen) {
		return Source{}, false
	}
	s, ok := m.cards[docID]
	return s, ok
}

func (m *memo) putCard(gen uint64, docID string, s Source) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.at(gen) {
		return
	}
	if len(m.cards) >= maxMemo {
		clear(m.cards)
	}
	m.cards[docID] = s
}

func (m *memo) text(gen uint64, key string) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.at(gen) {
		return "", false
	}
	t, ok := m.texts[key]
	return t, ok
}

func (m *memo) putText(gen uint64, key, text string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.at(gen) {
		return
	}
	if len(m.texts) >= maxMemo {
		clear(m.texts)
	}
	m.texts[key] = text
}

func (m *memo) record(gen uint64, docID string) (*recordFacts, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.at(gen) {
		return nil, false
	}
	f, ok := m.records[docID]
	return f, ok
}

func (m *memo) putRecord(gen uint64, docID string, f *recordFacts) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.at(gen) {
		return
	}
	if len(m.records) >= maxMemo {
		clear(m.records)
	}
	m.records[docID] = f
}

// textKey names an extractive answer from a procedure by the document,
// the close second's title and the intents; the caller adds the
// question's words.
// viewKey is a document's memo key for one view: a card or an answer
// reads fees for the day and names the commune's office.
func viewKey(docID string, v view) string {
	return docID + "\x00" + v.today.Format("20060102") + "\x00" + v.contact.Name + "\x00" + v.contact.Address + "\x00" + v.lang
}

func textKey(best, second string, intents []intent) string {
	var b strings.Builder
	b.WriteString(best)
	b.WriteByte(0)
	b.WriteString(second)
	for _, in := range intents {
		b.WriteByte(0)
		b.WriteString(string(in))
	}
	return b.String()
}
