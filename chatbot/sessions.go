package chatbot

import (
	"container/list"
	"sync"
	"time"
)

// maxTurns is how many recent turns of a session are kept.
const maxTurns = 4

// turn is one question and answer of a session, masked.
type turn struct {
	Question string
	Answer   string
	DocID    string // best document, "" when not grounded
	Intents  []intent
}

type session struct {
	id    string
	turns []turn
	seen  time.Time
}

// sessions keeps the last turns of recent sessions in memory: at most max
// sessions, each forgotten ttl after its last question, least recently
// used first when full.
type sessions struct {
	mu   sync.Mutex
	max  int
	ttl  time.Duration
	now  func() time.Time
	lru  *list.List // of *session, most recent at the front
	byID map[string]*list.Element
}

func newSessions(max int, ttl time.Duration, now func() time.Time) *sessions {
	return &sessions{max: max, ttl: ttl, now: now, lru: list.New(), byID: map[string]*list.Element{}}
}

// turns returns a copy of the session's recent turns.
func (s *sessions) turns(id string) []turn {
	if id == "" {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	el, ok := s.byID[id]
	if !ok {
		return nil
	}
	se := el.Value.(*session)
	if s.now().Sub(se.seen) > s.ttl {
		s.lru.Remove(el)
		delete(s.byID, id)
		return nil
	}
	return append([]turn(nil), se.turns...)
}

// add appends t to the session, creating it if needed.
func (s *sessions) add(id string, t turn) {
	if id == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	el, ok := s.byID[id]
	if !ok {
		el = s.lru.PushFront(&session{id: id})
		s.byID[id] = el
	}
	se := el.Value.(*session)
	se.seen = now
	se.turns = append(se.turns, t)
	if len(se.turns) > maxTurns {
		se.turns = se.turns[len(se.turns)-maxTurns:]
	}
	s.lru.MoveToFront(el)
	for s.lru.Len() > s.max {
		last := s.lru.Back()
		s.lru.Remove(last)
		delete(s.byID, last.Value.(*session).id)
	}
	for last := s.lru.Back(); last != nil && now.Sub(last.Value.(*session).seen) > s.ttl; last = s.lru.Back() {
		s.lru.Remove(last)
		delete(s.byID, last.Value.(*session).id)
	}
}
