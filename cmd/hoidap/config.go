package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/netip"
	"net/url"
	"strconv"
	"strings"

	"github.com/hoidap/hoidap/internal/sqldb"
)

// config is everything the service reads from flags and environment.
type config struct {
	Addr          string
	Data          string
	BaseURL       string
	LLMBaseURL    string
	LLMKey        string
	LLMModel      string
	STTBaseURL    string
	STTModel      string
	STTKey        string
	AdminPassword string
	AdminToken    string
	MetricsToken  string
	RateLimit     int
	LogLevel      string
	// TrustedProxies are reverse proxies (addresses or CIDRs) whose
	// X-Forwarded-For is believed.
	TrustedProxies []string
	// LLMDailyRequests and LLMDailyTokens bound the LLM's use per day;
	// past either, answers are extractive. 0 means no bound.
	LLMDailyRequests int
	LLMDailyTokens   int
	// RetentionDays is how long conversation records are kept.
	RetentionDays int
	// NationalRecords imports the national portal's records embedded in
	// the binary at start (once per version); off, the store holds only
	// what administrators import.
	NationalRecords bool
	// PprofAddr serves Go's profiles apart from the service; "" none.
	PprofAddr string
	// MaxConns and MaxConnsPerAddr cap the connections open at once, in
	// all and from one address; 0 turns a cap off.
	MaxConns        int
	MaxConnsPerAddr int
	// DatabaseURL is a PostgreSQL database (postgres://…) that
	// replicas share: documents, the originals of uploads and the
	// office's records; "" keeps them in the SQLite store in Data (the
	// originals as files under Data/uploads). Each replica's index stays
	// in its own Data either way.
	DatabaseURL string
}

// flagSet makes a FlagSet whose defaults come from the environment: every
// flag names its variable in its help.
type flagSet struct {
	*flag.FlagSet
	getenv  func(string) string
	errs    []error
	secrets []func() // fill secrets from the environment after parsing
}

func newFlagSet(name string, getenv func(string) string, stderr io.Writer) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return &flagSet{FlagSet: fs, getenv: getenv}
}

func (f *flagSet) str(p *string, name, env, def, help string) {
	if v := f.getenv(env); v != "" {
		def = v
	}
	f.StringVar(p, name, def, fmt.Sprintf("%s (env %s)", help, env))
}

func (f *flagSet) bool(p *bool, name, env string, def bool, help string) {
	if v := f.getenv(env); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			f.errs = append(f.errs, fmt.Errorf("%s=%q: want true or false", env, v))
		} else {
			def = b
		}
	}
	f.BoolVar(p, name, def, fmt.Sprintf("%s (env %s)", help, env))
}

func (f *flagSet) int(p *int, name, env string, def int, help string) {
	if v := f.getenv(env); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			f.errs = append(f.errs, fmt.Errorf("%s=%q: not a whole number", env, v))
		} else {
			def = n
		}
	}
	f.IntVar(p, name, def, fmt.Sprintf("%s (env %s)", help, env))
}

// secret is str for a value that must never be printed: the help shows
// no default, so "-h" and usage errors never echo the environment's value.
func (f *flagSet) secret(p *string, name, env, help string) {
	f.StringVar(p, name, "", fmt.Sprintf("%s (env %s)", help, env))
	f.secrets = append(f.secrets, func() {
		if *p == "" {
			*p = f.getenv(env)
		}
	})
}

// list is str for a comma-separated list; blanks around items are dropped.
func (f *flagSet) list(p *[]string, name, env, help string) {
	f.Func(name, fmt.Sprintf("%s, comma-separated (env %s)", help, env), func(v string) error {
		*p = splitList(v)
		return nil
	})
	*p = splitList(f.getenv(env))
}

func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// dataFlag adds --data, which every command takes.
func (f *flagSet) dataFlag(p *string) {
	f.str(p, "data", "HOIDAP_DATA", "./data", "directory for the store, uploads and index")
}

// databaseURLFlag adds --database-url, a secret: the URL may hold a
// password.
func (f *flagSet) databaseURLFlag(p *string) {
	f.secret(p, "database-url", "HOIDAP_DATABASE_URL", "PostgreSQL URL (postgres://…) that replicas share: documents and the office's records (accounts, answer records, tickets…); empty keeps them in the SQLite store in --data. Each replica builds its own index in --data")
}

// parse parses args and reports every environment error at once.
func (f *flagSet) parse(args []string) error {
	if err := f.Parse(args); err != nil {
		return err
	}
	for _, fill := range f.secrets {
		fill()
	}
	if len(f.errs) > 0 {
		return fmt.Errorf("%w: %w", errUsage, errors.Join(f.errs...))
	}
	return nil
}

func serveFlags(getenv func(string) string, stderr io.Writer) (*flagSet, *config) {
	var c config
	f := newFlagSet("serve", getenv, stderr)
	f.str(&c.Addr, "addr", "HOIDAP_ADDR", ":8080", "address to listen on")
	f.dataFlag(&c.Data)
	f.str(&c.BaseURL, "base-url", "HOIDAP_BASE_URL", "http://localhost:8080", "public URL of the service, what QR codes point to")
	f.str(&c.LLMBaseURL, "llm-base-url", "OPENAI_BASE_URL", "", "OpenAI-compatible API base URL; empty for extractive answers only")
	f.secret(&c.LLMKey, "llm-api-key", "OPENAI_API_KEY", "API key for the LLM endpoint")
	f.str(&c.LLMModel, "llm-model", "HOIDAP_LLM_MODEL", "", "LLM model name")
	f.str(&c.STTBaseURL, "stt-base-url", "HOIDAP_STT_BASE_URL", "", "OpenAI-compatible speech-to-text base URL; empty for browser speech only")
	f.str(&c.STTModel, "stt-model", "HOIDAP_STT_MODEL", "whisper-1", "speech-to-text model name")
	f.secret(&c.STTKey, "stt-api-key", "HOIDAP_STT_API_KEY", "API key for the speech-to-text endpoint")
	f.secret(&c.AdminPassword, "admin-password", "HOIDAP_ADMIN_PASSWORD", "password of the first administrator; empty prints a one-time password on first start")
	f.secret(&c.AdminToken, "admin-token", "HOIDAP_ADMIN_TOKEN", "bearer token for the admin API")
	f.secret(&c.MetricsToken, "metrics-token", "HOIDAP_METRICS_TOKEN", "bearer token Prometheus must send for /metrics; empty serves it to anyone")
	f.int(&c.RateLimit, "rate-limit", "HOIDAP_RATE_LIMIT", 15, "questions per minute per client; 0 turns it off")
	f.list(&c.TrustedProxies, "trusted-proxies", "HOIDAP_TRUSTED_PROXIES", "reverse proxies (IP or CIDR) whose X-Forwarded-For is believed; empty trusts none")
	f.int(&c.LLMDailyRequests, "llm-daily-requests", "HOIDAP_LLM_DAILY_REQUESTS", 0, "LLM requests per day, past which answers are extractive; 0 for no bound")
	f.int(&c.LLMDailyTokens, "llm-daily-tokens", "HOIDAP_LLM_DAILY_TOKENS", 0, "LLM tokens per day, past which answers are extractive; 0 for no bound")
	f.int(&c.RetentionDays, "retention-days", "HOIDAP_RETENTION_DAYS", 180, "days conversation records are kept")
	f.bool(&c.NationalRecords, "national-records", "HOIDAP_NATIONAL_RECORDS", true, "import the national portal's procedures embedded in the binary at start (once per version)")
	f.str(&c.LogLevel, "log-level", "HOIDAP_LOG_LEVEL", "info", "debug, info, warn or error")
	f.int(&c.MaxConns, "max-conns", "HOIDAP_MAX_CONNS", 4096, "connections open at once, in all (lowered to fit the open-file limit); 0 turns the cap off")
	f.int(&c.MaxConnsPerAddr, "max-conns-per-addr", "HOIDAP_MAX_CONNS_PER_ADDR", 128, "connections open at once from one address (IPv6: one /64; --trusted-proxies exempt); 0 turns the cap off")
	f.databaseURLFlag(&c.DatabaseURL)
	f.str(&c.PprofAddr, "pprof-addr", "HOIDAP_PPROF_ADDR", "", "address for Go's profiles (/debug/pprof/), kept off the public one, e.g. 127.0.0.1:6060; empty serves none")
	return f, &c
}

// validate reports every problem of c at once.
func (c *config) validate() error {
	var errs []error
	if c.Addr == "" {
		errs = append(errs, errors.New("--addr must not be empty"))
	}
	if c.Data == "" {
		errs = append(errs, errors.New("--data must not be empty"))
	}
	if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, fmt.Errorf("--base-url %q: want an absolute http(s) URL", c.BaseURL))
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	for name, v := range map[string]string{"--llm-base-url": c.LLMBaseURL, "--stt-base-url": c.STTBaseURL} {
		if v == "" {
			continue
		}
		if u, err := url.Parse(v); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, fmt.Errorf("%s %q: want an absolute http(s) URL", name, redactURL(v)))
		}
	}
	if c.DatabaseURL != "" && !sqldb.IsURL(c.DatabaseURL) {
		errs = append(errs, fmt.Errorf("--database-url %q: want a postgres:// URL", redactURL(c.DatabaseURL)))
	}
	if c.LLMBaseURL != "" && c.LLMModel == "" {
		errs = append(errs, errors.New("OPENAI_BASE_URL is set but HOIDAP_LLM_MODEL is not: name the model"))
	}
	if c.RateLimit < 0 {
		errs = append(errs, fmt.Errorf("--rate-limit %d: must be 0 or more", c.RateLimit))
	}
	for _, p := range c.TrustedProxies {
		if _, err := netip.ParsePrefix(p); err == nil {
			continue
		}
		if _, err := netip.ParseAddr(p); err != nil {
			errs = append(errs, fmt.Errorf("--trusted-proxies %q: want an IP address or CIDR", p))
		}
	}
	if c.LLMDailyRequests < 0 {
		errs = append(errs, fmt.Errorf("--llm-daily-requests %d: must be 0 or more", c.LLMDailyRequests))
	}
	if c.LLMDailyTokens < 0 {
		errs = append(errs, fmt.Errorf("--llm-daily-tokens %d: must be 0 or more", c.LLMDailyTokens))
	}
	if c.MaxConns < 0 {
		errs = append(errs, fmt.Errorf("--max-conns %d: must be 0 or more", c.MaxConns))
	}
	if c.MaxConnsPerAddr < 0 {
		errs = append(errs, fmt.Errorf("--max-conns-per-addr %d: must be 0 or more", c.MaxConnsPerAddr))
	}
	if c.RetentionDays < 1 {
		errs = append(errs, fmt.Errorf("--retention-days %d: must be 1 or more", c.RetentionDays))
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("--log-level %q: want debug, info, warn or error", c.LogLevel))
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w: %w", errUsage, errors.Join(errs...))
	}
	return nil
}

// redactURL hides a password in a URL, which may carry a secret, before
// the URL is shown in an error.
func redactURL(v string) string {
	u, err := url.Parse(v)
	if err != nil {
		return "(unreadable URL)"
	}
	return u.Redacted()
}
