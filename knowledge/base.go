package knowledge

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// Config says where the knowledge base lives and how it reads queries.
type Config struct {
	// Dir holds hoidap.db, the index and uploads; with DatabaseURL, only
	// the index. "" keeps them in memory (tests).
	Dir string
	// Dictionary is applied to queries; nil means the embedded default plus
	// Dir/dictionary.txt when it exists.
	Dictionary *vietnamese.Dictionary
	Logger     *slog.Logger
	// DatabaseURL is a PostgreSQL database (postgres://…) that replicas
	// share: documents live there, not in Dir/hoidap.db, and the base
	// follows the others' writes. "" keeps them in the SQLite file.
	DatabaseURL string
	// PollEvery is how often a replica looks for changes it was not told
	// of; 0 means DefaultPollEvery.
	PollEvery time.Duration
}

// Base is the knowledge base: the store, the index derived from it, and
// the operations that keep the two in step.
type Base struct {
	store  *Store
	index  *Index
	log    *slog.Logger
	dir    string
	writes sync.Mutex // one writer at a time keeps store and index in order

	// searches and docs hold recent results; every write empties them.
	searches *lru[[]Hit]
	docs     *lru[Document]
	hidden   hiddenSet // documents hidden from residents, by commune

	// shared is true when replicas share the store: the index follows
	// the change sequence, applied up to appliedSeq (written under
	// writes).
	shared     bool
	appliedSeq atomic.Int64
	stopFollow context.CancelFunc
	following  sync.WaitGroup

	closeOnce sync.Once
	closeErr  error
}

// Open opens the store in cfg.Dir and its index, rebuilding the index from
// the store when it is missing, stale or unreadable, and replaying index
// operations that a crash left pending.
func Open(ctx context.Context, cfg Config) (*Base, error) {
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	dict := cfg.Dictionary
	if dict == nil {
		var err error
		if dict, err = LoadDictionary(cfg.Dir); err != nil {
			return nil, err
		}
	}
	dbPath, indexDir := "", ""
	if cfg.Dir != "" {
		if err := os.MkdirAll(cfg.Dir, 0o750); err != nil {
			return nil, fmt.Errorf("knowledge: data dir: %w", err)
		}
		dbPath = filepath.Join(cfg.Dir, "hoidap.db")
		indexDir = filepath.Join(cfg.Dir, "index")
	}
	if cfg.DatabaseURL != "" {
		dbPath = cfg.DatabaseURL
	}
	store, err := OpenStore(ctx, dbPath)
	if err != nil {
		return nil, err
	}
	b := &Base{store: store, log: log, dir: cfg.Dir, shared: cfg.DatabaseURL != "",
		searches: newLRU[[]Hit](searchCacheEntries, searchCacheBytes),
		docs:     newLRU[Document](docCacheEntries, docCacheBytes)}
	if err := b.openIndex(ctx, indexDir, dict); err != nil {
		store.Close()
		return nil, err
	}
	if err := b.loadHidden(ctx); err != nil {
		b.Close()
		return nil, err
	}
	if b.shared {
		every := cfg.PollEvery
		if every <= 0 {
			every = DefaultPollEvery
		}
		fctx, stop := context.WithCancel(context.WithoutCancel(ctx))
		b.stopFollow = stop
		b.following.Add(1)
		go func() {
			defer b.following.Done()
			b.follow(fctx, every)
		}()
	}
	return b, nil
}

// LoadDictionary returns the embedded dictionary merged with
// dir/dictionary.txt, the administrators' own entries, when it exists.
func LoadDictionary(dir string) (*vietnamese.Dictionary, error) {
	dict := vietnamese.DefaultDictionary()
	if dir == "" {
		return dict, nil
	}
	f, err := os.Open(filepath.Join(dir, "dictionary.txt"))
	if errors.Is(err, os.ErrNotExist) {
		return dict, nil
	}
	if err != nil {
		return nil, fmt.Errorf("knowledge: dictionary: %w", err)
	}
	defer f.Close()
	own, err := vietnamese.ParseDictionary(f)
	if err != nil {
		return nil, fmt.Errorf("knowledge: %s: %w", f.Name(), err)
	}
	return dict.Merge(own), nil
}

// Ingest splits docs into passages and writes them, replacing documents
// with the same IDs. They are searchable when it returns. The store write
// is one transaction; the index follows it and is replayed from the store
// if the process dies in between.
func (b *Base) Ingest(ctx context.Context, docs ...Document) error {
	for i := range docs {
		if err := validate(&docs[i]); err != nil {
			return err
		}
		Split(&docs[i])
	}
	b.writes.Lock()
	defer b.writes.Unlock()
	defer b.invalidate()
	sp, err := b.store.putDocuments(ctx, docs)
	if err != nil {
		return err
	}
	if err := b.index.put(docs, nil); err != nil {
		return err
	}
	b.applied(sp)
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	return b.store.MarkIndexed(ctx, ids)
}

func validate(d *Document) error {
	d.Title = strings.TrimSpace(d.Title)
	if d.ID == "" || strings.ContainsAny(d.ID, "#/\\") {
		return fmt.Errorf("knowledge: document id %q: %w", d.ID, ErrInvalid)
	}
	if d.Title == "" {
		return fmt.Errorf("knowledge: document %s has no title: %w", d.ID, ErrInvalid)
	}
	if d.Kind == "" {
		d.Kind = KindArticle
		if d.Procedure != nil {
			d.Kind = KindProcedure
		}
	}
	if d.Procedure == nil && strings.TrimSpace(d.Body) == "" {
		return fmt.Errorf("knowledge: document %s has no text: %w", d.ID, ErrInvalid)
	}
	return nil
}

// Delete removes a document from the store and the index.
func (b *Base) Delete(ctx context.Context, id string) error {
	b.writes.Lock()
	defer b.writes.Unlock()
	defer b.invalidate()
	sp, err := b.store.deleteDocument(ctx, id)
	if err != nil {
		return err
	}
	if err := b.index.put(nil, []string{id}); err != nil {
		return err
	}
	b.applied(sp)
	return b.store.MarkIndexed(ctx, []string{id})
}

// Reindex throws the index away and rebuilds it from the store.
func (b *Base) Reindex(ctx context.Context) error {
	b.writes.Lock()
	defer b.writes.Unlock()
	return b.reindexLocked(ctx)
}

// reindexLocked is Reindex for a caller that holds b.writes.
func (b *Base) reindexLocked(ctx context.Context) error {
	defer b.invalidate()
	dict := b.index.dict
	if err := b.index.Close(); err != nil {
		return err
	}
	dir := ""
	if b.dir != "" {
		dir = filepath.Join(b.dir, "index")
		if err := os.RemoveAll(dir); err != nil {
			return fmt.Errorf("knowledge: reindex: %w", err)
		}
	}
	return b.openIndex(ctx, dir, dict)
}

// invalidate empties the caches after a write, even a failed one, whose
// store half may have gone through.
func (b *Base) invalidate() {
	b.searches.clear()
	b.docs.clear()
}

// Generation counts the writes to the base so far: what a caller derives
// from documents read after it returned a count stays true until the
// count moves.
func (b *Base) Generation() uint64 { return b.docs.generation() }

// Search finds documents for q; see Index.Search. Results are cached until
// the next write, which residents asking the same questions all day
// notice as speed; the caller owns the slice it gets.
func (b *Base) Search(ctx context.Context, q Query) ([]Hit, error) {
	key := searchKey(q)
	if hits, ok := b.searches.get(key); ok {
		return cloneHits(hits), nil
	}
	gen := b.searches.generation()
	limit := q.Limit
	if limit <= 0 {
		limit = 10
	}
	iq := q
	if n := b.hidden.count(q.Commune); n > 0 {
		iq.Limit = limit + min(n, 50) // room for the hidden ones left out
	}
	hits, err := b.index.Search(ctx, iq)
	if err != nil {
		return nil, err
	}
	hits = b.visible(q, hits, limit)
	b.searches.put(gen, key, cloneHits(hits), hitsSize(hits))
	return hits, nil
}

// Document returns a document with its passages, from a cache emptied by
// every write; the caller may change what it gets.
func (b *Base) Document(ctx context.Context, id string) (Document, error) {
	if d, ok := b.docs.get(id); ok {
		return cloneDocument(d), nil
	}
	gen := b.docs.generation()
	d, err := b.store.Document(ctx, id)
	if err != nil && !errors.Is(err, ErrNotFound) && b.shared && ctx.Err() == nil {
		// The shared database is down: the index holds what a resident's
		// answer needs, as of the replica's last catch-up.
		if d, ok := b.index.document(id); ok {
			b.log.Debug("document from the index: the store failed", slog.String("doc", id), slog.Any("error", err))
			return d, nil
		}
	}
	if err != nil {
		return Document{}, err
	}
	b.docs.put(gen, id, cloneDocument(d), docSize(&d))
	return d, nil
}

// Documents lists documents without passages.
func (b *Base) Documents(ctx context.Context, o ListOptions) ([]Document, error) {
	return b.store.Documents(ctx, o)
}

// Meta returns the value stored under key, or "" when there is none.
func (b *Base) Meta(ctx context.Context, key string) (string, error) { return b.store.Meta(ctx, key) }

// SetMeta stores value under key.
func (b *Base) SetMeta(ctx context.Context, key, value string) error {
	return b.store.SetMeta(ctx, key, value)
}

// EachDocument calls fn with every document and its passages, in id order.
func (b *Base) EachDocument(ctx context.Context, fn func(Document) error) error {
	return b.store.EachDocument(ctx, fn)
}

// CountDocuments returns the numbers of documents and passages stored.
func (b *Base) CountDocuments(ctx context.Context) (docs, passages int, err error) {
	return b.store.CountDocuments(ctx)
}

// OriginalPaths returns the kept originals that documents refer to,
// relative to the data directory.
func (b *Base) OriginalPaths(ctx context.Context) (map[string]bool, error) {
	return b.store.OriginalPaths(ctx)
}

// Ping checks that the database answers.
func (b *Base) Ping(ctx context.Context) error { return b.store.Ping(ctx) }

// DB returns the database the base keeps its documents in, so that the
// office's records can keep theirs beside them (see cmd wiring).
func (b *Base) DB() *sql.DB { return b.store.db }

// Dir returns the data directory, "" when in memory.
func (b *Base) Dir() string { return b.dir }

// Indexed returns the number of documents in the index.
func (b *Base) Indexed() int { return b.index.Len() }

// Close closes the index, then the store. Later calls do nothing.
func (b *Base) Close() error {
	b.closeOnce.Do(func() {
		if b.stopFollow != nil {
			b.stopFollow()
		}
		b.following.Wait()
		b.closeErr = errors.Join(b.index.Close(), b.store.Close())
	})
	return b.closeErr
}
