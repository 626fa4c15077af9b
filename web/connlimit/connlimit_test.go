package connlimit_test

import (
	"io"
	"net"
	"net/netip"
	"testing"
	"time"

	"github.com/hoidap/hoidap/web/connlimit"
)

// serve accepts on a capped loopback listener and hands over what it
// accepts.
func serve(tb testing.TB, cfg connlimit.Config) (*connlimit.Listener, <-chan net.Conn) {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	l := connlimit.New(ln, cfg)
	accepted := make(chan net.Conn, 100)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			accepted <- c
		}
	}()
	tb.Cleanup(func() {
		l.Close()
		for {
			select {
			case c := <-accepted:
				c.Close()
			default:
				return
			}
		}
	})
	return l, accepted
}

// dial connects from the loopback address from (Linux answers on all of
// 127.0.0.0/8).
func dial(tb testing.TB, l net.Listener, from string) net.Conn {
	tb.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: 5 * time.Second}
	c, err := d.Dial("tcp", l.Addr().String())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { c.Close() })
	return c
}

// closedByServer reports whether the server closed c without a word.
func closedByServer(tb testing.TB, c net.Conn) bool {
	tb.Helper()
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, err := c.Read(make([]byte, 1))
	return err == io.EOF || isReset(err)
}

func isReset(err error) bool {
	ne, ok := err.(*net.OpError)
	return ok && !ne.Timeout()
}

func TestOneAddressCannotTakeEveryConnection(t *testing.T) {
	var refused []netip.Addr
	l, accepted := serve(t, connlimit.Config{Total: 20, PerAddr: 3,
		Exempt:  []netip.Prefix{netip.MustParsePrefix("127.0.0.3/32")},
		Refused: func(a netip.Addr) { refused = append(refused, a) }})
	var mine []net.Conn
	for range 3 {
		mine = append(mine, dial(t, l, "127.0.0.1"))
		<-accepted
	}
	over := dial(t, l, "127.0.0.1")
	if !closedByServer(t, over) {
		t.Error("a fourth connection from one address was kept open")
	}
	// Another address is served, and a proxy's exempt address past the cap.
	dial(t, l, "127.0.0.2")
	<-accepted
	for range 5 {
		dial(t, l, "127.0.0.3")
		<-accepted
	}
	if got := l.Open(netip.MustParseAddr("127.0.0.1")); got != 3 {
		t.Errorf("open from 127.0.0.1 = %d, want 3", got)
	}
	if len(refused) != 1 || refused[0] != netip.MustParseAddr("127.0.0.1") {
		t.Errorf("refused %v, want 127.0.0.1 once", refused)
	}
}

func TestClosedConnectionFreesItsPlace(t *testing.T) {
	l, accepted := serve(t, connlimit.Config{Total: 2, PerAddr: 1})
	dial(t, l, "127.0.0.1")
	first := <-accepted
	dial(t, l, "127.0.0.2")
	<-accepted
	// The total is reached: a third client waits in the kernel's queue.
	dial(t, l, "127.0.0.4")
	select {
	case <-accepted:
		t.Fatal("accepted past the total")
	case <-time.After(100 * time.Millisecond):
	}
	first.Close()
	select {
	case <-accepted:
	case <-time.After(5 * time.Second):
		t.Fatal("the waiting client was not accepted once a connection closed")
	}
	if got := l.Open(netip.MustParseAddr("127.0.0.1")); got != 0 {
		t.Errorf("open from 127.0.0.1 after close = %d, want 0", got)
	}
}
