package chatbot

import (
	"context"
	"strings"
	"testing"

	"github.com/hoidap/hoidap/internal/testcorpus"
)

// An administrator who corrects a procedure's fee sees residents told the
// new fee at once, in the answer and on its source card, though the same
// question was answered (and its answer kept) a moment before.
func TestAnswerFollowsReplacedDocument(t *testing.T) {
	ctx := context.Background()
	kb := testcorpus.Open(t, "")
	bot, err := New(Config{Knowledge: kb})
	if err != nil {
		t.Fatal(err)
	}
	const q = "lệ phí đăng ký khai sinh là bao nhiêu"
	first, err := bot.Reply(ctx, Question{Text: q})
	if err != nil || !first.Done.Grounded || len(first.Sources) == 0 {
		t.Fatalf("first answer: %+v, %v", first, err)
	}
	for range 2 { // asked again: the same answer, now kept
		again, err := bot.Reply(ctx, Question{Text: q})
		if err != nil || again.Answer != first.Answer || again.Sources[0].Fee != first.Sources[0].Fee {
			t.Fatalf("same question, different answer:\n%q\n%q (%v)", first.Answer, again.Answer, err)
		}
	}
	d, err := kb.Document(ctx, first.Sources[0].DocID)
	if err != nil || d.Procedure == nil {
		t.Fatalf("cited document %s: %v", first.Sources[0].DocID, err)
	}
	// The fee of every way to submit, as a corrected record would state it.
	d.Procedure.Fee = "12.345 đồng"
	for i := range d.Procedure.Methods {
		d.Procedure.Methods[i].Fee = "12.345 đồng"
	}
	if err := kb.Ingest(ctx, d); err != nil {
		t.Fatal(err)
	}
	after, err := bot.Reply(ctx, Question{Text: q})
	if err != nil || len(after.Sources) == 0 {
		t.Fatalf("after the change: %+v, %v", after, err)
	}
	if !strings.Contains(after.Answer, "12.345 đồng") {
		t.Errorf("answer after the fee changed does not give it:\n%s", after.Answer)
	}
	if after.Sources[0].DocID == d.ID && !strings.Contains(after.Sources[0].Fee, "12.345 đồng") {
		t.Errorf("source card after the fee changed: %q", after.Sources[0].Fee)
	}
}

// An answer kept for one resident's question is not given to another's
// that meets the same procedure with other words: each class of the
// driving test is told its own fees, asked one after the other.
func TestKeptAnswerIsTheQuestionsOwn(t *testing.T) {
	b, _ := newBot(t, nil, nil)
	car := reply(t, b, Question{Text: "thi bằng lái ô tô hết bao nhiêu tiền", Commune: "demo"}).Answer
	if !strings.Contains(car, "100.000") {
		t.Errorf("the car test's fees are not told:\n%s", car)
	}
	bike := reply(t, b, Question{Text: "thi bang lai xe may A1 het bao nhieu tien phi thi vs le phi cap bang", Commune: "demo"}).Answer
	for _, want := range []string{"60.000", "135.000"} {
		if !strings.Contains(bike, want) {
			t.Errorf("the A1 test's fees lack %s:\n%s", want, bike)
		}
	}
	if strings.Contains(bike, "100.000") {
		t.Errorf("the A1 question is told the car test's fees:\n%s", bike)
	}
}
