package web

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"go.yaml.in/yaml/v3"
)

// openapiYAML describes /api/v1; openapi_test.go checks it against the
// real handlers' responses.
//
//go:embed openapi.yaml
var openapiYAML []byte

// openapiDoc is the API description as served, with its ETag.
type openapiDoc struct {
	body []byte
	etag string
}

// newOpenAPIDoc checks that the description is OpenAPI 3 YAML, so a
// broken one fails the boot rather than its readers.
func newOpenAPIDoc() (*openapiDoc, error) {
	var head struct {
		OpenAPI string         `yaml:"openapi"`
		Paths   map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(openapiYAML, &head); err != nil {
		return nil, fmt.Errorf("web: openapi.yaml: %w", err)
	}
	if !strings.HasPrefix(head.OpenAPI, "3.") || len(head.Paths) == 0 {
		return nil, fmt.Errorf("web: openapi.yaml: not an OpenAPI 3 document with paths")
	}
	sum := sha256.Sum256(openapiYAML)
	return &openapiDoc{body: openapiYAML, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}, nil
}

// handleOpenAPI serves GET /api/v1/openapi.yaml, cached for an hour and
// revalidated by ETag.
func (s *Server) handleOpenAPI(c *gin.Context) {
	d := s.ops.openapi
	c.Header("Cache-Control", "public, max-age=3600")
	c.Header("ETag", d.etag)
	if c.GetHeader("If-None-Match") == d.etag {
		c.Status(http.StatusNotModified)
		return
	}
	c.Data(http.StatusOK, "application/yaml; charset=utf-8", d.body)
}
