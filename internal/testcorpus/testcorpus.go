// Package testcorpus seeds a knowledge base with real data for tests: the
// starter articles and the official records of the procedures residents
// ask about most (those with residents' names), about ninety of the
// 2,642 embedded records, so that a test's base opens in a second.
package testcorpus

import (
	"context"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/portal"
)

// Seed writes the starter articles and the guided official records into
// kb.
func Seed(ctx context.Context, kb *knowledge.Base) error {
	if _, err := kb.SeedStarter(ctx); err != nil {
		return err
	}
	_, err := portal.Seed(ctx, kb, nil, portal.GuidedCodes()...)
	return err
}

// Size returns how many documents Seed writes.
func Size() (int, error) {
	articles, err := knowledge.StarterDocuments()
	if err != nil {
		return 0, err
	}
	records, err := portal.EmbeddedDocuments(portal.GuidedCodes()...)
	return len(articles) + len(records), err
}
