package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/internal/fault"
	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/ingest"
	"github.com/hoidap/hoidap/knowledge/upload"
)

// errNoFile is an upload form sent without a file.
var errNoFile = &fault.Error{Reason: upload.ErrNoText, Message: "Chưa chọn tệp để tải lên. (No file chosen)"}

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

// ingestUpload runs the ingest workflow on f for commune, or in place of
// replace when it is not nil: a document of another commune is
// errForbidden.
func (s *Server) ingestUpload(ctx context.Context, f upload.File, commune string, replace *knowledge.Document) ([]knowledge.Document, error) {
	docs, err := s.uploads.Upload(ctx, f, commune, replace)
	if errors.Is(err, ingest.ErrOtherCommune) {
		return nil, errForbidden
	}
	return docs, err
}

// Uploads is the ingest workflow: files in, documents searchable, the
// original kept; knowledge/ingest's Workflow.
type Uploads interface {
	Upload(ctx context.Context, f upload.File, commune string, replace *knowledge.Document) ([]knowledge.Document, error)
	RemoveOriginal(ctx context.Context, rel string)
	Sweep(ctx context.Context, age time.Duration) (int, error)
}
