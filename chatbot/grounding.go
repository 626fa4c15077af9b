package chatbot

import "github.com/hoidap/hoidap/knowledge"

// Grounding thresholds, calibrated with `hoidap eval` on the question sets
// in testdata/eval (see README, "Retrieval quality"): the share of the
// question's content words, weighted by rarity, that the best document
// holds.
const (
	// minCoverage is the least coverage of the best hit for an answer to
	// count as grounded.
	minCoverage = 0.5
)

// Grounded reports whether hits are relevant enough to answer from: the
// best document must hold most of what the resident asked about.
func Grounded(hits []knowledge.Hit) bool {
	return len(hits) > 0 && hits[0].Coverage >= minCoverage
}
