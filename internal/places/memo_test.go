package places

import (
	"fmt"
	"strings"
	"testing"
)

// A stream of made-up words, as a hostile client may send, does not grow
// the directory's word memo past its bounds, and words are still read
// right once it is full.
func TestWordMemoBounded(t *testing.T) {
	var m wordMemo
	long := strings.Repeat("Hòa", 60)
	if got := m.analyse(long); got.fold != strings.Repeat("hoa", 60) {
		t.Fatalf("long word folded to %q", got.fold)
	}
	if m.n.Load() != 0 {
		t.Errorf("a %d-byte word was remembered", len(long))
	}
	for i := range maxMemoWords + 1000 {
		m.analyse(fmt.Sprintf("xã%d", i))
	}
	if n := m.n.Load(); n > maxMemoWords {
		t.Errorf("%d words remembered, bound %d", n, maxMemoWords)
	}
	if got := m.analyse("Phường"); got.fold != "phuong" || got.ascii {
		t.Errorf("a word after the memo filled: %+v", got)
	}
}
