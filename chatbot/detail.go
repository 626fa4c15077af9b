package chatbot

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// maxDetail bounds the sentence of a record quoted for what a question
// asks beyond the procedure's name.
const maxDetail = 180

// minDetailWords is how many words of its own a question needs, beyond
// the procedure's name and what it asks of it, for a sentence to be
// quoted.
const minDetailWords = 2

// minDetailScore is the least score (detailScore) of a sentence worth
// quoting: two of the question's words and a pair of them side by side,
// or four words.
const minDetailScore = 4

// genericWords are folded words too common in questions and records to
// tell one sentence of a record from another.
var genericWords = map[string]bool{
	"xa": true, "phuong": true, "nguoi": true, "toi": true, "em": true, "minh": true, "nha": true,
	"lam": true, "di": true, "ra": true, "ve": true, "den": true, "duoc": true, "co": true,
	"khong": true, "hay": true, "voi": true, "cho": true, "cua": true, "va": true, "thi": true,
	"ma": true, "da": true, "se": true, "dang": true, "muon": true, "can": true, "phai": true,
	"gi": true, "nao": true, "sao": true, "bao": true, "nhieu": true, "the": true, "nay": true,
	"ubnd": true, "ban": true, "nhan": true, "dan": true, "cap": true, "so": true,
	"giay": true, "to": true, "ho": true, "thu": true, "tuc": true, "ky": true,
}

// sentenceBreak splits a record's text into the sentences a resident
// could be shown one at a time.
var sentenceBreak = regexp.MustCompile(`\.\s+|;\s*|\n+|\s+[-+]\s+|:\s+-\s*`)

// recordDetail returns the record's sentence that holds most of what the
// question asks beyond the procedure's name ("có cần giấy ủy quyền
// không", "trong bao nhiêu ngày phải đi"), or "" when no sentence holds
// enough of it.
func recordDetail(question, title string, p *knowledge.Procedure) string {
	words := ownWords(question, title)
	if len(words) < minDetailWords {
		return "" // the question asks nothing the parts do not answer
	}
	q := " " + strings.Join(vietnamese.Words(question), " ") + " "
	ask := " " + strings.Join(vietnamese.Words(askingSentence(question)), " ") + " "
	yesNo := yesNoQuestion.MatchString(q)
	best, bestScore := "", 0
	consider := func(text string) {
		for _, s := range sentenceBreak.Split(text, -1) {
			s = strings.TrimSpace(strings.Trim(s, "-+*•. "))
			if len([]rune(s)) < 15 {
				continue
			}
			if score := detailScore(words, q, ask, yesNo, s); score > bestScore || score == bestScore && score > 0 && len(s) < len(best) {
				best, bestScore = s, score
			}
		}
	}
	for _, pp := range p.Papers {
		consider(pp.Name)
	}
	for _, s := range p.Steps {
		consider(s)
	}
	consider(p.Conditions)
	consider(p.Audience)
	for _, m := range p.Methods {
		consider(m.Note)
		consider(m.Fee)
	}
	if bestScore < 2*minDetailScore {
		return ""
	}
	return quoteDetail(best, words)
}

// maxCaseDetail bounds a quoted sentence that sets a case and what
// follows from it ("Trường hợp … thì …"): what follows is the answer to
// a question about the case, so it gets more room than other quotes.
const maxCaseDetail = maxDetail + 60

// quoteDetail quotes a record's sentence for a question. A case and its
// consequence ("Trường hợp … đã ly hôn … thì … cung cấp … Bản án/Quyết
// định ly hôn") keep the consequence, the case cut around the question's
// words; any other long sentence is cut around them (quoteAround).
func quoteDetail(sentence string, words []string) string {
	n := utf8.RuneCountInString(sentence)
	t := strings.Index(sentence, " thì ")
	switch {
	case n <= maxDetail:
		return sentence
	case t < 0:
		return quoteAround(sentence, words, maxDetail)
	case n <= maxCaseDetail:
		return sentence
	}
	cond, then := sentence[:t], clip(sentence[t+1:], maxCaseDetail-60)
	cut := quoteAround(cond, words, maxCaseDetail-utf8.RuneCountInString(then)-3)
	return strings.TrimSuffix(cut, " …") + " … " + then
}

// quoteAround cuts a long sentence to about n characters around the first of
// words it holds, so that what the question asks about is in the quote.
func quoteAround(sentence string, words []string, n int) string {
	if utf8.RuneCountInString(sentence) <= n {
		return sentence
	}
	folded := vietnamese.Fold(sentence) // same length in runes as sentence
	first := -1
	for _, w := range words {
		if i := indexWord(folded, w); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	runes := []rune(sentence)
	start := 0
	if first > 0 {
		start = utf8.RuneCountInString(folded[:first]) - 50
	}
	if start <= 0 {
		return clip(sentence, n)
	}
	for start < len(runes) && runes[start] != ' ' {
		start++
	}
	return "… " + clip(strings.TrimSpace(string(runes[start:])), n)
}

// indexWord returns where w starts as a whole word in folded text, or -1.
func indexWord(folded, w string) int {
	for i := 0; ; {
		j := strings.Index(folded[i:], w)
		if j < 0 {
			return -1
		}
		at := i + j
		end := at + len(w)
		if (at == 0 || folded[at-1] == ' ') && (end == len(folded) || !isLetterByte(folded[end])) {
			return at
		}
		i = at + 1
	}
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// yesNoQuestion matches a folded question asking yes or no ("có cần …
// không", "được không", "ko").
var yesNoQuestion = regexp.MustCompile(` (co|duoc|phai|can) .*(khong|ko|k|hok|hem|chua) $| (duoc|dc|phai|can) (khong|ko|k|chua) `)

// rulingWords are what a record's sentence says when it settles a yes or
// no: "không phải có văn bản ủy quyền", "chỉ cần xuất trình".
var rulingWords = regexp.MustCompile(` (khong phai|khong can|khong duoc|chi can|bat buoc|duoc mien|khong bat buoc) `)

// questionSentences splits a question into its sentences.
var questionSentences = regexp.MustCompile(`[.!?]+\s+`)

// askingSentence is the sentence of a question that asks (the one with
// the question mark, else the last one): a long question tells its
// story first and asks at the end.
func askingSentence(question string) string {
	parts := questionSentences.Split(strings.TrimSpace(question), -1)
	for _, p := range parts {
		if strings.Contains(p, "?") {
			return p
		}
	}
	return parts[len(parts)-1]
}

// detailScore scores a sentence of a record against a question, in
// halves: two for each word of the asking sentence (askingSentence) it
// holds and one for each word of the story before it; two for each pair
// of the question's words it holds side by side; one more when the
// question asks yes or no and the sentence rules on it.
func detailScore(words []string, question, ask string, yesNo bool, sentence string) int {
	f := " " + strings.Join(vietnamese.Words(sentence), " ") + " "
	score := 0
	for _, w := range words {
		if strings.Contains(f, " "+w+" ") {
			if strings.Contains(ask, " "+w+" ") {
				score += 2
			} else {
				score++
			}
		}
	}
	if score == 0 {
		return 0
	}
	qs := strings.Fields(question)
	for i := 0; i+1 < len(qs); i++ {
		pair := " " + qs[i] + " " + qs[i+1] + " "
		if genericWords[qs[i]] && genericWords[qs[i+1]] {
			continue
		}
		if strings.Contains(f, pair) {
			score += 2
		}
	}
	if yesNo && rulingWords.MatchString(f) {
		score++
	}
	return score
}

// matchScore counts the question's words a text holds, and once more
// each pair of them it holds side by side as the question says them.
func matchScore(words []string, question, text string) int {
	return detailScore(words, question, question, false, text) / 2
}
