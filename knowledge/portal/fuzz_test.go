package portal

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/hoidap/hoidap/knowledge"
)

// sampleRecords are the sample file's records, for seeds.
func sampleRecords(f *testing.F) [][]byte {
	f.Helper()
	raw, err := os.ReadFile(samplePath)
	if err != nil {
		f.Fatal(err)
	}
	var out [][]byte
	for _, line := range bytes.Split(raw, []byte("\n")) {
		if len(bytes.TrimSpace(line)) > 0 {
			out = append(out, line)
		}
	}
	return out
}

// FuzzRead feeds Read what an administrator might upload as a portal
// export: JSON Lines, an array, one object, gzip'd or not, truncated.
// Read never panics, fails only with ErrInvalid, and every record it
// passes maps to a document that splits into passages.
func FuzzRead(f *testing.F) {
	recs := sampleRecords(f)
	f.Add(recs[0])
	f.Add(bytes.Join(recs[:3], []byte("\n")))
	f.Add(append([]byte("\xef\xbb\xbf[\n"), append(bytes.Join(recs[:2], []byte(",\n")), ']')...))
	f.Add(recs[1][:len(recs[1])/2])
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(recs[2])
	zw.Close()
	f.Add(gz.Bytes())
	f.Add(gz.Bytes()[:gz.Len()/2])
	f.Add([]byte(`{"ma_thu_tuc":"1.1","ten_thu_tuc":"Thủ tục"}` + "\n\n" + `{"ma_thu_tuc":"1.2","ten_thu_tuc":"<b>A</b>","thanh_phan_ho_so":"Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai1 bản chính"}`))
	f.Add([]byte("{\n  \"ma_thu_tuc\": \"2\",\n  \"ten_thu_tuc\": \"B\"\n}\n"))
	f.Add([]byte(`[{"ma_thu_tuc":1}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		err := Read(bytes.NewReader(data), func(r Record) error {
			n++
			d := within(t, 5*time.Second, r.Document)
			if !strings.HasPrefix(d.ID, IDPrefix) || d.Procedure == nil {
				t.Fatalf("record %d: document %q without its procedure", n, d.ID)
			}
			if d.Title != "" {
				knowledge.Split(&d)
			}
			return nil
		})
		// A cut or corrupt gzip stream is invalid input like any other.
		if err != nil && !errors.Is(err, knowledge.ErrInvalid) {
			t.Fatalf("error does not wrap ErrInvalid: %v", err)
		}
	})
}

// FuzzProcedure feeds the cell parsers the run-together table text the
// portal's pages give: the mapped procedure is valid UTF-8 wherever the
// record was, and every paper and method has a name.
func FuzzProcedure(f *testing.F) {
	for _, line := range sampleRecords(f)[:4] {
		var r Record
		if err := json.Unmarshal(line, &r); err != nil {
			f.Fatal(err)
		}
		// Heads of the cells: large seeds slow every mutation down.
		head := func(s string) string { return strings.ToValidUTF8(s[:min(len(s), 1200)], "") }
		f.Add(head(r.Methods), head(r.Papers), head(r.LegalBasis), head(r.Steps), head(r.Result))
	}
	f.Add("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp", "Tên giấy tờMẫu đơn, tờ khaiSố lượng", "Mã văn bản", "- ", "Mã: ")
	f.Add("((((", "1 bản chính1 bản sao", "85/2019/TT-BTC", "Bước 1:Bước 2:", "")
	f.Fuzz(func(t *testing.T, methods, papers, legal, steps, result string) {
		r := Record{Code: "1.000001", Title: "Thủ tục", Methods: methods, Papers: papers, LegalBasis: legal, Steps: steps, Result: result}
		p := within(t, 5*time.Second, r.Procedure)
		// Each cell on its own: "\xce" and "\xae" are invalid apart, "ή" together.
		valid := true
		for _, cell := range []string{methods, papers, legal, steps, result} {
			valid = valid && utf8.ValidString(cell)
		}
		check := func(what, s string) {
			if valid && !utf8.ValidString(s) {
				t.Fatalf("%s %q: not UTF-8", what, s)
			}
		}
		for _, m := range p.Methods {
			check("method", m.Channel+m.Time+m.Fee+m.Note)
		}
		for _, pp := range p.Papers {
			if strings.TrimSpace(pp.Name) == "" {
				t.Fatalf("paper without a name: %+v", pp)
			}
			check("paper", pp.Name+pp.Count+pp.Form)
		}
		check("time", p.Time)
		check("fee", p.Fee)
		check("result", p.Result)
		for _, s := range append(p.Steps, p.LegalBasis...) {
			check("step or law", s)
		}
	})
}

// within runs fn and ends the fuzzing process when fn takes longer than d,
// so that the fuzzer keeps an input that hangs a parser as a failure
// instead of waiting on it.
func within[T any](t *testing.T, d time.Duration, fn func() T) T {
	t.Helper()
	timer := time.AfterFunc(d, func() { panic(fmt.Sprintf("%s: still parsing after %s", t.Name(), d)) })
	defer timer.Stop()
	return fn()
}
