package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/hoidap/hoidap/knowledge"
)

// Wherever the admin pages ask for a commune, its name does, with or
// without diacritics: one commune fits and the page opens on it; several
// and the page offers them; none and it says so.
func TestCommuneChosenByName(t *testing.T) {
	srv, _, kb := mustAdminServer(t, "", nil)
	a := newBrowserless(t, srv)
	a.login("admin", adminPW, "/admin/documents")
	for _, page := range []string{"/admin/dashboard", "/admin/documents", "/admin/approved", "/admin/approved/new", "/admin/posters"} {
		t.Run(page, func(t *testing.T) {
			for _, typed := range []string{"Thuận Mỹ", "thuan my", "Xã Thuận Mỹ, Tây Ninh", "thuan-my-tay-ninh"} {
				r := a.get(page + "?commune=" + url.QueryEscape(typed))
				if typed == "thuan-my-tay-ninh" {
					if r.status >= 300 && r.status < 400 && !strings.Contains(r.location, "thuan-my-tay-ninh") {
						t.Errorf("%q: %d → %q", typed, r.status, r.location)
					}
					continue
				}
				if r.status != http.StatusSeeOther || !strings.Contains(r.location, "commune=thuan-my-tay-ninh") {
					t.Errorf("%q: %d → %q, want the page of thuan-my-tay-ninh", typed, r.status, r.location)
				}
			}
			r := a.get(page + "?commune=" + url.QueryEscape("tan phu"))
			if r.status != http.StatusOK {
				t.Fatalf("several communes: %d", r.status)
			}
			for _, want := range []string{"Có nhiều xã, phường hợp với «tan phu»", "commune=tan-phu-dong-nai", "commune=tan-phu-tay-ninh", "Xã Tân Phú</a>, Tây Ninh"} {
				if !strings.Contains(r.body, want) {
					t.Errorf("choice page lacks %q", want)
				}
			}
			if r := a.get(page + "?commune=" + url.QueryEscape("khong co xa nao ten nay")); r.status != http.StatusNotFound || !strings.Contains(r.body, "Không tìm thấy xã, phường nào") {
				t.Errorf("no commune: %d", r.status)
			}
		})
	}
	// The pages show a field for the name, not a code to know.
	for _, page := range []string{"/admin/dashboard", "/admin/documents", "/admin/approved", "/admin/approved/new"} {
		if r := a.get(page); !strings.Contains(r.body, `placeholder="tên xã, phường (có dấu hay không dấu) hoặc mã"`) || strings.Contains(r.body, "?commune=mã-xã") {
			t.Errorf("%s: no field to type a commune's name", page)
		}
	}

	t.Run("upload", func(t *testing.T) {
		a.get("/admin/documents")
		r := a.upload("/admin/documents", "thuan my tay ninh", "lich.md", []byte("# Lịch tiếp dân Thuận Mỹ\nThứ Năm hằng tuần."))
		if r.status != http.StatusSeeOther {
			t.Fatalf("upload by name: %d\n%s", r.status, r.body)
		}
		docs, err := kb.Documents(context.Background(), knowledge.ListOptions{Commune: "thuan-my-tay-ninh"})
		if err != nil || len(docs) != 1 {
			t.Fatalf("documents of thuan-my-tay-ninh: %v, %v", docs, err)
		}
		a.get("/admin/documents")
		r = a.upload("/admin/documents", "Tân Phú", "lich2.md", []byte("# Lịch\nThứ Sáu."))
		if r.status != http.StatusBadRequest || !strings.Contains(r.body, `<option value="Xã Tân Phú, Tây Ninh (tan-phu-tay-ninh)">`) {
			t.Errorf("several communes: %d, want 400 with them offered\n%s", r.status, r.body)
		}
		a.get("/admin/documents")
		if r := a.upload("/admin/documents", "Xã Tân Phú, Tây Ninh (tan-phu-tay-ninh)", "lich2.md", []byte("# Lịch\nThứ Sáu.")); r.status != http.StatusSeeOther {
			t.Errorf("the offered label: %d\n%s", r.status, r.body)
		}
	})

	t.Run("approved answer", func(t *testing.T) {
		a.get("/admin/approved/new")
		r := a.post("/admin/approved/new", url.Values{"commune": {"binh lu"}, "question": {"Xã có tiếp dân thứ bảy không?"}, "answer": {"Có, sáng thứ Bảy."}})
		if r.status != http.StatusSeeOther || !strings.Contains(r.location, "commune=binh-lu-lai-chau") {
			t.Fatalf("approved by name: %d → %q\n%s", r.status, r.location, r.body)
		}
		a.get("/admin/approved/new")
		r = a.post("/admin/approved/new", url.Values{"commune": {"hoa binh"}, "question": {"Câu hỏi?"}, "answer": {"Trả lời."}})
		if r.status != http.StatusBadRequest || !strings.Contains(r.body, "(hoa-binh-vinh-long)") || !strings.Contains(r.body, `value="Câu hỏi?"`) {
			t.Errorf("several communes: %d, want 400 with them offered and the form kept\n%s", r.status, r.body)
		}
	})
}

// An officer's commune is chosen by name too.
func TestOfficerCommuneChosenByName(t *testing.T) {
	srv, _, kb := mustAdminServer(t, "", nil)
	a := newBrowserless(t, srv)
	a.login("admin", adminPW, "/admin/documents")
	a.get("/admin/users")
	if r := a.post("/admin/users", url.Values{"name": {"canbo-thuanmy"}, "role": {"commune"}, "commune": {"Thuận Mỹ"}}); r.status != http.StatusOK || !strings.Contains(r.body, "canbo-thuanmy") {
		t.Fatalf("create by name: %d\n%s", r.status, r.body)
	}
	u, err := recordsOf(t, kb).UserByName(context.Background(), "canbo-thuanmy")
	if err != nil || u.Commune != "thuan-my-tay-ninh" {
		t.Errorf("officer %+v, %v: want commune thuan-my-tay-ninh", u, err)
	}
	a.get("/admin/users")
	if r := a.post("/admin/users", url.Values{"name": {"canbo-tanphu"}, "role": {"commune"}, "commune": {"tan phu"}}); r.status != http.StatusBadRequest || !strings.Contains(r.body, "(tan-phu-dong-nai)") {
		t.Errorf("several communes: %d, want 400 with them offered", r.status)
	}
}
