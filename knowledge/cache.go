package knowledge

import (
	"container/list"
	"strconv"
	"sync"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// Cache bounds. Residents ask the same few hundred questions about the same
// few hundred procedures, so a few thousand entries hold the working set;
// the byte bounds keep a province's long procedures from growing the heap
// past what GOMEMLIMIT allows.
const (
	searchCacheEntries = 4096
	searchCacheBytes   = 8 << 20
	docCacheEntries    = 1024
	docCacheBytes      = 8 << 20
)

// lru is a bounded least-recently-used map, safe for concurrent use, that
// a write to the base empties. A value computed before a write is never
// stored after it: put takes the generation read before the computation
// and drops the value when a write has bumped it since.
type lru[V any] struct {
	mu         sync.Mutex
	maxEntries int
	maxBytes   int
	bytes      int
	gen        uint64
	order      *list.List // front is the most recently used
	items      map[string]*list.Element
}

type lruItem[V any] struct {
	key  string
	val  V
	size int
}

func newLRU[V any](maxEntries, maxBytes int) *lru[V] {
	return &lru[V]{maxEntries: maxEntries, maxBytes: maxBytes, order: list.New(), items: make(map[string]*list.Element)}
}

// generation returns the count of writes so far, to pass to put.
func (c *lru[V]) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

func (c *lru[V]) get(key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok {
		var zero V
		return zero, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*lruItem[V]).val, true
}

// put keeps val under key unless a write happened since gen was read or
// the value alone is over the byte bound; it evicts the least recently
// used entries to stay within both bounds.
func (c *lru[V]) put(gen uint64, key string, val V, size int) {
	size += len(key) + 64 // list element, map entry, item header
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen || size > c.maxBytes {
		return
	}
	if e, ok := c.items[key]; ok {
		c.remove(e)
	}
	c.items[key] = c.order.PushFront(&lruItem[V]{key: key, val: val, size: size})
	c.bytes += size
	for c.order.Len() > c.maxEntries || c.bytes > c.maxBytes {
		c.remove(c.order.Back())
	}
}

func (c *lru[V]) remove(e *list.Element) {
	it := c.order.Remove(e).(*lruItem[V])
	delete(c.items, it.key)
	c.bytes -= it.size
}

// clear empties the cache and bumps the generation, so that values being
// computed from the state before a write are not stored.
func (c *lru[V]) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.order.Init()
	clear(c.items)
	c.bytes = 0
}

// len returns the number of entries.
func (c *lru[V]) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}

// searchKey is what makes two queries the same search: the words as the
// index reads them, with or without diacritics (both change the result, so
// both are kept), the commune, the limit and whether sound-alikes are
// respelled.
func searchKey(q Query) string {
	norm := vietnamese.Normalize(q.Text)
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	return vietnamese.Fold(norm) + "\x00" + norm + "\x00" + q.Commune + "\x00" + strconv.Itoa(limit) + "\x00" + strconv.FormatBool(q.Respell)
}

// hitsSize estimates the memory hits hold of their own. Hit.Text is not
// counted: its bytes are the passage's in the index, kept there anyway
// until a write, which empties the cache.
func hitsSize(hits []Hit) int {
	n := 0
	for i := range hits {
		h := &hits[i]
		n += 200 + len(h.DocID) + len(h.PassageID) + len(h.Kind) + len(h.Title) + len(h.Section) +
			len(h.Heading) + len(h.Snippet) + len(h.URL) + len(h.Commune)
	}
	return n
}

// cloneHits copies hits so that a caller's changes stay its own; strings
// are immutable and shared.
func cloneHits(hits []Hit) []Hit {
	if hits == nil {
		return nil
	}
	return append([]Hit(nil), hits...)
}

func docSize(d *Document) int {
	n := 400 + len(d.ID) + len(d.Title) + len(d.Body) + len(d.Source) + len(d.URL) + len(d.Commune) +
		len(d.OriginalName) + len(d.OriginalPath)
	for i := range d.Passages {
		p := &d.Passages[i]
		n += 100 + len(p.ID) + len(p.DocID) + len(p.Section) + len(p.Heading) + len(p.Text)
	}
	if p := d.Procedure; p != nil {
		n += 400 + len(p.Code) + len(p.Title) + len(p.Level) + len(p.Field) + len(p.Agency) + len(p.Audience) +
			len(p.Where) + len(p.OnlineURL) + len(p.Time) + len(p.Fee) + len(p.Result) + len(p.Conditions) +
			len(p.Related) + len(p.Note) + len(p.SourceURL)
		for _, m := range p.Methods {
			n += 64 + len(m.Channel) + len(m.Time) + len(m.Fee) + len(m.Note)
		}
		for _, s := range p.Steps {
			n += 16 + len(s)
		}
		for _, s := range p.LegalBasis {
			n += 16 + len(s)
		}
		for _, x := range p.Papers {
			n += 48 + len(x.Name) + len(x.Count) + len(x.Form)
		}
	}
	return n
}

// cloneDocument copies every slice and pointer of d, so that a caller
// editing the document it was given (the admin pages do) cannot change
// what the next caller reads.
func cloneDocument(d Document) Document {
	d.Passages = append([]Passage(nil), d.Passages...)
	if d.Procedure != nil {
		p := *d.Procedure
		p.Methods = append([]Method(nil), p.Methods...)
		p.Steps = append([]string(nil), p.Steps...)
		p.Papers = append([]Paper(nil), p.Papers...)
		p.LegalBasis = append([]string(nil), p.LegalBasis...)
		d.Procedure = &p
	}
	return d
}
