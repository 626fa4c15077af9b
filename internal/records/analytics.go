package records

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// maxGapRows bounds the unanswered questions read for one dashboard.
const maxGapRows = 20000

// Range selects answer records: one commune ("" for all) between From
// (inclusive) and To (exclusive); a zero bound is open.
type Range struct {
	Commune  string
	From, To time.Time
}

func (r Range) bounds() (from, to int64) {
	from, to = 0, 1<<62
	if !r.From.IsZero() {
		from = r.From.Unix()
	}
	if !r.To.IsZero() {
		to = r.To.Unix()
	}
	return from, to
}

// rangeWhere selects the records of r; its arguments follow.
const rangeWhere = `(? = '' OR commune = ?) AND created_at >= ? AND created_at < ?`

func (r Range) args() []any {
	from, to := r.bounds()
	return []any{r.Commune, r.Commune, from, to}
}

// DayCount is how many questions were asked on one day.
type DayCount struct {
	Day   string // YYYY-MM-DD in the zone given
	Count int
}

// Summary is what the dashboard shows of the answers in a range.
type Summary struct {
	Total, Grounded     int
	Helpful, NotHelpful int
	ByMode              map[string]int // "llm", "extractive", "approved"
	Days                []DayCount     // days with at least one question, in order
	TopSources          []SourceCount  // most cited first sources, most first
	Gaps                []Gap          // questions not grounded or not helpful, most asked first
}

// SourceCount is how often a document was the first source of an answer.
type SourceCount struct {
	ID    string
	Count int
}

// Gap is a question the service did not answer well, with its repeats:
// questions that fold to the same words are one gap.
type Gap struct {
	Question    string // the latest wording
	Commune     string // the latest commune it was asked in
	Count       int
	NotGrounded int
	NotHelpful  int
	Last        time.Time
}

// GapKey is how questions are grouped into gaps: folded, with punctuation
// and extra spaces gone.
func GapKey(q string) string { return strings.Join(vietnamese.Words(q), " ") }

// Summarize reads the dashboard's figures for r, counting days in zone.
func (s *Store) Summarize(ctx context.Context, r Range, zone *time.Location, topN, gapN int) (Summary, error) {
	sum := Summary{ByMode: map[string]int{}}
	_, offset := time.Now().In(zone).Zone()
	rows, err := s.db.QueryContext(ctx, `SELECT mode, COUNT(*), SUM(grounded),
		SUM(CASE WHEN helpful = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN helpful = 0 THEN 1 ELSE 0 END)
		FROM answers WHERE `+rangeWhere+` GROUP BY mode`, r.args()...)
	if err != nil {
		return sum, fmt.Errorf("records: summarize: %w", err)
	}
	err = scanAll(rows, func() error {
		var (
			mode     string
			n        int
			g, h, nh sql.NullInt64
		)
		if err := rows.Scan(&mode, &n, &g, &h, &nh); err != nil {
			return err
		}
		sum.ByMode[mode] = n
		sum.Total += n
		sum.Grounded += int(g.Int64)
		sum.Helpful += int(h.Int64)
		sum.NotHelpful += int(nh.Int64)
		return nil
	})
	if err != nil {
		return sum, err
	}
	// Days are counted as whole days since 1970 in the zone's offset:
	// integer division is the same on every engine, date functions are not.
	rows, err = s.db.QueryContext(ctx, `SELECT (created_at + ?) / 86400 AS day, COUNT(*)
		FROM answers WHERE `+rangeWhere+` GROUP BY day ORDER BY day`, append([]any{offset}, r.args()...)...)
	if err != nil {
		return sum, fmt.Errorf("records: summarize days: %w", err)
	}
	err = scanAll(rows, func() error {
		var (
			d   DayCount
			day int64
		)
		if err := rows.Scan(&day, &d.Count); err != nil {
			return err
		}
		d.Day = time.Unix(day*86400, 0).UTC().Format(time.DateOnly)
		sum.Days = append(sum.Days, d)
		return nil
	})
	if err != nil {
		return sum, err
	}
	if sum.TopSources, err = s.topSources(ctx, r, topN); err != nil {
		return sum, err
	}
	sum.Gaps, err = s.gaps(ctx, r, gapN)
	return sum, err
}

// topSources counts the first sources of the grounded answers in r, most
// cited first. The lists of sources are grouped by the database and their
// first ID read here: JSON functions differ from engine to engine.
func (s *Store) topSources(ctx context.Context, r Range, limit int) ([]SourceCount, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT sources, COUNT(*) FROM answers
		WHERE `+rangeWhere+` AND grounded = 1 GROUP BY sources`, r.args()...)
	if err != nil {
		return nil, fmt.Errorf("records: summarize sources: %w", err)
	}
	counts := map[string]int{}
	err = scanAll(rows, func() error {
		var (
			list    string
			n       int
			sources []string
		)
		if err := rows.Scan(&list, &n); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(list), &sources); err != nil {
			return fmt.Errorf("sources of a record: %w", err)
		}
		if len(sources) > 0 {
			counts[sources[0]] += n
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]SourceCount, 0, len(counts))
	for id, n := range counts {
		out = append(out, SourceCount{ID: id, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].ID < out[j].ID
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

// gaps groups the questions not grounded or rated not helpful.
func (s *Store) gaps(ctx context.Context, r Range, limit int) ([]Gap, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT question, commune, grounded, helpful = 0, created_at FROM answers
		WHERE `+rangeWhere+` AND (grounded = 0 OR helpful = 0) ORDER BY created_at DESC LIMIT ?`,
		append(r.args(), maxGapRows)...)
	if err != nil {
		return nil, fmt.Errorf("records: gaps: %w", err)
	}
	byKey := map[string]*Gap{}
	var order []*Gap
	err = scanAll(rows, func() error {
		var (
			q, commune string
			grounded   bool
			notHelpful sql.NullBool
			at         int64
		)
		if err := rows.Scan(&q, &commune, &grounded, &notHelpful, &at); err != nil {
			return err
		}
		key := GapKey(q)
		g := byKey[key]
		if g == nil { // rows come newest first: the first is the latest wording
			g = &Gap{Question: q, Commune: commune, Last: time.Unix(at, 0)}
			byKey[key] = g
			order = append(order, g)
		}
		g.Count++
		if !grounded {
			g.NotGrounded++
		}
		if notHelpful.Bool {
			g.NotHelpful++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(order, func(i, j int) bool { return order[i].Count > order[j].Count })
	if len(order) > limit {
		order = order[:limit]
	}
	out := make([]Gap, len(order))
	for i, g := range order {
		out[i] = *g
	}
	return out, nil
}

// ExportRow is one answer record as the CSV export shows it.
type ExportRow struct {
	Time     time.Time
	Commune  string
	Poster   string
	Question string
	Mode     string
	Grounded bool
	Helpful  *bool // nil: no feedback
	Sources  []string
}

// ExportAnswers calls fn with every answer record of r, oldest first.
func (s *Store) ExportAnswers(ctx context.Context, r Range, fn func(ExportRow) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT created_at, commune, poster, question, mode, grounded, helpful, sources
		FROM answers WHERE `+rangeWhere+` ORDER BY created_at, id`, r.args()...)
	if err != nil {
		return fmt.Errorf("records: export answers: %w", err)
	}
	return scanAll(rows, func() error {
		var (
			row     ExportRow
			at      int64
			helpful sql.NullBool
			sources string
		)
		if err := rows.Scan(&at, &row.Commune, &row.Poster, &row.Question, &row.Mode, &row.Grounded, &helpful, &sources); err != nil {
			return err
		}
		row.Time = time.Unix(at, 0)
		if helpful.Valid {
			row.Helpful = &helpful.Bool
		}
		if err := json.Unmarshal([]byte(sources), &row.Sources); err != nil {
			return fmt.Errorf("sources of a record: %w", err)
		}
		return fn(row)
	})
}

// PurgeAnswers deletes the answer records made before before and reports
// how many it deleted.
func (s *Store) PurgeAnswers(ctx context.Context, before time.Time) (int, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM answers WHERE created_at < ?`, before.Unix())
	if err != nil {
		return 0, fmt.Errorf("records: purge answers: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("records: purge answers: %w", err)
	}
	return int(n), nil
}

// scanAll calls each for every row, then closes rows and reports the
// first error.
func scanAll(rows *sql.Rows, each func() error) error {
	defer rows.Close()
	for rows.Next() {
		if err := each(); err != nil {
			return fmt.Errorf("records: read records: %w", err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("records: read records: %w", err)
	}
	return nil
}
