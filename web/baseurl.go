package web

import (
	"net"
	"net/netip"
	"net/url"
	"strings"
)

// BaseURLProblem says why residents' phones cannot open baseURL, in
// English, or returns "" when it looks public: a QR code on a wall that
// points at localhost, a loopback or a private address only works on the
// server itself or inside the office's network.
func BaseURLProblem(baseURL string) string {
	switch baseURLKind(baseURL) {
	case "localhost":
		return "it names localhost, which on a resident's phone is the phone itself"
	case "loopback":
		return "it is a loopback address, which on a resident's phone is the phone itself"
	case "private":
		return "it is a private network address, which phones outside that network cannot reach"
	case "unspecified":
		return "it is the unspecified address 0.0.0.0 or ::, which no phone can open"
	}
	return ""
}

// baseURLProblemVI is BaseURLProblem in Vietnamese, for the admin pages.
func baseURLProblemVI(baseURL string) string {
	switch baseURLKind(baseURL) {
	case "localhost", "loopback", "unspecified":
		return "Mã QR đang trỏ tới " + baseURL + " — địa chỉ này chỉ mở được trên chính máy chủ, điện thoại của người dân sẽ không mở được. Đặt --base-url (HOIDAP_BASE_URL) là địa chỉ công khai của dịch vụ rồi mới in áp phích."
	case "private":
		return "Mã QR đang trỏ tới " + baseURL + " — đây là địa chỉ mạng nội bộ, điện thoại dùng 4G hoặc mạng khác sẽ không mở được. Đặt --base-url (HOIDAP_BASE_URL) là địa chỉ công khai của dịch vụ rồi mới in áp phích."
	}
	return ""
}

// baseURLKind classifies the host of baseURL: "localhost", "loopback",
// "private" (RFC 1918, unique local, link-local, CGNAT), "unspecified",
// or "" for anything else.
func baseURLKind(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil {
		return ""
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return "localhost"
	}
	if i := strings.IndexByte(host, '%'); i >= 0 { // zone of a link-local address
		host = host[:i]
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return ""
	}
	ip = ip.Unmap()
	cgnat := netip.MustParsePrefix("100.64.0.0/10")
	switch {
	case ip.IsLoopback():
		return "loopback"
	case ip.IsUnspecified():
		return "unspecified"
	case ip.IsPrivate(), ip.IsLinkLocalUnicast(), cgnat.Contains(ip):
		return "private"
	}
	return ""
}

// ListenURL is the address a listener actually serves, as a URL to open
// on the server itself: a wildcard host (":8080", "[::]:8080") becomes
// localhost.
func ListenURL(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "http://" + addr.String()
	}
	if ip, err := netip.ParseAddr(host); host == "" || (err == nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port)
}
