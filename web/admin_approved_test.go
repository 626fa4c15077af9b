package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// An approved answer keeps the other wordings typed in its form, one a
// line, and shows them on its form and in the list.
func TestApprovedWordingsSavedFromTheForm(t *testing.T) {
	f := mustContentFixture(t)
	o := f.officer
	o.get("/admin/approved/new")
	r := o.post("/admin/approved/new", url.Values{"question": {"Ủy ban xã làm việc mấy giờ?"},
		"wordings": {"xã làm việc giờ nào\r\n\r\n  thứ bảy   xã có mở cửa không \r\nxã làm việc giờ nào"},
		"answer":   {"Sáng 7 giờ 30, chiều 13 giờ 30."}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", r.status, r.body)
	}
	list, err := recordsOf(t, f.kb).ApprovedAnswers(context.Background(), "demo")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range list {
		if a.Question == "Ủy ban xã làm việc mấy giờ?" {
			got = a.Wordings
		}
	}
	if diff := cmp.Diff([]string{"xã làm việc giờ nào", "thứ bảy xã có mở cửa không"}, got); diff != "" {
		t.Errorf("wordings (-want +got):\n%s", diff)
	}
	page := o.get(r.location)
	if !strings.Contains(page.body, "hoặc: thứ bảy xã có mở cửa không") {
		t.Errorf("the list does not show the other wordings")
	}
}
