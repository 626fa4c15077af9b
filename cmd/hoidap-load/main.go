// Command hoidap-load loads a running hoidap from a second process and
// reports, for /healthz, /api/v1/search and an extractive /api/v1/ask,
// throughput and latency percentiles, with each throughput as a ratio to
// /healthz measured in the same run: the framework's ceiling on that
// machine.
//
//	hoidap serve --data /tmp/loaddata &   # no OPENAI_BASE_URL, HOIDAP_RATE_LIMIT=0
//	hoidap-load --url http://127.0.0.1:8080 -c 32 -d 10s -runs 3
//
// With -runs N the whole sequence runs N times and the report ends with
// the median of each figure: on a shared machine one run says little.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/hoidap/hoidap/internal/residentq"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// options are the command line.
type options struct {
	url         string
	conns       int
	duration    time.Duration
	warmup      time.Duration
	commune     string
	targets     []string
	pidForVmHWM int
	// distinct makes every question unique (a running number is added),
	// so that no cache of search results answers it.
	distinct bool
	// runs repeats the whole sequence, for a median on a noisy machine.
	runs int
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hoidap-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	var targets string
	fs.StringVar(&o.url, "url", "http://127.0.0.1:8080", "base URL of the running service")
	fs.IntVar(&o.conns, "c", 32, "connections, each with one request in flight")
	fs.DurationVar(&o.duration, "d", 10*time.Second, "measured time per endpoint")
	fs.DurationVar(&o.warmup, "warmup", 2*time.Second, "unmeasured time before each endpoint")
	fs.StringVar(&o.commune, "commune", "demo", "commune slug the questions are asked from")
	fs.StringVar(&targets, "targets", "healthz,search,ask", "endpoints, in order: healthz, search, ask")
	fs.IntVar(&o.pidForVmHWM, "pid", 0, "server's process id: report its peak memory (VmHWM) at the end")
	fs.BoolVar(&o.distinct, "distinct", false, "add a running number to every question, so that none is answered from a cache")
	fs.IntVar(&o.runs, "runs", 1, "repeat the whole sequence this many times and end with the median of each figure")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	o.url = strings.TrimRight(o.url, "/")
	o.targets = strings.Split(targets, ",")
	if o.conns < 1 || o.duration <= 0 || o.runs < 1 {
		fmt.Fprintln(stderr, "hoidap-load: -c, -d and -runs must be positive")
		return 2
	}
	client := &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			MaxIdleConns: o.conns, MaxIdleConnsPerHost: o.conns, MaxConnsPerHost: o.conns,
			IdleConnTimeout: time.Minute, DisableCompression: true,
		},
	}
	if err := check(ctx, client, o); err != nil {
		fmt.Fprintf(stderr, "hoidap-load: %v\n", err)
		return 1
	}
	kind := fmt.Sprintf("%d questions in rotation", len(residentq.Questions))
	if o.distinct {
		kind = "every question distinct"
	}
	fmt.Fprintf(stdout, "hoidap-load: %s, %d connections, %s per endpoint (after %s warm-up), %s\n\n", o.url, o.conns, o.duration, o.warmup, kind)
	var endpoints []target
	for _, name := range o.targets {
		t, ok := targetByName(name, o)
		if !ok {
			fmt.Fprintf(stderr, "hoidap-load: unknown target %q\n", name)
			return 2
		}
		endpoints = append(endpoints, t)
	}
	var runs [][]result
	for n := range o.runs {
		var results []result
		for _, t := range endpoints {
			load(ctx, client, t, o.conns, o.warmup)
			results = append(results, load(ctx, client, t, o.conns, o.duration))
			if ctx.Err() != nil {
				return 1
			}
		}
		if o.runs > 1 {
			fmt.Fprintf(stdout, "run %d of %d:\n", n+1, o.runs)
		}
		report(stdout, results)
		fmt.Fprintln(stdout)
		runs = append(runs, results)
	}
	if o.runs > 1 {
		summarize(stdout, runs)
	}
	if o.pidForVmHWM > 0 {
		if hwm, err := vmHWM(o.pidForVmHWM); err == nil {
			fmt.Fprintf(stdout, "server peak memory (VmHWM of pid %d): %s\n", o.pidForVmHWM, hwm)
		}
	}
	for _, results := range runs {
		for _, r := range results {
			if r.errors > 0 {
				return 1
			}
		}
	}
	return 0
}

// check makes sure the service answers and answers extractively: an LLM
// would measure the LLM, not hoidap.
func check(ctx context.Context, client *http.Client, o options) error {
	t, _ := targetByName("ask", o)
	req, err := t.request(ctx, 0)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		return errors.New("the service limits questions: start it with HOIDAP_RATE_LIMIT=0")
	case resp.StatusCode != http.StatusOK:
		return fmt.Errorf("ask: %s", resp.Status)
	case !strings.Contains(string(body), `"mode":"extractive"`):
		return errors.New("the service answers with an LLM: start it without OPENAI_BASE_URL to measure extractive answers")
	}
	return nil
}

// vmHWM reads a process's peak resident memory from /proc.
func vmHWM(pid int) (string, error) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.TrimSpace(v), nil
		}
	}
	return "", errors.New("no VmHWM")
}
