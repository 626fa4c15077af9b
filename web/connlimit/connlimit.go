// Package connlimit caps the connections a server holds open, in all and
// per client address, so that one address opening thousands of slow
// connections cannot take every file descriptor of the process and leave
// other clients, and the health check, unanswered.
package connlimit

import (
	"net"
	"net/netip"
	"sync"
)

// Config sets the caps. Zero turns a cap off.
type Config struct {
	// Total bounds the connections open at once. Past it Accept waits,
	// so that further clients wait in the kernel's queue without taking a
	// descriptor each.
	Total int
	// PerAddr bounds the connections open at once from one address (an
	// IPv6 client by its /64, which one subscriber holds whole). One
	// more is closed as soon as it is accepted.
	PerAddr int
	// Exempt are addresses counted in Total only: reverse proxies, whose
	// one address carries every resident behind them.
	Exempt []netip.Prefix
	// Refused, if set, is called with the address of each connection
	// closed over PerAddr.
	Refused func(netip.Addr)
}

// Listener is a net.Listener with the caps of its Config.
type Listener struct {
	net.Listener
	cfg   Config
	slots chan struct{} // one per open connection; nil without Total
	done  chan struct{} // closed by Close, so that a waiting Accept returns
	close sync.Once

	mu   sync.Mutex
	open map[netip.Addr]int // open connections per address key
}

// New wraps ln with the caps of cfg.
func New(ln net.Listener, cfg Config) *Listener {
	l := &Listener{Listener: ln, cfg: cfg, done: make(chan struct{}), open: make(map[netip.Addr]int)}
	if cfg.Total > 0 {
		l.slots = make(chan struct{}, cfg.Total)
	}
	return l
}

// Accept waits for a free slot, then returns the next connection whose
// address is under its cap; connections over it are closed at once.
func (l *Listener) Accept() (net.Conn, error) {
	for {
		if l.slots != nil {
			select {
			case l.slots <- struct{}{}:
			case <-l.done:
				return nil, net.ErrClosed
			}
		}
		c, err := l.Listener.Accept()
		if err != nil {
			l.freeSlot()
			return nil, err
		}
		addr, key, counted := l.key(c.RemoteAddr())
		if counted && !l.admit(key) {
			c.Close()
			l.freeSlot()
			if l.cfg.Refused != nil {
				l.cfg.Refused(addr)
			}
			continue
		}
		return &conn{Conn: c, l: l, key: key, counted: counted}, nil
	}
}

// Close stops accepting; connections already accepted stay open.
func (l *Listener) Close() error {
	l.close.Do(func() { close(l.done) })
	return l.Listener.Close()
}

// Open returns the connections open from addr's key.
func (l *Listener) Open(addr netip.Addr) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.open[keyOf(addr)]
}

// key returns the remote address, the key it is counted under, and
// whether it is counted at all (not without a per-address cap, not for
// exempt addresses or ones that are not IP).
func (l *Listener) key(a net.Addr) (netip.Addr, netip.Addr, bool) {
	if l.cfg.PerAddr <= 0 {
		return netip.Addr{}, netip.Addr{}, false
	}
	ap, err := netip.ParseAddrPort(a.String())
	if err != nil {
		return netip.Addr{}, netip.Addr{}, false
	}
	addr := ap.Addr().Unmap()
	for _, p := range l.cfg.Exempt {
		if p.Contains(addr) {
			return addr, netip.Addr{}, false
		}
	}
	return addr, keyOf(addr), true
}

func keyOf(addr netip.Addr) netip.Addr {
	addr = addr.Unmap()
	if addr.Is6() {
		if p, err := addr.Prefix(64); err == nil {
			return p.Addr()
		}
	}
	return addr
}

func (l *Listener) admit(key netip.Addr) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open[key] >= l.cfg.PerAddr {
		return false
	}
	l.open[key]++
	return true
}

func (l *Listener) release(key netip.Addr) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open[key]--; l.open[key] <= 0 {
		delete(l.open, key)
	}
}

func (l *Listener) freeSlot() {
	if l.slots != nil {
		<-l.slots
	}
}

// conn gives its slot and its address's count back once, when closed.
type conn struct {
	net.Conn
	l       *Listener
	key     netip.Addr
	counted bool
	once    sync.Once
}

func (c *conn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() {
		if c.counted {
			c.l.release(c.key)
		}
		c.l.freeSlot()
	})
	return err
}

// CloseWrite half-closes the connection as the HTTP server does with a
// bare TCP connection before it closes one whose request it refused, so
// that the client reads the refusal instead of a reset.
func (c *conn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}
