package upload_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/hoidap/hoidap/knowledge/upload"
	"github.com/hoidap/hoidap/knowledge/upload/uploadtest"
)

// realLimits leave the PDF engine time enough, its first compilation
// included, under the race detector on a shared machine.
var realLimits = upload.Limits{Timeout: 2 * time.Minute}

// TestParseRealPDFs reads the notice as Chromium and LibreOffice print
// it, from NFC and from NFD text: the words read must be the notice's
// words (99 % both ways), and its numbered headings must start passages.
func TestParseRealPDFs(t *testing.T) {
	want := uploadtest.NoticeText()
	makers := []struct {
		name string
		make func(t *testing.T, nfd bool) []byte
	}{
		{"chromium", func(t *testing.T, nfd bool) []byte { return uploadtest.ChromiumPDF(t, uploadtest.NoticeHTML(nfd)) }},
		{"libreoffice", func(t *testing.T, nfd bool) []byte {
			return uploadtest.SofficePDF(t, "thong-bao.fodt", uploadtest.NoticeFODT(nfd))
		}},
	}
	for _, m := range makers {
		for _, nfd := range []bool{false, true} {
			name := m.name + "/NFC"
			if nfd {
				name = m.name + "/NFD"
			}
			t.Run(name, func(t *testing.T) {
				data := m.make(t, nfd)
				docs, err := upload.Parse(upload.File{Name: "thong-bao.pdf", Data: data}, realLimits)
				if err != nil {
					t.Fatal(err)
				}
				d := docs[0]
				got := d.Title + "\n" + d.Body
				recall, precision := uploadtest.WordMatch(want, got)
				t.Logf("words: %.1f %% of the notice's read, %.1f %% of those read are the notice's", 100*recall, 100*precision)
				if recall < 0.99 || precision < 0.99 {
					t.Errorf("words read %.3f / %.3f, want ≥ 0.99 both:\n%s", recall, precision, got)
				}
				for _, bad := range []string{"k eo", "đăng k ý", "Phú T úc", "Đ ố i"} {
					if strings.Contains(got, bad) {
						t.Errorf("a word read apart: %q", bad)
					}
				}
				if d.Title != uploadtest.Notice.Title {
					t.Errorf("title = %q, want %q", d.Title, uploadtest.Notice.Title)
				}
				heads := strings.Join(headings(d), " / ")
				for _, s := range uploadtest.Notice.Sections {
					if !strings.Contains(heads, s.Heading) {
						t.Errorf("no passage under %q; headings: %s\n%s", s.Heading, heads, d.Body)
					}
				}
				if n := strings.Count(d.Body, uploadtest.Notice.Footer); n != 1 {
					t.Errorf("footer read %d times, want once", n)
				}
			})
		}
	}
	t.Run("password-protected", func(t *testing.T) {
		_, err := upload.Parse(upload.File{Name: "mat.pdf", Data: uploadtest.EncryptedPDF(t)}, realLimits)
		if !errors.Is(err, upload.ErrEncrypted) || !strings.Contains(upload.Message(err), "có mật khẩu") {
			t.Errorf("encrypted PDF: %v, want the password message", err)
		}
	})
	t.Run("scanned page", func(t *testing.T) {
		var img bytes.Buffer
		m := image.NewGray(image.Rect(0, 0, 400, 200))
		for i := range m.Pix {
			m.Pix[i] = byte(200 + i%50)
		}
		m.Set(10, 10, color.Black)
		if err := png.Encode(&img, m); err != nil {
			t.Fatal(err)
		}
		page := `<!doctype html><html><body style="margin:0"><img style="width:100%" src="data:image/png;base64,` +
			base64.StdEncoding.EncodeToString(img.Bytes()) + `"></body></html>`
		_, err := upload.Parse(upload.File{Name: "ban-scan.pdf", Data: uploadtest.ChromiumPDF(t, page)}, realLimits)
		if !errors.Is(err, upload.ErrScanned) || !strings.Contains(upload.Message(err), "không có lớp chữ") {
			t.Errorf("scanned page: %v, want the scanned-PDF message", err)
		}
	})
}

// TestParseLibreOfficeDOCX reads the notice as LibreOffice saves it in
// Word's format: its words, its title and a passage for each heading.
func TestParseLibreOfficeDOCX(t *testing.T) {
	n := uploadtest.Notice
	d := mustParse(t, upload.File{Name: "thong-bao.docx", Data: uploadtest.Soffice(t, "thong-bao.fodt", uploadtest.NoticeFODT(false), "docx")})[0]
	// Word keeps the header and footer in parts of their own, not read.
	want := strings.NewReplacer(n.Header, "", n.Footer, "").Replace(uploadtest.NoticeText())
	if recall, precision := uploadtest.WordMatch(want, d.Title+"\n"+d.Body); recall < 0.99 || precision < 0.99 {
		t.Errorf("words read %.3f / %.3f, want ≥ 0.99 both:\n%s", recall, precision, d.Body)
	}
	if d.Title != n.Title {
		t.Errorf("title = %q, want %q", d.Title, n.Title)
	}
	heads := strings.Join(headings(d), " / ")
	for _, s := range n.Sections {
		if !strings.Contains(heads, s.Heading) {
			t.Errorf("no passage under %q; headings: %s\n%s", s.Heading, heads, d.Body)
		}
	}
}
