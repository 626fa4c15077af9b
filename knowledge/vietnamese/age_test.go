package vietnamese

import "testing"

func TestAgeSaid(t *testing.T) {
	for q, want := range map[string]int{
		"làm căn cước cho con 8 tuổi":          8,
		"con 16 tuổi, còn con 3 tuổi thì sao?": 3,
		"bé nhà mình mới 4 tuoi.":              4,
		"thôn 3, tuổi cao sức yếu":             0,
		"làm căn cước cần gì":                  0,
		// A bound said of the child is an age within it.
		"lam can cuoc cho con duoi 14 tuoi thi lam o dau": 13,
		"trẻ em chưa đủ 6 tuổi":                           5,
		"người trên 80 tuổi":                              81,
		"con từ đủ 14 tuổi":                               14,
	} {
		if got := AgeSaid(q); got != want {
			t.Errorf("AgeSaid(%q) = %d, want %d", q, got, want)
		}
	}
}
