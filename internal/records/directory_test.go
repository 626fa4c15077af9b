package records_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/places"
	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
)

func TestOfficePrefersStoredDetails(t *testing.T) { sqldbtest.Each(t, testOfficePrefersStoredDetails) }

func testOfficePrefersStoredDetails(t *testing.T, dsn string) {
	ctx := context.Background()
	st := mustContentStore(t, dsn, time.Unix(1.8e9, 0))
	dir, err := places.Load()
	if err != nil {
		t.Fatal(err)
	}
	demo, err := records.DemoCommune()
	if err != nil {
		t.Fatal(err)
	}
	cs, err := records.NewCommunes(ctx, st, dir)
	if err != nil {
		t.Fatal(err)
	}
	stored := records.CommuneDetails{CommuneInfo: records.CommuneInfo{Slug: "thuan-my-tay-ninh", Name: "Xã Thuận Mỹ",
		Province: "Tây Ninh", Address: "Số 5 đường 30/4, ấp Bình Hòa", Hours: "7h–17h", Hotline: "0276 000 111"}}
	if _, err := cs.Save(ctx, stored); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		slug, wantAddress, wantName string
		ok                          bool
	}{
		{"thuan-my-tay-ninh", "Số 5 đường 30/4, ấp Bình Hòa", "Xã Thuận Mỹ", true},
		{"demo", demo.Address, demo.Name, true},
		{"khong-co-xa-nay", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.slug, func(t *testing.T) {
			c, ok := cs.Office(tt.slug)
			if ok != tt.ok || c.Address != tt.wantAddress || c.Name != tt.wantName {
				t.Errorf("Office(%q) = %+v, %v", tt.slug, c, ok)
			}
		})
	}
	// A directory commune with no stored details: its name, no address.
	slug := dir.Communes()[0].Slug
	if c, ok := cs.Office(slug); !ok || c.Address != "" || !strings.HasPrefix(c.Name, "Trung tâm phục vụ hành chính công") {
		t.Errorf("Office(%q) = %+v, %v", slug, c, ok)
	}
	// A lookup made later reads the stored details from the store.
	again, err := records.NewCommunes(ctx, st, dir)
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := again.Office("thuan-my-tay-ninh"); !ok || c.Address != stored.Address {
		t.Errorf("after reopening: %+v, %v", c, ok)
	}
}
