package web

import (
	"fmt"
	"math"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// maxClients bounds the clients a limiter remembers: about 100 bytes
// each, so a flood of distinct addresses costs at most about a megabyte.
const maxClients = 10000

// limiter is a token bucket per client: burst questions at once, then
// one every 60/perMinute seconds.
type limiter struct {
	mu        sync.Mutex
	rate      float64 // tokens per second
	burst     float64
	max       int
	clients   map[string]bucket
	lastSweep time.Time
	now       func() time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

// newLimiter returns a limiter of perMinute questions, or nil when
// perMinute is 0 (no limit).
func newLimiter(perMinute, max int, now func() time.Time) *limiter {
	if perMinute <= 0 {
		return nil
	}
	return &limiter{rate: float64(perMinute) / 60, burst: float64(perMinute), max: max,
		clients: make(map[string]bucket), now: now}
}

// allow takes a token for the client, or says how long until one is free.
func (l *limiter) allow(client string) (bool, time.Duration) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.clients[client]
	if ok {
		b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	} else {
		if len(l.clients) >= l.max {
			l.evict(now)
		}
		b.tokens = l.burst
	}
	b.last = now
	if b.tokens < 1 {
		l.clients[client] = b
		return false, time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
	}
	b.tokens--
	l.clients[client] = b
	return true, 0
}

// evict makes room for a new client. Forgetting a client whose bucket
// has refilled changes nothing, so those go first, at most once a second;
// if every client is active, an arbitrary one is forgotten: a flood of
// addresses may win one of them a fresh bucket, but never unbounded
// memory. l.mu is held.
func (l *limiter) evict(now time.Time) {
	if now.Sub(l.lastSweep) >= time.Second {
		l.lastSweep = now
		for k, b := range l.clients {
			if b.tokens+now.Sub(b.last).Seconds()*l.rate >= l.burst {
				delete(l.clients, k)
			}
		}
	}
	for k := range l.clients {
		if len(l.clients) < l.max {
			break
		}
		delete(l.clients, k)
	}
}

// size returns how many clients the limiter remembers.
func (l *limiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.clients)
}

// limitRate refuses questions past the per-client rate: POST
// /api/v1/ask and the chat page's form share a bucket, voice recordings
// have their own, so a spoken question costs one of each; searches,
// feedback (the API's and the form's) and questions left for the office
// have theirs. The client is
// c.ClientIP(), which believes X-Forwarded-For only from trusted proxies.
func (s *Server) limitRate(c *gin.Context) {
	var l *limiter
	post := c.Request.Method == http.MethodPost
	switch c.FullPath() {
	case "/api/v1/ask", "/x/:commune":
		if post {
			l = s.ops.questions
		}
		if post && c.PostForm("a") != "" { // the form's feedback buttons
			l = s.ops.feedback
		}
	case "/api/v1/transcribe":
		if post {
			l = s.ops.voice
		}
	case "/api/v1/search":
		l = s.ops.searches
	case "/api/v1/feedback":
		l = s.ops.feedback
	case "/x/:commune/hoi-can-bo":
		if post {
			l = s.ops.tickets
		}
	}
	if l == nil {
		c.Next()
		return
	}
	if ok, wait := l.allow(clientKey(c)); !ok {
		s.refuseRate(c, wait)
		return
	}
	c.Next()
}

// clientKey names the client a limit counts: its address as
// c.ClientIP() gives it (believing X-Forwarded-For only from trusted
// proxies), an IPv4 address however it is written, and an IPv6 address
// by its /64, which one subscriber holds whole.
func clientKey(c *gin.Context) string {
	ip := c.ClientIP()
	addr, err := netip.ParseAddr(ip)
	if err != nil {
		return ip
	}
	addr = addr.Unmap()
	if addr.Is6() {
		if p, err := addr.Prefix(64); err == nil {
			return p.String()
		}
	}
	return addr.String()
}

// refuseRate answers 429 with Retry-After: JSON for the API, the chat
// page with the message for the form without JavaScript.
func (s *Server) refuseRate(c *gin.Context, wait time.Duration) {
	secs := max(1, int(math.Ceil(wait.Seconds())))
	s.ops.metrics.rateLimited.WithLabelValues(c.FullPath()).Inc()
	c.Header("Retry-After", strconv.Itoa(secs))
	switch c.FullPath() {
	case "/api/v1/search", "/api/v1/feedback":
		c.AbortWithStatusJSON(http.StatusTooManyRequests, gin.H{"error": fmt.Sprintf(
			"Quá nhiều yêu cầu, vui lòng đợi %d giây. (Too many requests: wait %d seconds)", secs, secs)})
		return
	case "/x/:commune/hoi-can-bo": // the form again, saying how long to wait
		c.Abort()
		s.refuseTicket(c, http.StatusTooManyRequests, secs)
		return
	case "/x/:commune": // the page itself says it, below
	default:
		c.AbortWithStatusJSON(http.StatusTooManyRequests, gin.H{"error": fmt.Sprintf(
			"Bạn hỏi nhanh quá, vui lòng đợi %d giây rồi hỏi tiếp. (Too many questions: wait %d seconds)", secs, secs)})
		return
	}
	c.Abort()
	s.renderChatError(c, http.StatusTooManyRequests, true, func(t map[string]string) string {
		return fmt.Sprintf(t["too_many"], secs)
	})
}

// renderChatError renders the chat page of the form's commune with an
// error in the page's language, for a form refused before its handler;
// form says the (bounded) form may be read for the language and poster.
func (s *Server) renderChatError(c *gin.Context, status int, form bool, msg func(map[string]string) string) {
	info, ok := s.site.communes.Lookup(c.Param("commune"))
	if !ok {
		s.notFound(c)
		return
	}
	lang, poster := c.Query("lang"), ""
	if form {
		lang, poster = c.PostForm("lang"), c.PostForm("p")
	}
	p := s.newChatPage(c, info, pageLang(lang))
	if ValidPoster(poster) {
		p.Poster = poster
	}
	p.Error = msg(p.T)
	s.render(c, status, "chat.html", p)
}
