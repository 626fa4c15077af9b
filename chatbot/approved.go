package chatbot

import (
	"context"
	"log/slog"
	"strconv"
	"sync"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// ApprovedAnswers gives the answers administrators wrote that apply in a
// commune: its own and the province-wide ones (Commune "").
type ApprovedAnswers interface {
	ApprovedAnswers(ctx context.Context, commune string) ([]records.ApprovedAnswer, error)
}

// An approved answer is given when the question holds nearly all of the
// approved question's content words (recall) and adds few of its own
// (precision), both weighted. Tuned in approved_test.go on paraphrases,
// unaccented typing and near misses that differ by one word ("khai sinh"
// against "khai tử").
const (
	approvedRecall    = 0.85
	approvedPrecision = 0.7
	// weakWeight is the weight of words that say little about which
	// question it is: filler that folds like a title word ("can" of cần
	// and căn) and words every question about the office has.
	weakWeight = 0.3
)

// weakWords are folded content words too common in questions to tell
// them apart: "giấy", "của xã", "giấy tờ", "tại", "về".
var weakWords = map[string]bool{"giay": true, "cua": true, "xa": true, "phuong": true, "tai": true, "ve": true, "to": true, "thi": true, "hien": true}

// ProvinceCentre names who answers when an approved answer is province-wide.
const ProvinceCentre = "Trung tâm phục vụ hành chính công"

// wordSet is a question's content words with their weights, and the
// words the dictionary implies ("làm giấy khai sinh" implies "đăng ký
// khai sinh"), so paraphrases in other everyday words still match.
type wordSet struct {
	w       map[string]float64
	implied map[string]bool
	total   float64
}

// sameOffice reads "ủy ban xã", "UBND xã", "ủy ban nhân dân xã" and "xã"
// as one place, the commune's office: it folds the names of the office in folded content
// words to "xa": "uy ban xa" and "ubnd" become "xa", so "xã làm việc giờ
// nào" and "ủy ban xã làm việc mấy giờ" hold the same words. Only the
// run "uy ban" (with "nhan dan" after it) and "ubnd" are read so: "bản
// sao" or "nhân dân" alone stay what they are.
func sameOffice(words []string) []string {
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		w := words[i]
		run := 0
		switch {
		case w == "ubnd":
			run = 1
		case w == "uy" && i+1 < len(words) && words[i+1] == "ban":
			run = 2
			if i+3 < len(words) && words[i+2] == "nhan" && words[i+3] == "dan" {
				run = 4
			}
		}
		if run == 0 {
			out = append(out, w)
			continue
		}
		i += run - 1
		if next := i + 1; next < len(words) && (words[next] == "xa" || words[next] == "phuong") {
			continue // "ủy ban xã": the "xã" that follows says it
		}
		out = append(out, "xa")
	}
	return out
}

func newWordSet(question string, dict *vietnamese.Dictionary) wordSet {
	ws := wordSet{w: map[string]float64{}, implied: map[string]bool{}}
	for _, word := range sameOffice(vietnamese.ContentWords(question)) {
		if _, ok := ws.w[word]; ok {
			continue
		}
		weight := 1.0
		if weakWords[word] || vietnamese.IsStopword(word) {
			weight = weakWeight
		}
		ws.w[word] = weight
		ws.total += weight
	}
	if dict != nil {
		for _, phrase := range dict.Expand(question) {
			for _, word := range sameOffice(vietnamese.ContentWords(phrase)) {
				if _, own := ws.w[word]; !own {
					ws.implied[word] = true
				}
			}
		}
	}
	return ws
}

func (ws wordSet) has(word string) bool {
	_, own := ws.w[word]
	return own || ws.implied[word]
}

// similarity returns how well q matches the approved question a: the
// weighted share of a's words that q says or implies (recall) and of q's
// words that a says or implies (precision), and whether both pass.
func similarity(q, a wordSet) (float64, bool) {
	if q.total == 0 || a.total == 0 {
		return 0, false
	}
	inQ, inA := 0.0, 0.0
	for w, weight := range a.w {
		if q.has(w) {
			inQ += weight
		}
	}
	for w, weight := range q.w {
		if a.has(w) {
			inA += weight
		}
	}
	recall, precision := inQ/a.total, inA/q.total
	if recall < approvedRecall || precision < approvedPrecision {
		return 0, false
	}
	return 2 * recall * precision / (recall + precision), true
}

// ApprovedMatcher tells which approved answer the bot gives to a
// question; the admin pages use it to show which questions an approved
// answer already covers. Make one and keep it: it holds the dictionary.
type ApprovedMatcher struct{ dict *vietnamese.Dictionary }

// NewApprovedMatcher returns a matcher with the embedded dictionary.
func NewApprovedMatcher() *ApprovedMatcher {
	return &ApprovedMatcher{dict: vietnamese.DefaultDictionary()}
}

// Match returns the answer of answers that the bot gives to the (masked)
// question asked in commune, if any.
func (m *ApprovedMatcher) Match(question, commune string, answers []records.ApprovedAnswer) (records.ApprovedAnswer, bool) {
	list := make([]prepared, len(answers))
	for i, a := range answers {
		list[i] = prepare(a, m.dict)
	}
	return bestApproved(newWordSet(question, m.dict), commune, list)
}

// approvedVersion is implemented by sources of approved answers that can
// tell cheaply whether any changed (knowledge.Store does); the bot then
// keeps each commune's answers, analysed, until the version moves.
type approvedVersion interface {
	ApprovedVersion(ctx context.Context) (int64, error)
}

// maxCachedCommunes bounds the cache: the commune of a question comes
// from the client.
const maxCachedCommunes = 4096

// approvedCache keeps the approved answers of communes with their word
// sets, so matching costs one version check and set lookups.
type approvedCache struct {
	once    sync.Once
	matcher *ApprovedMatcher // made at first use: parsing the dictionary takes milliseconds
	mu      sync.Mutex
	version int64
	lists   map[string][]prepared
}

// prepared is an approved answer with its question and other wordings
// analysed.
type prepared struct {
	records.ApprovedAnswer
	sets []wordSet
}

func prepare(a records.ApprovedAnswer, dict *vietnamese.Dictionary) prepared {
	p := prepared{ApprovedAnswer: a}
	for _, q := range a.Questions() {
		p.sets = append(p.sets, newWordSet(q, dict))
	}
	return p
}

func newApprovedCache() *approvedCache { return &approvedCache{lists: map[string][]prepared{}} }

// approvedFor returns the analysed approved answers that apply in commune.
func (b *Bot) approvedFor(ctx context.Context, commune string) ([]prepared, error) {
	c := b.approved
	c.once.Do(func() { c.matcher = NewApprovedMatcher() })
	av, versioned := b.cfg.Approved.(approvedVersion)
	var version int64
	if versioned {
		v, err := av.ApprovedVersion(ctx)
		if err != nil {
			return nil, err
		}
		version = v
		c.mu.Lock()
		if c.version != version || len(c.lists) > maxCachedCommunes {
			c.version, c.lists = version, map[string][]prepared{}
		}
		list, ok := c.lists[commune]
		c.mu.Unlock()
		if ok {
			return list, nil
		}
	}
	raw, err := b.cfg.Approved.ApprovedAnswers(ctx, commune)
	if err != nil {
		return nil, err
	}
	list := make([]prepared, len(raw))
	for i, a := range raw {
		list[i] = prepare(a, c.matcher.dict)
	}
	if versioned {
		c.mu.Lock()
		if c.version == version {
			c.lists[commune] = list
		}
		c.mu.Unlock()
	}
	return list, nil
}

// matchApproved returns the approved answer that fits question best, the
// commune's own before any province-wide one.
func (b *Bot) matchApproved(ctx context.Context, question, commune string) (records.ApprovedAnswer, bool) {
	if b.cfg.Approved == nil {
		return records.ApprovedAnswer{}, false
	}
	list, err := b.approvedFor(ctx, commune)
	if err != nil {
		b.log.Error("approved answers", slog.String("commune", commune), slog.Any("error", err))
		return records.ApprovedAnswer{}, false
	}
	if len(list) == 0 {
		return records.ApprovedAnswer{}, false
	}
	return bestApproved(newWordSet(question, b.approved.matcher.dict), commune, list)
}

func bestApproved(q wordSet, commune string, list []prepared) (records.ApprovedAnswer, bool) {
	var best [2]records.ApprovedAnswer // [0] the commune's own, [1] province-wide
	var score [2]float64
	for _, a := range list {
		tier := 1
		switch {
		case a.Commune == commune && commune != "":
			tier = 0
		case a.Commune != "":
			continue // another commune's answer is never given here
		}
		for _, set := range a.sets { // the wording that fits best
			if s, ok := similarity(q, set); ok && s > score[tier] {
				best[tier], score[tier] = a.ApprovedAnswer, s
			}
		}
	}
	for tier := range best {
		if score[tier] > 0 {
			return best[tier], true
		}
	}
	return records.ApprovedAnswer{}, false
}

// answerApproved answers with an administrator's approved answer when one
// fits the question, cited as the commune's own. It reports whether it
// answered.
func (b *Bot) answerApproved(ctx context.Context, p *plan, done *Done, out func(Event) error) (bool, error) {
	if b.cfg.Approved == nil || p.grounding.blocked {
		return false, nil
	}
	a, ok := b.matchApproved(ctx, p.q.Text, p.q.Commune)
	if !ok {
		return false, nil
	}
	who := ProvinceCentre
	if a.Commune != "" {
		if c, ok := b.contact(a.Commune); ok && c.Name != "" {
			who = c.Name
		}
	}
	id := "approved-" + strconv.FormatInt(a.ID, 10)
	src := Source{N: 1, ID: id, DocID: id, Title: "Câu trả lời của " + who}
	if err := out(Event{Kind: EventSource, Source: &src}); err != nil {
		return true, err
	}
	done.Mode = "approved"
	p.approved = id
	return true, emitLines(a.Answer+"\n\nNguồn: "+src.Title+" [1]\n", out)
}
