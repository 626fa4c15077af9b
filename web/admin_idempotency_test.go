package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/hoidap/hoidap/knowledge"
)

// A script whose upload's response was lost sends it again with the same
// Idempotency-Key: it gets the first response, and the store holds one
// copy, not two.
func TestUploadRetriedWithIdempotencyKeyIsStoredOnce(t *testing.T) {
	ctx := context.Background()
	const token = "hoidap-token-idempotency-rat-dai-1"
	srv, _, kb := mustAdminServer(t, t.TempDir(), func(c *Config) { c.AdminToken = token })
	officer := mustOfficer(t, kb, "xa-demo-idem", "demo")
	_, officerToken, err := recordsOf(t, kb).CreateToken(ctx, "máy quét", officer)
	if err != nil {
		t.Fatal(err)
	}
	md := []byte("# Lịch thu phí vệ sinh thôn Đoài\n\nThu phí vệ sinh tại nhà văn hóa thôn Đoài ngày 10 hằng tháng.\n")
	send := func(token, key, name string, data []byte) reply {
		body, ct := multipartBody(t, map[string]string{"commune": "demo"}, name, data)
		req, err := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/admin/documents", body)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", ct)
		if key != "" {
			req.Header.Set("Idempotency-Key", key)
		}
		return (&browserless{tb: t, c: srv.Client()}).do(req)
	}
	copies := func() int {
		docs, err := kb.Documents(ctx, knowledge.ListOptions{Commune: "demo"})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, d := range docs {
			if d.Title == "Lịch thu phí vệ sinh thôn Đoài" {
				n++
			}
		}
		return n
	}

	first := send(token, "tai-len-1", "ve-sinh.md", md)
	again := send(token, "tai-len-1", "ve-sinh.md", md)
	if first.status != http.StatusCreated || again.status != http.StatusCreated || again.body != first.body {
		t.Errorf("retry: %d %s, want the first response %d %s", again.status, again.body, first.status, first.body)
	}
	if again.header.Get("Idempotent-Replayed") != "true" {
		t.Error("the replayed response does not say so")
	}
	if n := copies(); n != 1 {
		t.Errorf("%d copies stored after a retry with the same key, want 1", n)
	}

	// The same key for other content is a mistake, said as such.
	other := send(token, "tai-len-1", "ve-sinh.md", append(md, "Thêm một dòng.\n"...))
	if other.status != http.StatusUnprocessableEntity || !strings.Contains(other.body, "tệp khác") {
		t.Errorf("same key, other file: %d %s, want 422", other.status, other.body)
	}
	// Another user's key of the same name is theirs.
	if r := send(officerToken, "tai-len-1", "ve-sinh.md", md); r.status != http.StatusCreated || r.body == first.body {
		t.Errorf("another user's key: %d %s, want an upload of its own", r.status, r.body)
	}
	// A refused upload is not kept: once fixed, the retry runs.
	if r := send(token, "tai-len-2", "rong.md", []byte(" ")); r.status != http.StatusBadRequest {
		t.Fatalf("empty file: %d %s", r.status, r.body)
	}
	if r := send(token, "tai-len-2", "rong.md", []byte("# Thông báo họp dân\n\nHọp dân tối thứ bảy.\n")); r.status != http.StatusCreated {
		t.Errorf("retry after a refusal: %d %s, want 201", r.status, r.body)
	}
	if r := send(token, strings.Repeat("k", 256), "ve-sinh.md", md); r.status != http.StatusBadRequest {
		t.Errorf("a 256-character key: %d, want 400", r.status)
	}
}
