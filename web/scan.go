package web

import (
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

// scanCookie remembers, for one Vietnamese day, which posters' codes this
// browser has arrived from, so that a reload or a second visit from the
// same poster that day is not counted again. It holds the day and a short
// digest of each commune and poster, nothing about the resident.
const (
	scanCookie     = "hd_scan"
	scanCookieKeep = 20 // posters remembered per day; older ones drop off
)

// scanKey is what the cookie holds of a commune's poster.
func scanKey(commune, poster string) string {
	sum := sha256.Sum256([]byte(commune + "/" + poster))
	return hex.EncodeToString(sum[:4])
}

// countScan counts an arrival from a poster's code once per browser and
// day: the first time today this browser comes with the code.
func (s *Server) countScan(c *gin.Context, commune, poster string) {
	now := s.site.now().In(vietnam)
	day := now.Format(time.DateOnly)
	key := scanKey(commune, poster)
	var seen []string
	if ck, err := c.Request.Cookie(scanCookie); err == nil {
		if d, rest, ok := strings.Cut(ck.Value, "."); ok && d == day {
			seen = strings.Split(rest, ".")
		}
	}
	if slices.Contains(seen, key) {
		return
	}
	if err := s.site.posters.CountScan(c.Request.Context(), commune, poster, now); err != nil {
		s.log.Error("count scan", slog.String("commune", commune), slog.Any("error", err))
		return
	}
	seen = append(seen, key)
	if len(seen) > scanCookieKeep {
		seen = seen[len(seen)-scanCookieKeep:]
	}
	y, m, d := now.Date()
	midnight := time.Date(y, m, d+1, 0, 0, 0, 0, vietnam)
	http.SetCookie(c.Writer, &http.Cookie{Name: scanCookie, Value: day + "." + strings.Join(seen, "."),
		Path: "/x/", MaxAge: int(midnight.Sub(now).Seconds()) + 1, HttpOnly: true,
		Secure: s.admin.secure, SameSite: http.SameSiteLaxMode})
}
