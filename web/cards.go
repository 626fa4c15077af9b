package web

import (
	"net/url"
	"strings"

	"github.com/hoidap/hoidap/chatbot"
)

// card is the compact checklist a resident sees for one source: the papers
// to bring, the fee, the time, where to submit and the online link.
type card struct {
	ID        string
	Title     string
	Papers    []string
	Fee       string
	Time      string
	Where     string
	OnlineURL string
	URL       string
}

// newCard makes the card of a cited source, as app.js does from the
// source events of a streamed answer.
func newCard(s chatbot.Source) card {
	id := s.DocID
	if id == "" {
		id, _, _ = strings.Cut(s.ID, "#")
	}
	return card{
		ID: id, Title: s.Title, Papers: s.Papers, Fee: s.Fee, Time: s.Time, Where: s.Where,
		OnlineURL: safeURL(s.Online), URL: safeURL(s.URL),
	}
}

// safeURL keeps only absolute http(s) links: a link on the page must never
// run script.
func safeURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}
