package main

import (
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"

	"github.com/hoidap/hoidap/web"
)

// announce tells the operator where the service is: the address the
// listener actually serves (which --addr :0 only knows once bound), and
// separately what QR codes point to, with a plain warning when that base
// URL cannot be opened from a resident's phone.
//
// The lines go out in one write, so whoever watches stdout for the start
// line (an operator's script, the tests) sees the rest with it.
func announce(stdout io.Writer, log *slog.Logger, addr net.Addr, baseURL string) {
	var b strings.Builder
	defer func() { io.WriteString(stdout, b.String()) }()
	local := web.ListenURL(addr)
	log.Info("serving", slog.String("addr", addr.String()), slog.String("url", local+"/x/demo"), slog.String("base_url", baseURL))
	fmt.Fprintf(&b, "hoidap: serving on %s — demo commune: %s/x/demo\n", addr, local)
	fmt.Fprintf(&b, "QR codes and posters point to %s (--base-url, HOIDAP_BASE_URL)\n", baseURL)
	if problem := web.BaseURLProblem(baseURL); problem != "" {
		log.Warn("base URL not reachable from residents' phones: set --base-url to the public address before printing posters",
			slog.String("base_url", baseURL), slog.String("why", problem))
		fmt.Fprintf(&b, "WARNING: residents' phones cannot open %s: %s. Set --base-url (HOIDAP_BASE_URL) to the service's public address before printing posters.\n", baseURL, problem)
	}
	if qr, err := terminalQR(web.ChatURL(baseURL, "demo", "")); err == nil {
		fmt.Fprintf(&b, "QR code of %s:\n%s", web.ChatURL(baseURL, "demo", ""), qr)
	}
}
