package places

import (
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func mustLoad(tb testing.TB) *Directory {
	tb.Helper()
	d, err := Load()
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return d
}

func TestLoadCounts(t *testing.T) {
	d := mustLoad(t)
	if got, want := len(d.Provinces()), 34; got != want {
		t.Errorf("provinces = %d, want %d", got, want)
	}
	if got, want := len(d.Communes()), 3321; got != want {
		t.Errorf("communes = %d, want %d", got, want)
	}
	// 10,602 CSV rows; split communes have one row per target.
	if got, want := len(d.formers), 10040; got != want {
		t.Errorf("former units = %d, want %d", got, want)
	}
	types := map[string]int{}
	for _, c := range d.Communes() {
		types[c.Type]++
		if c.FullName != c.Type+" "+c.Name || c.Province == "" || len(c.Code) != 5 || len(c.ProvinceCode) != 2 {
			t.Errorf("commune %+v is incomplete", c)
		}
		if len(d.FormerOf(c.Slug)) == 0 {
			t.Errorf("%s (%s) has no former units", c.FullName, c.Province)
		}
	}
	if diff := cmp.Diff(map[string]int{"Xã": 2611, "Phường": 697, "Đặc khu": 13}, types); diff != "" {
		t.Errorf("commune types (-want +got):\n%s", diff)
	}
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestSlugs(t *testing.T) {
	d := mustLoad(t)
	seen := map[string]bool{}
	for _, c := range d.Communes() {
		if !slugPattern.MatchString(c.Slug) {
			t.Errorf("slug %q of %s is not lower-case ASCII words joined by -", c.Slug, c.FullName)
		}
		if seen[c.Slug] {
			t.Errorf("slug %q is not unique", c.Slug)
		}
		seen[c.Slug] = true
	}
	// Golden: these URLs are printed on posters and must never change.
	golden := []struct{ slug, name, province string }{
		{"thuan-my-tay-ninh", "Xã Thuận Mỹ", "Tây Ninh"},
		{"binh-lu-lai-chau", "Xã Bình Lư", "Lai Châu"},
		{"ba-dinh-ha-noi", "Phường Ba Đình", "Hà Nội"},
		{"con-dao-ho-chi-minh", "Đặc khu Côn Đảo", "Hồ Chí Minh"},
		{"xa-dong-tien-thanh-hoa", "Xã Đồng Tiến", "Thanh Hoá"},
		{"phuong-dong-tien-thanh-hoa", "Phường Đông Tiến", "Thanh Hoá"},
		{"xa-van-lang-thai-nguyen-02143", "Xã Văn Lang", "Thái Nguyên"},
	}
	for _, g := range golden {
		t.Run(g.slug, func(t *testing.T) {
			c, ok := d.Commune(g.slug)
			if !ok {
				t.Fatalf("Commune(%q) not found", g.slug)
			}
			if c.FullName != g.name || c.Province != g.province {
				t.Errorf("Commune(%q) = %s, %s; want %s, %s", g.slug, c.FullName, c.Province, g.name, g.province)
			}
		})
	}
	if _, ok := d.Commune("khong-co-xa-nay"); ok {
		t.Error("Commune of an unknown slug was found")
	}
}

func TestFormerOf(t *testing.T) {
	d := mustLoad(t)
	tests := []struct {
		slug string
		want []string // former full names that must be among FormerOf
	}{
		{"thuan-my-tay-ninh", []string{"Xã Thanh Phú Long", "Xã Thanh Vĩnh Đông", "Xã Thuận Mỹ"}},
		{"binh-lu-lai-chau", []string{"Xã Bình Lư", "Xã Sơn Bình", "Thị trấn Tam Đường"}},
		{"con-dao-ho-chi-minh", []string{"Huyện Côn Đảo"}},
	}
	for _, tt := range tests {
		t.Run(tt.slug, func(t *testing.T) {
			got := map[string]Former{}
			for _, f := range d.FormerOf(tt.slug) {
				got[f.FullName] = f
			}
			for _, name := range tt.want {
				f, ok := got[name]
				if !ok {
					t.Errorf("FormerOf(%q) lacks %s; has %v", tt.slug, name, got)
					continue
				}
				if f.District == "" || f.Province == "" {
					t.Errorf("%s has no former district or province: %+v", name, f)
				}
			}
		})
	}
	if got := d.FormerOf("khong-co"); got != nil {
		t.Errorf("FormerOf(unknown) = %v, want nil", got)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Xã Hoà Bình", "xa hoa binh"},
		{"XÃ HÒA BÌNH", "xa hoa binh"},
		{"Đắk Lắk", "dak lak"},
		{"Bà Rịa - Vũng Tàu", "ba ria vung tau"},
		{"Ea H'leo", "ea h leo"},
		{"Phường 12", "phuong 12"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := fold(tt.in); got != tt.want {
				t.Errorf("fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if toned("hòa") != toned("hoà") || toned("hòa") == toned("hóa") || toned("Thủy") != toned("thuỷ") {
		t.Error("toned must ignore tone-mark placement but not the tone")
	}
}

// Unit names are spelt one way, the current official list's: its tone
// marks sit on the second vowel of "oa", "oe" and "uy" ending a syllable
// ("Khánh Hoà", "Thanh Hoá"), and former names, from another list that
// writes "Hòa", are shown the same way.
func TestUnitNamesSpeltOneWay(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	oldStyle := regexp.MustCompile(`(?i)(?:^|[^\pL])[^\s\pP]*?(?:[òóỏõọ][ae]|[^q][ùúủũụ]y)(?:$|[^\pL])`)
	currentOld := 0
	for _, c := range d.Communes() {
		if oldStyle.MatchString(c.Name) {
			currentOld++ // as the official list writes it ("Nguyễn Úy")
		}
		for _, f := range d.FormerOf(c.Slug) {
			for _, name := range []string{f.FullName, f.District, f.Province} {
				if oldStyle.MatchString(name) {
					t.Errorf("former unit of %s: %q spelt the other way", c.Slug, name)
				}
			}
		}
	}
	if currentOld > 1 {
		t.Errorf("%d current names with the tone on the first vowel of oa/oe/uy", currentOld)
	}
	for _, tt := range []struct{ slug, name, former string }{
		{"yen-hoa-ha-noi", "Phường Yên Hoà", "Phường Yên Hoà"},
	} {
		c, _ := d.Commune(tt.slug)
		found := false
		for _, f := range d.FormerOf(tt.slug) {
			found = found || f.FullName == tt.former
		}
		if c.FullName != tt.name || !found {
			t.Errorf("%s: %q with former %v, want %q and %q", tt.slug, c.FullName, d.FormerOf(tt.slug), tt.name, tt.former)
		}
	}
}
