package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// No Docker engine runs where the tests run: these check what can be
// checked of the Dockerfile and docker-compose.yml without one.

type composeFile struct {
	Services map[string]struct {
		Build       any               `yaml:"build"`
		Image       string            `yaml:"image"`
		Ports       []string          `yaml:"ports"`
		Environment map[string]string `yaml:"environment"`
		Volumes     []string          `yaml:"volumes"`
		DependsOn   map[string]struct {
			Condition string `yaml:"condition"`
		} `yaml:"depends_on"`
		Healthcheck struct {
			Test []string `yaml:"test"`
		} `yaml:"healthcheck"`
		StopGracePeriod string `yaml:"stop_grace_period"`
	} `yaml:"services"`
	Volumes map[string]any `yaml:"volumes"`
}

func TestComposeFile(t *testing.T) {
	raw, err := os.ReadFile("../../docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var c composeFile
	if err := yaml.Unmarshal(raw, &c); err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}
	app, ok := c.Services["hoidap"]
	if !ok || c.Services["ollama"].Image == "" {
		t.Fatalf("services %v: want hoidap and ollama", c.Services)
	}
	env := app.Environment
	if env["OPENAI_BASE_URL"] != "http://ollama:11434/v1" || !strings.Contains(env["HOIDAP_LLM_MODEL"], "qwen2.5:7b-instruct") {
		t.Errorf("LLM settings %q %q", env["OPENAI_BASE_URL"], env["HOIDAP_LLM_MODEL"])
	}
	// Every variable set is one hoidap reads: a typo would be ignored.
	var help strings.Builder
	f, _ := serveFlags(func(string) string { return "" }, &help)
	f.PrintDefaults()
	for name := range env {
		if !strings.Contains(help.String(), "env "+name+")") {
			t.Errorf("compose sets %s, which serve does not read", name)
		}
	}
	if app.DependsOn["ollama"].Condition != "service_healthy" {
		t.Errorf("hoidap depends_on %+v", app.DependsOn)
	}
	for name, s := range c.Services {
		if len(s.Healthcheck.Test) < 2 {
			t.Errorf("%s has no health check", name)
		}
		for _, v := range s.Volumes {
			vol, _, _ := strings.Cut(v, ":")
			if _, ok := c.Volumes[vol]; !ok {
				t.Errorf("%s mounts %s, not a declared volume", name, vol)
			}
		}
	}
	if got := strings.Join(app.Healthcheck.Test, " "); got != "CMD /hoidap healthcheck" {
		t.Errorf("hoidap health check %q", got)
	}
	if app.StopGracePeriod == "" || app.Build == nil {
		t.Errorf("hoidap: build %v, stop_grace_period %q", app.Build, app.StopGracePeriod)
	}
}

func TestDockerfile(t *testing.T) {
	raw, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	df := string(raw)
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	goVersion := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindStringSubmatch(string(mod))
	for _, want := range []string{
		"FROM golang:" + goVersion[1] + " AS build",
		"CGO_ENABLED=0", "-trimpath", `-ldflags "-s -w"`, "./cmd/hoidap",
		"FROM gcr.io/distroless/static", "USER 65532", "EXPOSE 8080",
		`CMD ["/hoidap", "healthcheck"]`, `ENTRYPOINT ["/hoidap"]`, "HOIDAP_DATA=/data",
	} {
		if !strings.Contains(df, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	if froms := regexp.MustCompile(`(?m)^FROM `).FindAllString(df, -1); len(froms) != 2 {
		t.Errorf("%d stages, want 2 (build, final)", len(froms))
	}
	ignore, err := os.ReadFile("../../.dockerignore")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{".git", "data"} {
		if !strings.Contains(string(ignore), want+"\n") {
			t.Errorf(".dockerignore lacks %s", want)
		}
	}
}
