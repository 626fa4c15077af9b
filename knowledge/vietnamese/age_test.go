package vietnamese

import "testing"

func TestAgeSaid(t *testing.T) {
	for q, want := range map[string]int{
		"làm căn cước cho con 8 tuổi":          8,
		"con 16 tuổi, còn con 3 tuổi thì sao?": 3,
		"bé nhà mình mới 4 tuoi.":              4,
		"thôn 3, tuổi cao sức yếu":             0,
		"làm căn cước cần gì":                  0,
	} {
		if got := AgeSaid(q); got != want {
			t.Errorf("AgeSaid(%q) = %d, want %d", q, got, want)
		}
	}
}
