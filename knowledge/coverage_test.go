package knowledge_test

import (
	"context"
	"testing"

	"github.com/hoidap/hoidap/knowledge"
)

// A word typed with diacritics is covered only by the same spelling, so
// everyday words that fold onto a document's words ("tình yêu" onto
// "tình trạng … yêu cầu" is fine, "chó" onto "cho" is not) do not make an
// unrelated document look relevant; a document written without
// diacritics is covered by any spelling.
func TestCoverageReadsDiacritics(t *testing.T) {
	ctx := context.Background()
	kb := mustOpen(t, "")
	docs := []knowledge.Document{
		{ID: "accented", Kind: knowledge.KindArticle, Title: "Cấp giấy phép cho hộ chăn nuôi",
			Body: "Hộ chăn nuôi nộp đơn cho Ủy ban nhân dân xã."},
		{ID: "plain", Kind: knowledge.KindArticle, Title: "Lich tiem chung thon Ba Lang",
			Body: "Tram y te xa tiem chung cho tre em vao thu hai dau thang."},
	}
	if err := kb.Ingest(ctx, docs...); err != nil {
		t.Fatal(err)
	}
	coverage := func(q, id string) float64 {
		hits, err := kb.Search(ctx, knowledge.Query{Text: q, Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			if h.DocID == id {
				return h.Coverage
			}
		}
		return 0
	}
	if c := coverage("nuôi chó", "accented"); c > 0.6 {
		t.Errorf("coverage of %q by %q = %.2f: chó is not cho", "nuôi chó", "accented", c)
	}
	if c := coverage("nuoi cho", "accented"); c < 0.99 {
		t.Errorf("coverage of %q = %.2f: typed without diacritics, cho may be chó", "nuoi cho", c)
	}
	if c := coverage("lịch tiêm chủng thôn Ba Làng", "plain"); c < 0.99 {
		t.Errorf("coverage of an unaccented document = %.2f, want 1", c)
	}
}

// oneDocCoverage ingests doc alone and returns the coverage by it of a
// question's words.
func oneDocCoverage(t *testing.T, doc knowledge.Document) func(q string) float64 {
	t.Helper()
	ctx := context.Background()
	kb := mustOpen(t, "")
	if err := kb.Ingest(ctx, doc); err != nil {
		t.Fatal(err)
	}
	return func(q string) float64 {
		hits, err := kb.Search(ctx, knowledge.Query{Text: q, Limit: 1})
		if err != nil || len(hits) == 0 {
			t.Fatalf("%q: %v, %d hits", q, err, len(hits))
		}
		return hits[0].Coverage
	}
}

// Teencode filler ("e" em, "r" rồi, "lm" làm, "bn" bao nhiêu, "ad"
// admin) is filler like the words it stands for: a rare token weighs
// much, and the question about a lost card was declined for them.
func TestCoverageIgnoresTeencodeFiller(t *testing.T) {
	coverage := oneDocCoverage(t, knowledge.Document{ID: "card", Kind: knowledge.KindArticle, Title: "Cấp lại thẻ căn cước",
		Body: "Công dân bị mất thẻ căn cước làm thủ tục cấp lại tại Công an cấp xã, nộp lệ phí theo quy định."})
	plain := coverage("bi mat the can cuoc, lam lai mat tien")
	if c := coverage("e bi mat the can cuoc r, lm lai mat bn tien vay ad"); c < plain-0.01 {
		t.Errorf("coverage with teencode filler %.2f, without %.2f: want the same", c, plain)
	}
}

// "Hạn chót", "chậm nhất" ask by when the resident must act, as "bao
// lâu" does: "chốt" is in no title, and a question about registering a
// death was declined for it.
func TestCoverageIgnoresDeadlineWords(t *testing.T) {
	coverage := oneDocCoverage(t, knowledge.Document{ID: "death", Kind: knowledge.KindArticle, Title: "Đăng ký khai tử",
		Body: "Trong thời hạn 15 ngày kể từ ngày có người chết, người thân có trách nhiệm đi đăng ký khai tử."})
	plain := coverage("đăng ký khai tử trong bao lâu")
	for _, q := range []string{"đăng ký khai tử hạn chót là bao lâu", "dang ky khai tu han cuoi la bao lau", "đăng ký khai tử chậm nhất bao lâu"} {
		if c := coverage(q); c < plain-0.01 {
			t.Errorf("coverage of %q = %.2f, of %q %.2f: want the same", q, c, "đăng ký khai tử trong bao lâu", plain)
		}
	}
}
