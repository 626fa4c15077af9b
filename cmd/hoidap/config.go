package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
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
	AdminPassword string
	AdminToken    string
	RateLimit     int
	LogLevel      string
}

// flagSet makes a FlagSet whose defaults come from the environment: every
// flag names its variable in its help.
type flagSet struct {
	*flag.FlagSet
	getenv func(string) string
	errs   []error
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

// dataFlag adds --data, which every command takes.
func (f *flagSet) dataFlag(p *string) {
	f.str(p, "data", "HOIDAP_DATA", "./data", "directory for the store, uploads and index")
}

// parse parses args and reports every environment error at once.
func (f *flagSet) parse(args []string) error {
	if err := f.Parse(args); err != nil {
		return err
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
	f.str(&c.LLMKey, "llm-api-key", "OPENAI_API_KEY", "", "API key for the LLM endpoint")
	f.str(&c.LLMModel, "llm-model", "HOIDAP_LLM_MODEL", "", "LLM model name")
	f.str(&c.STTBaseURL, "stt-base-url", "HOIDAP_STT_BASE_URL", "", "OpenAI-compatible speech-to-text base URL; empty for browser speech only")
	f.str(&c.STTModel, "stt-model", "HOIDAP_STT_MODEL", "whisper-1", "speech-to-text model name")
	f.str(&c.AdminPassword, "admin-password", "HOIDAP_ADMIN_PASSWORD", "", "password of the first administrator; empty prints a one-time password on first start")
	f.str(&c.AdminToken, "admin-token", "HOIDAP_ADMIN_TOKEN", "", "bearer token for the admin API")
	f.int(&c.RateLimit, "rate-limit", "HOIDAP_RATE_LIMIT", 15, "questions per minute per client; 0 turns it off")
	f.str(&c.LogLevel, "log-level", "HOIDAP_LOG_LEVEL", "info", "debug, info, warn or error")
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
			errs = append(errs, fmt.Errorf("%s %q: want an absolute http(s) URL", name, v))
		}
	}
	if c.LLMBaseURL != "" && c.LLMModel == "" {
		errs = append(errs, errors.New("OPENAI_BASE_URL is set but HOIDAP_LLM_MODEL is not: name the model"))
	}
	if c.RateLimit < 0 {
		errs = append(errs, fmt.Errorf("--rate-limit %d: must be 0 or more", c.RateLimit))
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
