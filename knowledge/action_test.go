package knowledge_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hoidap/hoidap/knowledge/portal"
)

// A resident who names a stage of a business's life (changing, pausing,
// closing) gets that stage's procedure before the one that sets the
// business up, whose record shares most of the words: on all 2,642
// records, where the siblings compete.
func TestStageOfProcedureNamed(t *testing.T) {
	if testing.Short() {
		t.Skip("imports all the national records")
	}
	kb := mustOpen(t, t.TempDir())
	if _, err := portal.Seed(context.Background(), kb, nil); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]string{
		"hộ kinh doanh muốn thêm ngành nghề bán thuốc":       "thay đổi",
		"tam dung kinh doanh ho ca the":                      "Tạm ngừng",
		"không buôn bán nữa thì trả giấy phép kinh doanh hộ": "Chấm dứt",
	} {
		got := titles(t, kb, q, "")
		if len(got) == 0 || !strings.Contains(got[0], want) {
			t.Errorf("%q: first %q, want a title with %q", q, got, want)
		}
	}
}
