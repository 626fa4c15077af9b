package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/hoidap/hoidap/chatbot"
)

// apiDoc is the parsed OpenAPI document, with the few lookups the test
// needs.
type apiDoc struct{ root map[string]any }

func mustAPIDoc(tb testing.TB) apiDoc {
	tb.Helper()
	var root map[string]any
	if err := yaml.Unmarshal(openapiYAML, &root); err != nil {
		tb.Fatal(err)
	}
	if v, _ := root["openapi"].(string); !strings.HasPrefix(v, "3.") {
		tb.Fatalf("openapi: %q, want 3.x", v)
	}
	return apiDoc{root}
}

// at follows keys from the root; nil when one is missing.
func (d apiDoc) at(keys ...string) map[string]any {
	m := d.root
	for _, k := range keys {
		next, _ := m[k].(map[string]any)
		if next == nil {
			return nil
		}
		m = next
	}
	return m
}

// deref resolves a local $ref.
func (d apiDoc) deref(m map[string]any) map[string]any {
	for m != nil {
		ref, ok := m["$ref"].(string)
		if !ok {
			return m
		}
		m = d.at(strings.Split(strings.TrimPrefix(ref, "#/"), "/")...)
	}
	return nil
}

// response returns the documented response of an operation for a status.
func (d apiDoc) response(path, method string, status int) map[string]any {
	return d.deref(d.at("paths", path, strings.ToLower(method), "responses", strconv.Itoa(status)))
}

// check reports where v does not match schema: types, required
// properties, items, enums and allOf; other keywords are not checked.
func (d apiDoc) check(schema map[string]any, v any, at string) []string {
	schema = d.deref(schema)
	if schema == nil {
		return []string{at + ": no schema"}
	}
	var errs []string
	if all, ok := schema["allOf"].([]any); ok {
		for _, s := range all {
			sm, _ := s.(map[string]any)
			errs = append(errs, d.check(sm, v, at)...)
		}
	}
	if v == nil {
		if n, _ := schema["nullable"].(bool); !n && schema["type"] != nil {
			errs = append(errs, at+": null")
		}
		return errs
	}
	switch schema["type"] {
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			return append(errs, fmt.Sprintf("%s: %T, want object", at, v))
		}
		req, _ := schema["required"].([]any)
		for _, r := range req {
			if _, ok := obj[r.(string)]; !ok {
				errs = append(errs, fmt.Sprintf("%s: no required %q", at, r))
			}
		}
		props, _ := schema["properties"].(map[string]any)
		for k, pv := range obj {
			if ps, ok := props[k].(map[string]any); ok {
				errs = append(errs, d.check(ps, pv, at+"."+k)...)
			}
		}
	case "array":
		arr, ok := v.([]any)
		if !ok {
			return append(errs, fmt.Sprintf("%s: %T, want array", at, v))
		}
		items, _ := schema["items"].(map[string]any)
		for i, it := range arr {
			errs = append(errs, d.check(items, it, fmt.Sprintf("%s[%d]", at, i))...)
		}
	case "string":
		s, ok := v.(string)
		if !ok {
			return append(errs, fmt.Sprintf("%s: %T, want string", at, v))
		}
		if enum, ok := schema["enum"].([]any); ok && !slices.Contains(enum, any(s)) {
			errs = append(errs, fmt.Sprintf("%s: %q not in %v", at, s, enum))
		}
	case "integer":
		if f, ok := v.(float64); !ok || f != float64(int64(f)) {
			errs = append(errs, fmt.Sprintf("%s: %v, want integer", at, v))
		}
	case "number":
		if _, ok := v.(float64); !ok {
			errs = append(errs, fmt.Sprintf("%s: %T, want number", at, v))
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			errs = append(errs, fmt.Sprintf("%s: %T, want boolean", at, v))
		}
	}
	return errs
}

// checkResponse checks a response against the document: its status is
// documented, its content type is, and a JSON body fits the schema.
func (d apiDoc) checkResponse(t *testing.T, path, method string, resp *http.Response) {
	t.Helper()
	r := d.response(path, method, resp.StatusCode)
	if r == nil {
		t.Errorf("%s %s: status %d not documented", method, path, resp.StatusCode)
		return
	}
	for name := range d.deref(yamlMap(r["headers"])) {
		if resp.Header.Get(name) == "" {
			t.Errorf("%s %s %d: no header %s", method, path, resp.StatusCode, name)
		}
	}
	content := yamlMap(r["content"])
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if content == nil {
		return
	}
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	media := yamlMap(content[mt])
	if media == nil {
		t.Errorf("%s %s %d: content type %q not documented", method, path, resp.StatusCode, mt)
		return
	}
	switch mt {
	case "application/json":
		var v any
		if err := json.Unmarshal(body, &v); err != nil {
			t.Errorf("%s %s %d: %v", method, path, resp.StatusCode, err)
			return
		}
		for _, e := range d.check(yamlMap(media["schema"]), v, "body") {
			t.Errorf("%s %s %d: %s", method, path, resp.StatusCode, e)
		}
	case "text/event-stream":
		d.checkEvents(t, string(body))
	}
}

// checkEvents checks the SSE events of an answer against the schemas the
// description names for them.
func (d apiDoc) checkEvents(t *testing.T, stream string) {
	t.Helper()
	schemas := map[string]map[string]any{
		"source": d.at("components", "schemas", "Source"),
		"done":   d.at("components", "schemas", "Done"),
		"delta":  {"type": "object", "required": []any{"text"}, "properties": map[string]any{"text": map[string]any{"type": "string"}}},
	}
	seen := map[string]int{}
	for _, block := range strings.Split(stream, "\n\n") {
		var name, data string
		for _, line := range strings.Split(block, "\n") {
			if v, ok := strings.CutPrefix(line, "event:"); ok {
				name = strings.TrimSpace(v)
			} else if v, ok := strings.CutPrefix(line, "data:"); ok {
				data = strings.TrimSpace(v)
			}
		}
		if name == "" {
			continue
		}
		seen[name]++
		var v any
		if err := json.Unmarshal([]byte(data), &v); err != nil {
			t.Errorf("event %s: %v", name, err)
			continue
		}
		for _, e := range d.check(schemas[name], v, "event "+name) {
			t.Error(e)
		}
	}
	if seen["source"] == 0 || seen["delta"] == 0 || seen["done"] != 1 {
		t.Errorf("events %v, want sources, deltas and one done", seen)
	}
}

func yamlMap(v any) map[string]any { m, _ := v.(map[string]any); return m }

// ginParamRe turns "/admin/documents/:id" into "/admin/documents/{id}".
var ginParamRe = regexp.MustCompile(`[:*]([a-z_]+)`)

func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	doc := mustAPIDoc(t)
	s, _ := mustServer(t, nil)
	for _, r := range s.router.Routes() {
		path, ok := strings.CutPrefix(r.Path, "/api/v1")
		if !ok {
			continue
		}
		path = ginParamRe.ReplaceAllString(path, "{$1}")
		if doc.at("paths", path, strings.ToLower(r.Method)) == nil {
			t.Errorf("%s %s is not in openapi.yaml", r.Method, r.Path)
		}
	}
}

func TestOpenAPIMatchesResponses(t *testing.T) {
	doc := mustAPIDoc(t)
	whisper := fakeWhisper(t, &struct{ model, file, lang string }{})
	srv, _, _ := mustOpsServer(t, "", func(cfg *Config, _ *chatbot.Config) {
		cfg.RateLimit = 4 // the fifth question is "too many"
		cfg.Speech = chatbot.NewSpeech(chatbot.SpeechConfig{BaseURL: whisper.URL + "/v1"})
	})
	noSTT, _, _ := mustOpsServer(t, "", nil)
	var answerID string
	tests := []struct {
		name, method, path, body string
		headers                  []string
		status                   int
		base                     string // server URL; "" is srv
	}{
		{"search", "GET", "/search?q=khai+sinh&limit=3", "", nil, 200, ""},
		{"search without q", "GET", "/search", "", nil, 400, ""},
		{"search bad limit", "GET", "/search?q=x&limit=99", "", nil, 400, ""},
		{"communes", "GET", "/communes?q=Thanh+Phu+Long", "", nil, 200, ""},
		{"communes demo", "GET", "/communes?q=demo", "", nil, 200, ""},
		{"communes empty", "GET", "/communes", "", nil, 200, ""},
		{"ask", "POST", "/ask", `{"question":"đăng ký kết hôn cần giấy tờ gì","commune":"demo"}`, nil, 200, ""},
		{"ask out of scope", "POST", "/ask", `{"question":"giá vàng hôm nay"}`, nil, 200, ""},
		{"ask stream", "POST", "/ask", `{"question":"lệ phí khai sinh"}`, []string{"Accept: text/event-stream"}, 200, ""},
		{"ask empty", "POST", "/ask", `{}`, nil, 400, ""},
		{"ask 2 MB", "POST", "/ask", `{"question":"` + strings.Repeat("a", 2<<20) + `"}`, nil, 413, ""},
		{"feedback", "POST", "/feedback", "", nil, 200, ""},
		{"feedback empty", "POST", "/feedback", `{}`, nil, 400, ""},
		{"transcribe", "POST", "/transcribe", "\x1a\x45\xdf\xa3 recording", []string{"Content-Type: audio/webm"}, 200, ""},
		{"transcribe not audio", "POST", "/transcribe", "hello", []string{"Content-Type: text/plain"}, 415, ""},
		{"transcribe off", "POST", "/transcribe", "\x1a\x45\xdf\xa3", []string{"Content-Type: audio/webm"}, 503, noSTT.URL},
		{"openapi", "GET", "/openapi.yaml", "", nil, 200, ""},
		{"too many", "POST", "/ask", `{"question":"khai sinh"}`, nil, 429, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := tt.base
			if base == "" {
				base = srv.URL
			}
			body := tt.body
			if tt.name == "feedback" {
				body = fmt.Sprintf(`{"answer_id":%q,"helpful":true,"comment":"rõ ràng"}`, answerID)
			}
			req, err := http.NewRequest(tt.method, base+"/api/v1"+tt.path, strings.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/json")
			for _, h := range tt.headers {
				k, v, _ := strings.Cut(h, ": ")
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if tt.name == "ask" {
				var r struct{ ID string }
				body, _ := io.ReadAll(resp.Body)
				_ = json.Unmarshal(body, &r)
				answerID = r.ID
				resp.Body = io.NopCloser(strings.NewReader(string(body)))
			}
			doc.checkResponse(t, strings.SplitN(tt.path, "?", 2)[0], tt.method, resp)
		})
	}
}

func TestOpenAPIServedCached(t *testing.T) {
	s, _ := mustServer(t, nil)
	rec := get(t, s, "/api/v1/openapi.yaml")
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/yaml") ||
		!strings.Contains(rec.Header().Get("Cache-Control"), "max-age") || rec.Body.String() != string(openapiYAML) {
		t.Fatalf("status %d, headers %v", rec.Code, rec.Header())
	}
	req := httptest.NewRequest(http.MethodGet, "/api/v1/openapi.yaml", nil)
	req.Header.Set("If-None-Match", rec.Header().Get("ETag"))
	rec2 := httptest.NewRecorder()
	s.ServeHTTP(rec2, req)
	if rec2.Code != http.StatusNotModified || rec2.Body.Len() != 0 {
		t.Errorf("revalidation: status %d, %d bytes", rec2.Code, rec2.Body.Len())
	}
}

func TestOpenAPICheckerCatchesMismatches(t *testing.T) {
	doc := mustAPIDoc(t)
	source := doc.at("components", "schemas", "Source")
	reply := doc.at("components", "schemas", "Reply")
	ok := map[string]any{"n": 1.0, "id": "a#0", "doc_id": "a", "title": "T", "section": "papers", "papers": []any{"x"}}
	with := func(k string, v any) map[string]any {
		m := map[string]any{}
		for kk, vv := range ok {
			m[kk] = vv
		}
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
		return m
	}
	tests := []struct {
		name   string
		schema map[string]any
		v      any
		bad    bool
	}{
		{"valid source", source, ok, false},
		{"missing required", source, with("title", nil), true},
		{"string for integer", source, with("n", "1"), true},
		{"fraction for integer", source, with("n", 1.5), true},
		{"number in a string array", source, with("papers", []any{1.0}), true},
		{"array for object", source, []any{}, true},
		{"reply without sources", reply, map[string]any{"id": "x", "mode": "llm", "grounded": true, "latency_ms": 3.0, "answer": "a"}, true},
		{"mode outside its enum", reply, map[string]any{"id": "x", "mode": "guess", "grounded": true, "latency_ms": 3.0, "answer": "a", "sources": []any{}}, true},
		{"valid reply", reply, map[string]any{"id": "x", "mode": "llm", "grounded": true, "latency_ms": 3.0, "answer": "a", "sources": []any{ok}}, false},
		{"null array", doc.at("components", "schemas", "Commune"), map[string]any{"slug": "a", "name": "b", "province": "c", "former": nil}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := doc.check(tt.schema, tt.v, "body")
			if (len(errs) > 0) != tt.bad {
				t.Errorf("errors %v, want bad=%v", errs, tt.bad)
			}
		})
	}
}

func TestOpenAPIMatchesAdminResponses(t *testing.T) {
	doc := mustAPIDoc(t)
	const token = "Bearer openapi-test-token-0123456789"
	srv, _, _ := mustOpsServer(t, "", func(cfg *Config, _ *chatbot.Config) {
		cfg.AdminToken = strings.TrimPrefix(token, "Bearer ")
	})
	var upload bytes.Buffer
	mw := multipart.NewWriter(&upload)
	fw, _ := mw.CreateFormFile("file", "cap-ban-sao.md")
	fmt.Fprint(fw, "# Cấp bản sao trích lục hộ tịch\n\n## Hồ sơ\n\n- Tờ khai cấp bản sao trích lục hộ tịch\n\n## Lệ phí\n\n8.000 đồng/bản\n")
	mw.Close()
	var id string
	tests := []struct {
		name, method, path, auth string
		body                     func() io.Reader
		ctype                    string
		status                   int
	}{
		{"list without token", "GET", "/admin/documents", "", nil, "", 401},
		{"upload", "POST", "/admin/documents", token, func() io.Reader { return bytes.NewReader(upload.Bytes()) }, mw.FormDataContentType(), 201},
		{"list", "GET", "/admin/documents", token, nil, "", 200},
		{"upload not multipart", "POST", "/admin/documents", token, func() io.Reader { return strings.NewReader("x") }, "text/plain", 400},
		{"delete", "DELETE", "/admin/documents/{id}", token, nil, "", 200},
		{"delete again", "DELETE", "/admin/documents/{id}", token, nil, "", 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body io.Reader
			if tt.body != nil {
				body = tt.body()
			}
			req, err := http.NewRequest(tt.method, srv.URL+"/api/v1"+strings.ReplaceAll(tt.path, "{id}", id), body)
			if err != nil {
				t.Fatal(err)
			}
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			if tt.ctype != "" {
				req.Header.Set("Content-Type", tt.ctype)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			raw, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d: %.300s", resp.StatusCode, tt.status, raw)
			}
			if tt.name == "upload" {
				var r struct{ ID string }
				_ = json.Unmarshal(raw, &r)
				id = r.ID
			}
			resp.Body = io.NopCloser(bytes.NewReader(raw))
			doc.checkResponse(t, tt.path, tt.method, resp)
		})
	}
}
