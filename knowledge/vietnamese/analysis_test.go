package vietnamese

import (
	"sort"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"
)

func mustMapping(tb testing.TB) *mapping.IndexMappingImpl {
	tb.Helper()
	m := bleve.NewIndexMapping()
	if err := AddAnalyzers(m); err != nil {
		tb.Fatal(err)
	}
	return m
}

func terms(tb testing.TB, m *mapping.IndexMappingImpl, analyzer, text string) []string {
	tb.Helper()
	a := m.AnalyzerNamed(analyzer)
	if a == nil {
		tb.Fatalf("analyzer %q not registered", analyzer)
	}
	var out []string
	for _, tok := range a.Analyze([]byte(text)) {
		out = append(out, string(tok.Term))
	}
	return out
}

func TestAnalyzers(t *testing.T) {
	m := mustMapping(t)
	text := "Đăng ký khai sinh (CCCD/CMND), Hoà giải!"
	tests := []struct {
		analyzer string
		want     []string
	}{
		{AnalyzerAccent, []string{"đăng", "ký", "khai", "sinh", "cccd", "cmnd", "hoà", "giải"}},
		{AnalyzerFold, []string{"dang", "ky", "khai", "sinh", "cccd", "cmnd", "hoa", "giai"}},
		{AnalyzerBigram, []string{"dang ky", "ky khai", "khai sinh", "sinh cccd", "cccd cmnd", "cmnd hoa", "hoa giai"}},
	}
	for _, tt := range tests {
		t.Run(tt.analyzer, func(t *testing.T) {
			for form, in := range map[string]string{"nfc": norm.NFC.String(text), "nfd": norm.NFD.String(text)} {
				if diff := cmp.Diff(tt.want, terms(t, m, tt.analyzer, in)); diff != "" {
					t.Errorf("%s %s tokens mismatch (-want +got):\n%s", tt.analyzer, form, diff)
				}
			}
		})
	}
}

func TestTokenizerOffsets(t *testing.T) {
	in := []byte(norm.NFD.String("Sổ ĐỎ 14"))
	got := syllableTokenizer{}.Tokenize(in)
	want := []string{"sổ", "đỏ", "14"}
	if len(got) != len(want) {
		t.Fatalf("got %d tokens, want %d", len(got), len(want))
	}
	for i, tok := range got {
		if string(tok.Term) != want[i] {
			t.Errorf("token %d = %q, want %q", i, tok.Term, want[i])
		}
		if norm.NFC.String(Normalize(string(in[tok.Start:tok.End]))) != want[i] {
			t.Errorf("token %d offsets [%d:%d] cover %q", i, tok.Start, tok.End, in[tok.Start:tok.End])
		}
		if tok.Position != i+1 {
			t.Errorf("token %d position = %d", i, tok.Position)
		}
	}
	if got[2].Type != analysis.Numeric {
		t.Errorf("\"14\" type = %v, want Numeric", got[2].Type)
	}
}

// TestIndexSearch indexes NFC and NFD documents in memory and checks that a
// resident finds them with or without diacritics.
func TestIndexSearch(t *testing.T) {
	m := mustMapping(t)
	doc := bleve.NewDocumentMapping()
	for field, analyzer := range map[string]string{"accent": AnalyzerAccent, "fold": AnalyzerFold, "bigram": AnalyzerBigram} {
		fm := bleve.NewTextFieldMapping()
		fm.Analyzer = analyzer
		doc.AddFieldMappingsAt(field, fm)
	}
	m.DefaultMapping = doc
	idx, err := bleve.NewMemOnly(m)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = idx.Close() })

	docs := map[string]string{
		"nfc":   norm.NFC.String("Thủ tục đăng ký thường trú"),
		"nfd":   norm.NFD.String("Cấp đổi thẻ căn cước"),
		"other": "Đăng ký khai tử",
	}
	for id, text := range docs {
		if err := idx.Index(id, map[string]string{"accent": text, "fold": text, "bigram": text}); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		field, query string
		want         []string
	}{
		{"fold", "dang ky thuong tru", []string{"nfc"}},
		{"fold", "THUONG TRU", []string{"nfc"}},
		{"fold", norm.NFD.String("căn cước"), []string{"nfd"}},
		{"fold", "can cuoc", []string{"nfd"}},
		{"accent", norm.NFC.String("căn cước"), []string{"nfd"}},
		{"accent", norm.NFD.String("thường trú"), []string{"nfc"}},
		{"accent", "thuong tru", nil}, // accents kept: only vi_fold matches unaccented text
		{"bigram", "dang ky thuong tru", []string{"nfc"}},
		{"bigram", "ký khai", []string{"other"}},
		{"bigram", "thuong ky", nil},
	}
	for _, tt := range tests {
		t.Run(tt.field+"/"+tt.query, func(t *testing.T) {
			var q query.Query
			if tt.field == "bigram" {
				// Every bigram of the question must be in the document.
				mq := bleve.NewMatchQuery(tt.query)
				mq.SetField(tt.field)
				mq.Operator = query.MatchQueryOperatorAnd
				q = mq
			} else {
				pq := bleve.NewMatchPhraseQuery(tt.query)
				pq.SetField(tt.field)
				q = pq
			}
			res, err := idx.Search(bleve.NewSearchRequest(q))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.ID)
			}
			sort.Strings(got)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("hits mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
