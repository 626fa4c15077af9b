package main

import (
	"bufio"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/ssetest"
)

// TestSIGTERMDrainsTheRealProcess is TestShutdownDrainsStreams through
// main: the built binary, a real SIGTERM.
func TestSIGTERMDrainsTheRealProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildHoidap(t)
	chunks := []string{"Hồ sơ gồm ", "Tờ khai đăng ký kết hôn ", "và giấy tờ tùy thân [1]."}
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--data", t.TempDir())
	cmd.Env = append(cmd.Environ(), "OPENAI_BASE_URL="+slowLLM(t, "", 400*time.Millisecond, chunks...), "HOIDAP_LLM_MODEL=fake")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	base := ""
	sc := bufio.NewScanner(stdout)
	for base == "" && sc.Scan() {
		if _, rest, ok := strings.Cut(sc.Text(), "serving on "); ok {
			addr, _, _ := strings.Cut(rest, " ")
			base = "http://" + addr
		}
	}
	if base == "" {
		t.Fatal("the binary never said where it serves")
	}
	go func() {
		for sc.Scan() {
		}
	}()
	resp := ssetest.Ask(t, base, `{"question":"Đăng ký kết hôn cần giấy tờ gì?","commune":"demo"}`, true)
	signalled := false
	events := ssetest.ReadEvents(resp, func(e ssetest.Event) {
		if e.Name == "delta" && !signalled {
			signalled = true
			if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Error(err)
			}
		}
	})
	if !signalled || len(events) == 0 || events[len(events)-1].Name != "done" {
		t.Fatalf("stream after SIGTERM: %v", events)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v", err)
		}
	case <-time.After(40 * time.Second):
		t.Fatal("still running 40 s after SIGTERM")
	}
}
