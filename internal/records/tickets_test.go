package records_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/hoidap/hoidap/internal/fault"
	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
)

func TestTicketLifecycle(t *testing.T) { sqldbtest.Each(t, testTicketLifecycle) }

func testTicketLifecycle(t *testing.T, dsn string) {
	ctx := context.Background()
	st, now := mustStore(t, dsn)
	left, err := st.CreateTicket(ctx, records.Ticket{Commune: "demo", Question: "  Đèn đường thôn 3\nbị hỏng thì báo ai? ",
		Name: " Nguyễn  Văn A ", Phone: "0912 345 678", AnswerID: "0123456789abcdef0123456789ab"})
	if err != nil {
		t.Fatal(err)
	}
	if !records.ValidTicketToken(left.Token) || left.ID == 0 {
		t.Fatalf("created ticket %d with token %q", left.ID, left.Token)
	}
	var stored int
	if err := st.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM tickets WHERE token_hash = ?`, left.Token).Scan(&stored); err != nil || stored != 0 {
		t.Errorf("the private token is stored as it is (%d rows, %v)", stored, err)
	}
	if _, err := st.CreateTicket(ctx, records.Ticket{Commune: "other", Question: "xã khác hỏi"}); err != nil {
		t.Fatal(err)
	}

	got, err := st.TicketByToken(ctx, left.Token)
	if err != nil {
		t.Fatal(err)
	}
	want := records.Ticket{ID: left.ID, Commune: "demo", Question: "Đèn đường thôn 3 bị hỏng thì báo ai?", Name: "Nguyễn Văn A",
		Phone: "0912 345 678", AnswerID: "0123456789abcdef0123456789ab", Status: records.TicketOpen, Created: now.Truncate(time.Second)}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
		t.Errorf("ticket by token (-want +got):\n%s", diff)
	}
	for _, token := range []string{"", "nope", strings.Repeat("0", 32), strings.ToUpper(left.Token)} {
		if _, err := st.TicketByToken(ctx, token); !errors.Is(err, records.ErrNotFound) {
			t.Errorf("token %q: %v, want ErrNotFound", token, err)
		}
	}

	list, err := st.Tickets(ctx, "demo")
	if err != nil || len(list) != 1 || list[0].ID != left.ID {
		t.Fatalf("demo's tickets %+v (%v), want its one", list, err)
	}
	if all, err := st.Tickets(ctx, ""); err != nil || len(all) != 2 {
		t.Errorf("all tickets: %d (%v), want 2", len(all), err)
	}

	*now = now.Add(90 * time.Minute)
	replied, err := st.ReplyTicket(ctx, left.ID, " Báo trưởng thôn 3.\r\n", "can-bo")
	if err != nil {
		t.Fatal(err)
	}
	if replied.Open() || replied.Reply != "Báo trưởng thôn 3." || replied.RepliedBy != "can-bo" || !replied.Replied.Equal(now.Truncate(time.Second)) {
		t.Errorf("replied ticket %+v", replied)
	}
	if _, err := st.ReplyTicket(ctx, left.ID, "  ", "can-bo"); fault.Message(err, "") == "" {
		t.Errorf("empty reply: %v, want a message for the officer", err)
	}
	if _, err := st.ReplyTicket(ctx, 999, "ok", "can-bo"); !errors.Is(err, records.ErrNotFound) {
		t.Errorf("reply to no ticket: %v, want ErrNotFound", err)
	}
	if err := st.MarkTicketApproved(ctx, left.ID, 7); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.Ticket(ctx, left.ID); got.ApprovedID != 7 {
		t.Errorf("approved id %d, want 7", got.ApprovedID)
	}

	// The answered ticket goes after the open ones.
	third, err := st.CreateTicket(ctx, records.Ticket{Commune: "demo", Question: "câu hỏi mới"})
	if err != nil {
		t.Fatal(err)
	}
	list, _ = st.Tickets(ctx, "demo")
	if len(list) != 2 || list[0].ID != third.ID || list[1].ID != left.ID {
		t.Errorf("order %+v: want the open ticket first", list)
	}

	stats, err := st.TicketStats(ctx, records.Range{Commune: "demo"})
	if err != nil {
		t.Fatal(err)
	}
	if want := (records.TicketStats{Open: 1, Answered: 1, MedianReply: 90 * time.Minute}); stats != want {
		t.Errorf("stats %+v, want %+v", stats, want)
	}
}

func TestTicketValidation(t *testing.T) { sqldbtest.Each(t, testTicketValidation) }

func testTicketValidation(t *testing.T, dsn string) {
	ctx := context.Background()
	st, _ := mustStore(t, dsn)
	for _, tc := range []struct {
		name string
		t    records.Ticket
		want string // in the message
	}{
		{"empty question", records.Ticket{Commune: "demo", Question: "  "}, "nhập câu hỏi"},
		{"long question", records.Ticket{Commune: "demo", Question: strings.Repeat("a", 501)}, "500 ký tự"},
		{"long name", records.Ticket{Commune: "demo", Question: "q", Name: strings.Repeat("b", 101)}, "100 ký tự"},
		{"letters for a phone", records.Ticket{Commune: "demo", Question: "q", Phone: "gọi tôi"}, "Số điện thoại"},
		{"too few digits", records.Ticket{Commune: "demo", Question: "q", Phone: "0912 345"}, "Số điện thoại"},
		{"foreign number", records.Ticket{Commune: "demo", Question: "q", Phone: "+1 202 555 0100"}, "Số điện thoại"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := st.CreateTicket(ctx, tc.t)
			if msg := fault.Message(err, ""); !strings.Contains(msg, tc.want) {
				t.Errorf("error %v, want a message with %q", err, tc.want)
			}
		})
	}
	for _, phone := range []string{"0912345678", "+84 912 345 678", "0912.345.678", "028 3822 1234", "84912345678"} {
		if !records.ValidPhone(phone) {
			t.Errorf("%q refused as a phone number", phone)
		}
	}
	if _, err := st.CreateTicket(ctx, records.Ticket{Question: "no commune"}); !errors.Is(err, records.ErrInvalid) {
		t.Errorf("ticket without commune: %v, want ErrInvalid", err)
	}
}

// TestRetainDeletesTickets checks that a ticket, with its phone number,
// is gone after the retention period and a newer one stays.
func TestRetainDeletesTickets(t *testing.T) { sqldbtest.Each(t, testRetainDeletesTickets) }

func testRetainDeletesTickets(t *testing.T, dsn string) {
	ctx := context.Background()
	st, now := mustStore(t, dsn)
	old, err := st.CreateTicket(ctx, records.Ticket{Commune: "demo", Question: "cũ", Phone: "0912345678"})
	if err != nil {
		t.Fatal(err)
	}
	*now = now.AddDate(0, 0, 20)
	recent, err := st.CreateTicket(ctx, records.Ticket{Commune: "demo", Question: "mới", Phone: "0987654321"})
	if err != nil {
		t.Fatal(err)
	}
	*now = now.AddDate(0, 0, 15)
	purged, err := st.Retain(ctx, 30)
	if err != nil {
		t.Fatal(err)
	}
	if purged.Tickets != 1 {
		t.Errorf("purged %+v, want one ticket", purged)
	}
	if _, err := st.TicketByToken(ctx, old.Token); !errors.Is(err, records.ErrNotFound) {
		t.Errorf("old ticket after retention: %v, want ErrNotFound", err)
	}
	if _, err := st.TicketByToken(ctx, recent.Token); err != nil {
		t.Errorf("recent ticket after retention: %v", err)
	}
	var phones int
	if err := st.DB().QueryRowContext(ctx, `SELECT COUNT(*) FROM tickets WHERE phone = '0912345678'`).Scan(&phones); err != nil || phones != 0 {
		t.Errorf("%d rows still hold the old phone number (%v)", phones, err)
	}
}
