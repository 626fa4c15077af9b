package chatbot

import (
	"sync"
	"time"

	"github.com/hoidap/hoidap/internal/vntime"
)

// vietnam is the zone a budget day is counted in: it resets at midnight
// in Vietnam (UTC+7), not in UTC.
var vietnam = vntime.Zone

// Budget states, as LLMBudget reports them.
const (
	BudgetUnlimited = "unlimited"
	BudgetOK        = "ok"
	BudgetExhausted = "exhausted"
)

// budget caps the LLM requests and tokens of a Vietnamese calendar day;
// a zero cap is no cap. Past either, answers are extractive.
type budget struct {
	mu               sync.Mutex
	maxReqs, maxToks int
	day              string // "2006-01-02" in Vietnam
	reqs, toks       int
	now              func() time.Time
}

func newBudget(reqs, toks int, now func() time.Time) *budget {
	return &budget{maxReqs: reqs, maxToks: toks, now: now}
}

// roll starts a new day's count when the day has changed. b.mu is held.
func (b *budget) roll() {
	if d := b.now().In(vietnam).Format(time.DateOnly); d != b.day {
		b.day, b.reqs, b.toks = d, 0, 0
	}
}

func (b *budget) exhausted() bool {
	return b.maxReqs > 0 && b.reqs >= b.maxReqs || b.maxToks > 0 && b.toks >= b.maxToks
}

// take reserves one request, or reports false when today's budget is
// spent.
func (b *budget) take() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.roll()
	if b.exhausted() {
		return false
	}
	b.reqs++
	return true
}

// spend counts the tokens of an answer.
func (b *budget) spend(tokens int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.roll()
	b.toks += tokens
}

func (b *budget) state() string {
	if b.maxReqs <= 0 && b.maxToks <= 0 {
		return BudgetUnlimited
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.roll()
	if b.exhausted() {
		return BudgetExhausted
	}
	return BudgetOK
}

// LLMBudget reports today's LLM budget for readiness checks:
// "unlimited" (no cap, or no LLM), "ok", or "exhausted" (answers are
// extractive until midnight in Vietnam).
func (b *Bot) LLMBudget() string {
	if b.llm == nil {
		return BudgetUnlimited
	}
	return b.llm.budget.state()
}
