package places

import (
	"fmt"
	"testing"
)

func TestFind(t *testing.T) {
	d := mustLoad(t)
	tests := []struct {
		q          string
		wantSlug   string // must be among the first results
		within     int
		viaFormer  string // the former name it matched on, "" for the current name
		notAtFirst bool
	}{
		{q: "Thuận Mỹ", wantSlug: "thuan-my-tay-ninh", within: 1},
		{q: "thuan my", wantSlug: "thuan-my-tay-ninh", within: 1},
		{q: "thuan m", wantSlug: "thuan-my-tay-ninh", within: 1},
		{q: "xã Thuận Mỹ, Tây Ninh", wantSlug: "thuan-my-tay-ninh", within: 1},
		{q: "thuan my tay ninh", wantSlug: "thuan-my-tay-ninh", within: 1},
		{q: "Thanh Phú Long", wantSlug: "thuan-my-tay-ninh", within: 1, viaFormer: "Xã Thanh Phú Long"},
		{q: "thanh phu long", wantSlug: "thuan-my-tay-ninh", within: 1, viaFormer: "Xã Thanh Phú Long"},
		{q: "thanh vinh d", wantSlug: "thuan-my-tay-ninh", within: 3, viaFormer: "Xã Thanh Vĩnh Đông"},
		{q: "binh lu", wantSlug: "binh-lu-lai-chau", within: 1},
		{q: "thị trấn Tam Đường", wantSlug: "binh-lu-lai-chau", within: 3, viaFormer: "Thị trấn Tam Đường"},
		{q: "son binh lai chau", wantSlug: "binh-lu-lai-chau", within: 1, viaFormer: "Xã Sơn Bình"},
		{q: "Phường Ba Đình", wantSlug: "ba-dinh-ha-noi", within: 1},
		{q: "phuc xa", wantSlug: "hong-ha-ha-noi", within: 3, viaFormer: "Phường Phúc Xá"},
		{q: "con dao", wantSlug: "con-dao-ho-chi-minh", within: 1},
		{q: "Hoà Lạc", wantSlug: "hoa-lac-ha-noi", within: 3},
		{q: "Hòa Lạc", wantSlug: "hoa-lac-ha-noi", within: 3},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			ms := d.Find(tt.q, 10)
			for i, m := range ms {
				if m.Commune.Slug != tt.wantSlug {
					continue
				}
				if i >= tt.within {
					t.Errorf("%s is result %d, want within the first %d: %v", tt.wantSlug, i+1, tt.within, names(ms))
				}
				switch {
				case tt.viaFormer == "" && m.Former != nil:
					t.Errorf("matched on former %s, want the current name", m.Former.FullName)
				case tt.viaFormer != "" && (m.Former == nil || m.Former.FullName != tt.viaFormer):
					t.Errorf("matched on %+v, want former %s", m.Former, tt.viaFormer)
				}
				return
			}
			t.Errorf("Find(%q) = %v, want %s among them", tt.q, names(ms), tt.wantSlug)
		})
	}
}

func TestFindLimitsAndEmpty(t *testing.T) {
	d := mustLoad(t)
	if got := d.Find("", 10); len(got) != 0 {
		t.Errorf("Find(\"\") = %v, want nothing", names(got))
	}
	if got := d.Find("zzzz qqq", 10); len(got) != 0 {
		t.Errorf("Find(nonsense) = %v, want nothing", names(got))
	}
	got := d.Find("tan", 5)
	if len(got) != 5 {
		t.Fatalf("Find(tan, 5) returned %d results", len(got))
	}
	seen := map[string]bool{}
	for _, m := range got {
		if seen[m.Commune.Slug] {
			t.Errorf("commune %s listed twice", m.Commune.Slug)
		}
		seen[m.Commune.Slug] = true
	}
	if len(d.Find("tan", 0)) != 10 {
		t.Error("limit 0 should give 10 results")
	}
}

func names(ms []Match) []string {
	var out []string
	for _, m := range ms {
		s := fmt.Sprintf("%s (%s)", m.Commune.FullName, m.Commune.Province)
		if m.Former != nil {
			s += " ← " + m.Former.FullName
		}
		out = append(out, s)
	}
	return out
}
