package chatbot

import (
	"sync"
	"time"
)

// breaker stops calling a failing LLM: after failures in a row it opens
// for cooldown, then lets one call through to try again.
type breaker struct {
	mu       sync.Mutex
	failures int
	max      int
	cooldown time.Duration
	openTill time.Time
	now      func() time.Time
}

func (b *breaker) allow() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.failures < b.max {
		return true
	}
	if b.now().Before(b.openTill) {
		return false
	}
	// Half open: one trial; another failure opens it again.
	b.openTill = b.now().Add(b.cooldown)
	return true
}

func (b *breaker) record(ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if ok {
		b.failures = 0
		return
	}
	b.failures++
	if b.failures >= b.max {
		b.openTill = b.now().Add(b.cooldown)
	}
}

func (b *breaker) state() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.failures >= b.max && b.now().Before(b.openTill) {
		return "open"
	}
	return "closed"
}
