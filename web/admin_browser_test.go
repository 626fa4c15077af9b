package web

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// mustAdminChatServer serves the admin side and the residents' chat with
// a real bot (extractive answers) over the starter corpus.
func mustAdminChatServer(t *testing.T) string {
	t.Helper()
	srv, _, _ := mustAdminServer(t, t.TempDir(), withChatBot(t))
	return srv.URL
}

func TestAdminBrowserUploadThenAsk(t *testing.T) {
	base := mustAdminChatServer(t)
	browser := mustBrowser(t)
	dir := t.TempDir()
	docx := filepath.Join(dir, "thu-gom-rac.docx")
	pdf := filepath.Join(dir, "lich-tiem-chung.pdf")
	if err := os.WriteFile(docx, makeDOCX(t, docxPara("Title", "Thông báo lịch thu gom rác thôn Đông Hòa", false)+
		docxPara("u1", "Thời gian thu gom", false)+
		docxPara("", "Xe thu gom rác đến thôn Đông Hòa vào sáng thứ ba và sáng thứ sáu hằng tuần, từ 6 giờ đến 8 giờ.", false)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pdf, makePDF(t, "Lich tiem chung thon Ba Lang", pdfTextPage("Lich tiem chung thon Ba Lang",
		"Tiem chung mo rong cho tre em thon Ba Lang vao thu bay tuan thu hai hang thang tai tram y te xa.")), 0o644); err != nil {
		t.Fatal(err)
	}
	tb := newTab(t, browser)
	tb.do(chromedp.Navigate(base+"/admin/documents"), chromedp.WaitVisible(chromedp.CSS("#password")),
		chromedp.SendKeys(chromedp.CSS("#name"), "admin"), chromedp.SendKeys(chromedp.CSS("#password"), adminPW),
		chromedp.Click(chromedp.CSS(`form button[type=submit]`)), chromedp.WaitVisible(chromedp.CSS("#upload")))

	for _, up := range []struct{ file, passage string }{
		{pdf, "tram y te xa"},
		{docx, "sáng thứ ba và sáng thứ sáu"}, // last: its preview is the screenshot
	} {
		tb.do(chromedp.Navigate(base+"/admin/documents"), chromedp.WaitVisible(chromedp.CSS("#upload")),
			chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{up.file}),
			chromedp.SendKeys(chromedp.CSS("#commune"), "demo"),
			chromedp.Click(chromedp.CSS("#upload button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS(".passage")))
		if got := tb.text(".passage .text"); !strings.Contains(got, up.passage) {
			t.Errorf("preview of %s: passages %q, want %q", filepath.Base(up.file), got, up.passage)
		}
		if flash := tb.text(".flash"); !strings.Contains(flash, "Đã tải lên") {
			t.Errorf("no confirmation after uploading %s: %q", filepath.Base(up.file), flash)
		}
	}
	writeScreenshot(t, tb, "admin-upload.png", "", true)

	t.Run("residents get answers from the uploads", func(t *testing.T) {
		chat := newTab(t, browser)
		chat.do(chromedp.Navigate(base+"/x/demo"), chromedp.WaitVisible(chromedp.CSS("#q")))
		// Commune notices are grounded only when the question names something
		// of procedures or the commune ("thông báo", "xã"): chatbot's vocabulary.
		chat.ask("thông báo thu gom rác thôn Đông Hòa: xe đến vào ngày nào?", 1)
		if cards, a := chat.text("#log .turn .card h3"), chat.text("#log .turn .a"); !strings.Contains(cards, "thu gom rác thôn Đông Hòa") || !strings.Contains(a, "thứ ba") {
			t.Errorf("answer %q citing %q: want the DOCX's schedule", a, cards)
		}
		fresh := newTab(t, browser)
		fresh.do(chromedp.Navigate(base+"/x/demo"), chromedp.WaitVisible(chromedp.CSS("#q")))
		eval[any](fresh, `localStorage.clear(); sessionStorage.clear(); 0`) // a new conversation
		fresh.do(chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#q")))
		fresh.ask("lịch tiêm chủng của xã cho trẻ em thôn Ba Làng", 1)
		if cards := fresh.text("#log .turn .card h3"); !strings.Contains(cards, "Lich tiem chung thon Ba Lang") {
			t.Errorf("sources %q: want the PDF", cards)
		}
	})

	if errs := tb.errors(); len(errs) > 0 {
		t.Errorf("console errors on the admin pages: %v", errs)
	}
	t.Run("a form without its CSRF token is refused", func(t *testing.T) {
		tb.do(chromedp.Navigate(base+"/admin/users"), chromedp.WaitVisible(chromedp.CSS("#tname")),
			chromedp.SendKeys(chromedp.CSS("#tname"), "token không có CSRF"))
		eval[any](tb, `document.querySelector("#tname").form.querySelector("input[name=csrf]").remove(); 0`)
		tb.do(chromedp.Click(chromedp.CSS(`#tname ~ p button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(".error")))
		if msg := tb.text(".error"); !strings.Contains(msg, "mã bảo vệ (CSRF)") {
			t.Errorf("message %q, want the CSRF refusal", msg)
		}
		tb.do(chromedp.Navigate(base+"/admin/users"), chromedp.WaitVisible(chromedp.CSS("#tname")))
		if strings.Contains(tb.text("table"), "token không có CSRF") {
			t.Error("the refused form created a token")
		}
	})
}
