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
		// Said in words, as speech typed by a phone writes it.
		"lam can cuoc cho chau tam tuoi thi dua chau ra dau":           8,
		"bà nội tôi năm nay bảy mươi hai tuổi chưa làm giấy khai sinh": 72,
		"con mười bốn tuổi làm căn cước":                               14,
		"ông hai mươi tuổi đi lính":                                    20,
		"cháu mười lăm tuổi":                                           15,
		"chú bảy mươi lăm tuổi":                                        75,
		"con ba tuổi":                                                  3,
		"bé sáu tuổi rưỡi":                                             6,
		"dưới mười bốn tuổi":                                           13,
		"ông bà tuổi cao":                                              0,
		"ba tuổi cao rồi":                                              0,
		"sau tuổi nghỉ hưu có được không":                              0,
		// An age said outright, beside a bound that is another's.
		"Bé nhà mình 6 tuổi rưỡi, thẻ BHYT trẻ dưới 6 tuổi hết hạn rồi": 6,
		"tạm tuổi": 0,
	} {
		if got := AgeSaid(q); got != want {
			t.Errorf("AgeSaid(%q) = %d, want %d", q, got, want)
		}
	}
}
