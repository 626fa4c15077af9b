package knowledge

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bolt "go.etcd.io/bbolt"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// MappingVersion changes whenever the index mapping or the analysis
// changes; an index built with another version is rebuilt from the store.
const MappingVersion = "7"

// lockWait bounds the wait for the index's lock, which the process that
// has it open holds until it closes: a second process (an ingest while the
// service runs) is told so instead of waiting for ever.
const lockWait = time.Second

const (
	versionKey = "hoidap_mapping_version"
	// scopeAll is the commune value of province-wide passages in the index
	// (bleve does not index empty keywords).
	scopeAll = "_all"
)

// indexDoc is what bleve sees of a passage.
type indexDoc struct {
	Title   string `json:"title"`
	Names   string `json:"names"` // what residents call a procedure, first passage only
	Heading string `json:"heading"`
	Body    string `json:"body"`
	DocID   string `json:"doc_id"`
	Commune string `json:"commune"`
}

// Index is the bleve index of passages plus the in-memory facts that
// ranking needs (titles, text, word statistics). It is derived from the
// store and can always be rebuilt from it.
type Index struct {
	bleve bleve.Index
	dict  *vietnamese.Dictionary

	mu    sync.RWMutex
	docs  map[string]*docEntry // by document ID
	stats wordStats

	pace *pace // indexing yields to searches

	// keepProcedures keeps each procedure's decoded record beside its
	// passages, so that the index alone can stand in for the store (a
	// replica whose shared database is down): about 28 MB more for the
	// 2,642 national records. Set before the index is filled.
	keepProcedures bool
}

func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	if err := vietnamese.AddAnalyzers(m); err != nil {
		return nil, fmt.Errorf("knowledge: analyzers: %w", err)
	}
	m.ScoringModel = "bm25"
	m.DefaultAnalyzer = vietnamese.AnalyzerFold
	doc := bleve.NewDocumentStaticMapping()
	text := func(name, analyzer string) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Name = name
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	for _, prop := range []string{"title", "names", "heading", "body"} {
		doc.AddFieldMappingsAt(prop,
			text(prop, vietnamese.AnalyzerAccent),
			text(prop+"_f", vietnamese.AnalyzerFold),
			text(prop+"_b", vietnamese.AnalyzerBigram))
	}
	kw := func(name string) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Name = name
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	doc.AddFieldMappingsAt("doc_id", kw("doc_id"))
	doc.AddFieldMappingsAt("commune", kw("commune"))
	m.DefaultMapping = doc
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m, nil
}

// openBleve opens the index in dir, or makes a new empty one when it is
// missing, unreadable or of another mapping version. fresh reports that the
// index is new and must be filled from the store. An empty dir makes an
// in-memory index.
func openBleve(dir string) (idx bleve.Index, fresh bool, err error) {
	m, err := newMapping()
	if err != nil {
		return nil, false, err
	}
	if dir == "" {
		idx, err = bleve.NewMemOnly(m)
		return idx, true, err
	}
	if _, statErr := os.Stat(filepath.Join(dir, "index_meta.json")); statErr == nil {
		idx, err = bleve.OpenUsing(dir, map[string]any{"bolt_timeout": lockWait.String()})
		if errors.Is(err, bolt.ErrTimeout) {
			// Never rebuilt: the index is whole, another process has it.
			return nil, false, fmt.Errorf("knowledge: open index %s: %w", dir, ErrBusy)
		}
		if err == nil {
			v, verr := idx.GetInternal([]byte(versionKey))
			if verr == nil && string(v) == MappingVersion {
				return idx, false, nil
			}
			idx.Close()
		}
	}
	if err := os.RemoveAll(dir); err != nil {
		return nil, false, fmt.Errorf("knowledge: remove stale index: %w", err)
	}
	idx, err = bleve.New(dir, m)
	if err != nil {
		return nil, false, fmt.Errorf("knowledge: create index: %w", err)
	}
	if err := idx.SetInternal([]byte(versionKey), []byte(MappingVersion)); err != nil {
		idx.Close()
		return nil, false, fmt.Errorf("knowledge: create index: %w", err)
	}
	return idx, true, nil
}

func newIndex(b bleve.Index, dict *vietnamese.Dictionary) *Index {
	return &Index{bleve: b, dict: dict, docs: make(map[string]*docEntry), stats: newWordStats(), pace: newPace()}
}

// maxBatchPassages bounds the passages one bleve batch analyses: a batch
// holds every passage's analysis in memory until it is written, so a
// write of many documents goes in several batches.
const maxBatchPassages = 256

// passageSpan is the passages from:to of a document, written in one batch.
type passageSpan struct {
	d        *Document
	from, to int
}

// put indexes docs, replacing earlier versions of the same documents, and
// removes from the index the IDs in gone (deleted documents), in batches
// of about maxBatchPassages passages, or fewer with pauses while residents
// search (pace). A document the index already holds is replaced in one
// batch, with the removal of its earlier version; a new one may span
// several and is searchable once its last batch is written.
func (ix *Index) put(docs []Document, gone []string) error {
	var spans []passageSpan
	n := 0
	flush := func() error {
		start := time.Now()
		if err := ix.putBatch(spans, gone); err != nil {
			return err
		}
		spans, n, gone = nil, 0, nil
		ix.pace.yield(time.Since(start))
		return nil
	}
	for i := range docs {
		d := &docs[i]
		if ix.has(d.ID) || len(d.Passages) == 0 {
			if n > 0 && n+len(d.Passages) > ix.pace.batchPassages() {
				if err := flush(); err != nil {
					return err
				}
			}
			spans, n = append(spans, passageSpan{d, 0, len(d.Passages)}), n+len(d.Passages)
			continue
		}
		for from := 0; from < len(d.Passages); {
			room := ix.pace.batchPassages() - n
			if room <= 0 {
				if err := flush(); err != nil {
					return err
				}
				continue
			}
			to := min(len(d.Passages), from+room)
			spans, n, from = append(spans, passageSpan{d, from, to}), n+to-from, to
		}
	}
	if len(spans) == 0 && len(gone) == 0 {
		return nil
	}
	return flush()
}

// has reports whether the index holds document id.
func (ix *Index) has(id string) bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	_, ok := ix.docs[id]
	return ok
}

// putBatch writes spans and the removal of gone in one bleve batch; a
// document whose last passages it writes enters the in-memory facts.
func (ix *Index) putBatch(spans []passageSpan, gone []string) error {
	batch := ix.bleve.NewBatch()
	for _, id := range gone {
		if err := ix.deleteFromBatch(batch, id); err != nil {
			return err
		}
	}
	for _, s := range spans {
		if s.from > 0 {
			continue
		}
		if err := ix.deleteFromBatch(batch, s.d.ID); err != nil {
			return err
		}
	}
	for _, s := range spans {
		d := s.d
		commune := d.Commune
		if commune == "" {
			commune = scopeAll
		}
		for i := s.from; i < s.to; i++ {
			p := d.Passages[i]
			heading := p.Heading
			if heading == d.Title {
				heading = ""
			}
			// The title goes with the first passage only: repeated on every
			// passage it would multiply the postings every query walks.
			title, names := "", ""
			if i == 0 {
				// Every document's names field holds its title, so that
				// a word's weight there is measured over all documents,
				// not over the few that residents have names for.
				title, names = d.Title, d.Title
				if d.Procedure != nil && len(d.Procedure.Names) > 0 {
					names += "\n" + strings.Join(d.Procedure.Names, "\n")
				}
			}
			if err := batch.Index(p.ID, indexDoc{Title: title, Names: names, Heading: heading, Body: p.Text, DocID: d.ID, Commune: commune}); err != nil {
				return fmt.Errorf("knowledge: index %s: %w", p.ID, err)
			}
		}
	}
	if err := ix.bleve.Batch(batch); err != nil {
		return fmt.Errorf("knowledge: index batch: %w", err)
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	for _, id := range gone {
		ix.forget(id)
	}
	for _, s := range spans {
		if s.to < len(s.d.Passages) {
			continue
		}
		ix.forget(s.d.ID)
		e := ix.newEntry(*s.d)
		ix.docs[s.d.ID] = e
		ix.stats.add(e)
	}
	return nil
}

// deleteFromBatch removes every passage of docID that the index holds,
// asking bleve rather than memory, so that passages left by a crash
// between the store and the index go too.
func (ix *Index) deleteFromBatch(batch *bleve.Batch, docID string) error {
	q := bleve.NewTermQuery(docID)
	q.SetField("doc_id")
	req := bleve.NewSearchRequestOptions(q, 10000, 0, false)
	res, err := ix.bleve.Search(req)
	if err != nil {
		return fmt.Errorf("knowledge: find passages of %s: %w", docID, err)
	}
	for _, h := range res.Hits {
		batch.Delete(h.ID)
	}
	return nil
}

// Len returns the number of documents in the index.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.docs)
}

// Close closes the bleve index.
func (ix *Index) Close() error {
	if ix.bleve == nil {
		return nil
	}
	err := ix.bleve.Close()
	if err != nil && !errors.Is(err, bleve.ErrorIndexClosed) {
		return fmt.Errorf("knowledge: close index: %w", err)
	}
	return nil
}
