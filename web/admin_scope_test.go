package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge"
)

// TestAdminOfficerStaysInCommune checks every documents, users and token
// route, pages and API: an officer of "demo" can neither see nor change
// another commune's documents, nor change the province-wide ones.
func TestAdminOfficerStaysInCommune(t *testing.T) {
	ctx := context.Background()
	srv, _, kb := mustAdminServer(t, "", nil)
	other := mustPlaces(t).Communes()[0].Slug
	mustOfficer(t, kb, "xa-demo", "demo")
	mustOfficer(t, kb, "xa-khac", other)
	if err := kb.Ingest(ctx,
		knowledge.Document{ID: "tb-demo", Title: "Thông báo của xã demo", Commune: "demo", Body: "Họp dân thôn 1 tối thứ hai."},
		knowledge.Document{ID: "tb-khac", Title: "Thông báo của xã khác", Commune: other, Body: "Họp dân thôn 2 tối thứ ba."},
	); err != nil {
		t.Fatal(err)
	}
	province := provinceDoc(t, kb)
	b := newBrowserless(t, srv)
	b.login("xa-demo", officerPW, "/admin/documents")
	md := []byte("# Tài liệu chen ngang\n\nNội dung không được phép.\n")
	before := stateOf(t, kb, t.TempDir())

	type step struct {
		name string
		do   func() reply
		want int
	}
	steps := []step{
		{"list another commune", func() reply { return b.get("/admin/documents?commune=" + other) }, http.StatusForbidden},
		{"preview another commune's", func() reply { return b.get("/admin/documents/tb-khac") }, http.StatusForbidden},
		{"replace another commune's", func() reply { return b.upload("/admin/documents/tb-khac/replace", "", "x.md", md) }, http.StatusForbidden},
		{"delete page of another commune's", func() reply { return b.get("/admin/documents/tb-khac/delete") }, http.StatusForbidden},
		{"delete another commune's", func() reply { return b.post("/admin/documents/tb-khac/delete", nil) }, http.StatusForbidden},
		{"upload for another commune", func() reply { return b.upload("/admin/documents", other, "x.md", md) }, http.StatusForbidden},
		{"upload province-wide", func() reply { return b.upload("/admin/documents", "", "x.md", md) }, http.StatusForbidden},
		{"replace a province-wide one", func() reply { return b.upload("/admin/documents/"+province+"/replace", "", "x.md", md) }, http.StatusForbidden},
		{"delete page of a province-wide one", func() reply { return b.get("/admin/documents/" + province + "/delete") }, http.StatusForbidden},
		{"delete a province-wide one", func() reply { return b.post("/admin/documents/"+province+"/delete", nil) }, http.StatusForbidden},
		{"create a user", func() reply { return b.post("/admin/users", url.Values{"name": {"moi"}, "role": {"province"}}) }, http.StatusForbidden},
		{"reset a password", func() reply { return b.post("/admin/users/1/password", nil) }, http.StatusForbidden},
		{"delete page of a user", func() reply { return b.get("/admin/users/1/delete") }, http.StatusForbidden},
		{"delete a user", func() reply { return b.post("/admin/users/1/delete", nil) }, http.StatusForbidden},
		// Allowed: what the officer may see.
		{"preview own", func() reply { return b.get("/admin/documents/tb-demo") }, http.StatusOK},
		{"preview a province-wide one", func() reply { return b.get("/admin/documents/" + province) }, http.StatusOK},
	}
	// Tokens: another commune's cannot be revoked.
	otherUser, _ := recordsOf(t, kb).Users(ctx)
	var otherTok records.APIToken
	for _, u := range otherUser {
		if u.Name == "xa-khac" {
			otherTok, _, _ = recordsOf(t, kb).CreateToken(ctx, "của xã khác", u)
		}
	}
	steps = append(steps, step{"revoke another commune's token", func() reply {
		return b.post("/admin/tokens/"+itoa(int(otherTok.ID))+"/delete", nil)
	}, http.StatusForbidden})
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			b.get("/admin/documents/tb-demo") // a fresh CSRF token
			r := s.do()
			if r.status != s.want {
				t.Errorf("status %d, want %d", r.status, s.want)
			}
			if s.want == http.StatusForbidden && (strings.Contains(r.body, "Họp dân thôn 2") || !strings.Contains(r.body, "không có quyền")) {
				t.Errorf("403 page leaks the document or lacks the message")
			}
		})
	}
	if diff := cmp.Diff(before, stateOf(t, kb, t.TempDir())); diff != "" {
		t.Errorf("an officer changed the store or index (-before +after):\n%s", diff)
	}
	t.Run("lists show own and province-wide, not others", func(t *testing.T) {
		r := b.get("/admin/documents")
		if !strings.Contains(r.body, "Thông báo của xã demo") || strings.Contains(r.body, "Thông báo của xã khác") || strings.Contains(r.body, province) {
			t.Errorf("officer's default list: want their commune's documents only")
		}
		r = b.get("/admin/documents?commune=-")
		if r.status != http.StatusOK || !strings.Contains(r.body, province) || strings.Contains(r.body, "Thông báo của xã") ||
			!strings.Contains(r.body, `<span class="hint">chỉ xem</span>`) || strings.Contains(r.body, "/delete") {
			t.Errorf("officer's province-wide list: %d, want read-only province documents", r.status)
		}
	})
}

func TestAdminAPI(t *testing.T) {
	ctx := context.Background()
	const adminToken = "hoidap-token-cua-tinh-rat-dai-123"
	srv, _, kb := mustAdminServer(t, t.TempDir(), func(c *Config) { c.AdminToken = adminToken })
	other := mustPlaces(t).Communes()[0].Slug
	officer := mustOfficer(t, kb, "xa-demo", "demo")
	_, officerToken, err := recordsOf(t, kb).CreateToken(ctx, "máy quét", officer)
	if err != nil {
		t.Fatal(err)
	}
	if err := kb.Ingest(ctx, knowledge.Document{ID: "tb-khac", Title: "Thông báo xã khác", Commune: other, Body: "Họp dân."}); err != nil {
		t.Fatal(err)
	}
	md := []byte("# Lịch tiêm phòng dại cho chó mèo\n\nTiêm phòng dại tại sân nhà văn hóa thôn 5 sáng chủ nhật.\n")
	send := func(token, commune string, data []byte) reply {
		body, ct := multipartBody(t, map[string]string{"commune": commune}, "tiem-phong.md", data)
		return apiCall(t, srv, http.MethodPost, "/api/v1/admin/documents", token, body, ct)
	}
	t.Run("auth", func(t *testing.T) {
		for _, tok := range []string{"", "sai", "hdp_khongcotokennay", adminToken + "x"} {
			r := apiCall(t, srv, http.MethodGet, "/api/v1/admin/documents", tok, nil, "")
			if r.status != http.StatusUnauthorized || !strings.Contains(r.body, `"error":"Cần token`) || r.header.Get("WWW-Authenticate") == "" {
				t.Errorf("token %q: %d %s", tok, r.status, r.body)
			}
		}
	})
	t.Run("officer token", func(t *testing.T) {
		r := send(officerToken, "", md)
		if r.status != http.StatusCreated || !strings.Contains(r.body, `"commune":"demo"`) || !strings.Contains(r.body, `"passages":`) {
			t.Fatalf("upload: %d %s", r.status, r.body)
		}
		if updated, err := time.Parse(time.RFC3339, jsonField(r.body, "updated")); err != nil || time.Since(updated) > time.Hour {
			t.Errorf("upload answers updated %q, want the time it was stored", jsonField(r.body, "updated"))
		}
		if !searchFinds(t, kb, "tiêm phòng dại chó mèo", "demo", jsonField(r.body, "id")) {
			t.Errorf("not searchable when the upload returned")
		}
		if r := send(officerToken, other, md); r.status != http.StatusForbidden {
			t.Errorf("upload for another commune: %d", r.status)
		}
		if r := apiCall(t, srv, http.MethodGet, "/api/v1/admin/documents", officerToken, nil, ""); strings.Contains(r.body, "tb-khac") ||
			strings.Contains(r.body, "starter-") || !strings.Contains(r.body, `"commune":"demo"`) {
			t.Errorf("officer's list: %d %s, want their commune's only", r.status, r.body)
		}
		if r := apiCall(t, srv, http.MethodGet, "/api/v1/admin/documents?commune=-", officerToken, nil, ""); strings.Contains(r.body, "tb-khac") ||
			!strings.Contains(r.body, "starter-") || strings.Contains(r.body, `"commune":"demo"`) {
			t.Errorf("officer's province-wide list: %d, want the province-wide documents only", r.status)
		}
		if r := apiCall(t, srv, http.MethodGet, "/api/v1/admin/documents?commune="+other, officerToken, nil, ""); r.status != http.StatusForbidden {
			t.Errorf("list another commune: %d", r.status)
		}
		for _, id := range []string{"tb-khac", provinceDoc(t, kb)} {
			if r := apiCall(t, srv, http.MethodDelete, "/api/v1/admin/documents/"+id, officerToken, nil, ""); r.status != http.StatusForbidden {
				t.Errorf("delete %s: %d", id, r.status)
			}
		}
	})
	t.Run("admin token", func(t *testing.T) {
		r := send(adminToken, other, md)
		if r.status != http.StatusCreated {
			t.Fatalf("upload: %d %s", r.status, r.body)
		}
		id := jsonField(r.body, "id")
		if r := send(adminToken, "khong-co-xa-nay", md); r.status != http.StatusBadRequest || !strings.Contains(r.body, "Không có xã/phường") {
			t.Errorf("unknown commune: %d %s", r.status, r.body)
		}
		if r := send(adminToken, "", append([]byte("\x7fELF"), make([]byte, 64)...)); r.status != http.StatusBadRequest || !strings.Contains(r.body, "executable") {
			t.Errorf("executable: %d %s", r.status, r.body)
		}
		if r := apiCall(t, srv, http.MethodDelete, "/api/v1/admin/documents/"+id, adminToken, nil, ""); r.status != http.StatusOK {
			t.Errorf("delete: %d %s", r.status, r.body)
		}
		if r := apiCall(t, srv, http.MethodDelete, "/api/v1/admin/documents/"+id, adminToken, nil, ""); r.status != http.StatusNotFound {
			t.Errorf("delete again: %d", r.status)
		}
	})
}

// jsonField cuts a string field out of a flat JSON object, enough for a
// test.
func jsonField(body, name string) string {
	_, rest, _ := strings.Cut(body, `"`+name+`":"`)
	v, _, _ := strings.Cut(rest, `"`)
	return v
}

// provinceDoc returns the ID of a province-wide starter document.
func provinceDoc(tb testing.TB, kb *knowledge.Base) string {
	tb.Helper()
	docs, err := kb.Documents(context.Background(), knowledge.ListOptions{Commune: "-", Limit: 1})
	if err != nil || len(docs) == 0 {
		tb.Fatalf("no province-wide document: %v", err)
	}
	return docs[0].ID
}

func TestAdminDocumentsPaging(t *testing.T) {
	srv, _, kb := mustAdminServer(t, "", nil)
	docs := make([]knowledge.Document, docsPerPage+5)
	for i := range docs {
		docs[i] = knowledge.Document{ID: "tb-" + itoa(i), Title: "Thông báo số " + itoa(i), Commune: "demo", Body: "Nội dung thông báo."}
	}
	if err := kb.Ingest(context.Background(), docs...); err != nil {
		t.Fatal(err)
	}
	b := newBrowserless(t, srv)
	b.login("admin", adminPW, "/admin/documents")
	first := b.get("/admin/documents?commune=demo")
	second := b.get("/admin/documents?commune=demo&page=2")
	rows := func(r reply) int { return strings.Count(r.body, `">Thông báo số `) }
	if got := rows(first); got != docsPerPage || !strings.Contains(first.body, "Trang sau") {
		t.Errorf("page 1: %d rows, want %d and a next link", got, docsPerPage)
	}
	if got := rows(second); got != 5 || strings.Contains(second.body, "Trang sau") || !strings.Contains(second.body, "Trang trước") {
		t.Errorf("page 2: %d rows, want 5 and only a previous link", got)
	}
}
