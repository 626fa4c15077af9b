// Package ingest is the one way documents from files enter the
// knowledge base, for the admin pages, the admin API and "hoidap ingest"
// alike: the file is parsed by its content (knowledge/upload), its
// documents get their ids (a portal record's code, else a random one) and
// their commune, the original is kept under the data directory's uploads,
// and either every document lands, searchable, or nothing changes.
package ingest

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"log/slog"

	"github.com/hoidap/hoidap/internal/fault"
	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/upload"
)

// UploadsDir is where originals are kept, inside the data directory.
const UploadsDir = "uploads"

// uploadPrefix starts the random id of an uploaded article.
const uploadPrefix = "tl-"

// Errors of the workflow, besides upload's refusals.
var (
	// ErrOtherCommune means a file would replace a document of another
	// commune (or the province's) than the one it is uploaded for.
	ErrOtherCommune = errors.New("ingest: the document belongs to another commune")
	// ErrReplaceMany refuses to replace one document with a file of
	// several; it is a refusal the user may read.
	ErrReplaceMany error = &fault.Error{Reason: upload.ErrUnsupported,
		Message: "Tệp thay thế phải chứa đúng một tài liệu. (A replacement must hold exactly one document)"}
)

// Base is what the workflow needs of the knowledge base.
type Base interface {
	Ingest(ctx context.Context, docs ...knowledge.Document) error
	Delete(ctx context.Context, id string) error
	Document(ctx context.Context, id string) (knowledge.Document, error)
	Documents(ctx context.Context, o knowledge.ListOptions) ([]knowledge.Document, error)
	OriginalPaths(ctx context.Context) (map[string]bool, error)
	// Dir is the data directory; "" keeps no originals.
	Dir() string
}

// Workflow ingests files into a knowledge base.
type Workflow struct {
	kb     Base
	limits upload.Limits
	log    *slog.Logger
}

// New returns the workflow of kb, parsing files within limits; a nil log
// discards.
func New(kb Base, limits upload.Limits, log *slog.Logger) *Workflow {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Workflow{kb: kb, limits: limits, log: log}
}

// Upload parses f and ingests its documents for commune, or in
// place of the document replace when it is not nil. The original file is
// kept under the data directory's uploads; if anything fails, the store,
// the index and the uploads are as they were.
func (w *Workflow) Upload(ctx context.Context, f upload.File, commune string, replace *knowledge.Document) ([]knowledge.Document, error) {
	docs, err := upload.Parse(f, w.limits)
	if err != nil {
		return nil, err
	}
	if replace != nil && len(docs) != 1 {
		return nil, ErrReplaceMany
	}
	for i := range docs {
		d := &docs[i]
		switch {
		case replace != nil:
			d.ID, commune = replace.ID, replace.Commune
		case d.Procedure != nil && d.Procedure.Code != "":
			d.ID = PortalID(d.Procedure.Code, commune)
		default:
			if d.ID, err = randomID(uploadPrefix); err != nil {
				return nil, err
			}
		}
		d.Commune, d.OriginalName = commune, upload.SafeName(f.Name)
	}
	prior, err := w.priorVersions(ctx, docs)
	if err != nil {
		return nil, err
	}
	// A new upload replaces only the same scope's own copy of a record:
	// never another commune's document, whatever its id.
	for _, old := range prior {
		if old.commune != commune {
			return nil, ErrOtherCommune
		}
	}
	kept, err := w.keepOriginal(ctx, f)
	if err != nil {
		return nil, err
	}
	for i := range docs {
		docs[i].OriginalPath = kept
	}
	if err := w.kb.Ingest(ctx, docs...); err != nil {
		w.undoIngest(ctx, docs, prior)
		w.RemoveOriginal(ctx, kept)
		return nil, err
	}
	if replace != nil && replace.OriginalPath != kept {
		w.RemoveOriginal(ctx, replace.OriginalPath)
	}
	return docs, nil
}

// prior is a stored document that an upload replaces, kept until the
// upload has landed in case it must be written back: its commune, and
// the document itself gob-encoded and compressed, since a portal export
// replaces thousands of records (about 50 MB as documents, 4 MB so).
type prior struct {
	commune string
	packed  []byte
}

func packPrior(d knowledge.Document) (prior, error) {
	var b bytes.Buffer
	zw, err := flate.NewWriter(&b, flate.BestSpeed)
	if err != nil {
		return prior{}, err
	}
	if err := gob.NewEncoder(zw).Encode(d); err != nil {
		return prior{}, fmt.Errorf("ingest: keep %s: %w", d.ID, err)
	}
	if err := zw.Close(); err != nil {
		return prior{}, fmt.Errorf("ingest: keep %s: %w", d.ID, err)
	}
	return prior{commune: d.Commune, packed: b.Bytes()}, nil
}

func (p prior) document() (knowledge.Document, error) {
	var d knowledge.Document
	zr := flate.NewReader(bytes.NewReader(p.packed))
	defer zr.Close()
	err := gob.NewDecoder(zr).Decode(&d)
	return d, err
}

// priorVersions returns the stored documents that docs would replace.
func (w *Workflow) priorVersions(ctx context.Context, docs []knowledge.Document) (map[string]prior, error) {
	priors := map[string]prior{}
	for _, d := range docs {
		old, err := w.kb.Document(ctx, d.ID)
		switch {
		case err == nil:
			p, perr := packPrior(old)
			if perr != nil {
				return nil, perr
			}
			priors[d.ID] = p
		case !errors.Is(err, knowledge.ErrNotFound):
			return nil, err
		}
	}
	return priors, nil
}

// undoIngest puts the store back as it was when Ingest failed after its
// store transaction (the index write failed): replaced documents are
// written back, new ones deleted. The index follows the store, at once or
// by the replay at the next start. Failures are logged; the upload has
// already failed.
func (w *Workflow) undoIngest(ctx context.Context, docs []knowledge.Document, priors map[string]prior) {
	for _, d := range docs {
		var err error
		if p, ok := priors[d.ID]; ok {
			var old knowledge.Document
			if old, err = p.document(); err == nil {
				err = w.kb.Ingest(ctx, old)
			}
		} else if _, gerr := w.kb.Document(ctx, d.ID); gerr == nil {
			err = w.kb.Delete(ctx, d.ID)
		}
		if err != nil {
			w.log.Error("undo failed upload", slog.String("id", d.ID), slog.Any("error", err))
		}
	}
}
