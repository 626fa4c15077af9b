package main

import (
	"fmt"
	"io"
	"log/slog"
	"net"

	"github.com/hoidap/hoidap/web"
)

// announce tells the operator where the service is: the address the
// listener actually serves (which --addr :0 only knows once bound), and
// separately what QR codes point to, with a plain warning when that base
// URL cannot be opened from a resident's phone.
func announce(stdout io.Writer, log *slog.Logger, addr net.Addr, baseURL string) {
	local := web.ListenURL(addr)
	log.Info("serving", slog.String("addr", addr.String()), slog.String("url", local+"/x/demo"), slog.String("base_url", baseURL))
	fmt.Fprintf(stdout, "hoidap: serving on %s — demo commune: %s/x/demo\n", addr, local)
	fmt.Fprintf(stdout, "QR codes and posters point to %s (--base-url, HOIDAP_BASE_URL)\n", baseURL)
	if problem := web.BaseURLProblem(baseURL); problem != "" {
		log.Warn("base URL not reachable from residents' phones: set --base-url to the public address before printing posters",
			slog.String("base_url", baseURL), slog.String("why", problem))
		fmt.Fprintf(stdout, "WARNING: residents' phones cannot open %s: %s. Set --base-url (HOIDAP_BASE_URL) to the service's public address before printing posters.\n", baseURL, problem)
	}
	if qr, err := terminalQR(web.ChatURL(baseURL, "demo", "")); err == nil {
		fmt.Fprintf(stdout, "QR code of %s:\n%s", web.ChatURL(baseURL, "demo", ""), qr)
	}
}
