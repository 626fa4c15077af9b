package web

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hoidap/hoidap/chatbot"
	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/portal"
)

// replica is one stateless hoidap on a shared PostgreSQL database: its
// own data directory and index, its own records store and web server.
type replica struct {
	srv *httptest.Server
	kb  *knowledge.Base
	rs  *records.Store
}

const replicaToken = "hoidap-token-nhan-ban-rat-dai-456"

func mustReplica(tb testing.TB, dsn string) *replica {
	tb.Helper()
	ctx := context.Background()
	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: tb.TempDir(), DatabaseURL: dsn})
	if err != nil {
		tb.Fatal(err)
	}
	rs, err := records.OpenFile(ctx, dsn)
	if err != nil {
		kb.Close()
		tb.Fatal(err)
	}
	r := &replica{kb: kb, rs: rs}
	tb.Cleanup(r.stop)
	cs, err := records.NewCommunes(ctx, rs, mustPlaces(tb))
	if err != nil {
		tb.Fatal(err)
	}
	bot, err := chatbot.New(chatbot.Config{Knowledge: kb, Places: mustPlaces(tb), Recorder: rs,
		CommuneContact: chatbot.OfficeContacts(cs), Approved: rs})
	if err != nil {
		tb.Fatal(err)
	}
	s, err := New(Config{Knowledge: kb, Records: rs, Communes: cs, Bot: bot, BaseURL: "http://hoidap.test",
		AdminPassword: adminPW, AdminToken: replicaToken})
	if err != nil {
		tb.Fatal(err)
	}
	r.srv = httptest.NewServer(s)
	return r
}

// stop stops the replica as a shutdown does: server, records, index and
// store. Later calls do nothing.
func (r *replica) stop() {
	if r.srv == nil {
		return
	}
	r.srv.Close()
	r.rs.Close()
	r.kb.Close()
	r.srv = nil
}

// ask asks through the API and returns the reply, or false when the
// request failed.
func (r *replica) ask(tb testing.TB, q string) (chatbot.Reply, bool) {
	tb.Helper()
	var rep chatbot.Reply
	resp, err := http.Post(r.srv.URL+"/api/v1/ask", "application/json", strings.NewReader(`{"question":"`+q+`","commune":"demo"}`))
	if err != nil {
		return rep, false
	}
	defer resp.Body.Close()
	return rep, resp.StatusCode == http.StatusOK && json.NewDecoder(resp.Body).Decode(&rep) == nil
}

// answersFrom reports whether r's answer to q is grounded in document id.
func (r *replica) answersFrom(tb testing.TB, q, id string) bool {
	tb.Helper()
	rep, ok := r.ask(tb, q)
	if !ok || !rep.Grounded {
		return false
	}
	for _, s := range rep.Sources {
		if s.DocID == id {
			return true
		}
	}
	return false
}

// upload sends a Markdown file to r's admin API and returns the new
// document's ID, or "" when the upload failed.
func (r *replica) upload(tb testing.TB, name, text string) string {
	tb.Helper()
	body, ct := multipartBody(tb, map[string]string{"commune": "demo"}, name, []byte(text))
	rep := apiCall(tb, r.srv, http.MethodPost, "/api/v1/admin/documents", replicaToken, body, ct)
	if rep.status != http.StatusCreated {
		return ""
	}
	var got struct{ ID string }
	if err := json.Unmarshal([]byte(rep.body), &got); err != nil {
		tb.Fatal(err)
	}
	return got.ID
}

// Two replicas on one PostgreSQL database, each with its own data
// directory, index and caches, behind no proxy: what an administrator does
// on one, residents see on the other within 2 s; when PostgreSQL restarts
// both carry on by themselves; when one stops the other serves.
func TestTwoReplicasOnePostgres(t *testing.T) {
	dsn := sqldbtest.Postgres(t)
	a, b := mustReplica(t, dsn), mustReplica(t, dsn)
	const within = 2 * time.Second

	const q = "lịch tiêm phòng dại cho chó mèo"
	id := a.upload(t, "tiem-phong.md", "# Lịch tiêm phòng dại cho chó mèo\n\nTiêm phòng dại tại sân nhà văn hóa thôn 5 sáng chủ nhật.\n")
	if id == "" {
		t.Fatal("upload on A failed")
	}
	sqldbtest.Eventually(t, within, "a document uploaded on A answers on B", func() bool { return b.answersFrom(t, q, id) })
	// The original is in the database, for every replica; not on A's disk.
	ctx := context.Background()
	doc, err := b.kb.Document(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := b.kb.Original(ctx, doc.OriginalPath); err != nil || !strings.Contains(string(got), "sân nhà văn hóa thôn 5") {
		t.Errorf("the original of %s (%s) from B: %q, %v", id, doc.OriginalPath, got, err)
	}
	if _, err := os.Stat(filepath.Join(a.kb.Dir(), filepath.FromSlash(doc.OriginalPath))); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the original is on A's disk too: %v", err)
	}

	if rep := apiCall(t, a.srv, http.MethodDelete, "/api/v1/admin/documents/"+id, replicaToken, nil, ""); rep.status/100 != 2 {
		t.Fatalf("delete on A: %d %s", rep.status, rep.body)
	}
	sqldbtest.Eventually(t, within, "a document deleted on A is gone from B's answers", func() bool {
		rep, ok := b.ask(t, q)
		if !ok {
			return false
		}
		for _, s := range rep.Sources {
			if s.DocID == id {
				return false
			}
		}
		return true
	})
	if _, err := b.kb.Original(ctx, doc.OriginalPath); !errors.Is(err, knowledge.ErrNotFound) {
		t.Errorf("the original of a deleted document: %v, want ErrNotFound", err)
	}

	admin := newBrowserless(t, a.srv)
	admin.login("admin", adminPW, "/admin/documents")
	const slug, address = "thuan-my-tay-ninh", "Số 5 đường 30/4, ấp Bình Hòa"
	if r := admin.post("/admin/communes/"+slug, url.Values{"name": {"Xã Thuận Mỹ"}, "province": {"Tây Ninh"},
		"address": {address}, "hours": {"7:00–17:00"}, "hotline": {"0276 000 111"}}); r.status != http.StatusSeeOther {
		t.Fatalf("save commune details on A: %d\n%s", r.status, r.body)
	}
	resident := newBrowserless(t, b.srv)
	sqldbtest.Eventually(t, within, "commune details saved on A show on B's chat page", func() bool {
		return strings.Contains(resident.get("/x/"+slug).body, address)
	})

	sqldbtest.Restart(t)
	// Both replicas reconnect by themselves; the first requests may meet
	// connections that died with the server.
	var again string
	sqldbtest.Eventually(t, 10*time.Second, "an upload on A after PostgreSQL restarted", func() bool {
		again = a.upload(t, "hop-thon.md", "# Lịch họp thôn Đông\n\nHọp thôn Đông tối thứ hai tại nhà văn hóa.\n")
		return again != ""
	})
	sqldbtest.Eventually(t, within, "an upload on A after the restart answers on B", func() bool {
		return b.answersFrom(t, "lịch họp thôn Đông", again)
	})
	if rep := apiCall(t, b.srv, http.MethodDelete, "/api/v1/admin/documents/"+again, replicaToken, nil, ""); rep.status/100 != 2 {
		t.Fatalf("delete on B after the restart: %d %s", rep.status, rep.body)
	}
	sqldbtest.Eventually(t, within, "a delete on B after the restart reaches A", func() bool {
		return !a.answersFrom(t, "lịch họp thôn Đông", again)
	})

	a.stop()
	if _, ok := b.ask(t, q); !ok {
		t.Error("B does not answer once A stopped")
	}
	if !strings.Contains(resident.get("/x/"+slug).body, address) {
		t.Error("B's chat page lost the commune details once A stopped")
	}
}

// PostgreSQL down: a replica still serves the chat page, an answer it
// has already given (memoised), and answers from documents it has never
// read, an uploaded article and an official record with its procedure,
// out of its own index; once the database is back it carries on by
// itself, without a restart.
func TestReplicaWhilePostgresIsDown(t *testing.T) {
	dsn := sqldbtest.Postgres(t)
	a, b := mustReplica(t, dsn), mustReplica(t, dsn)
	const asked, unread = "lịch tiêm phòng dại cho chó mèo", "lịch họp thôn Đông"
	id := a.upload(t, "tiem-phong.md", "# Lịch tiêm phòng dại cho chó mèo\n\nTiêm phòng dại tại sân nhà văn hóa thôn 5 sáng chủ nhật.\n")
	id2 := a.upload(t, "hop.md", "# Lịch họp thôn Đông\n\nHọp thôn Đông tối thứ hai tại nhà văn hóa.\n")
	record, err := portal.EmbeddedDocuments("1.001193")
	if err != nil || len(record) != 1 {
		t.Fatalf("the birth registration record: %d, %v", len(record), err)
	}
	if err := a.kb.Ingest(context.Background(), record...); err != nil {
		t.Fatal(err)
	}
	sqldbtest.Eventually(t, 2*time.Second, "both uploads and the record reach B", func() bool { return b.answersFrom(t, asked, id) && b.kb.Indexed() == 3 })
	// Once B's caches have emptied for the last write (CatchUp waits for
	// a catch-up under way), the answer is given again and memoised.
	if err := b.kb.CatchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !b.answersFrom(t, asked, id) {
		t.Fatal("B does not answer with PostgreSQL up")
	}

	up := sqldbtest.Down(t)
	if !b.answersFrom(t, asked, id) {
		t.Error("B does not give an answer it gave before while PostgreSQL is down")
	}
	if r := newBrowserless(t, b.srv).get("/x/demo"); r.status != http.StatusOK {
		t.Errorf("B's chat page while PostgreSQL is down: %d", r.status)
	}
	if !b.answersFrom(t, unread, id2) {
		t.Error("B does not answer from an upload it never read while PostgreSQL is down")
	}
	rep, ok := b.ask(t, "đăng ký khai sinh cần giấy tờ gì")
	if !ok || !rep.Grounded || len(rep.Sources) == 0 || rep.Sources[0].DocID != record[0].ID || !strings.Contains(strings.ToLower(rep.Answer), "giấy chứng sinh") {
		t.Errorf("B's answer from an official record it never read while PostgreSQL is down: %v %+v", ok, rep)
	}
	up()
	sqldbtest.Eventually(t, 5*time.Second, "B answers again once PostgreSQL is back", func() bool { return b.answersFrom(t, unread, id2) })
}
