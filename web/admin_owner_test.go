package web

import (
	"context"
	"net/http"
	"testing"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/ingest"
)

// An officer cannot overwrite another commune's copy of a portal record:
// not with a code that ends in the start of the other commune's slug
// ("9.999001-tran" from hung-dao-hai-phong against tran-hung-dao-hai-phong's
// 9.999001), nor by any upload whose id meets a document of another
// commune.
func TestUploadNeverReplacesAnotherCommunesDocument(t *testing.T) {
	ctx := context.Background()
	const victim, attacker = "tran-hung-dao-hai-phong", "hung-dao-hai-phong"
	srv, _, kb := mustAdminServer(t, "", nil)
	mustOfficer(t, kb, "tran", victim)
	mustOfficer(t, kb, "hung", attacker)
	record := func(code, title string) []byte {
		return []byte(`{"ma_thu_tuc":"` + code + `","ten_thu_tuc":"` + title + `","le_phi":"Không thu phí"}`)
	}

	v := newBrowserless(t, srv)
	v.login("tran", officerPW, "/admin/documents")
	if r := v.upload("/admin/documents", victim, "tt.json", record("9.999001", "Thủ tục của phường Trần Hưng Đạo")); r.status != http.StatusSeeOther && r.status != http.StatusOK {
		t.Fatalf("victim's upload: %d %s", r.status, r.body)
	}
	docs, err := kb.Documents(ctx, knowledge.ListOptions{Commune: victim})
	if err != nil || len(docs) != 1 {
		t.Fatalf("victim's documents: %v, %v", docs, err)
	}
	own := docs[0]

	a := newBrowserless(t, srv)
	a.login("hung", officerPW, "/admin/documents")
	a.upload("/admin/documents", attacker, "x.json", record("9.999001-tran", "Thủ tục giả mạo"))
	// A document of another commune whose id an upload would meet, as an
	// older binary could have written it.
	forged := knowledge.Document{ID: ingest.PortalID("9.999002", attacker), Title: "Thủ tục của phường khác", Commune: victim, Body: "Nội dung thật."}
	if err := kb.Ingest(ctx, forged); err != nil {
		t.Fatal(err)
	}
	a.get("/admin/documents")
	if r := a.upload("/admin/documents", attacker, "y.json", record("9.999002", "Thủ tục giả mạo")); r.status != http.StatusForbidden {
		t.Errorf("upload meeting another commune's id: %d, want 403", r.status)
	}

	for _, want := range []knowledge.Document{own, forged} {
		got, err := kb.Document(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != want.Title || got.Commune != want.Commune {
			t.Errorf("%s became %q of %q, want %q of %q", want.ID, got.Title, got.Commune, want.Title, want.Commune)
		}
	}
}
