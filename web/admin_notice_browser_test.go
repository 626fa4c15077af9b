package web

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/hoidap/hoidap/knowledge/upload/uploadtest"
)

// TestBrowserUploadedNoticeAnswers is issue 13's first "done when" in a
// real browser: an administrator uploads the commune's notice as printed
// by Chromium and by LibreOffice (from NFD text) through the upload page,
// the preview shows the words as written, and a resident on the chat page
// gets the notice's facts for questions about them.
func TestBrowserUploadedNoticeAnswers(t *testing.T) {
	dir := t.TempDir()
	files := []struct{ name, path string }{
		{"PDF from Chromium", filepath.Join(dir, "chromium", "thong-bao.pdf")},
		{"PDF from LibreOffice, NFD", filepath.Join(dir, "soffice", "thong-bao.pdf")},
	}
	data := [][]byte{
		uploadtest.ChromiumPDF(t, uploadtest.NoticeHTML(false)),
		uploadtest.SofficePDF(t, "thong-bao.fodt", uploadtest.NoticeFODT(true)),
	}
	for i, f := range files {
		if err := os.MkdirAll(filepath.Dir(f.path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f.path, data[i], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	browser := mustBrowser(t)
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			// A server of its own for each file, so the answers can only
			// come from that file.
			srv, s, _ := mustAdminServer(t, "", withChatBot(t))
			s.admin.limits.Timeout = 2 * time.Minute // a shared machine
			base := srv.URL

			admin := newTab(t, browser, chromedp.WithNewBrowserContext())
			admin.do(chromedp.EmulateViewport(1100, 900))
			admin.do(chromedp.Navigate(base+"/admin/documents"), chromedp.WaitVisible(chromedp.CSS("#password")),
				chromedp.SendKeys(chromedp.CSS("#name"), "admin"), chromedp.SendKeys(chromedp.CSS("#password"), adminPW),
				chromedp.Click(chromedp.CSS(`form button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS("#upload")),
				chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{f.path}),
				chromedp.SendKeys(chromedp.CSS("#commune"), "demo"),
				chromedp.Click(chromedp.CSS("#upload button[type=submit]")),
				chromedp.WaitVisible(chromedp.CSS(".passage")))
			if flash := admin.text(".flash"); !strings.Contains(flash, "Đã tải lên") {
				t.Errorf("no confirmation after the upload: %q", flash)
			}

			// The preview: every word as written (NFC on screen, even from NFD).
			preview := eval[string](admin, `document.querySelector(".passages").innerText.normalize("NFC")`)
			for _, want := range []string{"đăng ký", "Phú Túc", "500 cây", "keo lai", "Bộ phận một cửa",
				"15 tháng 12 năm 2026", "4. Nơi nộp đơn", "5. Thời hạn"} {
				if !strings.Contains(preview, want) {
					t.Errorf("preview lacks %q as written:\n%s", want, preview)
				}
			}
			for _, broken := range []string{"k eo", "đăng k ý", "Phú T úc", "Đ ố i"} {
				if strings.Contains(preview, broken) {
					t.Errorf("preview splits a word: %q", broken)
				}
			}
			if tags := admin.text(".passage .tag"); strings.Contains(tags, "body") {
				t.Errorf("preview shows the internal label \"body\": %q", tags)
			}

			resident := newTab(t, browser, chromedp.WithNewBrowserContext())
			resident.do(chromedp.Navigate(base+"/x/demo"), chromedp.WaitVisible(chromedp.CSS("#q")))
			for i, tc := range []struct{ q, fact string }{
				{"cây keo lai mỗi hộ nhận tối đa bao nhiêu cây", "500 cây"},
				{"đơn nhận cây keo lai nộp ở đâu", "Bộ phận một cửa"},
				{"hạn chót nộp đơn nhận cây keo lai khi nào", "15 tháng 12 năm 2026"},
			} {
				resident.ask(tc.q, i+1)
				last := `document.querySelector("#log .turn:last-of-type `
				answer := eval[string](resident, last+`.a").innerText.normalize("NFC")`)
				cards := eval[string](resident, `Array.from(document.querySelectorAll("#log .turn:last-of-type .card h3")).map(e => e.textContent).join(" | ")`)
				if !strings.Contains(answer, tc.fact) || strings.Contains(answer, "CỘNG HÒA") {
					t.Errorf("%q answered on the page\n%s\nwant the notice's %q, not its letterhead", tc.q, answer, tc.fact)
				}
				if !strings.Contains(strings.ToLower(cards), "cây keo lai") {
					t.Errorf("%q cites %q, want the notice", tc.q, cards)
				}
			}
			for _, tb := range []*tab{admin, resident} {
				if errs := tb.errors(); len(errs) > 0 {
					t.Errorf("console errors: %v", errs)
				}
			}
		})
	}
}
