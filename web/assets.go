package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/gin-gonic/gin"
)

//go:embed static
var staticFS embed.FS

// asset is one embedded static file, kept plain and gzipped.
type asset struct {
	body, gz    []byte
	contentType string
}

// assets serves the embedded static files under content-hashed names
// ("app.3f2a1c.js"), so they can be cached for a year.
type assets struct {
	byHashed map[string]*asset // "app.3f2a1c.js" → file
	url      map[string]string // "app.js" → "/static/app.3f2a1c.js"
}

func newAssets() (*assets, error) {
	a := &assets{byHashed: map[string]*asset{}, url: map[string]string{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		sum := sha256.Sum256(body)
		ext := path.Ext(name)
		hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:6] + ext
		ct := mime.TypeByExtension(ext)
		if ct == "" {
			ct = "application/octet-stream"
		}
		gz, err := gzipBytes(body)
		if err != nil {
			return err
		}
		a.byHashed[hashed] = &asset{body: body, gz: gz, contentType: ct}
		a.url[name] = "/static/" + hashed
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("web: static assets: %w", err)
	}
	return a, nil
}

// URL returns the content-hashed URL of a static file. It panics on a name
// that is not embedded: only templates call it, and the page tests render
// every template.
func (a *assets) URL(name string) string {
	u, ok := a.url[name]
	if !ok {
		panic("web: no static file " + name)
	}
	return u
}

func (s *Server) handleStatic(c *gin.Context) {
	f, ok := s.site.assets.byHashed[c.Param("file")]
	if !ok {
		c.String(http.StatusNotFound, "Không tìm thấy. (Not found)")
		return
	}
	c.Header("Cache-Control", "public, max-age=31536000, immutable")
	writeBody(c, http.StatusOK, f.contentType, f.body, f.gz)
}

// writeBody writes a text response, gzipped when the client accepts it and
// a gzipped form is given or worth making.
func writeBody(c *gin.Context, status int, contentType string, body, gz []byte) {
	c.Header("Vary", "Accept-Encoding")
	if acceptsGzip(c.Request) && len(body) > 512 {
		if gz == nil {
			var err error
			if gz, err = gzipBytes(body); err != nil {
				gz = nil
			}
		}
		if gz != nil {
			c.Header("Content-Encoding", "gzip")
			c.Data(status, contentType, gz)
			return
		}
	}
	c.Data(status, contentType, body)
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(enc) == "gzip" && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
