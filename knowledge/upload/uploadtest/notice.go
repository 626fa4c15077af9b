package uploadtest

import (
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NoticeSection is a numbered section of Notice.
type NoticeSection struct{ Heading, Text string }

// Notice is a commune's notice as residents receive it: a letterhead, a
// title, numbered sections, a part set in two columns, a table, and a
// header and footer on every page.
var Notice = struct {
	Header, Footer string
	Letterhead     []string
	Title          string
	Sections       []NoticeSection
	Columns        [2]string // the two columns of ColumnsHeading
	ColumnsHeading string
	Table          [][]string
}{
	Header: "UBND xã Phú Túc – Bộ phận một cửa",
	Footer: "Địa chỉ: thôn Phú Lộc, xã Phú Túc, tỉnh Đắk Lắk – Điện thoại 0262 3812 345",
	Letterhead: []string{"ỦY BAN NHÂN DÂN XÃ PHÚ TÚC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Độc lập – Tự do – Hạnh phúc", "Số: 125/TB-UBND"},
	Title: "Thông báo về việc cấp cây keo lai giống cho hộ dân năm 2026",
	Sections: []NoticeSection{
		{"1. Đối tượng", "Các hộ gia đình, cá nhân đang sinh sống trên địa bàn xã có đất rừng sản xuất và cam kết trồng, chăm sóc cây đúng kỹ thuật."},
		{"2. Số lượng cây giống", "Mỗi hộ nhận tối đa 500 cây keo lai giống. Hộ nghèo, hộ cận nghèo được nhận thêm 100 cây."},
		{"3. Hồ sơ đăng ký", "Đơn đăng ký nhận cây giống theo mẫu của xã và bản sao giấy chứng nhận quyền sử dụng đất."},
		{"4. Nơi nộp đơn", "Nộp đơn tại Bộ phận một cửa của Ủy ban nhân dân xã Phú Túc ở thôn Phú Lộc, trong giờ hành chính, hoặc gửi qua trưởng thôn."},
		{"5. Thời hạn", "Hạn chót nhận đơn là ngày 15 tháng 12 năm 2026. Cây giống được cấp từ ngày 05 tháng 01 năm 2027 tại vườn ươm của xã."},
		{"6. Lệ phí", "Không thu phí. Người dân tự vận chuyển cây giống về nơi trồng."},
	},
	ColumnsHeading: "7. Hướng dẫn trồng và chăm sóc",
	Columns: [2]string{
		"Trồng cây vào đầu mùa mưa, khi đất đã đủ ẩm. Mỗi hố sâu ba mươi phân, bón lót phân chuồng hoai mục trước khi đặt cây.",
		"Năm đầu làm cỏ hai lần, phát dọn dây leo quanh gốc. Thấy sâu bệnh thì báo ngay cho cán bộ khuyến nông của xã để được hướng dẫn.",
	},
	Table: [][]string{{"Loại hộ", "Số cây tối đa", "Ngày cấp"}, {"Hộ thường", "500 cây", "05/01/2027"}, {"Hộ nghèo", "600 cây", "05/01/2027"}},
}

// NoticeText is every word of Notice once, header and footer included:
// what a reader should get out of any file made from it.
func NoticeText() string {
	n := Notice
	parts := append([]string{n.Header}, n.Letterhead...)
	parts = append(parts, n.Title)
	for _, s := range n.Sections {
		parts = append(parts, s.Heading, s.Text)
	}
	parts = append(parts, n.ColumnsHeading, n.Columns[0], n.Columns[1])
	for _, row := range n.Table {
		parts = append(parts, strings.Join(row, " "))
	}
	return strings.Join(append(parts, n.Footer), "\n")
}

// form returns s in NFD when nfd is set, as some editors save Vietnamese.
func form(s string, nfd bool) string {
	if nfd {
		return norm.NFD.String(s)
	}
	return norm.NFC.String(s)
}

// NoticeHTML is Notice as a web page whose header and footer Chromium
// repeats on every printed page; the fee section starts page two.
func NoticeHTML(nfd bool) string {
	n := Notice
	e := func(s string) string { return html.EscapeString(form(s, nfd)) }
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>` + e(n.Title) + `</title><style>
@page { size: A4; margin: 25mm 20mm }
body { font: 13pt "DejaVu Serif", serif }
h1 { font-size: 18pt } h2 { font-size: 15pt }
.head, .foot { position: fixed; left: 0; right: 0; font-size: 9pt }
.head { top: -15mm } .foot { bottom: -15mm }
.cols { columns: 2; column-gap: 10mm }
.p2 { break-before: page }
td { border: 1px solid #000; padding: 2mm 4mm }
</style></head><body>
`)
	fmt.Fprintf(&b, "<div class=\"head\">%s</div><div class=\"foot\">%s</div>\n", e(n.Header), e(n.Footer))
	for _, l := range n.Letterhead {
		fmt.Fprintf(&b, "<p>%s</p>\n", e(l))
	}
	fmt.Fprintf(&b, "<h1>%s</h1>\n", e(n.Title))
	for i, s := range n.Sections {
		class := ""
		if i == len(n.Sections)-1 {
			class = ` class="p2"`
		}
		fmt.Fprintf(&b, "<h2%s>%s</h2>\n<p>%s</p>\n", class, e(s.Heading), e(s.Text))
	}
	fmt.Fprintf(&b, "<h2>%s</h2>\n<div class=\"cols\"><p>%s</p><p>%s</p></div>\n<table>", e(n.ColumnsHeading), e(n.Columns[0]), e(n.Columns[1]))
	for _, row := range n.Table {
		b.WriteString("<tr>")
		for _, c := range row {
			fmt.Fprintf(&b, "<td>%s</td>", e(c))
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</table>\n</body></html>\n")
	return b.String()
}

// NoticeFODT is Notice as a flat OpenDocument text, with its header and
// footer on the master page, Heading styles, a two-column section and a
// table; the fee section starts page two.
func NoticeFODT(nfd bool) string {
	n := Notice
	e := func(s string) string { return html.EscapeString(form(s, nfd)) }
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
<style:style style:name="Standard" style:family="paragraph"><style:text-properties style:font-name="DejaVu Serif" fo:font-family="'DejaVu Serif'" fo:font-size="12pt"/></style:style>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2"><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
<style:style style:name="HF" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="9pt"/></style:style>
</office:styles>
<office:automatic-styles>
<style:style style:name="Cols" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="1cm"/></style:section-properties></style:style>
<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Heading_20_2"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin="2cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL">
`)
	fmt.Fprintf(&b, "<style:header><text:p text:style-name=\"HF\">%s</text:p></style:header>\n", e(n.Header))
	fmt.Fprintf(&b, "<style:footer><text:p text:style-name=\"HF\">%s</text:p></style:footer>\n", e(n.Footer))
	b.WriteString("</style:master-page></office:master-styles>\n<office:body><office:text>\n")
	for _, l := range n.Letterhead {
		fmt.Fprintf(&b, "<text:p text:style-name=\"Standard\">%s</text:p>\n", e(l))
	}
	fmt.Fprintf(&b, "<text:p text:style-name=\"Title\">%s</text:p>\n", e(n.Title))
	for i, s := range n.Sections {
		style := "Heading_20_2"
		if i == len(n.Sections)-1 {
			style = "P2"
		}
		fmt.Fprintf(&b, "<text:h text:style-name=%q text:outline-level=\"2\">%s</text:h>\n<text:p text:style-name=\"Standard\">%s</text:p>\n",
			style, e(s.Heading), e(s.Text))
	}
	fmt.Fprintf(&b, "<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">%s</text:h>\n", e(n.ColumnsHeading))
	fmt.Fprintf(&b, "<text:section text:style-name=\"Cols\" text:name=\"Cot\"><text:p text:style-name=\"Standard\">%s</text:p><text:p text:style-name=\"Standard\">%s</text:p></text:section>\n",
		e(n.Columns[0]), e(n.Columns[1]))
	b.WriteString("<table:table table:name=\"Bang\"><table:table-column table:number-columns-repeated=\"3\"/>\n")
	for _, row := range n.Table {
		b.WriteString("<table:table-row>")
		for _, c := range row {
			fmt.Fprintf(&b, "<table:table-cell office:value-type=\"string\"><text:p>%s</text:p></table:table-cell>", e(c))
		}
		b.WriteString("</table:table-row>\n")
	}
	b.WriteString("</table:table>\n</office:text></office:body></office:document>\n")
	return b.String()
}

// NoticeDOCX is Notice as Word saves it, its headings in the Title and
// Heading 2 styles, or, unstyled, typed by hand in bold; Word's header and
// footer parts are left out.
func NoticeDOCX(tb testing.TB, styled bool) []byte {
	tb.Helper()
	n := Notice
	heading := func(style, text string) string {
		if styled {
			return Para(style, text, false)
		}
		return BoldPara(text)
	}
	var body strings.Builder
	for _, l := range n.Letterhead {
		body.WriteString(Para("", l, false))
	}
	body.WriteString(heading("Title", n.Title))
	for _, s := range n.Sections {
		body.WriteString(heading("Heading2", s.Heading) + Para("", s.Text, false))
	}
	body.WriteString(heading("Heading2", n.ColumnsHeading) + Para("", n.Columns[0], false) + Para("", n.Columns[1], false))
	body.WriteString(Table(n.Table...))
	return DOCX(tb, body.String())
}

// Tool returns the path of a program the test needs, and fails the test
// when it is missing, as the browser tests do: .ci/run installs it.
func Tool(tb testing.TB, name, pkg string) string {
	tb.Helper()
	bin, err := exec.LookPath(name)
	if err == nil {
		return bin
	}
	tb.Fatalf("%s not found: install %s (apt-get install %s); .ci/run does", name, pkg, pkg)
	return ""
}

// ChromiumPDF prints a web page to PDF with Debian's headless Chromium,
// without the browser's own date and address lines.
func ChromiumPDF(tb testing.TB, page string) []byte {
	tb.Helper()
	bin := Tool(tb, "chromium", "chromium")
	dir := tb.TempDir()
	in, out := filepath.Join(dir, "notice.html"), filepath.Join(dir, "notice.pdf")
	if err := os.WriteFile(in, []byte(page), 0o600); err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+out, in)
	if msg, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("chromium: %v\n%s", err, msg)
	}
	return mustRead(tb, out)
}

// SofficePDF converts a document (a flat OpenDocument text, say) to PDF
// with LibreOffice, headless, in a profile of its own.
func SofficePDF(tb testing.TB, name, doc string) []byte {
	tb.Helper()
	return Soffice(tb, name, doc, "pdf")
}

// Soffice converts a document to another format ("pdf", "docx", or a
// format with its filter's options) with LibreOffice, headless, in a
// profile of its own.
func Soffice(tb testing.TB, name, doc, format string) []byte {
	tb.Helper()
	bin := Tool(tb, "soffice", "libreoffice-writer-nogui")
	dir := tb.TempDir()
	in := filepath.Join(dir, name)
	if err := os.WriteFile(in, []byte(doc), 0o600); err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command(bin, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--norestore",
		"--convert-to", format, "--outdir", dir, in)
	if msg, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("soffice: %v\n%s", err, msg)
	}
	ext, _, _ := strings.Cut(format, ":") // "pdf:writer_pdf_Export:{…}" writes a .pdf
	return mustRead(tb, strings.TrimSuffix(in, filepath.Ext(in))+"."+ext)
}

// EncryptedPDF is a PDF that LibreOffice locks with the password "abc".
func EncryptedPDF(tb testing.TB) []byte {
	tb.Helper()
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text><text:p>Thông báo có mật khẩu</text:p></office:text></office:body></office:document>`
	return Soffice(tb, "mat.fodt", doc, `pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},`+
		`"DocumentOpenPassword":{"type":"string","value":"abc"}}`)
}

func mustRead(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// Words splits text into lower-case NFC words of letters and digits.
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(norm.NFC.String(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

// WordMatch is the share of want's words (as a multiset) found in got,
// and the share of got's words found in want.
func WordMatch(want, got string) (recall, precision float64) {
	w, g := Words(want), Words(got)
	left := map[string]int{}
	for _, x := range g {
		left[x]++
	}
	hit := 0
	for _, x := range w {
		if left[x] > 0 {
			left[x]--
			hit++
		}
	}
	if len(w) == 0 || len(g) == 0 {
		return 0, 0
	}
	return float64(hit) / float64(len(w)), float64(hit) / float64(len(g))
}
