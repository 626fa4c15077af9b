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
		Networks        any    `yaml:"networks"`
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

// The scale-out profile: PostgreSQL with pg_isready, two replicas on it
// each with a volume of its own, Caddy in front with its config from the
// repository, whose address is the one the replicas trust.
func TestComposeScaleFile(t *testing.T) {
	raw, err := os.ReadFile("../../docker-compose.scale.yml")
	if err != nil {
		t.Fatal(err)
	}
	var c composeFile
	if err := yaml.Unmarshal(raw, &c); err != nil {
		t.Fatalf("docker-compose.scale.yml: %v", err)
	}
	pg := c.Services["postgres"]
	if v := regexp.MustCompile(`^postgres:(\d+)`).FindStringSubmatch(pg.Image); v == nil || v[1] < "15" {
		t.Errorf("postgres image %q: want PostgreSQL 15 or later", pg.Image)
	}
	if !strings.Contains(strings.Join(pg.Healthcheck.Test, " "), "pg_isready") {
		t.Errorf("postgres health check %v", pg.Healthcheck.Test)
	}
	caddyfile, err := os.ReadFile("../../deploy/Caddyfile")
	if err != nil {
		t.Fatal(err)
	}
	caddy := c.Services["caddy"]
	if !strings.Contains(strings.Join(caddy.Volumes, " "), "./deploy/Caddyfile:/etc/caddy/Caddyfile") {
		t.Errorf("caddy volumes %v: want deploy/Caddyfile", caddy.Volumes)
	}
	caddyIP := regexp.MustCompile(`ipv4_address: (\S+)`).FindStringSubmatch(string(raw))
	var help strings.Builder
	f, _ := serveFlags(func(string) string { return "" }, &help)
	f.PrintDefaults()
	volumes := map[string]bool{}
	for _, name := range []string{"hoidap-a", "hoidap-b"} {
		app, ok := c.Services[name]
		if !ok {
			t.Fatalf("no service %s", name)
		}
		if !strings.Contains(string(caddyfile), name+":8080") {
			t.Errorf("the Caddyfile does not proxy to %s:8080", name)
		}
		env := app.Environment
		if !strings.HasPrefix(env["HOIDAP_DATABASE_URL"], "postgres://") || !strings.Contains(env["HOIDAP_DATABASE_URL"], "@postgres:5432/") {
			t.Errorf("%s database URL %q", name, env["HOIDAP_DATABASE_URL"])
		}
		if caddyIP == nil || env["HOIDAP_TRUSTED_PROXIES"] != caddyIP[1] {
			t.Errorf("%s trusts %q, caddy is at %v", name, env["HOIDAP_TRUSTED_PROXIES"], caddyIP)
		}
		for v := range env {
			if !strings.Contains(help.String(), "env "+v+")") {
				t.Errorf("%s sets %s, which serve does not read", name, v)
			}
		}
		if app.DependsOn["postgres"].Condition != "service_healthy" {
			t.Errorf("%s depends_on %+v", name, app.DependsOn)
		}
		if got := strings.Join(app.Healthcheck.Test, " "); got != "CMD /hoidap healthcheck" {
			t.Errorf("%s health check %q", name, got)
		}
		if len(app.Volumes) != 1 || !strings.HasSuffix(app.Volumes[0], ":/data") {
			t.Fatalf("%s volumes %v: want one on /data", name, app.Volumes)
		}
		vol, _, _ := strings.Cut(app.Volumes[0], ":")
		if volumes[vol] {
			t.Errorf("the replicas share the volume %s", vol)
		}
		volumes[vol] = true
		if _, ok := c.Volumes[vol]; !ok {
			t.Errorf("%s mounts %s, not a declared volume", name, vol)
		}
	}
	for _, want := range []string{"health_uri /healthz", "lb_try_duration", "fail_duration"} {
		if !strings.Contains(string(caddyfile), want) {
			t.Errorf("the Caddyfile lacks %q", want)
		}
	}
}
