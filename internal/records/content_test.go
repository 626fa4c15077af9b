package records_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
)

// mustContentStore opens the store of dsn (see sqldbtest.Each) whose
// clock reads now.
func mustContentStore(tb testing.TB, dsn string, now time.Time) *records.Store {
	tb.Helper()
	st, err := records.OpenFile(context.Background(), dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	st.Now = func() time.Time { return now }
	return st
}

func TestCommuneDetails(t *testing.T) { sqldbtest.Each(t, testCommuneDetails) }

func testCommuneDetails(t *testing.T, dsn string) {
	ctx := context.Background()
	st := mustContentStore(t, dsn, time.Unix(1.8e9, 0))
	if _, ok, err := st.CommuneDetails(ctx, "thuan-my-tay-ninh"); err != nil || ok {
		t.Fatalf("before saving: ok %v, err %v; want none", ok, err)
	}
	d := records.CommuneDetails{CommuneInfo: records.CommuneInfo{
		Slug: "thuan-my-tay-ninh", Name: " Xã Thuận Mỹ ", Province: "Tây Ninh", Address: "Ấp 3, xã Thuận Mỹ",
		Hours: "7:30–17:00", Hotline: "0272 3 123 456", MapURL: "https://maps.example/thuan-my",
		Former: []string{"Xã Thanh Phú Long", "", "xã thanh phú long", "Xã Thuận Mỹ  cũ"},
	}, UpdatedBy: "officer"}
	if _, err := st.SaveCommune(ctx, d); err != nil {
		t.Fatal(err)
	}
	got, ok, err := st.CommuneDetails(ctx, d.Slug)
	if err != nil || !ok {
		t.Fatalf("after saving: ok %v, err %v", ok, err)
	}
	if got.Name != "Xã Thuận Mỹ" || got.Custom || got.UpdatedBy != "officer" || !got.Updated.Equal(time.Unix(1.8e9, 0)) {
		t.Errorf("saved %+v", got)
	}
	if diff := cmp.Diff([]string{"Xã Thanh Phú Long", "Xã Thuận Mỹ cũ"}, got.Former); diff != "" {
		t.Errorf("former names (-want +got):\n%s", diff)
	}

	t.Run("custom commune", func(t *testing.T) {
		c := records.CommuneDetails{CommuneInfo: records.CommuneInfo{Slug: "xa-moi", Name: "Xã Mới", Province: "Tây Ninh"}}
		if _, err := st.CreateCommune(ctx, c); err != nil {
			t.Fatal(err)
		}
		if _, err := st.CreateCommune(ctx, c); !errors.Is(err, records.ErrInvalid) {
			t.Errorf("second create: %v, want ErrInvalid", err)
		}
		c.Hours = "8:00–16:00"
		if _, err := st.SaveCommune(ctx, c); err != nil { // Custom false: stays custom
			t.Fatal(err)
		}
		all, err := st.StoredCommunes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 2 || all[1].Slug != "xa-moi" || !all[1].Custom || all[1].Hours != "8:00–16:00" {
			t.Errorf("stored communes %+v", all)
		}
	})

	for _, bad := range []records.CommuneDetails{
		{CommuneInfo: records.CommuneInfo{Slug: "Xa-Moi", Name: "x"}},
		{CommuneInfo: records.CommuneInfo{Slug: "xa--moi", Name: "x"}},
		{CommuneInfo: records.CommuneInfo{Slug: "../etc", Name: "x"}},
		{CommuneInfo: records.CommuneInfo{Slug: "xa-moi-2", Name: "  "}},
		{CommuneInfo: records.CommuneInfo{Slug: "xa-moi-2", Name: "x", MapURL: "javascript:alert(1)"}},
	} {
		t.Run("refuses "+bad.Slug+" "+bad.MapURL, func(t *testing.T) {
			if _, err := st.SaveCommune(ctx, bad); !errors.Is(err, records.ErrInvalid) {
				t.Errorf("got %v, want ErrInvalid", err)
			}
		})
	}
}

func TestPosters(t *testing.T) { sqldbtest.Each(t, testPosters) }

func testPosters(t *testing.T, dsn string) {
	ctx := context.Background()
	st := mustContentStore(t, dsn, time.Unix(1.8e9, 0))
	a, err := st.CreatePoster(ctx, "demo", "  bảng tin   UBND ", "officer")
	if err != nil {
		t.Fatal(err)
	}
	b, err := st.CreatePoster(ctx, "demo", "nhà văn hóa thôn 3", "officer")
	if err != nil {
		t.Fatal(err)
	}
	if a.ID == b.ID || len(a.ID) != 8 || a.Name != "bảng tin UBND" {
		t.Errorf("posters %+v %+v", a, b)
	}
	if _, err := st.CreatePoster(ctx, "demo", " ", "officer"); !errors.Is(err, records.ErrInvalid) {
		t.Errorf("unnamed poster: %v", err)
	}
	if err := st.RenamePoster(ctx, "demo", b.ID, "nhà văn hóa thôn 4"); err != nil {
		t.Fatal(err)
	}
	if err := st.RenamePoster(ctx, "other", b.ID, "stolen"); !errors.Is(err, records.ErrNotFound) {
		t.Errorf("rename through another commune: %v, want ErrNotFound", err)
	}
	if _, err := st.Poster(ctx, "other", a.ID); !errors.Is(err, records.ErrNotFound) {
		t.Errorf("poster through another commune: %v, want ErrNotFound", err)
	}
	if err := st.DeletePoster(ctx, "demo", a.ID); err != nil {
		t.Fatal(err)
	}
	got, err := st.Posters(ctx, "demo")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != b.ID || got[0].Name != "nhà văn hóa thôn 4" {
		t.Errorf("posters after rename and delete: %+v", got)
	}
	if err := st.DeletePoster(ctx, "demo", a.ID); !errors.Is(err, records.ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
}

func TestApprovedAnswers(t *testing.T) { sqldbtest.Each(t, testApprovedAnswers) }

func testApprovedAnswers(t *testing.T, dsn string) {
	ctx := context.Background()
	st := mustContentStore(t, dsn, time.Unix(1.8e9, 0))
	save := func(a records.ApprovedAnswer) records.ApprovedAnswer {
		t.Helper()
		got, err := st.SaveApproved(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	v0, err := st.ApprovedVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	prov := save(records.ApprovedAnswer{Question: "Giờ làm việc của trung tâm?", Answer: "Từ thứ Hai đến thứ Sáu.", CreatedBy: "admin"})
	own := save(records.ApprovedAnswer{Commune: "demo", Question: "Xin  giấy xác nhận ở đâu", Answer: "Tầng 1.\r\nQuầy 2."})
	save(records.ApprovedAnswer{Commune: "other", Question: "Hỏi gì đó", Answer: "Của xã khác"})
	if own.Question != "Xin giấy xác nhận ở đâu" || own.Answer != "Tầng 1.\nQuầy 2." {
		t.Errorf("saved %+v", own)
	}
	got, err := st.ApprovedAnswers(ctx, "demo")
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, a := range got {
		ids = append(ids, a.ID)
	}
	if diff := cmp.Diff([]int64{own.ID, prov.ID}, ids); diff != "" {
		t.Errorf("answers for demo: own first, then province-wide, never another commune's (-want +got):\n%s", diff)
	}
	own.Commune = "other" // ignored: an answer never moves
	own.Answer = "Tầng 2."
	if own = save(own); own.Commune != "demo" || own.Answer != "Tầng 2." {
		t.Errorf("updated %+v", own)
	}
	v1, _ := st.ApprovedVersion(ctx)
	if err := st.DeleteApproved(ctx, own.ID); err != nil {
		t.Fatal(err)
	}
	if v2, _ := st.ApprovedVersion(ctx); v1 == v0 || v2 == v1 {
		t.Errorf("versions %d, %d, %d: every change must bump it", v0, v1, v2)
	}
	if _, err := st.Approved(ctx, own.ID); !errors.Is(err, records.ErrNotFound) {
		t.Errorf("deleted answer: %v", err)
	}
	if _, err := st.SaveApproved(ctx, records.ApprovedAnswer{Question: "q"}); !errors.Is(err, records.ErrInvalid) {
		t.Errorf("no answer: %v", err)
	}
	all, err := st.AllApproved(ctx)
	if err != nil || len(all) != 2 {
		t.Errorf("all approved: %d, %v", len(all), err)
	}
}
