package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/ssetest"
	"github.com/hoidap/hoidap/knowledge/upload/uploadtest"
)

// A commune's notice, uploaded as the PDF Chromium prints, as the PDF
// LibreOffice makes (from text in NFD) and as DOCX,
// answers residents' questions about its facts from the passage that
// holds each fact, not from its letterhead (issue 13).
func TestUploadedNoticeAnswers(t *testing.T) {
	files := []struct {
		name, file string
		make       func(t *testing.T) []byte
	}{
		{"PDF from Chromium", "thong-bao.pdf", func(t *testing.T) []byte { return uploadtest.ChromiumPDF(t, uploadtest.NoticeHTML(false)) }},
		{"PDF from LibreOffice, NFD", "thong-bao.pdf", func(t *testing.T) []byte {
			return uploadtest.SofficePDF(t, "thong-bao.fodt", uploadtest.NoticeFODT(true))
		}},
		{"DOCX with heading styles", "thong-bao.docx", func(t *testing.T) []byte { return uploadtest.NoticeDOCX(t, true) }},
		{"DOCX with headings in bold", "thong-bao.docx", func(t *testing.T) []byte { return uploadtest.NoticeDOCX(t, false) }},
	}
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			data := f.make(t)
			srv, s, _ := mustAdminServer(t, filepath.Join(t.TempDir(), "data"), withChatBot(t))
			s.admin.limits.Timeout = 2 * time.Minute // a shared machine under -race
			b := newBrowserless(t, srv)
			b.login("admin", adminPW, "/admin/documents")
			id := docIDFrom(t, b.upload("/admin/documents", "demo", f.file, data))

			preview := b.get("/admin/documents/" + id)
			for _, want := range []string{"4. Nơi nộp đơn", "5. Thời hạn"} {
				if !strings.Contains(preview.body, want) {
					t.Errorf("preview lacks the section %q", want)
				}
			}
			if strings.Contains(preview.body, `<span class="tag">body</span>`) {
				t.Errorf("preview shows the internal label \"body\"")
			}

			for _, tc := range []struct{ q, fact string }{
				{"cây keo lai mỗi hộ nhận tối đa bao nhiêu cây", "500 cây"},
				{"đơn nhận cây keo lai nộp ở đâu", "Bộ phận một cửa"},
				{"hạn chót nộp đơn nhận cây keo lai khi nào", "15 tháng 12 năm 2026"},
			} {
				resp := ssetest.Ask(t, srv.URL, fmt.Sprintf(`{"question":%q,"commune":"demo"}`, tc.q), false)
				var got struct {
					Answer  string `json:"answer"`
					Sources []struct{ ID, Title string }
				}
				if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || resp.StatusCode != http.StatusOK {
					t.Fatalf("%q: status %d: %v", tc.q, resp.StatusCode, err)
				}
				resp.Body.Close()
				if !strings.Contains(got.Answer, tc.fact) || strings.Contains(got.Answer, "CỘNG HÒA") {
					t.Errorf("%q answered\n%s\nwant the passage with %q, not the letterhead", tc.q, got.Answer, tc.fact)
				}
				if len(got.Sources) == 0 || !strings.HasPrefix(got.Sources[0].ID, id) {
					t.Errorf("%q: sources %+v, want the notice %s first", tc.q, got.Sources, id)
				}
			}
		})
	}
}
