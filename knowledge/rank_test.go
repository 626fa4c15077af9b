package knowledge

import "testing"

// The same procedure's records of several provinces score alike but for
// the last bits of the float, which bleve sums in no fixed order: the
// youth volunteers' benefit was answered from a different province's
// record from run to run. They rank by ID, the same every time.
func TestRankOrderTiesByID(t *testing.T) {
	for _, scores := range [][2]float64{{0.4814938764382507, 0.48149387643825059}, {0.48149387643825059, 0.4814938764382507}} {
		order := []*group{
			{entry: &docEntry{ID: "dvc-3.000331"}, score: scores[0]},
			{entry: &docEntry{ID: "dvc-2.001428"}, score: scores[1]},
			{entry: &docEntry{ID: "dvc-1.000001"}, score: 0.2},
		}
		rankOrder(order)
		if order[0].entry.ID != "dvc-2.001428" || order[2].entry.ID != "dvc-1.000001" {
			t.Errorf("scores %v: order %s, %s, %s; want dvc-2.001428 first and the lower score last", scores, order[0].entry.ID, order[1].entry.ID, order[2].entry.ID)
		}
	}
}
