package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/internal/ssetest"
	"github.com/hoidap/hoidap/knowledge"
)

func TestConfigReportsEveryErrorAtOnce(t *testing.T) {
	env := map[string]string{
		"HOIDAP_RATE_LIMIT":         "nhiều",
		"HOIDAP_TRUSTED_PROXIES":    "10.0.0.1, proxy.local ,192.168.0.0/33",
		"HOIDAP_LLM_DAILY_REQUESTS": "-1",
		"HOIDAP_LLM_DAILY_TOKENS":   "-5",
		"HOIDAP_RETENTION_DAYS":     "0",
		"HOIDAP_LOG_LEVEL":          "loud",
		"OPENAI_BASE_URL":           "ftp://user:hunter2@llm.local",
	}
	var stdout, stderr bytes.Buffer
	getenv := func(k string) string { return env[k] }
	// The environment's own errors (a number that is not one) come first.
	if code := run(context.Background(), []string{"serve"}, getenv, &stdout, &stderr); code != 2 {
		t.Fatalf("exit %d, want 2: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "HOIDAP_RATE_LIMIT") {
		t.Errorf("stderr does not name HOIDAP_RATE_LIMIT: %s", stderr.String())
	}
	env["HOIDAP_RATE_LIMIT"] = "0"
	stderr.Reset()
	if code := run(context.Background(), []string{"serve"}, getenv, &stdout, &stderr); code != 2 {
		t.Fatalf("exit %d, want 2: %s", code, stderr.String())
	}
	got := stderr.String()
	for _, want := range []string{`"proxy.local"`, `"192.168.0.0/33"`, "--llm-daily-requests -1", "--llm-daily-tokens -5",
		"--retention-days 0", `--log-level "loud"`, "--llm-base-url", "HOIDAP_LLM_MODEL"} {
		if !strings.Contains(got, want) {
			t.Errorf("stderr lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "10.0.0.1") || strings.Contains(got, "hunter2") {
		t.Errorf("stderr names a valid proxy or a password:\n%s", got)
	}
}

func TestServeNeverLogsSecrets(t *testing.T) {
	secrets := map[string]string{
		"OPENAI_API_KEY":        "sk-test-3c8f1e0d9b7a6c5e4f3a2b1c",
		"HOIDAP_ADMIN_PASSWORD": "Mật-khẩu-rất-bí-mật-4821",
		"HOIDAP_ADMIN_TOKEN":    "tok_9f2e7d4c1b8a5e3f6d0c",
		"HOIDAP_STT_API_KEY":    "stt-5b1d9e7c3a2f8e6d4c0b",
		"HOIDAP_METRICS_TOKEN":  "prom-2d8a6f1c9e4b7a3d",
	}
	env := map[string]string{"OPENAI_BASE_URL": slowLLM(t, "500", 0), "HOIDAP_LLM_MODEL": "fake", "HOIDAP_LOG_LEVEL": "debug",
		"HOIDAP_STT_BASE_URL": "http://127.0.0.1:9/v1"}
	for k, v := range secrets {
		env[k] = v
	}
	s := mustServe(t, env)
	for _, path := range []string{"/healthz", "/readyz", "/metrics", "/x/demo", "/api/v1/search?q=khai+sinh"} {
		resp, err := http.Get(s.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	resp := ssetest.Ask(t, s.URL, `{"question":"Đăng ký khai sinh cần giấy tờ gì?","commune":"demo"}`, false)
	resp.Body.Close()
	var hc bytes.Buffer
	if code := run(context.Background(), []string{"healthcheck", "--url", s.URL + "/healthz"}, envOf(nil), &hc, &hc); code != 0 {
		t.Errorf("healthcheck of a running service: exit %d: %s", code, hc.String())
	}
	if code := s.stop(t); code != 0 {
		t.Fatalf("exit %d: %s", code, s.Stderr)
	}
	if code := run(context.Background(), []string{"healthcheck", "--url", s.URL + "/healthz"}, envOf(nil), &hc, &hc); code != 1 {
		t.Errorf("healthcheck of a stopped service: exit %d, want 1", code)
	}

	// Help and usage errors print flag defaults: a secret must not be one.
	var help, bad bytes.Buffer
	getenv := func(k string) string { return env[k] }
	run(context.Background(), []string{"serve", "-h"}, getenv, &help, &help)
	run(context.Background(), []string{"serve", "--no-such-flag"}, getenv, &bad, &bad)

	outputs := map[string]string{"stdout": s.Stdout.String(), "stderr": s.Stderr.String(), "help": help.String(), "usage error": bad.String()}
	if !strings.Contains(outputs["stderr"], "serving") {
		t.Fatalf("no log read: %s", outputs["stderr"])
	}
	for name, out := range outputs {
		for env, secret := range secrets {
			if strings.Contains(out, secret) {
				t.Errorf("%s shows %s", name, env)
			}
		}
	}
}

func TestShutdownDrainsStreams(t *testing.T) {
	chunks := []string{"Hồ sơ gồm ", "Tờ khai đăng ký kết hôn ", "theo mẫu ", "và giấy tờ tùy thân ", "của hai bên [1]."}
	llm := slowLLM(t, "", 400*time.Millisecond, chunks...)
	s := mustServe(t, map[string]string{"OPENAI_BASE_URL": llm, "HOIDAP_LLM_MODEL": "fake"})
	resp := ssetest.Ask(t, s.URL, `{"question":"Đăng ký kết hôn cần giấy tờ gì?","commune":"demo"}`, true)
	stopped := make(chan int, 1)
	var once sync.Once
	events := ssetest.ReadEvents(resp, func(e ssetest.Event) {
		if e.Name == "delta" {
			// The signal arrives while the answer streams.
			once.Do(func() { go func() { stopped <- s.stop(t) }() })
		}
	})
	var names []string
	var text strings.Builder
	for _, e := range events {
		names = append(names, e.Name)
		if e.Name == "delta" {
			var d struct{ Text string }
			if err := json.Unmarshal([]byte(e.Data), &d); err != nil {
				t.Fatal(err)
			}
			text.WriteString(d.Text)
		}
	}
	if len(names) == 0 || names[len(names)-1] != "done" {
		t.Fatalf("stream ended without done: %v", names)
	}
	if got, want := text.String(), strings.Join(chunks, ""); got != want {
		t.Errorf("streamed %q, want the whole answer %q", got, want)
	}
	select {
	case code := <-stopped:
		if code != 0 {
			t.Fatalf("exit %d: %s", code, s.Stderr)
		}
	case <-time.After(45 * time.Second):
		t.Fatal("serve did not return after the stream ended")
	}
	if _, err := http.Get(s.URL + "/healthz"); err == nil {
		t.Error("still serving after shutdown")
	}
}

func TestDeadLLMFallsBackAndReadyzShowsOpenCircuit(t *testing.T) {
	for _, mode := range []string{"500", "hang", "garbage"} {
		t.Run(mode, func(t *testing.T) {
			s := mustServe(t, map[string]string{"OPENAI_BASE_URL": slowLLM(t, mode, 0), "HOIDAP_LLM_MODEL": "fake", "HOIDAP_RATE_LIMIT": "0"})
			// Three failures open the circuit; they are asked at once so a
			// hanging LLM costs one first-token wait, not three.
			var wg sync.WaitGroup
			for range 3 {
				wg.Go(func() {
					resp := ssetest.Ask(t, s.URL, `{"question":"Đăng ký khai sinh cần giấy tờ gì?","commune":"demo"}`, false)
					var r struct {
						Answer   string
						Mode     string
						Grounded bool
						Sources  []struct{ Title string }
					}
					if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
						t.Error(err)
						return
					}
					if resp.StatusCode != http.StatusOK || r.Mode != "extractive" || !r.Grounded || len(r.Sources) == 0 {
						t.Errorf("status %d mode %q grounded %v sources %d, want an extractive grounded answer",
							resp.StatusCode, r.Mode, r.Grounded, len(r.Sources))
					}
				})
			}
			wg.Wait()
			var ready struct {
				Ready bool
				LLM   struct{ State string }
			}
			if code := getJSON(t, s.URL+"/readyz", &ready); code != http.StatusOK || !ready.Ready || ready.LLM.State != "open" {
				t.Errorf("/readyz %d %+v, want 200, ready, llm open", code, ready)
			}
		})
	}
}

// envOf is a getenv over m.
func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestRateLimitCountsClientsBehindTrustedProxy(t *testing.T) {
	s := mustServe(t, map[string]string{"HOIDAP_RATE_LIMIT": "2", "HOIDAP_TRUSTED_PROXIES": "127.0.0.1/32, ::1"})
	askFrom := func(client string) int {
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/api/v1/ask", strings.NewReader(`{"question":"đăng ký khai sinh","commune":"demo"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Forwarded-For", client)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	var got []int
	for range 3 {
		got = append(got, askFrom("203.0.113.7"))
	}
	// Another resident behind the same proxy is not held back.
	got = append(got, askFrom("198.51.100.20"))
	if want := []int{200, 200, 429, 200}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("statuses %v, want %v: the limit counts the client the proxy names", got, want)
	}
}

func TestOneTimePasswordOnStdoutNotInLog(t *testing.T) {
	s := mustServe(t, map[string]string{"HOIDAP_LOG_LEVEL": "debug"})
	s.stop(t)
	_, rest, ok := strings.Cut(s.Stdout.String(), "(one-time password): ")
	password, _, _ := strings.Cut(rest, "\n")
	if !ok || len(password) < 12 {
		t.Fatalf("no one-time password on stdout:\n%s", s.Stdout)
	}
	if strings.Contains(s.Stderr.String(), password) {
		t.Error("the one-time password is in the log")
	}
}

func TestRetentionPurgesOldRecordsAtStart(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: data})
	if err != nil {
		t.Fatal(err)
	}
	rs, err := records.Open(ctx, kb.DB())
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for id, age := range map[string]int{"old": 45, "recent": 5} {
		rec := records.AnswerRecord{ID: id, Question: "khai sinh", Mode: "extractive", Created: now.AddDate(0, 0, -age)}
		if err := rs.RecordAnswer(ctx, rec); err != nil {
			t.Fatal(err)
		}
	}
	rs.Close()
	kb.Close()
	s := mustServe(t, map[string]string{"HOIDAP_DATA": data, "HOIDAP_RETENTION_DAYS": "30"})
	var ids []string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		ids = answerIDs(t, data)
		if len(ids) == 1 {
			break
		}
	}
	if fmt.Sprint(ids) != "[recent]" {
		t.Errorf("answer records %v after start with 30 days' retention, want [recent]", ids)
	}
	s.stop(t)
}

// answerIDs reads the ids of the answer records in data's store.
func answerIDs(tb testing.TB, data string) []string {
	tb.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(data, "hoidap.db")+"?mode=ro&_pragma=busy_timeout(2000)")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT id FROM answers ORDER BY id")
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids
}

func TestProfilesOnlyOnTheirOwnAddress(t *testing.T) {
	s := mustServe(t, map[string]string{"HOIDAP_PPROF_ADDR": "127.0.0.1:0"})
	m := regexp.MustCompile(`"msg":"profiles","addr":"([^"]+)"`).FindStringSubmatch(s.Stderr.String())
	if m == nil {
		t.Fatalf("no profiles address logged: %s", s.Stderr)
	}
	for url, want := range map[string]int{
		"http://" + m[1] + "/debug/pprof/cmdline": http.StatusOK,
		s.URL + "/debug/pprof/cmdline":            http.StatusNotFound,
	} {
		resp, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("%s: %d, want %d", url, resp.StatusCode, want)
		}
	}
}

// A process killed mid-upload leaves the original it had written and no
// document referring to it; the next start removes it, and keeps the
// originals documents refer to.
func TestServeRemovesOrphanUploadsAtStart(t *testing.T) {
	data := t.TempDir()
	mustSeedTestCorpus(t, data, "")
	ctx := context.Background()
	kb, err := knowledge.Open(ctx, knowledge.Config{Dir: data})
	if err != nil {
		t.Fatal(err)
	}
	err = kb.Ingest(ctx, knowledge.Document{ID: "tl-giu", Title: "Lịch họp thôn", Body: "Họp thôn tối thứ hai.",
		OriginalName: "hop.md", OriginalPath: "uploads/0123456789ab-hop.md"})
	if cerr := kb.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	uploads := filepath.Join(data, "uploads")
	if err := os.MkdirAll(uploads, 0o750); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"0123456789ab-hop.md", "0123456789ac-mo-coi.pdf", ".part-0123456789ad"} {
		if err := os.WriteFile(filepath.Join(uploads, name), []byte("x"), 0o640); err != nil {
			t.Fatal(err)
		}
	}
	mustServe(t, map[string]string{"HOIDAP_DATA": data})
	entries, err := os.ReadDir(uploads)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if want := []string{"0123456789ab-hop.md"}; fmt.Sprint(left) != fmt.Sprint(want) {
		t.Errorf("uploads after start: %v, want %v", left, want)
	}
}
