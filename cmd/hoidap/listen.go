package main

import (
	"log/slog"
	"net"
	"net/netip"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/hoidap/hoidap/web/connlimit"
)

// fdReserve is the part of the open-file limit kept for files beside
// connections: the store, the index's segments, uploads, the log.
const fdReserve = 256

// capConnections wraps ln with the caps on open connections: in all
// (lowered to fit the open-file limit, which Go raises to its hard value
// at start) and per address, trusted proxies exempt. Connections closed
// over the per-address cap are counted in
// hoidap_connections_refused_total.
func capConnections(ln net.Listener, cfg *config, log *slog.Logger, reg prometheus.Registerer) net.Listener {
	total := cfg.MaxConns
	if limit, ok := openFileLimit(); ok {
		fit := max(int(min(limit, 1<<30))-fdReserve, 16)
		if total > fit {
			log.Warn("connection cap lowered to fit the open-file limit",
				slog.Int("max_conns", total), slog.Uint64("open_file_limit", limit), slog.Int("cap", fit))
			total = fit
		}
		log.Info("connection caps", slog.Int("max_conns", total), slog.Int("max_conns_per_addr", cfg.MaxConnsPerAddr),
			slog.Uint64("open_file_limit", limit))
	}
	refused := prometheus.NewCounter(prometheus.CounterOpts{
		Name: "hoidap_connections_refused_total",
		Help: "Connections closed on accept because their address had --max-conns-per-addr open.",
	})
	reg.MustRegister(refused)
	return connlimit.New(ln, connlimit.Config{
		Total: total, PerAddr: cfg.MaxConnsPerAddr, Exempt: prefixes(cfg.TrustedProxies),
		Refused: func(netip.Addr) { refused.Inc() },
	})
}

// prefixes reads addresses and CIDRs (validated by config) as prefixes.
func prefixes(list []string) []netip.Prefix {
	var out []netip.Prefix
	for _, s := range list {
		if p, err := netip.ParsePrefix(s); err == nil {
			out = append(out, p.Masked())
		} else if a, err := netip.ParseAddr(s); err == nil {
			out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
		}
	}
	return out
}
