package records_test

import (
	"context"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
)

// A retried upload gets the first response; a key whose request died is
// taken over after a while; a released key runs again.
func TestIdempotencyKeys(t *testing.T) { sqldbtest.Each(t, testIdempotencyKeys) }

func testIdempotencyKeys(t *testing.T, dsn string) {
	ctx := context.Background()
	st, now := mustStore(t, dsn)
	if _, ok, err := st.ClaimIdempotencyKey(ctx, "admin", "k1", "f1"); err != nil || !ok {
		t.Fatalf("first claim: %v, %v", ok, err)
	}
	if r, ok, err := st.ClaimIdempotencyKey(ctx, "admin", "k1", "f1"); err != nil || ok || r.Status != 0 {
		t.Fatalf("claim while running: %+v, %v, %v", r, ok, err)
	}
	if err := st.FinishIdempotencyKey(ctx, "admin", "k1", 201, []byte(`{"id":"d1"}`)); err != nil {
		t.Fatal(err)
	}
	r, ok, err := st.ClaimIdempotencyKey(ctx, "admin", "k1", "f2")
	if err != nil || ok || r.Status != 201 || string(r.Body) != `{"id":"d1"}` || r.Fingerprint != "f1" {
		t.Fatalf("retry after the response: %+v, %v, %v", r, ok, err)
	}
	// A claim without a response for long is abandoned: a retry takes it.
	if _, ok, err := st.ClaimIdempotencyKey(ctx, "admin", "k2", "f1"); err != nil || !ok {
		t.Fatalf("claim k2: %v, %v", ok, err)
	}
	*now = now.Add(time.Hour)
	if _, ok, err := st.ClaimIdempotencyKey(ctx, "admin", "k2", "f3"); err != nil || !ok {
		t.Fatalf("take over the abandoned k2: %v, %v", ok, err)
	}
	if err := st.ReleaseIdempotencyKey(ctx, "admin", "k2"); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := st.ClaimIdempotencyKey(ctx, "admin", "k2", "f4"); err != nil || !ok {
		t.Fatalf("claim after release: %v, %v", ok, err)
	}
	*now = now.Add(48 * time.Hour)
	if _, err := st.Retain(ctx, 0); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := st.ClaimIdempotencyKey(ctx, "admin", "k1", "f5"); err != nil || !ok {
		t.Fatalf("claim after retention: %v, %v", ok, err)
	}
}

// An address the account logged in from stays known for 90 days.
func TestKnownLogin(t *testing.T) { sqldbtest.Each(t, testKnownLogin) }

func testKnownLogin(t *testing.T, dsn string) {
	ctx := context.Background()
	st, now := mustStore(t, dsn)
	if known, err := st.KnownLogin(ctx, "an", "203.0.113.9"); err != nil || known {
		t.Fatalf("before: %v, %v", known, err)
	}
	for range 2 { // the second time refreshes the first
		if err := st.RememberLogin(ctx, "an", "203.0.113.9"); err != nil {
			t.Fatal(err)
		}
	}
	*now = now.Add(89 * 24 * time.Hour)
	if known, err := st.KnownLogin(ctx, "an", "203.0.113.9"); err != nil || !known {
		t.Fatalf("after 89 days: %v, %v", known, err)
	}
	*now = now.Add(2 * 24 * time.Hour)
	if known, err := st.KnownLogin(ctx, "an", "203.0.113.9"); err != nil || known {
		t.Fatalf("after 91 days: %v, %v", known, err)
	}
}

// Opening a store again finds its migrations done and its rows kept.
func TestReopen(t *testing.T) { sqldbtest.Each(t, testReopen) }

func testReopen(t *testing.T, dsn string) {
	ctx := context.Background()
	if dsn == "" {
		dsn = t.TempDir() + "/hoidap.db"
	}
	var id int64
	for round := range 2 {
		st, err := records.OpenFile(ctx, dsn)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if round == 0 {
			a, err := st.SaveApproved(ctx, records.ApprovedAnswer{Commune: "demo", Question: "Mấy giờ mở cửa?", Answer: "Bảy giờ."})
			if err != nil {
				t.Fatal(err)
			}
			id = a.ID
		} else if a, err := st.Approved(ctx, id); err != nil || a.Answer != "Bảy giờ." {
			t.Errorf("round %d: approved answer %d: %+v, %v", round, id, a, err)
		}
		st.Close()
	}
}
