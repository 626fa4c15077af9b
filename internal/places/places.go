// Package places knows every current commune, ward and special zone of
// Vietnam (after the 1 July 2025 reform), the former communes, wards and
// towns merged into them, and answers "my former commune, where do I go
// now?".
//
// The data is embedded (units.tsv.gz, written by ./internal/gen from the
// shared MIT-licensed sources; see /NOTICE).
package places

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed" // the data file
	"errors"
	"fmt"
	"strings"
)

//go:generate go run ./internal/gen -shared ../../../shared/data/admin-units -out units.tsv.gz

//go:embed units.tsv.gz
var unitsGz []byte

// ErrInvalid reports a malformed data file.
var ErrInvalid = errors.New("places: invalid data")

// Commune is a current commune ("Xã"), ward ("Phường") or special zone
// ("Đặc khu").
type Commune struct {
	Slug         string // stable URL key: "thuan-my-tay-ninh"
	Code         string // official five-digit code: "27496"
	Name         string // "Thuận Mỹ"
	FullName     string // "Xã Thuận Mỹ"
	Type         string // "Xã", "Phường" or "Đặc khu"
	Province     string // current province, short: "Tây Ninh"
	ProvinceCode string // "80"
}

// Former is a commune, ward or town as it was before 1 July 2025. The five
// island districts that had no communes are Formers of type "Huyện".
type Former struct {
	Name     string   // "Thanh Phú Long"
	FullName string   // "Xã Thanh Phú Long"
	Type     string   // "Xã", "Phường", "Thị trấn" (or "Huyện")
	District string   // former district, full: "Huyện Châu Thành"
	Province string   // former province, full: "Tỉnh Long An"
	Targets  []string // slugs of the current communes it went to; several when it was split
}

// Province is a current province or centrally governed city.
type Province struct {
	Code     string // "80"
	Name     string // "Tây Ninh"
	FullName string // "Tỉnh Tây Ninh"
}

// Directory holds every current and former unit. It is read-only and safe
// for concurrent use.
type Directory struct {
	provinces []Province
	communes  []Commune
	bySlug    map[string]int
	formers   []former
	formerOf  [][]int // commune index → former indexes
	search    []entry // Find's entries, in result order for equal scores
	names     nameIndex
	words     *wordMemo // how the words of names and questions fold
}

// former is a Former with what matching needs.
type former struct {
	Former
	targets  []int // commune indexes
	fold     string
	tones    []string
	district string // folded district without its type: "chau thanh"
	dtype    string // folded district type: "huyen"
	province string // folded former province without its type: "long an"
}

// Load reads the embedded directory.
func Load() (*Directory, error) {
	zr, err := gzip.NewReader(bytes.NewReader(unitsGz))
	if err != nil {
		return nil, fmt.Errorf("places: open data: %w", err)
	}
	defer zr.Close()
	d, err := parse(bufio.NewScanner(zr))
	if err != nil {
		return nil, err
	}
	d.index()
	return d, nil
}

// Provinces returns the 34 current provinces in official code order.
func (d *Directory) Provinces() []Province {
	return append([]Province(nil), d.provinces...)
}

// Communes returns every current commune, grouped by province in official
// code order.
func (d *Directory) Communes() []Commune {
	return append([]Commune(nil), d.communes...)
}

// Commune returns the current commune with the given slug.
func (d *Directory) Commune(slug string) (Commune, bool) {
	i, ok := d.bySlug[slug]
	if !ok {
		return Commune{}, false
	}
	return d.communes[i], true
}

// FormerOf returns the former units merged, wholly or partly, into the
// commune with the given slug, in data order; nil for an unknown slug.
func (d *Directory) FormerOf(slug string) []Former {
	i, ok := d.bySlug[slug]
	if !ok {
		return nil
	}
	out := make([]Former, 0, len(d.formerOf[i]))
	for _, fi := range d.formerOf[i] {
		out = append(out, d.formers[fi].public())
	}
	return out
}

// public returns a copy the caller may change.
func (f *former) public() Former {
	p := f.Former
	p.Targets = append([]string(nil), f.Targets...)
	return p
}

// splitType splits "Huyện Châu Thành" into its folded type and name.
func splitType(full string) (typ, name string) {
	f := fold(full)
	for _, t := range []string{"thi tran", "thi xa", "thanh pho", "huyen", "quan", "phuong", "xa", "tinh", "dac khu"} {
		if strings.HasPrefix(f, t+" ") {
			return t, f[len(t)+1:]
		}
	}
	return "", f
}
