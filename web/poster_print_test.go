package web

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge"
)

// pdfPage matches a page object of a PDF (not the /Pages tree); Chromium
// writes object dictionaries uncompressed.
var pdfPage = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

// pdfPages counts the pages of a PDF, with pdfinfo when it is installed
// (poppler-utils) and by its page objects as well; the two must agree.
func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	n := len(pdfPage.FindAll(pdf, -1))
	if bin, err := exec.LookPath("pdfinfo"); err == nil {
		f := filepath.Join(t.TempDir(), "p.pdf")
		if err := os.WriteFile(f, pdf, 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(bin, f).Output()
		if err != nil {
			t.Fatalf("pdfinfo: %v", err)
		}
		m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
		if m == nil {
			t.Fatalf("pdfinfo printed no page count:\n%s", out)
		}
		if got, _ := strconv.Atoi(string(m[1])); got != n {
			t.Fatalf("pdfinfo counts %d pages, the page objects %d", got, n)
		}
	}
	return n
}

// pdfQR renders the first page of a PDF at 150 dpi with pdftoppm and
// decodes its QR code with zbarimg: what a phone reads off the printed
// sheet. It returns "" without pdftoppm.
func pdfQR(t *testing.T, pdf []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Log("pdftoppm not found (poppler-utils): the printed QR code is not decoded")
		return ""
	}
	dir := t.TempDir()
	f := filepath.Join(dir, "p.pdf")
	if err := os.WriteFile(f, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile", f, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	img, err := os.ReadFile(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	return zbar(t, img)
}

// printPDF prints the page at target as Chromium's print dialog would on
// A4 (the poster's own @page size), once its QR image has loaded.
func printPDF(t *testing.T, browser context.Context, target string) []byte {
	t.Helper()
	tb := newTab(t, browser)
	tb.do(chromedp.Navigate(target), chromedp.WaitVisible(chromedp.CSS("img.qr")),
		chromedp.Poll[chromedp.Void](`document.querySelector("img.qr").complete && document.querySelector("img.qr").naturalWidth > 0`))
	pdf, err := chromedp.Call(tb.ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: new(true), PrintBackground: new(true)})
	if err != nil {
		t.Fatal(err)
	}
	return pdf.Data
}

func atof(b []byte) float64 {
	f, _ := strconv.ParseFloat(string(b), 64)
	return f
}

func TestPosterPrintsOnOneA4Page(t *testing.T) {
	ctx := context.Background()
	long := func(s string, n int) string { // s repeated to n characters
		r := []rune(strings.Repeat(s+" ", n/len([]rune(s))+1))
		return strings.TrimSpace(string(r[:n]))
	}
	const base = "https://dichvucong-hoidap.tayninh.gov.vn"
	var posters = map[string]records.Poster{}
	srv, _ := mustServer(t, func(cfg *Config) {
		cfg.BaseURL = base
		st := recordsOf(t, cfg.Knowledge.(*knowledge.Base))
		details := []records.CommuneDetails{
			{CommuneInfo: records.CommuneInfo{Slug: "thuan-my-tay-ninh", Name: "Xã Thuận Mỹ", Province: "Tây Ninh",
				Address: "Số 1 đường Nguyễn Trung Trực, ấp Bình Hòa, xã Thuận Mỹ, tỉnh Tây Ninh",
				Hours:   "Thứ Hai – Thứ Sáu, sáng 7:30–11:30, chiều 13:30–17:00; sáng Thứ Bảy 7:30–11:30",
				Hotline: "0272 3 888 999", MapURL: "https://maps.example.vn/?q=10.6,106.4"}},
			{CommuneInfo: records.CommuneInfo{Slug: "binh-lu-lai-chau", Name: "Xã Bình Lư", Province: "Lai Châu",
				Address: long("Trung tâm phục vụ hành chính công, tầng 2, nhà B, khu liên cơ quan", 300),
				Hours:   long("Thứ Hai đến Thứ Sáu 7 giờ đến 11 giờ 30 và 13 giờ đến 17 giờ", 300),
				Hotline: long("0213 3 876 543 hoặc 0912 345 678", 300), MapURL: "https://maps.example.vn/" + strings.Repeat("x", 270)}},
			{Custom: true, CommuneInfo: records.CommuneInfo{Slug: "xa-ten-rat-dai",
				Name:     long("Xã Nghĩa Hưng Thượng Đông Nam", 300),
				Province: long("Thành phố Hồ Chí Minh", 300),
				Hours:    "Thứ Hai – Thứ Sáu"}},
		}
		for _, d := range details {
			if _, err := cfg.Communes.Save(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		for _, slug := range []string{"thuan-my-tay-ninh", "binh-lu-lai-chau", "xa-ten-rat-dai", "demo"} {
			p, err := st.CreatePoster(ctx, slug, long("Nhà văn hóa ấp Bình Hòa Đông, cạnh chợ", 100), "admin")
			if err != nil {
				t.Fatal(err)
			}
			posters[slug] = p
		}
	})
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	browser := mustBrowser(t)

	for _, slug := range []string{"thuan-my-tay-ninh", "binh-lu-lai-chau", "xa-ten-rat-dai", "demo", "tran-hung-dao-hai-phong"} {
		for _, poster := range []string{"", posters[slug].ID} {
			if slug == "tran-hung-dao-hai-phong" && poster != "" { // no details, no named poster
				continue
			}
			target, want := "/poster/"+slug, ChatURL(base, slug, poster)
			if poster != "" {
				target += "?p=" + poster
			}
			t.Run(target, func(t *testing.T) {
				pdf := printPDF(t, browser, hs.URL+target)
				if n := pdfPages(t, pdf); n != 1 {
					t.Errorf("printed on %d pages, want 1", n)
				}
				if box := regexp.MustCompile(`/MediaBox\s*\[\s*0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)`).FindSubmatch(pdf); box == nil {
					t.Error("no page size in the PDF")
				} else if w, h := atof(box[1]), atof(box[2]); w < 593 || w > 597 || h < 840 || h > 844 {
					t.Errorf("page %.1f × %.1f pt, want A4 (595 × 842)", w, h)
				}
				if got := pdfQR(t, pdf); got != "" && got != want {
					t.Errorf("the printed QR code reads %q, want %q", got, want)
				}
			})
		}
	}
}
