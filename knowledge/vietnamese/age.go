package vietnamese

import (
	"strconv"
	"strings"
)

// AgeSaid returns the age in years a question states ("con 16 tuổi"),
// the last one when it states several (a follow-up's "còn con 3 tuổi thì
// sao?" comes after the question it follows), or 0. The number and
// "tuổi" must stand side by side: "thôn 3, tuổi cao" states no age.
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
			return n
		}
	}
	return 0
}
