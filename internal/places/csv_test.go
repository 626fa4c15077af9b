package places

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// sharedCSV is the source the embedded data was generated from.
const sharedCSV = "../../../shared/data/admin-units/old-to-new-2025.csv"

// csvFormer is one former unit as the CSV has it.
type csvFormer struct {
	ward, district, province string
	targets                  []string // codes of the new communes
}

// readCSV groups the shared CSV's rows by former unit; it skips the test
// when the shared data is not checked out beside the repository.
func readCSV(tb testing.TB, d *Directory) []csvFormer {
	tb.Helper()
	f, err := os.Open(sharedCSV)
	if errors.Is(err, os.ErrNotExist) {
		tb.Skipf("shared data not found: %v", err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	head, err := r.Read()
	if err != nil {
		tb.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	byCode := map[string]Commune{}
	for _, c := range d.Communes() {
		byCode[c.Code] = c
	}
	var out []csvFormer
	at := map[string]int{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			tb.Fatal(err)
		}
		get := func(h string) string { return rec[col[h]] }
		code := get("newWardCode")
		if n, err := strconv.Atoi(code); err == nil {
			code = strconv.Itoa(100000 + n)[1:]
		}
		if _, ok := byCode[code]; !ok { // a code units-2026.json does not know: join by name
			for _, c := range d.Communes() {
				if c.ProvinceCode == get("newProvinceCode") && fold(c.Name) == fold(get("newWardShort")) {
					code = c.Code
				}
			}
		}
		key := get("provinceCode") + "/" + get("districtCode") + "/" + get("wardCode")
		i, ok := at[key]
		if !ok {
			i = len(out)
			at[key] = i
			ward := get("ward")
			if ward == "" { // a former island district without communes
				ward = get("district")
			}
			out = append(out, csvFormer{ward: ward, district: get("district"), province: get("province")})
		}
		out[i].targets = append(out[i].targets, code)
	}
	return out
}

// TestResolveWholeCSV asks about every former unit of the CSV, with its
// former district and province, accented and not.
func TestResolveWholeCSV(t *testing.T) {
	d := mustLoad(t)
	formers := readCSV(t, d)
	if len(formers) != 10040 {
		t.Errorf("CSV has %d former units, want 10040", len(formers))
	}
	var exact, ambiguous, wrong int
	for _, f := range formers {
		q := "Tôi ở " + f.ward + ", " + f.district + ", " + f.province + " cũ, giờ thuộc xã nào?"
		if f.ward == f.district {
			q = "Tôi ở " + f.ward + ", " + f.province + " cũ, giờ thuộc xã nào?"
		}
		want := slices.Sorted(slices.Values(f.targets))
		res := d.Resolve(q)
		if !res.Found || res.Ambiguous || len(res.Candidates) != 1 || !slices.Equal(newCodes(res.Candidates[0]), want) {
			wrong++
			if wrong <= 10 {
				t.Errorf("Resolve(%q) = %s, want the one former unit going to %v", q, describe(res), want)
			}
		} else {
			exact++
		}
		// Unaccented, names that differ only in tones cannot be told apart:
		// then every candidate must share the name, district and province.
		plain := fold(q)
		res = d.Resolve(plain)
		switch {
		case res.Found && !res.Ambiguous && len(res.Candidates) == 1 && slices.Equal(newCodes(res.Candidates[0]), want):
		case res.Ambiguous && sameFolded(res, f) && hasTargets(res, want):
			ambiguous++
		default:
			wrong++
			if wrong <= 10 {
				t.Errorf("Resolve(%q) = %s, want the one former unit going to %v", plain, describe(res), want)
			}
		}
	}
	t.Logf("%d former units: %d resolved exactly (accented); unaccented: %d ambiguous between names differing only in tones; %d wrong",
		len(formers), exact, ambiguous, wrong)
	if ambiguous > 44 {
		t.Errorf("%d unaccented questions are ambiguous; the data has 22 pairs of names differing only in tones", ambiguous)
	}
}

// TestEmbeddedMatchesCSV checks that the generated file holds every CSV row.
func TestEmbeddedMatchesCSV(t *testing.T) {
	d := mustLoad(t)
	formers := readCSV(t, d)
	if len(formers) != len(d.formers) {
		t.Fatalf("embedded %d former units, CSV %d", len(d.formers), len(formers))
	}
	for i, f := range formers {
		got := &d.formers[i]
		var codes []string
		for _, ci := range got.targets {
			codes = append(codes, d.communes[ci].Code)
		}
		if fold(got.FullName) != fold(f.ward) || got.District == "" || !slices.Equal(codes, f.targets) {
			t.Errorf("former %d: embedded %s → %v, CSV %s → %v", i, got.FullName, codes, f.ward, f.targets)
		}
	}
}

func newCodes(c Candidate) []string {
	var out []string
	for _, n := range c.New {
		out = append(out, n.Code)
	}
	slices.Sort(out)
	return out
}

func sameFolded(res Resolution, f csvFormer) bool {
	for _, c := range res.Candidates {
		if fold(c.Former.FullName) != fold(f.ward) || fold(c.Former.District) != fold(f.district) || fold(c.Former.Province) != fold(f.province) {
			return false
		}
	}
	return true
}

func hasTargets(res Resolution, want []string) bool {
	for _, c := range res.Candidates {
		if slices.Equal(newCodes(c), want) {
			return true
		}
	}
	return false
}

func describe(res Resolution) string {
	if !res.Found {
		return "not found"
	}
	var b strings.Builder
	if res.Ambiguous {
		b.WriteString("ambiguous: ")
	}
	for _, c := range res.Candidates {
		b.WriteString(c.Former.FullName + " (" + c.Former.District + ", " + c.Former.Province + ") → ")
		for _, n := range c.New {
			b.WriteString(n.FullName + " " + n.Code + ", ")
		}
		b.WriteString("; ")
	}
	return b.String()
}
