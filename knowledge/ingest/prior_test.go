package ingest

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/hoidap/hoidap/knowledge"
)

// A replaced document kept packed comes back whole, to be written back
// if the upload fails.
func TestPriorComesBackWhole(t *testing.T) {
	want := knowledge.Document{ID: "dvc-1.001193", Kind: knowledge.KindProcedure, Title: "Thủ tục đăng ký khai sinh",
		Commune: "demo", Source: "dichvucong.gov.vn", OriginalName: "dvc.jsonl.gz", OriginalPath: "uploads/x.gz",
		Updated:   time.Date(2026, 12, 4, 13, 0, 0, 0, time.UTC),
		Procedure: &knowledge.Procedure{Code: "1.001193", Fee: "Miễn phí", Methods: []knowledge.Method{{Channel: "Trực tiếp", Time: "1 ngày"}}, Names: []string{"làm giấy khai sinh"}},
		Passages:  []knowledge.Passage{{ID: "dvc-1.001193#0", DocID: "dvc-1.001193", Section: "fee", Heading: "Lệ phí", Text: "Miễn phí."}}}
	p, err := packPrior(want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := p.document()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" || p.commune != "demo" {
		t.Errorf("commune %q; document (-want +got):\n%s", p.commune, diff)
	}
}
