//go:build linux

package main

import (
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"
)

// lowOpenFileLimit lowers the process's open-file limit to n for the
// test, as a container's may be, so that exhausting it stays cheap.
func lowOpenFileLimit(tb testing.TB, n uint64) {
	tb.Helper()
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &old); err != nil {
		tb.Skip("no open-file limit:", err)
	}
	if old.Cur < n {
		tb.Skipf("open-file limit %d is below %d already", old.Cur, n)
	}
	low := old
	low.Cur = n
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &low); err != nil {
		tb.Skip("cannot lower the open-file limit:", err)
	}
	tb.Cleanup(func() { _ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &old) })
}

// clientFrom is an HTTP client whose connections come from the loopback
// address from (Linux answers on all of 127.0.0.0/8).
func clientFrom(from string) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}, Timeout: 5 * time.Second}
	return &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DialContext: d.DialContext}}
}

// Some hundreds of connections from one address, each sending a request
// body and stalling, took every descriptor the process had: "accept4: too
// many open files", and /healthz unanswered until the bodies timed out.
// (In this test the attacker shares the process, so before the caps the
// other client failed to get a socket at all.) With the caps, that
// address holds 128 of them and another client is served at once.
func TestSlowBodiesFromOneAddressLeaveOthersServed(t *testing.T) {
	lowOpenFileLimit(t, 1024)
	s := mustServe(t, nil)
	addr := strings.TrimPrefix(s.URL, "http://")
	slow := "POST /api/v1/ask HTTP/1.1\r\nHost: " + addr + "\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{\"question\":"
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range 700 {
		c, err := net.DialTimeout("tcp", addr, 5*time.Second)
		if err != nil {
			break // the attacker holds what it could get
		}
		conns = append(conns, c)
		_, _ = io.WriteString(c, slow)
	}
	t.Logf("%d slow connections open from 127.0.0.1", len(conns))

	other := clientFrom("127.0.0.2")
	resp, err := other.Get(s.URL + "/healthz")
	if err != nil {
		t.Fatalf("another client's /healthz: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("another client's /healthz: %d", resp.StatusCode)
	}
	resp, err = other.Post(s.URL+"/api/v1/ask", "application/json",
		strings.NewReader(`{"question":"đăng ký khai sinh cần giấy tờ gì","commune":"demo"}`))
	if err != nil {
		t.Fatalf("another client's question: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"answer"`) {
		t.Errorf("another client's question: %d %s", resp.StatusCode, body)
	}
	resp, err = other.Get(s.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(metrics), "hoidap_connections_refused_total") ||
		strings.Contains(string(metrics), "hoidap_connections_refused_total 0\n") {
		t.Errorf("/metrics counts no refused connection")
	}
}
