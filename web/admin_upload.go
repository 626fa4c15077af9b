package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/internal/fault"
	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/portal"
	"github.com/hoidap/hoidap/knowledge/upload"
)

// uploadsDir is where originals are kept, inside the data directory.
const uploadsDir = "uploads"

// errNoFile is an upload form sent without a file.
var errNoFile = &fault.Error{Reason: upload.ErrNoText, Message: "Chưa chọn tệp để tải lên. (No file chosen)"}

// errReplaceMany refuses to replace one document with a file of several.
var errReplaceMany = &fault.Error{Reason: upload.ErrUnsupported,
	Message: "Tệp thay thế phải chứa đúng một tài liệu. (A replacement must hold exactly one document)"}

// errUploadTooLarge is a body cut at the size limit.
var errUploadTooLarge = &fault.Error{Reason: upload.ErrTooLarge, Message: tooLargeMessage}

// readUpload reads the form's "file" within the size limit.
func readUpload(c *gin.Context, max int64) (upload.File, error) {
	fh, err := c.FormFile("file")
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return upload.File{}, errUploadTooLarge
	case errors.Is(err, http.ErrMissingFile):
		return upload.File{}, errNoFile
	case err != nil:
		return upload.File{}, fmt.Errorf("web: upload form: %w", err)
	}
	if fh.Size > max {
		return upload.File{}, errUploadTooLarge
	}
	f, err := fh.Open()
	if err != nil {
		return upload.File{}, fmt.Errorf("web: open upload: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return upload.File{}, fmt.Errorf("web: read upload: %w", err)
	}
	if int64(len(data)) > max {
		return upload.File{}, errUploadTooLarge
	}
	return upload.File{Name: fh.Filename, Data: data}, nil
}

// receiveUpload checks that the user may upload for commune (errForbidden
// otherwise, before the file is read), reads the request's file and
// ingests it, for the admin pages and the admin API alike.
func (s *Server) receiveUpload(c *gin.Context, commune string) ([]knowledge.Document, error) {
	if err := s.uploadScope(c, commune); err != nil {
		return nil, err
	}
	f, err := readUpload(c, s.admin.limits.MaxBytes)
	if err != nil {
		return nil, err
	}
	return s.ingestUpload(c.Request.Context(), f, commune, nil)
}

// ingestUpload parses f and ingests its documents for commune, or in
// place of the document replace when it is not nil. The original file is
// kept under the data directory's uploads; if anything fails, the store,
// the index and the uploads are as they were.
func (s *Server) ingestUpload(ctx context.Context, f upload.File, commune string, replace *knowledge.Document) ([]knowledge.Document, error) {
	docs, err := upload.Parse(f, s.admin.limits)
	if err != nil {
		return nil, err
	}
	if replace != nil && len(docs) != 1 {
		return nil, errReplaceMany
	}
	for i := range docs {
		d := &docs[i]
		switch {
		case replace != nil:
			d.ID, commune = replace.ID, replace.Commune
		case d.Procedure != nil && d.Procedure.Code != "":
			d.ID = portalID(d.Procedure.Code, commune)
		default:
			if d.ID, err = randomID("tl-"); err != nil {
				return nil, err
			}
		}
		d.Commune, d.OriginalName = commune, upload.SafeName(f.Name)
	}
	prior, err := s.priorVersions(ctx, docs)
	if err != nil {
		return nil, err
	}
	// A new upload replaces only the same scope's own copy of a record:
	// never another commune's document, whatever its id.
	for _, old := range prior {
		if old.Commune != commune {
			return nil, errForbidden
		}
	}
	kept, err := s.keepOriginal(f)
	if err != nil {
		return nil, err
	}
	for i := range docs {
		docs[i].OriginalPath = kept
	}
	if err := s.cfg.Knowledge.Ingest(ctx, docs...); err != nil {
		s.undoIngest(ctx, docs, prior)
		s.removeOriginal(ctx, kept)
		return nil, err
	}
	if replace != nil && replace.OriginalPath != kept {
		s.removeOriginal(ctx, replace.OriginalPath)
	}
	return docs, nil
}

// priorVersions returns the stored documents that docs would replace.
func (s *Server) priorVersions(ctx context.Context, docs []knowledge.Document) (map[string]knowledge.Document, error) {
	prior := map[string]knowledge.Document{}
	for _, d := range docs {
		old, err := s.cfg.Knowledge.Document(ctx, d.ID)
		switch {
		case err == nil:
			prior[d.ID] = old
		case !errors.Is(err, knowledge.ErrNotFound):
			return nil, err
		}
	}
	return prior, nil
}

// undoIngest puts the store back as it was when Ingest failed after its
// store transaction (the index write failed): replaced documents are
// written back, new ones deleted. The index follows the store, at once or
// by the replay at the next start. Failures are logged; the upload has
// already failed.
func (s *Server) undoIngest(ctx context.Context, docs []knowledge.Document, prior map[string]knowledge.Document) {
	for _, d := range docs {
		var err error
		if old, ok := prior[d.ID]; ok {
			err = s.cfg.Knowledge.Ingest(ctx, old)
		} else if _, gerr := s.cfg.Knowledge.Document(ctx, d.ID); gerr == nil {
			err = s.cfg.Knowledge.Delete(ctx, d.ID)
		}
		if err != nil {
			s.log.Error("undo failed upload", slog.String("id", d.ID), slog.Any("error", err))
		}
	}
}

// portalID names a national portal record: "dvc-" and its code, with
// "-" and the commune for a commune's own copy. The code keeps letters,
// digits, dots and underscores only: no "-", so that no code can end in a
// commune's name and make another commune's id ("9.999001-tran" uploaded
// for hung-dao-hai-phong is not 9.999001 of tran-hung-dao-hai-phong).
func portalID(code, commune string) string {
	var b strings.Builder
	b.WriteString(portal.IDPrefix)
	for _, r := range code {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '.' || r == '_' {
			b.WriteRune(r)
		}
	}
	if commune != "" {
		b.WriteString("-" + commune)
	}
	return b.String()
}

func randomID(prefix string) (string, error) {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("web: random id: %w", err)
	}
	return prefix + hex.EncodeToString(b), nil
}

// keepOriginal writes the uploaded file under uploads/ with a random
// prefix and its sanitised name, and returns the path relative to the data
// directory; "" when the knowledge base lives in memory. The file is
// written under a partial name and renamed once whole and synced, so that
// a process killed mid-write leaves only a partial file, which
// SweepUploads removes.
func (s *Server) keepOriginal(f upload.File) (string, error) {
	dir := s.cfg.Knowledge.Dir()
	if dir == "" {
		return "", nil
	}
	prefix, err := randomID("")
	if err != nil {
		return "", err
	}
	rel := uploadsDir + "/" + prefix + "-" + upload.SafeName(f.Name)
	if err := os.MkdirAll(filepath.Join(dir, uploadsDir), 0o750); err != nil {
		return "", fmt.Errorf("web: keep upload: %w", err)
	}
	part := filepath.Join(dir, uploadsDir, partPrefix+prefix)
	out, err := os.OpenFile(part, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o640)
	if err != nil {
		return "", fmt.Errorf("web: keep upload: %w", err)
	}
	_, err = out.Write(f.Data)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(part, filepath.Join(dir, filepath.FromSlash(rel)))
	}
	if err != nil {
		os.Remove(part)
		return "", fmt.Errorf("web: keep upload: %w", err)
	}
	return rel, nil
}

// removeOriginal deletes a kept original unless a document still refers
// to it (a portal file holds several). Only files
// under uploads/ are touched; a failure is logged, not returned, since
// the documents are already as they should be.
func (s *Server) removeOriginal(ctx context.Context, rel string) {
	dir := s.cfg.Knowledge.Dir()
	if dir == "" || rel == "" || !strings.HasPrefix(rel, uploadsDir+"/") || strings.Contains(rel, "..") {
		return
	}
	docs, err := s.cfg.Knowledge.Documents(ctx, knowledge.ListOptions{})
	if err != nil {
		s.log.Error("remove upload", slog.Any("error", err))
		return
	}
	for _, d := range docs {
		if d.OriginalPath == rel {
			return
		}
	}
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(rel))); err != nil && !errors.Is(err, os.ErrNotExist) {
		s.log.Error("remove upload", slog.Any("error", err))
	}
}
