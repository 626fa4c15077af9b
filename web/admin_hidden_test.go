package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// An officer hides a national procedure that does not apply to their
// commune: their residents no longer get it, other communes' still do,
// and showing it again brings it back.
func TestOfficerHidesProcedure(t *testing.T) {
	srv, _, kb := mustAdminServer(t, "", nil)
	mustOfficer(t, kb, "canbo", "demo")
	o := newBrowserless(t, srv)
	o.login("canbo", officerPW, "/admin/documents")
	const id = "dvc-1.000894"
	found := func(commune string) bool {
		r := o.get("/api/v1/search?" + url.Values{"q": {"đăng ký kết hôn cần giấy tờ gì"}, "commune": {commune}}.Encode())
		return strings.Contains(r.body, `"id":"`+id+`#`)
	}
	if !found("demo") || !found("thuan-my-tay-ninh") {
		t.Fatal("procedure not found before hiding")
	}
	page := o.get("/admin/documents/" + id)
	if !strings.Contains(page.body, "Ẩn với người dân") {
		t.Fatalf("document page offers no hiding: %d", page.status)
	}
	if r := o.post("/admin/documents/"+id+"/hide", url.Values{}); r.status != http.StatusSeeOther {
		t.Fatalf("hide: %d %s", r.status, r.body)
	}
	if found("demo") || !found("thuan-my-tay-ninh") {
		t.Errorf("after hiding for demo: demo %v, another commune %v; want false, true", found("demo"), found("thuan-my-tay-ninh"))
	}
	if page := o.get("/admin/documents/" + id); !strings.Contains(page.body, "Đang ẩn") {
		t.Error("document page does not say it is hidden")
	}
	if r := o.post("/admin/documents/"+id+"/unhide", url.Values{}); r.status != http.StatusSeeOther {
		t.Fatalf("unhide: %d", r.status)
	}
	if !found("demo") {
		t.Error("not back after showing it again")
	}
}
