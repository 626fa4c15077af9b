// Command gen writes internal/places/units.tsv.gz, the project's own compact
// copy of Vietnam's administrative units after the 1 July 2025 reform, from
// the two MIT-licensed files in shared/data/admin-units (see /NOTICE):
//
//   - units-2026.json (thanglequoc/vietnamese-provinces-database): the 34
//     provinces and 3,321 current communes, wards and special zones, with
//     their current names;
//   - old-to-new-2025.csv (tranngocminhhieu/vietnamadminunits): each former
//     commune, ward or town with its former district and province, and the new
//     commune(s) it went to (one row per target for split communes).
//
// Usage, from the repository root:
//
//	go run ./internal/places/internal/gen -shared ../shared/data/admin-units -out internal/places/units.tsv.gz
//
// # Format
//
// A gzip'd (no name, zero mtime: byte-stable) UTF-8 NFC text file, one record
// per line, fields separated by TAB, the first field the record kind:
//
//	#	hoidap-places	1                                     header, format version
//	P	code	name	fullName                               a current province ("01", "Hà Nội", "Thành phố Hà Nội")
//	C	code	provinceCode	type	name	slug               a current commune ("00004", "01", "Phường", "Ba Đình", "ba-dinh-ha-noi")
//	D	fullName	provinceFullName                       a former district with its former province
//	F	district	type	name	targets                     a former unit: index of its D line (0-based),
//	                                                        type, name, comma-separated codes of the
//	                                                        current communes it went to
//
// P lines come before C lines, which come before D and F lines; a D line comes
// before the F lines that refer to it. Communes keep the order of
// units-2026.json; former units keep the order of the CSV. A commune's full
// name is type + " " + name.
//
// The five former island districts that had no communes (Bạch Long Vĩ, Cồn
// Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) are F lines of type "Huyện" whose district
// is themselves.
//
// # Slugs
//
// A commune's slug is its name and its province's short name, folded to ASCII
// (diacritics dropped, đ→d), lower-case, words joined by "-":
// "thuan-my-tay-ninh". When several current units of one province share a
// name, each of them is prefixed with its type ("phuong-…", "xa-…"); if that is
// still not unique, the commune code is appended. Slugs depend only on the
// data, so they are the same on every run.
//
// # Joining
//
// CSV rows are joined to current communes by the new commune code (padded to
// five digits). Rows whose code is not in units-2026.json are joined by the
// folded new commune name within the new province; the generator reports how
// many, and fails if any row joins to nothing or to several communes.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	shared := fs.String("shared", "../shared/data/admin-units", "folder holding units-2026.json and old-to-new-2025.csv")
	out := fs.String("out", "internal/places/units.tsv.gz", "file to write")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	stats, err := generate(*shared, *out)
	if err != nil {
		fmt.Fprintln(stderr, "gen:", err)
		return 1
	}
	fmt.Fprintf(stderr, "gen: %d provinces, %d communes, %d former districts, %d former units (%d CSV rows: %d joined by code, %d by name within province)\n",
		stats.provinces, stats.communes, stats.districts, stats.formers, stats.rows, stats.byCode, stats.byName)
	return 0
}
