package chatbot

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// respellLead is how many times the best score of a question read with
// its sound-alikes respelled must be the best as typed for the reading to
// win when both find a procedure.
const respellLead = 1.8

// closeSecond is how near the second document's score must come to the
// first's to be mentioned.
const closeSecond = 0.85

// maskedNote tells the resident, gently, that personal numbers were removed.
const maskedNote = "Lưu ý: để bảo vệ thông tin cá nhân, bạn không cần gửi số căn cước, số điện thoại hay mã số bảo hiểm ở đây; hệ thống đã ẩn các số đó.\n\n"

// plan is what the bot found for a question before it writes.
type plan struct {
	// said holds the answer's text as kept and returned; emit sends an
	// event to the resident without keeping it.
	said *bytes.Buffer
	emit func(Event) error

	both   bool     // the question asks two procedures: docs[1] is answered too
	q      Question // masked; for an English question, in the records' words
	asked  string   // the question as the resident asked it, masked
	padded string   // q.Text folded, between spaces (fold)
	// grounding judges hits for q.Text.
	grounding *grounding
	masked    bool
	intents   []intent
	grounded  bool
	docs      []knowledge.Document // cited, best first
	hits      []knowledge.Hit      // the hit of each cited document
	found     []knowledge.Hit      // every hit of the question, cited or not
	// records holds, for each cited document that is an upload, the
	// official record it must agree with (recordOf), or nil.
	records  []*knowledge.Procedure
	history  []turn
	approved string // source id of the approved answer given, if one was
	gen      uint64 // the knowledge base's write count before any document was read
}

// Answer answers q, calling emit with each source, then the text in
// pieces, then done. It returns ErrTooLong or ErrEmpty for a question it
// will not answer, and an error from emit (a client gone) as is.
func (b *Bot) Answer(ctx context.Context, q Question, emit func(Event) error) (Done, error) {
	done, _, err := b.answer(ctx, q, emit)
	return done, err
}

// answer is Answer that also returns the answer's whole text.
func (b *Bot) answer(ctx context.Context, q Question, emit func(Event) error) (Done, string, error) {
	start := b.cfg.Now()
	text := strings.TrimSpace(q.Text)
	if utf8.RuneCountInString(text) > MaxQuestion {
		return Done{}, "", ErrTooLong
	}
	if len(vietnamese.Words(text)) == 0 {
		return Done{}, "", ErrEmpty
	}
	p := plan{q: q}
	p.q.Text, p.masked = Mask(text)
	p.asked = p.q.Text
	// "hợp đồg", "chứg thực": a syllable that cannot be Vietnamese as
	// typed is read as the one it must be.
	p.q.Text = vietnamese.MendTyping(p.q.Text)
	// An English question is asked of the records in their own words and
	// answered in English.
	if vi, ok := englishQuestion(p.q.Text); ok {
		if p.q.Lang == "" {
			p.q.Lang = "en"
		}
		if vi != "" {
			p.q.Text = vi
		}
	}
	p.padded = fold(p.q.Text)
	p.grounding = newGrounding(p.q.Text, p.padded)
	p.history = b.sessions.turns(q.Session)
	done := Done{ID: newID(), Mode: "extractive", Masked: p.masked}
	var answer bytes.Buffer
	answer.Grow(2048) // most answers are shorter: one allocation
	out := func(e Event) error {
		if e.Kind == EventDelta {
			answer.WriteString(e.Delta)
		}
		return emit(e)
	}
	p.said, p.emit = &answer, emit
	if p.masked {
		if err := out(Event{Kind: EventDelta, Delta: maskedNote}); err != nil {
			return done, answer.String(), err
		}
	}

	var err error
	if handled, aerr := b.answerApproved(ctx, &p, &done, out); aerr != nil || handled {
		done.Grounded, err = handled, aerr
	} else if handled, perr := b.answerPlace(ctx, &p, &done, out); perr != nil || handled {
		done.Grounded, err = handled, perr
	} else if handled, oerr := b.answerOffice(ctx, &p, &done, out); oerr != nil || handled {
		done.Grounded, err = handled && len(p.docs) > 0, oerr
	} else if err = b.retrieve(ctx, &p); err == nil {
		done.Grounded = p.grounded
		switch {
		case !p.grounded:
			err = out(Event{Kind: EventDelta, Delta: b.notGrounded(&p)})
		default:
			err = b.answerGrounded(ctx, &p, &done, out)
		}
	}
	if err != nil {
		return done, answer.String(), err
	}
	done.LatencyMS = b.cfg.Now().Sub(start).Milliseconds()
	b.cfg.Metrics.answer(done.Mode, done.Grounded)
	said := answer.String()
	b.remember(ctx, p, done, said)
	return done, said, out(Event{Kind: EventDone, Done: &done})
}

// retrieve searches for the question, carrying the session's topic into a
// follow-up that has none of its own.
func (b *Bot) retrieve(ctx context.Context, p *plan) error {
	if b.gens != nil {
		p.gen = b.gens.Generation()
	}
	p.intents = detectIntents(intentPadded(p.q.Text, p.padded))
	hits, err := b.cfg.Knowledge.Search(ctx, knowledge.Query{Text: p.q.Text, Commune: p.q.Commune, Limit: 3})
	if err != nil {
		return fmt.Errorf("chatbot: search: %w", err)
	}
	hits = topicalFirst(p.padded, hits)
	p.grounded = p.grounding.grounded(hits)
	if !p.grounding.blocked {
		// A word misheard or misspelt as its sound-alike ("kết hôm", "tạm
		// chú") is read as the title's word it sounds like: when the
		// question as typed finds nothing, or far less than read so
		// ("chứng thực bản xao" is a certified copy, not a transaction's).
		h2, err := b.cfg.Knowledge.Search(ctx, knowledge.Query{Text: p.q.Text, Commune: p.q.Commune, Limit: 3, Respell: true})
		if err != nil {
			return fmt.Errorf("chatbot: search: %w", err)
		}
		if h2 = topicalFirst(p.padded, h2); p.grounding.grounded(h2) && (!p.grounded || h2[0].Score >= respellLead*hits[0].Score) {
			hits, p.grounded = h2, true
		}
	}
	if last := lastTopic(p.history); last != nil && !p.grounding.blocked {
		ownTopic := topical(vietnamese.ContentWords(p.q.Text))
		switch {
		case !ownTopic:
			// "còn lệ phí thì sao?": the previous document, this intent.
			if d, err := b.cfg.Knowledge.Document(ctx, last.DocID); err == nil {
				p.grounded = true
				p.docs = []knowledge.Document{d}
				p.hits = []knowledge.Hit{{DocID: d.ID, PassageID: d.ID + "#0", Title: d.Title, Kind: d.Kind, URL: d.URL}}
				return nil
			}
		case !p.grounded:
			// A follow-up that names a procedure of its own ("còn đăng ký
			// kết hôn thì sao?") switches to it; one that names none is
			// read with the question before it.
			both := last.Question + " " + p.q.Text
			h2, err := b.cfg.Knowledge.Search(ctx, knowledge.Query{Text: both, Commune: p.q.Commune, Limit: 3})
			if err != nil {
				return fmt.Errorf("chatbot: search: %w", err)
			}
			if Grounded(both, h2) {
				hits, p.grounded = h2, true
			}
		}
	}
	if !p.grounded {
		return nil
	}
	return b.load(ctx, p, hits)
}

// load reads the best document and a close second one.
func (b *Bot) load(ctx context.Context, p *plan, hits []knowledge.Hit) error {
	p.found = hits
	if hs, both := b.bothAsked(ctx, p, hits); hs != nil {
		// Two procedures in one question: both answered, or the one
		// that links them.
		p.both, hits = both, hs
	}
	for i, h := range hits {
		if i == 2 || i == 1 && !p.both && (h.Score < closeSecond*hits[0].Score || !p.grounding.grounded(hits[1:2])) {
			break
		}
		d, err := b.cfg.Knowledge.Document(ctx, h.DocID)
		if err != nil {
			return fmt.Errorf("chatbot: document %s: %w", h.DocID, err)
		}
		p.docs = append(p.docs, d)
		p.hits = append(p.hits, h)
	}
	return nil
}

// answerGrounded emits the sources, then the LLM's answer or the
// extractive one.
func (b *Bot) answerGrounded(ctx context.Context, p *plan, done *Done, out func(Event) error) error {
	sources := make([]Source, len(p.docs))
	for i, d := range p.docs {
		section := ""
		if i == 0 && d.Procedure != nil && p.intents[0] != intentGeneral {
			section = string(p.intents[0])
			if p.intents[0] == intentOnline {
				section = knowledge.SectionSubmit
			}
		}
		sources[i] = b.source(p, i, section)
		if err := out(Event{Kind: EventSource, Source: &sources[i]}); err != nil {
			return err
		}
	}
	var second *knowledge.Document
	if len(p.docs) > 1 {
		second = &p.docs[1]
	}
	p.records = make([]*knowledge.Procedure, len(p.docs))
	for i, d := range p.docs {
		p.records[i] = recordOf(ctx, b.cfg.Knowledge, d, p.found)
	}
	return b.speak(ctx, p, done, b.extractive(ctx, p, second), out)
}

// view is what p's answer depends on besides its documents: the day, the
// commune office, the language.
func (b *Bot) view(p *plan) view {
	v := view{today: b.cfg.Now().In(vietnam), lang: p.q.Lang}
	v.contact, v.office = b.contact(p.q.Commune)
	return v
}

// source is sourceOf the i-th cited document, its card derived once per
// generation of the knowledge base.
func (b *Bot) source(p *plan, i int, section string) Source {
	d, hit := p.docs[i], p.hits[i]
	v := b.view(p)
	if b.memo == nil {
		return sourceOf(i+1, d, hit, section, v)
	}
	key := viewKey(d.ID, v)
	s, ok := b.memo.card(p.gen, key)
	if !ok {
		s = sourceOf(0, d, knowledge.Hit{}, "", v)
		b.memo.putCard(p.gen, key, s)
	}
	s.N, s.ID, s.Section = i+1, hit.PassageID, hit.Section
	if section != "" {
		s.Section = section
	}
	return s
}

// extractive is the extractive answer from p's documents; a procedure's,
// which does not depend on the question's words, is written once per
// generation of the knowledge base.
func (b *Bot) extractive(ctx context.Context, p *plan, second *knowledge.Document) string {
	best := p.docs[0]
	v := b.view(p)
	if len(p.records) > 0 {
		v.record = p.records[0]
	}
	if best.Procedure == nil {
		return extractive(p.q.Text, p.intents, best, p.hits[0], second, p.both, "", v)
	}
	facts := b.recordFacts(p, best)
	detail := pickDetail(p.q.Text, best.Title, facts.sentences)
	if b.memo == nil {
		return extractive(p.q.Text, p.intents, best, p.hits[0], second, p.both, detail, v)
	}
	secondID := ""
	if second != nil {
		secondID = second.ID
	}
	// The answer depends on the question's words (the sentence it quotes,
	// the case of papers it picks, the kind of fee it names…): it is kept
	// for the same question, however typed.
	key := textKey(viewKey(best.ID, v), secondID, p.intents) + "\x00" + foldedWords(p.q.Text) + "\x00" + strconv.FormatBool(p.both)
	if t, ok := b.memo.text(p.gen, key); ok {
		return t
	}
	t := extractive(p.q.Text, p.intents, best, p.hits[0], second, p.both, detail, v)
	b.memo.putText(p.gen, key, t)
	return t
}

// recordFacts is what answers read of d's record whatever the question,
// derived once per generation of the knowledge base: splitting a record
// into sentences and cases costs more than the rest of an answer.
func (b *Bot) recordFacts(p *plan, d knowledge.Document) *recordFacts {
	if b.memo == nil {
		return factsOf(d.Procedure)
	}
	f, ok := b.memo.record(p.gen, d.ID)
	if !ok {
		f = factsOf(d.Procedure)
		b.memo.putRecord(p.gen, d.ID, f)
	}
	return f
}

// speak writes the LLM's answer from p's documents, or fallback, the
// extractive answer, when there is no LLM or it fails.
func (b *Bot) speak(ctx context.Context, p *plan, done *Done, fallback string, out func(Event) error) error {
	if b.llm == nil {
		return emitLines(fallback, out)
	}
	start := p.said.Len()
	res := b.llm.answer(ctx, p, b.view(p), out)
	done.Tokens = res.tokens
	if res.err != nil {
		return res.err
	}
	if res.fallback == "" {
		done.Mode = "llm"
		return nil
	}
	done.Fallback = res.fallback
	b.log.Warn("llm answer replaced by extractive", slog.String("reason", res.fallback), slog.String("answer_id", done.ID))
	// What the LLM said before the check failed is neither returned as
	// the answer nor kept in its record; a streaming resident has seen
	// it, and is told what follows is the sources' word.
	p.said.Truncate(start)
	if res.shown {
		if err := p.emit(Event{Kind: EventDelta, Delta: "\n\nThông tin chính xác từ nguồn:\n"}); err != nil {
			return err
		}
	}
	return emitLines(fallback, out)
}

// emitLines sends text a line at a time, so a phone shows the first line
// while the rest arrives.
func emitLines(text string, out func(Event) error) error {
	for text != "" {
		i := strings.IndexByte(text, '\n') + 1
		if i == 0 {
			i = len(text)
		}
		if err := out(Event{Kind: EventDelta, Delta: text[:i]}); err != nil {
			return err
		}
		text = text[i:]
	}
	return nil
}

// remember keeps the turn in the session and records the answer.
func (b *Bot) remember(ctx context.Context, p plan, done Done, answer string) {
	t := turn{Question: p.q.Text, Answer: answer, Intents: p.intents}
	var ids []string
	for _, d := range p.docs {
		ids = append(ids, d.ID)
	}
	if done.Grounded && len(ids) > 0 && ids[0] != placesID && !strings.HasPrefix(ids[0], officeID) { // neither is a document
		t.DocID = ids[0]
	}
	if p.approved != "" { // recorded, but never a follow-up's topic
		ids = append(ids, p.approved)
	}
	b.sessions.add(p.q.Session, t)
	if b.cfg.Recorder == nil {
		return
	}
	rec := records.AnswerRecord{ID: done.ID, Session: p.q.Session, Commune: p.q.Commune, Poster: p.q.Poster,
		Question: p.asked, Answer: answer, Mode: done.Mode, Grounded: done.Grounded, Sources: ids,
		LatencyMS: done.LatencyMS, Tokens: done.Tokens, Created: b.cfg.Now()}
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := b.cfg.Recorder.RecordAnswer(rctx, rec); err != nil {
		b.log.Error("record answer", slog.String("answer_id", done.ID), slog.Any("error", err))
	}
}

// minTopicalShare is the least share of the best hit's score at which a
// procedure whose name says what the question asks comes before it.
const minTopicalShare = 0.5

// topicalFirst puts first the procedure whose title the question says
// from its start ("chứng thực chữ ký …") when the best hit is a procedure
// that its name does not say (knowledge.Hit.Topical) and scores less than
// twice as well: a long record that holds every word of "chứng thực chữ
// ký … để nộp cho công ty, ra Ủy ban nhân dân xã … mang theo giấy tờ
// gì" (a company's registration) is not what it asks; the signature's
// certification is. A question the best hit does not name and no title
// opens is left to be declined.
func topicalFirst(padded string, hits []knowledge.Hit) []knowledge.Hit {
	if len(hits) < 2 || hits[0].Topical || hits[0].Kind != knowledge.KindProcedure {
		return hits
	}
	for i, h := range hits[1:] {
		if h.Topical && h.Kind == knowledge.KindProcedure && h.Score >= minTopicalShare*hits[0].Score && opensWith(padded, h.Title) {
			out := append([]knowledge.Hit{h}, hits[:i+1]...)
			return append(out, hits[i+2:]...)
		}
	}
	return hits
}

// opensWith reports a question (folded, padded) that says the first
// three words of a title (without its "Thủ tục").
func opensWith(padded, title string) bool {
	words := strings.Fields(strings.TrimPrefix(strings.TrimSpace(fold(title)), "thu tuc "))
	if len(words) < 3 {
		return false
	}
	return strings.Contains(padded, " "+strings.Join(words[:3], " ")+" ")
}
