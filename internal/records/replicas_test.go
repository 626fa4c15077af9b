package records_test

import (
	"context"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/places"
	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
)

// Two replicas' stores on one PostgreSQL database: commune details saved
// on one show on the other's lookups, and an approved answer saved on one
// moves the version the other's cached answers are checked against, both
// within 2 s.
func TestReplicasFollowRecords(t *testing.T) {
	ctx := context.Background()
	dsn := sqldbtest.Postgres(t)
	open := func() (*records.Store, *records.Communes) {
		st, err := records.OpenFile(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		dir, err := places.Load()
		if err != nil {
			t.Fatal(err)
		}
		cs, err := records.NewCommunes(ctx, st, dir)
		if err != nil {
			t.Fatal(err)
		}
		return st, cs
	}
	stA, csA := open()
	stB, csB := open()
	saved := records.CommuneDetails{CommuneInfo: records.CommuneInfo{Slug: "thuan-my-tay-ninh", Name: "Xã Thuận Mỹ",
		Province: "Tây Ninh", Address: "Số 5 đường 30/4, ấp Bình Hòa", Hotline: "0276 000 111"}}
	if _, err := csA.Save(ctx, saved); err != nil {
		t.Fatal(err)
	}
	sqldbtest.Eventually(t, 2*time.Second, "commune details saved on A show on B", func() bool {
		c, ok := csB.Lookup("thuan-my-tay-ninh")
		return ok && c.Address == saved.Address
	})

	before, err := stB.ApprovedVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stA.SaveApproved(ctx, records.ApprovedAnswer{Question: "Giờ làm việc?", Answer: "Sáng 7h30.", CreatedBy: "admin"}); err != nil {
		t.Fatal(err)
	}
	sqldbtest.Eventually(t, 2*time.Second, "an approved answer saved on A moves B's version", func() bool {
		v, err := stB.ApprovedVersion(ctx)
		return err == nil && v != before
	})
}
