package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/internal/fault"
	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/upload"
)

// errForbidden is a commune the user may not see or change.
var errForbidden = errors.New("forbidden commune")

// documentsPage is the data of admin_documents.html.
type documentsPage struct {
	adminPage
	Docs    []docRow
	Filter  string // "" all (an officer: their commune's), "-" province-wide, or a slug
	Page    int    // from 1
	PrevURL string // "" on the first page
	NextURL string // "" on the last page
	// Typed and Picks refill the upload form's commune after a name that
	// fitted several communes, with those communes.
	Typed string
	Picks []communePick
}

// docRow is a listed document and whether the user may change it.
type docRow struct {
	knowledge.Document
	Editable bool
}

// docsPerPage bounds the list: the real corpus holds thousands.
const docsPerPage = 100

// visibleDocuments lists, newest first, what the user may see under
// filter: a province administrator everything; an officer their own
// commune's documents (by default) or the province-wide ones (read only),
// never another commune's. limit 0 lists all; more tells whether there
// are documents past limit.
func (s *Server) visibleDocuments(c *gin.Context, filter string, limit, offset int) (rows []docRow, more bool, err error) {
	u := adminUser(c)
	switch {
	case u.Province():
	case filter == "":
		filter = u.Commune
	case filter != "-" && filter != u.Commune:
		return nil, false, errForbidden
	}
	o := knowledge.ListOptions{Commune: filter, Offset: offset}
	if limit > 0 {
		o.Limit = limit + 1
	}
	docs, err := s.cfg.Knowledge.Documents(c.Request.Context(), o)
	if err != nil {
		return nil, false, err
	}
	if limit > 0 && len(docs) > limit {
		docs, more = docs[:limit], true
	}
	for _, d := range docs {
		rows = append(rows, docRow{Document: d, Editable: s.mayCommune(c, d.Commune)})
	}
	return rows, more, nil
}

func (s *Server) handleDocuments(c *gin.Context) {
	s.renderDocuments(c, http.StatusOK, "")
}

// renderDocuments writes a page of the list with the upload form, and msg
// as an error when it is not empty.
func (s *Server) renderDocuments(c *gin.Context, status int, msg string) {
	s.renderDocumentsPick(c, status, msg, "", nil)
}

// renderDocumentsPick is renderDocuments with the upload form's commune
// typed back and the communes it may mean.
func (s *Server) renderDocumentsPick(c *gin.Context, status int, msg, typed string, offer []communePick) {
	p := documentsPage{adminPage: s.adminPage(c, "Tài liệu"), Filter: c.Query("commune"), Page: 1, Typed: typed, Picks: offer}
	p.Error = msg
	if n, err := strconv.Atoi(c.Query("page")); err == nil && n > 1 {
		p.Page = n
	}
	rows, more, err := s.visibleDocuments(c, p.Filter, docsPerPage, (p.Page-1)*docsPerPage)
	if errors.Is(err, errForbidden) {
		s.forbid(c)
		return
	}
	if err != nil {
		s.failPage(c, err)
		return
	}
	p.Docs = rows
	page := func(n int) string {
		return "/admin/documents?" + url.Values{"commune": {p.Filter}, "page": {strconv.Itoa(n)}}.Encode()
	}
	if p.Page > 1 {
		p.PrevURL = page(p.Page - 1)
	}
	if more {
		p.NextURL = page(p.Page + 1)
	}
	s.renderAdmin(c, status, "admin_documents.html", p)
}

// knownCommune reports whether slug names a commune: the demo commune, one
// of the directory or one the administrators created.
func (s *Server) knownCommune(ctx context.Context, slug string) (bool, error) {
	if _, ok := s.site.communes.Lookup(slug); ok {
		return true, nil
	}
	_, ok := s.site.communes.Saved(slug)
	return ok, nil
}

// uploadScope checks the commune an upload is for: one the user may act
// on and that exists.
func (s *Server) uploadScope(c *gin.Context, commune string) error {
	commune = strings.TrimSpace(commune)
	if !s.mayCommune(c, commune) {
		return errForbidden
	}
	if commune == "" {
		return nil
	}
	ok, err := s.knownCommune(c.Request.Context(), commune)
	if err == nil && !ok {
		err = &fault.Error{Reason: knowledge.ErrNotFound, Message: fmt.Sprintf(
			"Không có xã/phường mã %q. (No such commune)", commune)}
	}
	return err
}

// uploadFailure maps an upload error to a status and a message for the
// administrator, logging what is not the file's fault.
func (s *Server) uploadFailure(c *gin.Context, err error) (int, string) {
	var ue *fault.Error
	switch {
	case errors.Is(err, errForbidden):
		return http.StatusForbidden, "Bạn không có quyền với xã/phường này. (Forbidden for this commune)"
	case errors.Is(err, upload.ErrTooLarge):
		return http.StatusRequestEntityTooLarge, upload.Message(err)
	case errors.As(err, &ue), errors.Is(err, knowledge.ErrInvalid):
		return http.StatusBadRequest, upload.Message(err)
	case errors.Is(err, knowledge.ErrNotFound):
		return http.StatusNotFound, "Không tìm thấy tài liệu. (Not found)"
	}
	s.log.Error("upload failed", slog.String("path", c.FullPath()), slog.Any("error", err))
	return http.StatusInternalServerError, "Lỗi hệ thống, vui lòng thử lại sau. (Internal error)"
}

func (s *Server) handleUpload(c *gin.Context) {
	typed := strings.TrimSpace(c.PostForm("commune"))
	commune, msg, offer := s.postedCommune(typed)
	if msg != "" {
		s.renderDocumentsPick(c, http.StatusBadRequest, msg+" Chọn lại tệp khi gửi lại.", typed, offer)
		return
	}
	docs, err := s.receiveUpload(c, commune)
	if errors.Is(err, errForbidden) {
		s.forbid(c)
		return
	}
	if err != nil {
		status, msg := s.uploadFailure(c, err)
		s.renderDocuments(c, status, msg)
		return
	}
	if len(docs) == 1 {
		seeOther(c, "/admin/documents/"+url.PathEscape(docs[0].ID), "Đã tải lên: tài liệu đã tìm được ngay.")
		return
	}
	seeOther(c, "/admin/documents", fmt.Sprintf("Đã tải lên %d tài liệu.", len(docs)))
}

// documentPage is the data of admin_document.html and admin_delete.html.
type documentPage struct {
	adminPage
	Doc      knowledge.Document
	Editable bool
	// Scope is where the user hides procedures: their commune, or the
	// province ("") for its administrator; Hidden tells whether this one
	// is hidden there.
	Scope  string
	Hidden bool
}

// document loads the document of the URL if the user may see it (change
// it, when edit is set); otherwise it answers and returns false.
func (s *Server) document(c *gin.Context, edit bool) (knowledge.Document, bool) {
	d, err := s.cfg.Knowledge.Document(c.Request.Context(), c.Param("id"))
	if err != nil {
		s.failPage(c, err)
		return d, false
	}
	may := s.mayCommune(c, d.Commune)
	if !may && (edit || d.Commune != "") {
		s.forbid(c)
		return d, false
	}
	return d, true
}

func (s *Server) handleDocument(c *gin.Context) {
	d, ok := s.document(c, false)
	if !ok {
		return
	}
	p := documentPage{adminPage: s.adminPage(c, d.Title), Doc: d, Editable: s.mayCommune(c, d.Commune)}
	p.Scope = adminUser(c).Commune
	p.Hidden = s.cfg.Knowledge.IsHidden(d.ID, p.Scope)
	s.renderAdmin(c, http.StatusOK, "admin_document.html", p)
}

func (s *Server) handleReplace(c *gin.Context) {
	d, ok := s.document(c, true)
	if !ok {
		return
	}
	f, err := readUpload(c, s.admin.limits.MaxBytes)
	if err == nil {
		_, err = s.ingestUpload(c.Request.Context(), f, d.Commune, &d)
	}
	if err != nil {
		status, msg := s.uploadFailure(c, err)
		p := documentPage{adminPage: s.adminPage(c, d.Title), Doc: d, Editable: true}
		p.Error = msg
		s.renderAdmin(c, status, "admin_document.html", p)
		return
	}
	seeOther(c, "/admin/documents/"+url.PathEscape(d.ID), "Đã thay bằng tệp mới.")
}

func (s *Server) handleDeletePage(c *gin.Context) {
	d, ok := s.document(c, true)
	if !ok {
		return
	}
	p := documentPage{adminPage: s.adminPage(c, "Xóa tài liệu"), Doc: d, Editable: true}
	s.renderAdmin(c, http.StatusOK, "admin_delete.html", p)
}

func (s *Server) handleDelete(c *gin.Context) {
	d, ok := s.document(c, true)
	if !ok {
		return
	}
	if err := s.deleteDocument(c.Request.Context(), d); err != nil {
		s.failPage(c, err)
		return
	}
	seeOther(c, "/admin/documents", "Đã xóa: "+d.Title)
}

// deleteDocument removes a document from the store and the index, then
// its original file.
func (s *Server) deleteDocument(ctx context.Context, d knowledge.Document) error {
	if err := s.cfg.Knowledge.Delete(ctx, d.ID); err != nil {
		return err
	}
	s.uploads.RemoveOriginal(ctx, d.OriginalPath)
	return nil
}

// Library is what the admin documents pages need of the knowledge base
// beyond search: the list, deletion, and procedures hidden from a
// commune's residents ("" for the province's) where they do not apply.
type Library interface {
	Documents(ctx context.Context, o knowledge.ListOptions) ([]knowledge.Document, error)
	Delete(ctx context.Context, id string) error
	Hide(ctx context.Context, docID, commune, by string) error
	Unhide(ctx context.Context, docID, commune string) error
	IsHidden(docID, commune string) bool
}
