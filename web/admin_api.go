package web

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge"
)

// tokenUserName is the user name the configured HOIDAP_ADMIN_TOKEN acts as.
const tokenUserName = "HOIDAP_ADMIN_TOKEN"

// bearer returns the token of an Authorization header of the Bearer
// scheme, whose name is case-insensitive (RFC 7235).
func bearer(header string) (string, bool) {
	scheme, token, ok := strings.Cut(strings.TrimSpace(header), " ")
	token = strings.TrimSpace(token)
	return token, ok && strings.EqualFold(scheme, "Bearer") && token != ""
}

// requireToken lets through a request with a valid bearer token: the
// configured admin token (province-wide) or one created in the pages (with
// its creator's role and commune). Others get 401 in JSON.
func (s *Server) requireToken(c *gin.Context) {
	secret, ok := bearer(c.GetHeader("Authorization"))
	if !ok {
		s.unauthorized(c)
		return
	}
	if s.admin.token != "" && sameSecret(secret, s.admin.token) {
		c.Set(ctxUser, records.User{Name: tokenUserName, Role: records.RoleProvince})
		c.Next()
		return
	}
	t, err := s.admin.accounts.TokenBySecret(c.Request.Context(), secret)
	if errors.Is(err, records.ErrNoSession) {
		s.unauthorized(c)
		return
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	c.Set(ctxUser, records.User{ID: t.UserID, Name: t.Creator, Role: t.Role, Commune: t.Commune})
	c.Next()
}

// sameSecret compares in constant time, whatever the lengths.
func sameSecret(a, b string) bool {
	ha, hb := sha256.Sum256([]byte(a)), sha256.Sum256([]byte(b))
	return subtle.ConstantTimeCompare(ha[:], hb[:]) == 1
}

func (s *Server) unauthorized(c *gin.Context) {
	c.Header("WWW-Authenticate", `Bearer realm="hoidap admin"`)
	c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "Cần token quản trị hợp lệ trong tiêu đề Authorization: Bearer. (A valid admin bearer token is required)"})
}

// apiDocument is a document as the admin API lists it.
type apiDocument struct {
	ID           string    `json:"id"`
	Title        string    `json:"title"`
	Kind         string    `json:"kind"`
	Commune      string    `json:"commune"`
	Source       string    `json:"source,omitempty"`
	OriginalName string    `json:"original_name,omitempty"`
	Updated      time.Time `json:"updated"`
	Passages     int       `json:"passages,omitempty"`
}

func toAPI(d knowledge.Document) apiDocument {
	return apiDocument{ID: d.ID, Title: d.Title, Kind: d.Kind, Commune: d.Commune, Source: d.Source,
		OriginalName: d.OriginalName, Updated: d.Updated, Passages: len(d.Passages)}
}

// handleAPIDocuments lists the documents the token may see, newest first:
// ?commune= filters as on the documents page ("-" for province-wide only;
// an officer's token lists its commune's by default).
func (s *Server) handleAPIDocuments(c *gin.Context) {
	rows, _, err := s.visibleDocuments(c, c.Query("commune"), 0, 0)
	if errors.Is(err, errForbidden) {
		s.apiForbidden(c)
		return
	}
	if err != nil {
		s.fail(c, err)
		return
	}
	out := make([]apiDocument, len(rows))
	for i, r := range rows {
		out[i] = toAPI(r.Document)
	}
	c.JSON(http.StatusOK, gin.H{"documents": out})
}

func (s *Server) apiForbidden(c *gin.Context) {
	c.AbortWithStatusJSON(http.StatusForbidden, gin.H{"error": "Token không có quyền với xã/phường này. (Forbidden for this commune)"})
}

// handleAPIUpload ingests the multipart "file" for the optional
// "commune" (an officer's token: their own commune only) and answers
// once it is searchable: the first document's id, title and passage
// count, and every document when the file held several.
func (s *Server) handleAPIUpload(c *gin.Context) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, maxAdminForm)
	var tooBig *http.MaxBytesError
	if err := c.Request.ParseMultipartForm(8 << 20); errors.As(err, &tooBig) {
		c.AbortWithStatusJSON(http.StatusRequestEntityTooLarge, gin.H{"error": tooLargeMessage})
		return
	} else if err != nil {
		c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"error": "Cần gửi multipart/form-data với trường file. (Send multipart/form-data with a file field)"})
		return
	}
	commune := strings.TrimSpace(c.PostForm("commune"))
	if commune == "" && !adminUser(c).Province() {
		commune = adminUser(c).Commune // an officer's token uploads for its commune
	}
	idem, run := s.claimIdempotencyKey(c, commune)
	if !run {
		return
	}
	docs, err := s.receiveUpload(c, commune)
	if err != nil {
		status, msg := s.uploadFailure(c, err)
		s.finishIdempotency(c.Request.Context(), idem, status, nil)
		c.AbortWithStatusJSON(status, gin.H{"error": msg})
		return
	}
	all := make([]apiDocument, len(docs))
	for i, d := range docs {
		all[i] = toAPI(d)
	}
	s.log.Info("admin api upload", slog.String("user", adminUser(c).Name), slog.String("id", docs[0].ID), slog.Int("documents", len(docs)))
	body, err := json.Marshal(gin.H{"id": all[0].ID, "title": all[0].Title, "commune": commune, "passages": all[0].Passages, "documents": all})
	if err != nil {
		s.finishIdempotency(c.Request.Context(), idem, http.StatusInternalServerError, nil)
		s.fail(c, err)
		return
	}
	s.finishIdempotency(c.Request.Context(), idem, http.StatusCreated, body)
	c.Data(http.StatusCreated, "application/json; charset=utf-8", body)
}

func (s *Server) handleAPIDelete(c *gin.Context) {
	ctx := c.Request.Context()
	d, err := s.cfg.Knowledge.Document(ctx, c.Param("id"))
	if err != nil {
		s.fail(c, err)
		return
	}
	if !s.mayCommune(c, d.Commune) {
		s.apiForbidden(c)
		return
	}
	if err := s.deleteDocument(ctx, d); err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"id": d.ID, "deleted": true})
}
