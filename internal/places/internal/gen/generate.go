package main

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

type stats struct {
	provinces, communes, districts, formers, rows, byCode, byName int
}

type province struct {
	Code, Name, FullName string
	Wards                []ward
}

type ward struct {
	Code, Name, FullName string
}

type commune struct {
	code, province, typ, name, slug string
}

type former struct {
	district  int
	typ, name string
	targets   []string
}

// generate reads the shared files under dir and writes the data file to out.
func generate(dir, out string) (stats, error) {
	var st stats
	provinces, err := readUnits(filepath.Join(dir, "units-2026.json"))
	if err != nil {
		return st, err
	}
	communes := buildCommunes(provinces)
	formers, districts, err := readFormers(filepath.Join(dir, "old-to-new-2025.csv"), communes, &st)
	if err != nil {
		return st, err
	}
	st.provinces, st.communes, st.districts, st.formers = len(provinces), len(communes), len(districts), len(formers)
	return st, write(out, provinces, communes, districts, formers)
}

func readUnits(path string) ([]province, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read units: %w", err)
	}
	var ps []province
	if err := json.Unmarshal(b, &ps); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	if len(ps) == 0 {
		return nil, fmt.Errorf("parse %s: no provinces", path)
	}
	return ps, nil
}

// buildCommunes lists the current communes in file order with their types
// and slugs.
func buildCommunes(ps []province) []commune {
	var cs []commune
	for _, p := range ps {
		for _, w := range p.Wards {
			name, full := nfc(w.Name), nfc(w.FullName)
			typ := strings.TrimSpace(strings.TrimSuffix(full, name))
			typ = capitalize(typ) // one unit reads "xã Bắc Sơn"
			cs = append(cs, commune{code: w.Code, province: p.Code, typ: typ, name: name,
				slug: slugify(name) + "-" + slugify(nfc(p.Name))})
		}
	}
	// Same name in one province: prefix the type, then append the code.
	for round := 0; round < 2; round++ {
		seen := map[string]int{}
		for _, c := range cs {
			seen[c.slug]++
		}
		for i, c := range cs {
			if seen[c.slug] < 2 {
				continue
			}
			if round == 0 {
				cs[i].slug = slugify(c.typ) + "-" + c.slug
			} else {
				cs[i].slug = c.slug + "-" + c.code
			}
		}
	}
	return cs
}

func readFormers(path string, cs []commune, st *stats) ([]*former, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read former units: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	header, err := r.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("parse %s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for _, h := range []string{"provinceCode", "districtCode", "districtType", "wardCode", "wardType", "province", "district", "ward", "newWard", "newWardShort", "newProvinceCode", "newWardCode"} {
		if _, ok := col[h]; !ok {
			return nil, nil, fmt.Errorf("parse %s: no column %q", path, h)
		}
	}
	byCode := map[string]bool{}
	for _, c := range cs {
		byCode[c.code] = true
	}
	var (
		formers   []*former
		byKey     = map[string]*former{}
		districts []string
		districtI = map[string]int{}
	)
	for line := 2; ; line++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("parse %s line %d: %w", path, line, err)
		}
		get := func(h string) string { return formerName(strings.TrimSpace(rec[col[h]])) }
		st.rows++
		target, how, err := join(get("newWardCode"), get("newProvinceCode"), get("newWardShort"), byCode, cs)
		if err != nil {
			return nil, nil, fmt.Errorf("%s line %d (%s): %w", path, line, get("newWard"), err)
		}
		if how == "code" {
			st.byCode++
		} else {
			st.byName++
		}
		district := fixPrefix(get("district"), get("districtType"))
		dkey := district + "\t" + get("province")
		di, ok := districtI[dkey]
		if !ok {
			di = len(districts)
			districtI[dkey] = di
			districts = append(districts, dkey)
		}
		key := pad(get("provinceCode"), 2) + "/" + get("districtCode") + "/" + pad(get("wardCode"), 5)
		if fm, ok := byKey[key]; ok {
			fm.targets = append(fm.targets, target)
			continue
		}
		typ, name := splitWard(get("ward"), get("wardType"))
		if name == "" { // a former island district without communes
			typ, name = splitWard(district, get("districtType"))
		}
		fm := &former{district: di, typ: typ, name: name, targets: []string{target}}
		byKey[key] = fm
		formers = append(formers, fm)
	}
	return formers, districts, nil
}

// join finds the current commune a CSV row points to: by code, or else by
// folded name within the new province.
func join(code, provinceCode, short string, byCode map[string]bool, cs []commune) (string, string, error) {
	code = pad(code, 5)
	if byCode[code] {
		return code, "code", nil
	}
	want := slugify(short)
	var found []string
	for _, c := range cs {
		if c.province == pad(provinceCode, 2) && slugify(c.name) == want {
			found = append(found, c.code)
		}
	}
	if len(found) != 1 {
		return "", "", fmt.Errorf("join new commune %q (code %s): %d matches by name in province %s", short, code, len(found), provinceCode)
	}
	return found[0], "name", nil
}

func write(out string, ps []province, cs []commune, districts []string, fs []*former) error {
	var b strings.Builder
	b.WriteString("#\thoidap-places\t1\n")
	for _, p := range ps {
		fmt.Fprintf(&b, "P\t%s\t%s\t%s\n", p.Code, nfc(p.Name), nfc(p.FullName))
	}
	for _, c := range cs {
		fmt.Fprintf(&b, "C\t%s\t%s\t%s\t%s\t%s\n", c.code, c.province, c.typ, c.name, c.slug)
	}
	written := 0
	for _, f := range fs {
		for written <= f.district {
			fmt.Fprintf(&b, "D\t%s\n", districts[written])
			written++
		}
		fmt.Fprintf(&b, "F\t%d\t%s\t%s\t%s\n", f.district, f.typ, f.name, strings.Join(f.targets, ","))
	}
	file, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("write: %w", err)
	}
	zw, err := gzip.NewWriterLevel(file, gzip.BestCompression)
	if err != nil {
		file.Close()
		return fmt.Errorf("write: %w", err)
	}
	if _, err := zw.Write([]byte(b.String())); err != nil {
		file.Close()
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := zw.Close(); err != nil {
		file.Close()
		return fmt.Errorf("write %s: %w", out, err)
	}
	if err := file.Close(); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return nil
}

// splitWard splits "Thị Trấn Ái Tử" into ("Thị trấn", "Ái Tử"). The name's
// own prefix wins over the type column, which is wrong in a few rows.
func splitWard(full, typ string) (string, string) {
	for _, t := range []string{"Thị trấn", "Phường", "Xã", "Huyện", "Quận", "Thị xã", "Thành phố", typ} {
		if t == "" {
			continue
		}
		if len(full) > len(t) && strings.EqualFold(full[:len(t)], t) && full[len(t)] == ' ' {
			return t, strings.TrimSpace(full[len(t):])
		}
	}
	return typ, full
}

// fixPrefix writes "Thị Xã Buôn Hồ" as "Thị xã Buôn Hồ".
func fixPrefix(full, typ string) string {
	t, name := splitWard(full, typ)
	if name == full {
		return full
	}
	return t + " " + name
}

func pad(code string, n int) string {
	if code == "" {
		return ""
	}
	if f, err := strconv.ParseFloat(code, 64); err == nil {
		code = strconv.Itoa(int(f))
	}
	for len(code) < n {
		code = "0" + code
	}
	return code
}
