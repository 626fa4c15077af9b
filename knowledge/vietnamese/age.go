package vietnamese

import (
	"strconv"
	"strings"
)

// AgeSaid returns the age in years a question states ("con 16 tuổi"),
// the last one when it states several (a follow-up's "còn con 3 tuổi thì
// sao?" comes after the question it follows), or 0. The number and
// "tuổi" must stand side by side: "thôn 3, tuổi cao" states no age. A
// bound ("dưới 14 tuổi", "chưa đủ 6 tuổi", "trên 80 tuổi") states an age
// within it.
func AgeSaid(text string) int {
	fields := strings.Fields(Fold(text))
	for i := len(fields) - 2; i >= 0; i-- {
		if !strings.HasPrefix(fields[i+1], "tuoi") {
			continue
		}
		if rest := strings.TrimPrefix(fields[i+1], "tuoi"); rest != "" && !strings.ContainsAny(rest[:1], ",.;:!?)") {
			continue
		}
		if n, err := strconv.Atoi(fields[i]); err == nil && n > 0 && n <= 120 {
			// "con dưới 14 tuổi", "trên 80 tuổi": an age within the
			// bound said.
			switch {
			case i > 0 && (fields[i-1] == "duoi" || i > 1 && fields[i-2] == "chua" && (fields[i-1] == "du" || fields[i-1] == "den")):
				return max(n-1, 1)
			case i > 0 && fields[i-1] == "tren":
				return n + 1
			}
			return n
		}
	}
	return 0
}
