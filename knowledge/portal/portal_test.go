package portal

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hoidap/hoidap/knowledge"
)

const samplePath = "testdata/sample.jsonl"

// fullData is the shared crawl, beside the repository.
var fullData = filepath.Join("..", "..", "..", "shared", "data", "dvc-procedures.jsonl.gz")

func readAll(tb testing.TB, data []byte) []Record {
	tb.Helper()
	var recs []Record
	if err := Read(bytes.NewReader(data), func(r Record) error { recs = append(recs, r); return nil }); err != nil {
		tb.Fatalf("Read: %v", err)
	}
	return recs
}

func sampleDocs(t *testing.T) map[string]knowledge.Document {
	t.Helper()
	data, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]knowledge.Document{}
	for _, r := range readAll(t, data) {
		docs[r.Code] = r.Document()
	}
	return docs
}

func TestDocumentBirthRegistration(t *testing.T) {
	d := sampleDocs(t)["1.001193"]
	p := d.Procedure
	if d.ID != "dvc-1.001193" || d.Kind != knowledge.KindProcedure || d.Source != "dichvucong.gov.vn" || d.Commune != "" {
		t.Errorf("document header = %q %q %q %q", d.ID, d.Kind, d.Source, d.Commune)
	}
	if d.Title != "Thủ tục đăng ký khai sinh" || d.URL != p.SourceURL || p.OnlineURL != d.URL || d.URL == "" {
		t.Errorf("title/url = %q %q %q", d.Title, d.URL, p.OnlineURL)
	}
	wantMethods := []knowledge.Method{
		{Channel: "Trực tuyến", Time: "1", Fee: "Miễn phí"},
		{Channel: "Dịch vụ bưu chính", Time: "1", Fee: "Miễn phí"},
		{Channel: "Trực tiếp", Time: "1", Fee: "Miễn phí"},
	}
	if diff := cmp.Diff(wantMethods, p.Methods); diff != "" {
		t.Errorf("methods (-want +got):\n%s", diff)
	}
	if p.Fee != "Miễn phí" || p.Time != "1" {
		t.Errorf("fee, time = %q, %q", p.Fee, p.Time)
	}
	if p.Result != "Giấy khai sinh" {
		t.Errorf("result = %q", p.Result)
	}
	if p.Conditions != "" || p.Related != "" || p.Agency != "" || p.Level != "Cấp xã" || p.Field != "Hộ tịch" {
		t.Errorf("conditions %q related %q agency %q level %q field %q", p.Conditions, p.Related, p.Agency, p.Level, p.Field)
	}
	wantFirst := []knowledge.Paper{
		{Name: "Giấy tờ phải nộp:"},
		{Name: "Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập.", Count: "1 bản chính"},
	}
	if diff := cmp.Diff(wantFirst, p.Papers[:2]); diff != "" {
		t.Errorf("papers (-want +got):\n%s", diff)
	}
	var names []string
	for _, pp := range p.Papers {
		names = append(names, pp.Name)
		if strings.Contains(pp.Name, "Tên giấy tờ") || strings.Contains(pp.Name, "bản chính-") {
			t.Errorf("table furniture left in paper %q", pp.Name)
		}
	}
	for _, want := range []string{"Giấy tờ phải xuất trình:", "Lưu ý:"} {
		if !contains(names, want) {
			t.Errorf("case heading %q missing from papers", want)
		}
	}
	if !contains(p.LegalBasis, "Luật 60/2014/QH13") ||
		!contains(p.LegalBasis, "Thông tư Hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương (85/2019/TT-BTC)") {
		t.Errorf("legal basis = %q", p.LegalBasis)
	}
	if len(p.Steps) < 5 || !strings.HasPrefix(p.Steps[0], "- Nếu lựa chọn hình thức nộp hồ sơ trực tiếp") {
		t.Errorf("steps = %q", p.Steps)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestDocumentFields(t *testing.T) {
	docs := sampleDocs(t)
	tests := []struct {
		code  string
		check func(t *testing.T, p *knowledge.Procedure)
	}{
		{"1.000811", func(t *testing.T, p *knowledge.Procedure) { // fees differ by channel
			want := []knowledge.Method{
				{Channel: "Trực tuyến", Time: "21 ngày", Fee: "1.200.000 đồng (1.200.000đ/thẻ ABTC.)"},
				{Channel: "Dịch vụ bưu chính", Time: "21 ngày làm việc", Fee: "Miễn phí"},
				{Channel: "Trực tiếp", Time: "21 ngày", Fee: "1.200.000 đồng (1.200.000 đồng/thẻ ABTC.)"},
			}
			if diff := cmp.Diff(want, p.Methods); diff != "" {
				t.Errorf("methods (-want +got):\n%s", diff)
			}
			if p.Time != "Trực tuyến: 21 ngày; Dịch vụ bưu chính: 21 ngày làm việc; Trực tiếp: 21 ngày" {
				t.Errorf("time = %q", p.Time)
			}
			if p.Papers[0].Form != "Tờ khai đề nghị cấp thẻ ABTC (mẫu TK06) (1).pdf" || p.Papers[0].Count != "1 bản chính" {
				t.Errorf("paper 0 = %+v", p.Papers[0])
			}
			if !contains(p.LegalBasis, "Luật 49/2019/QH14") || !contains(p.LegalBasis, "Quyết định số 09/2023/QĐ-TTg") {
				t.Errorf("legal = %q", p.LegalBasis)
			}
		}},
		{"1.012751", func(t *testing.T, p *knowledge.Procedure) { // land dispute, one table without heading
			if p.Time != "80 ngày làm việc" || !strings.HasPrefix(p.Fee, "Miễn phí (Theo quy định của Luật phí") {
				t.Errorf("time, fee = %q, %q", p.Time, p.Fee)
			}
			want := knowledge.Paper{Name: "Đơn yêu cầu yêu cầu giải quyết tranh chấp đất đai (bản chính)", Count: "1 bản chính, 1 bản sao"}
			if diff := cmp.Diff(want, p.Papers[2]); diff != "" || len(p.Papers) != 4 {
				t.Errorf("papers %d, paper 2 (-want +got):\n%s", len(p.Papers), diff)
			}
			if !contains(p.LegalBasis, "Luật Đất đai ngày 18/01/2024 (31/2024/QH15)") {
				t.Errorf("legal = %q", p.LegalBasis)
			}
		}},
		{"1.012538", func(t *testing.T, p *knowledge.Procedure) { // case groups in papers
			if p.Papers[0].Name != "Hồ sơ đề nghị hưởng trợ cấp tai nạn, gồm:" || p.Papers[0].Count != "" {
				t.Errorf("first case heading = %+v", p.Papers[0])
			}
			if p.Papers[3].Form != "Mus02-nnghtrcptainntutN40.2024suatheoN184.2025.docx" || p.Papers[3].Count != "1 bản chính, 1 bản sao" {
				t.Errorf("form row = %+v", p.Papers[3])
			}
			if p.Fee != "" {
				t.Errorf("fee = %q, want empty for Không có thông tin", p.Fee)
			}
		}},
		{"1.001303", func(t *testing.T, p *knowledge.Procedure) { // in person only, nothing known
			if diff := cmp.Diff([]knowledge.Method{{Channel: "Trực tiếp"}}, p.Methods); diff != "" {
				t.Errorf("methods (-want +got):\n%s", diff)
			}
			if p.OnlineURL != "" || p.Time != "" || p.Fee != "" {
				t.Errorf("online %q time %q fee %q", p.OnlineURL, p.Time, p.Fee)
			}
			if p.Result != "Quyết định tuyển công dân phục vụ có thời hạn trong Công an nhân dân" {
				t.Errorf("result = %q", p.Result)
			}
			if p.Papers[1].Count != "1 bản sao" {
				t.Errorf("paper 1 = %+v", p.Papers[1])
			}
		}},
		{"3.000364", func(t *testing.T, p *knowledge.Procedure) { // empty papers
			if p.Papers != nil || p.Where != "Công an tỉnh" || p.Time != "15 ngày làm việc" {
				t.Errorf("papers %v where %q time %q", p.Papers, p.Where, p.Time)
			}
		}},
		{"1.000894", func(t *testing.T, p *knowledge.Procedure) { // marriage
			if p.Result != "Giấy chứng nhận kết hôn" || p.Where != "Ủy ban Nhân dân xã, phường, thị trấn." {
				t.Errorf("result %q where %q", p.Result, p.Where)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			d, ok := docs[tt.code]
			if !ok {
				t.Fatalf("record %s not in sample", tt.code)
			}
			tt.check(t, d.Procedure)
		})
	}
}

func TestReadFormats(t *testing.T) {
	plain, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	want := readAll(t, plain)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, _ = zw.Write(plain)
	_ = zw.Close()
	arr, _ := json.MarshalIndent(want, "", "  ")
	one, _ := json.MarshalIndent(want[0], "", "  ")
	blank := bytes.ReplaceAll(plain, []byte("\n"), []byte("\n\n  \n"))
	tests := []struct {
		name string
		data []byte
		want []Record
	}{
		{"gzip", gz.Bytes(), want},
		{"array", arr, want},
		{"blank lines", blank, want},
		{"single object", one, want[:1]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, readAll(t, tt.data)); diff != "" {
				t.Errorf("records differ (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	plain, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	lines := bytes.SplitAfter(plain, []byte("\n"))
	truncated := append(append([]byte{}, bytes.Join(lines[:2], nil)...), lines[2][:len(lines[2])/2]...)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	if _, err := zw.Write(plain); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	cutGzip := gz.Bytes()[:gz.Len()/2]
	tests := []struct {
		name, data, want string
	}{
		{"cut gzip download", string(cutGzip), "gzip"},
		{"truncated line", string(truncated), "record 3 (line 3)"},
		{"no code", string(lines[0]) + `{"ten_thu_tuc":"Thủ tục"}` + "\n", "record 2 (line 2): no ma_thu_tuc"},
		{"no title", `{"ma_thu_tuc":"1.2"}`, "record 1 (line 1, 1.2): no ten_thu_tuc"},
		{"truncated array", "[\n" + `{"ma_thu_tuc":"1","ten_thu_tuc":"A"},` + "\n" + `{"ma_thu_tuc":"2","ten_`, "record 2 (line 3)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			err := Read(strings.NewReader(tt.data), func(Record) error { calls++; return nil })
			if err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, knowledge.ErrInvalid) {
				t.Fatalf("Read error = %v, want one naming %q wrapping ErrInvalid", err, tt.want)
			}
		})
	}
}

func TestDocumentStable(t *testing.T) {
	first, second := sampleDocs(t), sampleDocs(t)
	if diff := cmp.Diff(first, second); diff != "" {
		t.Errorf("re-reading changed documents:\n%s", diff)
	}
	for code, d := range first {
		if d.ID != "dvc-"+code {
			t.Errorf("ID = %q for %s", d.ID, code)
		}
	}
}

func TestFullData(t *testing.T) {
	f, err := os.Open(fullData)
	if err != nil {
		t.Skipf("full data absent: %v", err)
	}
	defer f.Close()
	var n, withMethods, gotMethods, withPapers, gotPapers, withLegal, gotLegal int
	err = Read(f, func(r Record) error {
		n++
		d := r.Document()
		if d.Title == "" || d.Procedure == nil {
			t.Errorf("%s: no title", r.Code)
		}
		p := d.Procedure
		if strings.TrimSpace(r.Methods) != "" {
			withMethods++
			if len(p.Methods) > 0 && p.Methods[0].Channel != "" {
				gotMethods++
			}
		}
		if !isNoInfo(r.Papers) {
			withPapers++
			if len(p.Papers) > 0 {
				gotPapers++
			}
		}
		if !isNoInfo(r.LegalBasis) {
			withLegal++
			if len(p.LegalBasis) > 0 {
				gotLegal++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	share := func(a, b int) float64 { return float64(a) / float64(max(b, 1)) }
	t.Logf("records %d; methods %d/%d (%.1f%%); papers %d/%d (%.1f%%); legal %d/%d (%.1f%%)", n,
		gotMethods, withMethods, 100*share(gotMethods, withMethods), gotPapers, withPapers, 100*share(gotPapers, withPapers),
		gotLegal, withLegal, 100*share(gotLegal, withLegal))
	if n != 2642 {
		t.Errorf("records = %d, want 2642", n)
	}
	if share(gotMethods, withMethods) < 0.95 {
		t.Errorf("methods share below 95%%")
	}
	if share(gotPapers, withPapers) < 0.90 {
		t.Errorf("papers share below 90%%")
	}
}

func BenchmarkReadAll(b *testing.B) {
	data, err := os.ReadFile(fullData)
	if err != nil {
		b.Skipf("full data absent: %v", err)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		if err := Read(bytes.NewReader(data), func(r Record) error { n++; _ = r.Document(); return nil }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "records/s")
}

// The export cut some social-insurance records' steps at the words "thành
// phần hồ sơ" inside them; the resident still reads the whole steps, with
// the deadline that came after the cut, and the papers are the page's.
func TestStepsTheExportCutAreReadWhole(t *testing.T) {
	docs, err := EmbeddedDocuments("2.000693", "1.001613")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2", len(docs))
	}
	for _, d := range docs {
		p := d.Procedure
		steps := strings.Join(p.Steps, "\n")
		want := map[string][]string{
			"2.000693": {"chậm nhất 60 ngày kể từ ngày sinh con", "chậm nhất 45 ngày", "Bước 3"},
			"1.001613": {"nộp cho cơ quan BHXH", "Bước 3. Nhận kết quả"},
		}[p.Code]
		for _, w := range want {
			if !strings.Contains(steps, w) {
				t.Errorf("%s: steps lack %q:\n%s", p.Code, w, steps)
			}
		}
		if strings.HasSuffix(strings.TrimSpace(steps), "(") {
			t.Errorf("%s: steps end cut: %q", p.Code, steps)
		}
		for _, paper := range p.Papers {
			if strings.Contains(paper.Name, "Bước 2") || strings.HasPrefix(paper.Name, ")") {
				t.Errorf("%s: a step read as a paper: %q", p.Code, paper.Name)
			}
		}
		if !slices.ContainsFunc(p.Papers, func(pp knowledge.Paper) bool { return strings.Contains(pp.Form+pp.Name, "14-HSB") }) {
			t.Errorf("%s: papers lack form 14-HSB: %+v", p.Code, p.Papers)
		}
	}
}

// The papers of a record whose field holds its steps are read from the
// section's own table, not from the row after it that names the section
// ("Hồ sơ tương tự như khoản 1 của mục 3.3 (Thành phần hồ sơ)"): a patient
// who paid the hospital bill brings the receipts (record 1.001656).
func TestPapersSectionNamedAgainBelowIt(t *testing.T) {
	docs, err := EmbeddedDocuments("1.001656")
	if err != nil || len(docs) != 1 {
		t.Fatal(docs, err)
	}
	papers := docs[0].Procedure.Papers
	if !slices.ContainsFunc(papers, func(pp knowledge.Paper) bool { return strings.Contains(pp.Name, "hóa đơn, biên lai") }) {
		t.Errorf("papers lack the receipts: %+v", papers)
	}
}

// A fee cell that lost the thousands its own note states ("700 VNĐ (…
// 700.000 đồng/cơ sở)") is read with them; an amount the note does not
// restate is kept as it is.
func TestFeeCellThatLostItsThousands(t *testing.T) {
	for raw, want := range map[string]string{
		"700 VNĐ(Phí thẩm định cấp giấy chứng nhận an toàn thực phẩm: 700.000 đồng/cơ sở.)": "700.000 đồng (",
		"20 VNĐ(20.000 đ/tờ khai)":      "20.000 đồng (",
		"8.000 VNĐ(8.000 đồng/bản sao)": "8.000 đồng (",
		"100 VNĐ(100 USD/lần)":          "100 đồng (",
	} {
		if got := cleanFee(raw); !strings.HasPrefix(got, want) {
			t.Errorf("cleanFee(%q) = %q, want it to start %q", raw, got, want)
		}
	}
}

// A channel's row that follows a description ending in a line break is
// a row of its own (record 1.002755: in person, 10.000 đồng, after the
// online row's 5.000 đồng), while a description's own line that names a
// channel is not.
func TestChannelRowAfterALineBreak(t *testing.T) {
	raw := "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến3 Ngày làm việc5,000 Việt Nam Đồng(Nộp qua cổng dịch vụ công thu 7.000 đồng/lần.)- Nộp hồ sơ trực tuyến.\n\nThời gian tiếp nhận hồ sơ: giờ hành chính.\nTrực tiếp3 Ngày làm việc10,000 Việt Nam Đồng(Nộp trực tiếp thu 10.000 đồng/người/lần.)- Nộp hồ sơ trực tiếp tại Công an cấp xã.\nTrực tiếp tại bộ phận một cửa."
	ms := parseMethods(raw)
	if len(ms) != 2 || ms[1].Channel != ChannelInPerson || !strings.HasPrefix(ms[1].Fee, "10.000 đồng") {
		t.Fatalf("methods %+v: want the online row and the in-person row at 10.000 đồng", ms)
	}
	if !strings.HasSuffix(ms[1].Note, "Trực tiếp tại bộ phận một cửa.") {
		t.Errorf("in-person note %q: a description's line naming a channel is part of it", ms[1].Note)
	}
}

// Seven Hà Tĩnh records are titled as the catalogue they were published
// in; their result names the allowance residents ask for, and the title
// answers show.
func TestCatalogueTitleNamedByItsResult(t *testing.T) {
	docs, err := EmbeddedDocuments("2.001428", "1.001193")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		want := map[string]string{
			"2.001428": "Giải quyết chế độ trợ cấp hàng tháng đối với thanh niên xung phong",
			"1.001193": d.Procedure.Title,
		}[d.Procedure.Code]
		if d.Title != want {
			t.Errorf("%s: title %q, want %q", d.Procedure.Code, d.Title, want)
		}
		if d.Procedure.Code == "2.001428" && !strings.HasPrefix(d.Procedure.Title, "Công bố Danh mục") {
			t.Errorf("the record's own title is lost: %q", d.Procedure.Title)
		}
	}
}

// A cell that lists its papers as bullets holds three papers, not one
// whose name only the first is read by; a cell that opens a choice
// ("Một trong các giấy tờ …: - …") stays one.
func TestCellListingPapersIsSplit(t *testing.T) {
	docs, err := EmbeddedDocuments("3.000332", "2.001428")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		var names []string
		for _, p := range d.Procedure.Papers {
			names = append(names, p.Name)
		}
		switch d.Procedure.Code {
		case "3.000332":
			for _, w := range []string{"Đơn đề nghị hỗ trợ phát triển sản xuất cộng đồng theo Mẫu số 01", "Biên bản họp cộng đồng theo Mẫu số 02", "Dự án, phương án hỗ trợ phát triển sản xuất cộng đồng theo Mẫu số 03"} {
				if !slices.ContainsFunc(names, func(n string) bool { return strings.HasPrefix(n, w) }) {
					t.Errorf("3.000332: no paper %q in %q", w, names)
				}
			}
		case "2.001428":
			if !slices.ContainsFunc(names, func(n string) bool {
				return strings.HasPrefix(n, "Một trong các giấy tờ chứng minh là TNXP: - Lý lịch")
			}) {
				t.Errorf("2.001428: the choice of papers was split: %q", names)
			}
		}
	}
}
