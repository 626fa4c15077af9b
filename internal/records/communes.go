package records

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Bounds of a commune's fields, in characters.
const (
	maxCommuneField = 300
	maxFormerNames  = 200
	maxSlug         = 80
)

// communeSlug is what a commune slug may look like: lower-case ASCII
// letters and digits in groups joined by single hyphens.
var communeSlug = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// ValidSlug reports whether s can be a commune's slug: lower-case a-z,
// digits and single hyphens, at most 80 characters.
func ValidSlug(s string) bool { return len(s) <= maxSlug && communeSlug.MatchString(s) }

// CommuneDetails is what administrators keep of a commune: the office
// details residents see, and the former names it can be found by.
type CommuneDetails struct {
	CommuneInfo
	// Custom marks a commune created by an administrator, not one of the
	// embedded directory.
	Custom    bool
	Updated   time.Time
	UpdatedBy string
}

// clean trims and normalises every field and checks it.
func (d *CommuneDetails) clean() error {
	for _, f := range []*string{&d.Name, &d.Province, &d.Address, &d.Hours, &d.Hotline, &d.MapURL} {
		*f = norm.NFC.String(strings.TrimSpace(*f))
		if utf8.RuneCountInString(*f) > maxCommuneField {
			return inputError("Mỗi ô tối đa %d ký tự. (Each field: %d characters at most)", maxCommuneField, maxCommuneField)
		}
	}
	if !ValidSlug(d.Slug) {
		return inputError("Mã xã chỉ gồm chữ thường không dấu a-z, số và dấu -, tối đa %d ký tự. (Slug: a-z, 0-9 and -, %d at most)", maxSlug, maxSlug)
	}
	if d.Name == "" {
		return inputError("Cần nhập tên xã, phường. (Name is required)")
	}
	if d.MapURL != "" {
		u, err := url.Parse(d.MapURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return inputError("Liên kết bản đồ phải bắt đầu bằng http:// hoặc https://. (Map link must be an http(s) address)")
		}
	}
	former := make([]string, 0, len(d.Former))
	seen := map[string]bool{}
	for _, f := range d.Former {
		f = norm.NFC.String(strings.Join(strings.Fields(f), " "))
		if f == "" || seen[strings.ToLower(f)] {
			continue
		}
		if utf8.RuneCountInString(f) > maxCommuneField {
			return inputError("Mỗi tên cũ tối đa %d ký tự. (Each former name: %d characters at most)", maxCommuneField, maxCommuneField)
		}
		seen[strings.ToLower(f)] = true
		former = append(former, f)
	}
	if len(former) > maxFormerNames {
		return inputError("Tối đa %d tên cũ. (%d former names at most)", maxFormerNames, maxFormerNames)
	}
	d.Former = former
	return nil
}

// SaveCommune stores the details of a commune, replacing earlier ones. A
// custom commune keeps being custom.
func (s *Store) SaveCommune(ctx context.Context, d CommuneDetails) (CommuneDetails, error) {
	if err := d.clean(); err != nil {
		return d, err
	}
	d.Updated = s.Now()
	former, err := json.Marshal(d.Former)
	if err != nil {
		return d, fmt.Errorf("records: save commune %s: %w", d.Slug, err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return d, fmt.Errorf("records: save commune %s: %w", d.Slug, err)
	}
	defer tx.Rollback()
	_, err = tx.ExecContext(ctx, `INSERT INTO communes
		(slug, name, province, address, hours, hotline, map_url, former, custom, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(slug) DO UPDATE SET name = excluded.name, province = excluded.province,
			address = excluded.address, hours = excluded.hours, hotline = excluded.hotline,
			map_url = excluded.map_url, former = excluded.former, custom = CASE WHEN communes.custom = 1 OR excluded.custom = 1 THEN 1 ELSE 0 END,
			updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
		d.Slug, d.Name, d.Province, d.Address, d.Hours, d.Hotline, d.MapURL, string(former), intFlag(d.Custom),
		d.Updated.Unix(), d.UpdatedBy)
	if err != nil {
		return d, fmt.Errorf("records: save commune %s: %w", d.Slug, err)
	}
	if err := s.bumpVersion(ctx, tx, communesVersionKey); err != nil {
		return d, err
	}
	if err := tx.Commit(); err != nil {
		return d, fmt.Errorf("records: save commune %s: %w", d.Slug, err)
	}
	return d, nil
}

// CreateCommune stores a new custom commune; it fails with ErrInvalid when
// the store already has a commune of that slug.
func (s *Store) CreateCommune(ctx context.Context, d CommuneDetails) (CommuneDetails, error) {
	if _, ok, err := s.CommuneDetails(ctx, d.Slug); err != nil {
		return d, err
	} else if ok {
		return d, inputError("Mã xã %q đã có. (Slug %q is in use)", d.Slug, d.Slug)
	}
	d.Custom = true
	return s.SaveCommune(ctx, d)
}

// CommuneDetails returns the stored details of the commune with slug, and
// false when administrators have stored none.
func (s *Store) CommuneDetails(ctx context.Context, slug string) (CommuneDetails, bool, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+communeColumns+` FROM communes WHERE slug = ?`, slug)
	d, err := scanCommune(row)
	if errors.Is(err, sql.ErrNoRows) {
		return CommuneDetails{}, false, nil
	}
	if err != nil {
		return CommuneDetails{}, false, fmt.Errorf("records: commune %s: %w", slug, err)
	}
	return d, true, nil
}

// StoredCommunes returns every commune whose details are stored, by slug.
func (s *Store) StoredCommunes(ctx context.Context) ([]CommuneDetails, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+communeColumns+` FROM communes ORDER BY slug`)
	if err != nil {
		return nil, fmt.Errorf("records: communes: %w", err)
	}
	defer rows.Close()
	var out []CommuneDetails
	for rows.Next() {
		d, err := scanCommune(rows)
		if err != nil {
			return nil, fmt.Errorf("records: communes: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("records: communes: %w", err)
	}
	return out, nil
}

const communeColumns = `slug, name, province, address, hours, hotline, map_url, former, custom, updated_at, updated_by`

func scanCommune(r interface{ Scan(...any) error }) (CommuneDetails, error) {
	var (
		d       CommuneDetails
		former  string
		custom  int
		updated int64
	)
	if err := r.Scan(&d.Slug, &d.Name, &d.Province, &d.Address, &d.Hours, &d.Hotline, &d.MapURL, &former,
		&custom, &updated, &d.UpdatedBy); err != nil {
		return d, err
	}
	if err := json.Unmarshal([]byte(former), &d.Former); err != nil {
		return d, fmt.Errorf("former names of %s: %w", d.Slug, err)
	}
	d.Custom, d.Updated = custom == 1, time.Unix(updated, 0)
	return d, nil
}

// intFlag is how a flag is stored: 0 or 1 in an integer column, the same
// on every engine.
func intFlag(b bool) int {
	if b {
		return 1
	}
	return 0
}
