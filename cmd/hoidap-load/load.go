package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hoidap/hoidap/internal/residentq"
)

// target is one endpoint under load; request builds its i-th request.
type target struct {
	name    string
	request func(ctx context.Context, i int) (*http.Request, error)
}

func targetByName(name string, o options) (target, bool) {
	question := func(i int) string {
		q := residentq.Questions[i%len(residentq.Questions)]
		if o.distinct {
			q += fmt.Sprintf(" (%d)", i)
		}
		return q
	}
	switch name {
	case "healthz":
		return target{"GET /healthz", func(ctx context.Context, _ int) (*http.Request, error) {
			return http.NewRequestWithContext(ctx, http.MethodGet, o.url+"/healthz", nil)
		}}, true
	case "search":
		return target{"GET /api/v1/search", func(ctx context.Context, i int) (*http.Request, error) {
			q := url.Values{"q": {question(i)}, "commune": {o.commune}}
			return http.NewRequestWithContext(ctx, http.MethodGet, o.url+"/api/v1/search?"+q.Encode(), nil)
		}}, true
	case "ask":
		return target{"POST /api/v1/ask", func(ctx context.Context, i int) (*http.Request, error) {
			body := fmt.Sprintf(`{"question":%q,"commune":%q}`, question(i), o.commune)
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, o.url+"/api/v1/ask", strings.NewReader(body))
			if err == nil {
				req.Header.Set("Content-Type", "application/json")
			}
			return req, err
		}}, true
	}
	return target{}, false
}

// result is what one endpoint did under load.
type result struct {
	name      string
	requests  int
	errors    int
	firstErr  string
	elapsed   time.Duration
	latencies []time.Duration // sorted
}

func (r result) perSecond() float64 { return float64(r.requests) / r.elapsed.Seconds() }

func (r result) percentile(p float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	return r.latencies[min(len(r.latencies)-1, int(p*float64(len(r.latencies))))]
}

// load keeps conns requests in flight to t for d and measures each.
func load(ctx context.Context, client *http.Client, t target, conns int, d time.Duration) result {
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var (
		next    atomic.Int64
		mu      sync.Mutex
		res     = result{name: t.name}
		wg      sync.WaitGroup
		started = time.Now()
	)
	for range conns {
		wg.Go(func() {
			var lat []time.Duration
			errs, firstErr := 0, ""
			for ctx.Err() == nil {
				i := int(next.Add(1))
				req, err := t.request(ctx, i)
				if err != nil {
					errs++
					firstErr = err.Error()
					continue
				}
				start := time.Now()
				resp, err := client.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != http.StatusOK {
						err = fmt.Errorf("%s", resp.Status)
					}
				}
				if ctx.Err() != nil {
					break // cut by the end of the run, not the service's doing
				}
				if err != nil {
					errs++
					firstErr = err.Error()
					continue
				}
				lat = append(lat, time.Since(start))
			}
			mu.Lock()
			res.latencies = append(res.latencies, lat...)
			res.errors += errs
			if firstErr != "" && res.firstErr == "" {
				res.firstErr = firstErr
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	res.elapsed = time.Since(started)
	res.requests = len(res.latencies)
	slices.Sort(res.latencies)
	return res
}

// report prints a table; the first result (normally /healthz) is the
// ceiling the others are measured against.
func report(w io.Writer, results []result) {
	if len(results) == 0 {
		return
	}
	ceiling := results[0].perSecond()
	fmt.Fprintf(w, "| endpoint | requests | errors | req/s | ratio to %s | p50 | p90 | p99 | max |\n", results[0].name)
	fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, r := range results {
		fmt.Fprintf(w, "| %s | %d | %d | %.0f | %.0f %% | %s | %s | %s | %s |\n", r.name, r.requests, r.errors, r.perSecond(),
			100*r.perSecond()/ceiling, ms(r.percentile(0.50)), ms(r.percentile(0.90)), ms(r.percentile(0.99)), ms(r.percentile(1)))
	}
	for _, r := range results {
		if r.errors > 0 {
			fmt.Fprintf(w, "%s: %d errors, first: %s\n", r.name, r.errors, r.firstErr)
		}
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

// summarize prints, for each endpoint, the median over runs of its
// throughput, of its ratio to the first endpoint of the same run (with the
// range) and of its percentiles: on a shared machine one run says little.
func summarize(w io.Writer, runs [][]result) {
	fmt.Fprintf(w, "median of %d runs (ratio range in brackets):\n", len(runs))
	fmt.Fprintf(w, "| endpoint | req/s | ratio to %s | p50 | p99 |\n", runs[0][0].name)
	fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: |")
	for i, r := range runs[0] {
		var rates, ratios []float64
		var p50, p99 []time.Duration
		for _, results := range runs {
			rates = append(rates, results[i].perSecond())
			ratios = append(ratios, 100*results[i].perSecond()/results[0].perSecond())
			p50 = append(p50, results[i].percentile(0.50))
			p99 = append(p99, results[i].percentile(0.99))
		}
		fmt.Fprintf(w, "| %s | %.0f | %.0f %% (%.0f–%.0f %%) | %s | %s |\n", r.name, median(rates),
			median(ratios), slices.Min(ratios), slices.Max(ratios), ms(median(p50)), ms(median(p99)))
	}
}

// median returns the middle value of xs (the upper one of an even count).
func median[T int64 | float64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
