package web

import (
	"context"
	"encoding/csv"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hoidap/hoidap/chatbot"
	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/ssetest"
	"github.com/hoidap/hoidap/knowledge"
)

// A question sent for a commune that does not exist is refused, a poster
// id that is not one is dropped, and no exported cell can be read as a
// formula, whatever the records hold.
func TestAskAndExportRefuseFormulas(t *testing.T) {
	ctx := context.Background()
	srv, _, kb := mustAdminServer(t, "", func(c *Config) {
		bot, err := chatbot.New(chatbot.Config{Knowledge: c.Knowledge, Recorder: recordsOf(t, c.Knowledge.(*knowledge.Base))})
		if err != nil {
			t.Fatal(err)
		}
		c.Bot = bot
	})
	const formula = `=cmd|' /C calc'!A0`
	for _, body := range []string{
		`{"question":"đăng ký kết hôn cần gì","commune":"=cmd|' /C calc'!A0"}`,
		`{"question":"đăng ký kết hôn cần gì","commune":"` + strings.Repeat("x", 10000) + `"}`,
	} {
		resp := ssetest.Ask(t, srv.URL, body, false)
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("ask for an unknown commune: %d, want 400", resp.StatusCode)
		}
	}
	if resp := ssetest.Ask(t, srv.URL, `{"question":"đăng ký kết hôn cần gì","commune":"demo","poster":"=1+1"}`, false); resp.StatusCode != http.StatusOK {
		t.Fatalf("ask with a bad poster: %d, want 200", resp.StatusCode)
	}
	// Rows an older binary stored, formulas in every text column.
	if err := recordsOf(t, kb).RecordAnswer(ctx, records.AnswerRecord{ID: "legacy", Commune: "+1+1", Poster: "-2", Question: " =1+2",
		Mode: "@SUM(A1)", Sources: []string{"＝HYPERLINK(\"x\")"}, Created: time.Now()}); err != nil {
		t.Fatal(err)
	}
	b := newBrowserless(t, srv)
	b.login("admin", adminPW, "/admin/documents")
	day := time.Now().In(vietnam)
	r := b.get("/admin/export.csv?from=" + day.Add(-24*time.Hour).Format(time.DateOnly) + "&to=" + day.Format(time.DateOnly))
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\ufeff"))).ReadAll()
	if err != nil || len(rows) < 3 {
		t.Fatalf("export: %d rows, %v\n%s", len(rows), err, r.body)
	}
	for _, row := range rows[1:] {
		if row[2] != "" && row[1] == "demo" {
			t.Errorf("poster %q recorded from a bad poster id", row[2])
		}
		for _, c := range row {
			if c == "" {
				continue
			}
			t0 := strings.TrimLeft(c, " ")
			if strings.ContainsAny(t0[:1], "=+-@") || strings.HasPrefix(t0, "＝") || strings.Contains(c, formula) && c[0] != '\'' {
				t.Errorf("cell %q can be read as a formula", c)
			}
		}
	}
}
