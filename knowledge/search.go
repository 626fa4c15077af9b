package knowledge

// Query is what a caller asks the index.
type Query struct {
	Text    string // the resident's words, any normalisation, with or without diacritics
	Commune string // commune slug; "" searches province-wide documents only
	Limit   int    // documents wanted; 0 means 10
	// Respell reads a syllable that pairs with its neighbour in no title,
	// but whose sound-alike does in several, as the titles spell it: "kết
	// hôm" is "kết hôn", "tạm chú" is "tạm trú". A question with no such
	// syllable finds nothing. Meant for a second try at a question the
	// plain search found nothing about.
	Respell bool
}

// Hit is one document found for a query, with its best passage. Results are
// grouped by document, so one procedure never fills the top 3.
type Hit struct {
	DocID     string  `json:"doc_id"`
	PassageID string  `json:"id"`
	Kind      string  `json:"kind"`
	Title     string  `json:"title"`
	Section   string  `json:"section"`
	Heading   string  `json:"heading"`
	Snippet   string  `json:"snippet"`
	Text      string  `json:"-"`
	URL       string  `json:"url,omitempty"`
	Commune   string  `json:"commune,omitempty"`
	Score     float64 `json:"score"`
	// Coverage is the share, from 0 to 1, of the query's content words
	// (after folding, stop words removed, dictionary applied) that occur in
	// the document's title or passage. It is the grounding signal: scores
	// are not comparable between queries, coverage is.
	Coverage float64 `json:"coverage"`
	// Topical reports that the document's title, or a name residents use
	// for it, names what the question is about: a specific pair of words
	// the question says side by side, a rare word, or a dictionary phrase
	// of the question. Without it a document that merely shares words is
	// not an answer (an electricity bill is not "giấy phép hoạt động
	// điện lực").
	Topical bool `json:"topical"`
	// TitleCoverage is Coverage over the title and residents' names only;
	// Named lists the question's words (folded) that they hold.
	TitleCoverage float64  `json:"title_coverage"`
	Named         []string `json:"-"`
	// NameSaid reports that the question says a residents' name of the
	// document word for word, of two words or more ("lĩnh thay").
	NameSaid bool `json:"-"`
}
