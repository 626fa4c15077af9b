// Package chatbot turns a resident's question into a short answer with its
// sources: retrieval, grounding, an extractive answer, or an LLM answer
// streamed from an OpenAI-compatible server with the extractive one as its
// fallback.
package chatbot

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/hoidap/hoidap/internal/places"
	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge"
)

// Errors a caller shows the resident as they are.
var (
	// ErrTooLong means the question has more than MaxQuestion characters.
	ErrTooLong = errors.New("chatbot: question too long")
	// ErrEmpty means the question has no words.
	ErrEmpty = errors.New("chatbot: empty question")
)

// Knowledge is what the chatbot needs of the knowledge base.
type Knowledge interface {
	Search(ctx context.Context, q knowledge.Query) ([]knowledge.Hit, error)
	Document(ctx context.Context, id string) (knowledge.Document, error)
}

// Recorder keeps a record of every answer, for the administrators.
type Recorder interface {
	RecordAnswer(ctx context.Context, r records.AnswerRecord) error
}

// Contact is what residents see of a commune office.
type Contact struct {
	Name, Province, Address, Hours, Hotline string
	MapURL                                  string
}

// Config holds the bot's dependencies and settings. Zero values choose
// sensible defaults; an empty Model means no LLM (extractive answers).
type Config struct {
	Knowledge Knowledge
	Places    *places.Directory // former communes; nil turns that off
	Recorder  Recorder          // nil records nothing
	// CommuneContact returns a commune office's contact by slug.
	CommuneContact func(slug string) (Contact, bool)
	// Approved gives the administrators' approved answers, which are
	// given before retrieval for their question and close paraphrases;
	// nil turns them off.
	Approved ApprovedAnswers

	BaseURL, APIKey, Model string
	FirstToken             time.Duration // no first token by then: extractive; default 5s
	Total                  time.Duration // whole LLM answer; default 25s
	MaxTokens              int           // default 400
	Temperature            float32       // default 0.1
	HTTPClient             *http.Client
	// BreakerFailures failures in a row open the circuit for
	// BreakerCooldown (defaults 3 and 30s).
	BreakerFailures int
	BreakerCooldown time.Duration
	// DailyRequests and DailyTokens cap the LLM's use per Vietnamese
	// calendar day; past either, answers are extractive. 0 is no cap.
	// Tokens are the server's usage, prompt included, or the streamed
	// chunks when it reports none.
	DailyRequests, DailyTokens int
	// Metrics counts answers, LLM calls and fallbacks; nil records nothing.
	Metrics *Metrics

	Sessions   int           // sessions kept; default 10,000
	SessionTTL time.Duration // default 30 minutes

	Now    func() time.Time
	Logger *slog.Logger
}

// Bot answers questions. It is safe for concurrent use.
type Bot struct {
	cfg      Config
	log      *slog.Logger
	llm      *llm // nil without a model
	sessions *sessions
	approved *approvedCache
	gens     Generations // cfg.Knowledge's write count, when it keeps one
	memo     *memo       // what the bot derived from documents, for gens
}

// New checks cfg and builds a bot.
func New(cfg Config) (*Bot, error) {
	if cfg.Knowledge == nil {
		return nil, fmt.Errorf("chatbot: no knowledge base")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&cfg.FirstToken, 5*time.Second)
	def(&cfg.Total, 25*time.Second)
	def(&cfg.BreakerCooldown, 30*time.Second)
	def(&cfg.SessionTTL, 30*time.Minute)
	if cfg.MaxTokens <= 0 {
		cfg.MaxTokens = 400
	}
	if cfg.Temperature <= 0 {
		cfg.Temperature = 0.1
	}
	if cfg.BreakerFailures <= 0 {
		cfg.BreakerFailures = 3
	}
	if cfg.Sessions <= 0 {
		cfg.Sessions = 10000
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{}
	}
	b := &Bot{cfg: cfg, log: cfg.Logger, sessions: newSessions(cfg.Sessions, cfg.SessionTTL, cfg.Now)}
	b.approved = newApprovedCache()
	if g, ok := cfg.Knowledge.(Generations); ok {
		b.gens, b.memo = g, newMemo()
	}
	if cfg.Model != "" {
		b.llm = newLLM(cfg)
	}
	return b, nil
}

// LLMState reports the LLM for readiness checks: "off" (none configured),
// "closed" (in use) or "open" (resting after repeated failures).
func (b *Bot) LLMState() string {
	if b.llm == nil {
		return "off"
	}
	return b.llm.breaker.state()
}

// Question is what a resident asks, from where.
type Question struct {
	Text    string
	Commune string // commune slug of the chat page, "" if none
	Session string // client's session id; "" keeps no context
	Poster  string // poster id the resident came from
	Lang    string // resident's language if known ("vi", "en"), else ""
}

// Source is one cited document with its checklist.
type Source struct {
	N       int    `json:"n"` // the [n] answers cite
	ID      string `json:"id"`
	DocID   string `json:"doc_id"`
	Title   string `json:"title"`
	Section string `json:"section"`
	URL     string `json:"url,omitempty"`
	// Code is the official procedure code when the source is a record of
	// the national portal; Level is the record's level ("Cấp xã", …).
	Code  string `json:"code,omitempty"`
	Level string `json:"level,omitempty"`
	// Explain is this project's plain-words explanation of the
	// procedure, shown as such; never a fee, time, place or paper.
	Explain string   `json:"explain,omitempty"`
	Papers  []string `json:"papers,omitempty"`
	Fee     string   `json:"fee,omitempty"`
	Time    string   `json:"time,omitempty"`
	Where   string   `json:"where,omitempty"`
	Online  string   `json:"online,omitempty"`
}

// Done ends an answer.
type Done struct {
	ID        string `json:"id"`
	Mode      string `json:"mode"` // "llm", "extractive" or "approved"
	Grounded  bool   `json:"grounded"`
	LatencyMS int64  `json:"latency_ms"`
	// Masked says personal numbers were removed from the question.
	Masked bool `json:"masked,omitempty"`
	// Fallback says why an LLM answer was replaced: "error", "timeout",
	// "numbers", "open", "budget" (today's LLM budget is spent); "" when
	// none was.
	Fallback string `json:"fallback,omitempty"`
	Tokens   int    `json:"-"`
}

// Event kinds, the SSE event names.
const (
	EventSource = "source"
	EventDelta  = "delta"
	EventDone   = "done"
)

// Event is one piece of a streamed answer: a Source, a Delta of text, or
// the Done that ends it.
type Event struct {
	Kind   string
	Source *Source
	Delta  string
	Done   *Done
}

// Reply is a whole answer, for callers that do not stream.
type Reply struct {
	Done
	Answer  string   `json:"answer"`
	Sources []Source `json:"sources"`
}

// Reply answers q and returns the whole answer at once.
func (b *Bot) Reply(ctx context.Context, q Question) (Reply, error) {
	var r Reply
	r.Sources = []Source{}
	done, text, err := b.answer(ctx, q, func(e Event) error {
		if e.Kind == EventSource {
			r.Sources = append(r.Sources, *e.Source)
		}
		return nil
	})
	r.Done, r.Answer = done, text
	return r, err
}

// newID returns an answer's id: the time in milliseconds (48 bits), then
// 64 random bits, in hex. Ids made later sort later, so the store adds
// each answer at the end of its primary-key index instead of rewriting a
// random page of it, which under load cost a disk read and a WAL page per
// answer; the random half keeps ids unguessable.
func newID() string {
	var b [14]byte
	binary.BigEndian.PutUint64(b[:8], uint64(time.Now().UnixMilli())<<16)
	_, _ = rand.Read(b[6:])
	return hex.EncodeToString(b[:])
}
