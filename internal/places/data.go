package places

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
)

// nameIndex finds units by folded name for Resolve.
type nameIndex struct {
	former           map[string][]int // folded name → former indexes
	current          map[string][]int // folded name → commune indexes
	maxWords         int              // longest name, in words
	formerDistricts  map[string]bool  // folded former district names without type
	currentProvinces map[string]bool  // folded current province names without type
	formerProvinces  map[string]bool  // folded former province names without type
	// prefixes holds the leading words of every name above ("tan", "tan
	// an"), so that a question's words are tried as a name only as long
	// as some name begins so.
	prefixes map[string]bool
}

// parse reads the data file format documented in ./internal/gen.
func parse(sc *bufio.Scanner) (*Directory, error) {
	d := &Directory{bySlug: map[string]int{}}
	provinceAt := map[string]int{}
	communeAt := map[string]int{}
	type district struct{ full, province string }
	var districts []district
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		bad := func(what string) error {
			return fmt.Errorf("%w: line %d: %s", ErrInvalid, line, what)
		}
		switch f[0] {
		case "#":
			if len(f) != 3 || f[1] != "hoidap-places" || f[2] != "1" {
				return nil, bad("unknown header")
			}
		case "P":
			if len(f) != 4 {
				return nil, bad("province needs 4 fields")
			}
			provinceAt[f[1]] = len(d.provinces)
			d.provinces = append(d.provinces, Province{Code: f[1], Name: f[2], FullName: f[3]})
		case "C":
			if len(f) != 6 {
				return nil, bad("commune needs 6 fields")
			}
			pi, ok := provinceAt[f[2]]
			if !ok {
				return nil, bad("unknown province " + f[2])
			}
			if _, dup := d.bySlug[f[5]]; dup {
				return nil, bad("duplicate slug " + f[5])
			}
			communeAt[f[1]] = len(d.communes)
			d.bySlug[f[5]] = len(d.communes)
			d.communes = append(d.communes, Commune{Slug: f[5], Code: f[1], Name: f[4], FullName: f[3] + " " + f[4],
				Type: f[3], Province: d.provinces[pi].Name, ProvinceCode: f[2]})
		case "D":
			if len(f) != 3 {
				return nil, bad("district needs 3 fields")
			}
			districts = append(districts, district{f[1], f[2]})
		case "F":
			if len(f) != 5 {
				return nil, bad("former unit needs 5 fields")
			}
			di, err := strconv.Atoi(f[1])
			if err != nil || di < 0 || di >= len(districts) {
				return nil, bad("unknown district " + f[1])
			}
			fm := former{Former: Former{Name: f[3], FullName: f[2] + " " + f[3], Type: f[2],
				District: districts[di].full, Province: districts[di].province}}
			if fm.Type == "Huyện" { // an island district without communes
				fm.FullName = fm.District
			}
			for _, code := range strings.Split(f[4], ",") {
				ci, ok := communeAt[code]
				if !ok {
					return nil, bad("unknown commune " + code)
				}
				fm.targets = append(fm.targets, ci)
				fm.Targets = append(fm.Targets, d.communes[ci].Slug)
			}
			d.formers = append(d.formers, fm)
		default:
			return nil, bad("unknown record " + strconv.Quote(f[0]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("places: read data: %w", err)
	}
	if len(d.communes) == 0 || len(d.formers) == 0 {
		return nil, fmt.Errorf("%w: no communes or no former units", ErrInvalid)
	}
	return d, nil
}

// index builds the lookup tables for Find and Resolve.
func (d *Directory) index() {
	ix := nameIndex{
		former:           make(map[string][]int, len(d.formers)),
		current:          make(map[string][]int, len(d.communes)),
		formerDistricts:  map[string]bool{},
		currentProvinces: map[string]bool{},
		formerProvinces:  map[string]bool{},
	}
	d.words = new(wordMemo) // names share few words
	memo := d.words
	d.formerOf = make([][]int, len(d.communes))
	d.search = make([]entry, 0, len(d.communes)+len(d.formers)+len(d.formers)/10)
	provinceCtx := make(map[string][]string, len(d.provinces))
	for _, p := range d.provinces {
		_, name := splitType(p.FullName)
		ix.currentProvinces[name] = true
		provinceCtx[p.Code] = strings.Fields(fold(p.FullName))
	}
	for ci, c := range d.communes {
		f, _ := words(c.Name, memo)
		ix.current[f] = append(ix.current[f], ci)
		ix.maxWords = max(ix.maxWords, strings.Count(f, " ")+1)
		d.search = append(d.search, entry{name: f, ctx: provinceCtx[c.ProvinceCode], commune: ci, former: -1})
	}
	type districtCtx struct {
		dtype, district, province string
		ctx                       []string
	}
	districts := map[string]districtCtx{}
	for fi := range d.formers {
		fm := &d.formers[fi]
		fm.fold, fm.tones = words(fm.Name, memo)
		dk := fm.District + "\t" + fm.Province
		dc, ok := districts[dk]
		if !ok { // 10,040 former units share 696 districts
			dc.dtype, dc.district = splitType(fm.District)
			_, dc.province = splitType(fm.Province)
			dc.ctx = strings.Fields(fold(fm.District + " " + fm.Province))
			districts[dk] = dc
		}
		fm.dtype, fm.district, fm.province = dc.dtype, dc.district, dc.province
		ix.former[fm.fold] = append(ix.former[fm.fold], fi)
		ix.maxWords = max(ix.maxWords, len(fm.tones))
		ix.formerDistricts[fm.district] = true
		ix.formerProvinces[fm.province] = true
		ctx := dc.ctx
		for _, ci := range fm.targets {
			d.formerOf[ci] = append(d.formerOf[ci], fi)
			d.search = append(d.search, entry{name: fm.fold, ctx: append(ctx[:len(ctx):len(ctx)], provinceCtx[d.communes[ci].ProvinceCode]...),
				commune: ci, former: fi})
		}
	}
	ix.prefixes = make(map[string]bool, 2*len(ix.former))
	for _, names := range []map[string]bool{ix.formerDistricts, ix.currentProvinces, ix.formerProvinces} {
		for name := range names {
			addPrefixes(ix.prefixes, name)
		}
	}
	for _, names := range []map[string][]int{ix.former, ix.current} {
		for name := range names {
			addPrefixes(ix.prefixes, name)
		}
	}
	d.names = ix
}

// addPrefixes adds name and each of its leading runs of words to set.
func addPrefixes(set map[string]bool, name string) {
	for i := range len(name) {
		if name[i] == ' ' {
			set[name[:i]] = true
		}
	}
	set[name] = true
}
