package knowledge

import (
	"sync/atomic"
	"time"
)

// Indexing yields to residents: while searches are running, or ran
// within busyWindow, an upload is indexed in batches of yieldPassages
// passages, each followed by a pause of yieldFactor times its own
// duration, so that indexing takes at most a third of the time and
// holds both cores (bleve analyses a batch on several goroutines) for a
// few tens of milliseconds at a time. An idle index writes batches of
// maxBatchPassages without a pause.
const (
	busyWindow    = 250 * time.Millisecond
	yieldPassages = 32
	yieldFactor   = 2
	maxYield      = 2 * time.Second // one pause at most, whatever a batch took
)

// pace tells indexing whether residents are searching.
type pace struct {
	inflight atomic.Int64
	last     atomic.Int64 // when the last search ended, in Unix nanoseconds
	// sleep pauses indexing; tests replace it.
	sleep func(time.Duration)
}

func newPace() *pace { return &pace{sleep: time.Sleep} }

// begin and end bracket a search.
func (p *pace) begin() { p.inflight.Add(1) }
func (p *pace) end() {
	p.last.Store(time.Now().UnixNano())
	p.inflight.Add(-1)
}

// busy reports whether a search is running or ended within busyWindow.
func (p *pace) busy() bool {
	return p.inflight.Load() > 0 || time.Since(time.Unix(0, p.last.Load())) < busyWindow
}

// batchPassages is how many passages the next batch may hold.
func (p *pace) batchPassages() int {
	if p.busy() {
		return yieldPassages
	}
	return maxBatchPassages
}

// yield pauses after a batch that took took, when residents are searching.
func (p *pace) yield(took time.Duration) {
	if p.busy() {
		p.sleep(min(yieldFactor*took, maxYield))
	}
}

// Asking marks a resident's request as running until done is called:
// the index's writes yield to it (pace), whether or not it searches (a
// cached search does not reach the index).
func (b *Base) Asking() (done func()) {
	b.index.pace.begin()
	return b.index.pace.end
}
