// Package sqldbtest runs a package's store tests on every engine: SQLite
// in memory, and PostgreSQL on a throwaway server that the test process
// starts (initdb and pg_ctl into a temporary folder, listening on a unix
// socket there only) and stops at its end, with a database of its own
// for each test.
//
// Where the PostgreSQL binaries are missing the PostgreSQL half is
// skipped, unless HOIDAP_PG_REQUIRED is set (as CI sets it): then it
// fails.
package sqldbtest

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/sqldb"
)

// RequiredEnv names the variable that makes a missing PostgreSQL fail the
// tests instead of skipping them.
const RequiredEnv = "HOIDAP_PG_REQUIRED"

// Main runs the tests of m and stops the PostgreSQL server if one was
// started; a package's TestMain returns it: os.Exit(sqldbtest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	Stop()
	return code
}

// Stop stops the PostgreSQL server if one was started, for a TestMain
// that does more than Main.
func Stop() {
	if err := theServer.stop(); err != nil {
		fmt.Fprintln(os.Stderr, "sqldbtest: stop postgres:", err)
	}
}

// Each runs test once per engine as a subtest ("sqlite", "postgres"),
// with the dsn of an empty database of that engine to open with
// sqldb.Open: "" (a private SQLite database in memory) or the URL of a
// PostgreSQL database made for this test and dropped after it.
func Each(t *testing.T, test func(t *testing.T, dsn string)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { test(t, "") })
	t.Run("postgres", func(t *testing.T) { test(t, Postgres(t)) })
}

// Postgres returns the URL of a new empty database on the test process's
// PostgreSQL server, starting the server the first time; it skips tb
// (fails it when HOIDAP_PG_REQUIRED is set) when the binaries are missing.
func Postgres(tb testing.TB) string {
	tb.Helper()
	admin, err := theServer.start()
	if errors.Is(err, errNoBinaries) && os.Getenv(RequiredEnv) == "" {
		tb.Skipf("PostgreSQL half skipped: %v (install Debian's postgresql package, or set %s=1 to fail instead)", err, RequiredEnv)
	}
	if err != nil {
		tb.Fatalf("postgres for the tests: %v", err)
	}
	name := fmt.Sprintf("t%d_%d", os.Getpid(), theServer.seq.Add(1))
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("create test database: %v", err)
	}
	tb.Cleanup(func() {
		if _, err := admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			tb.Errorf("drop test database: %v", err)
		}
	})
	return theServer.url(name)
}

// Restart stops the test process's PostgreSQL server at once, as a crash
// or a failover would (every session is cut, nothing is flushed
// politely), and starts it again on the same socket, for tests of what
// survives that. Every database of the process lives on that server: a
// test that restarts it must not run in parallel with others that use
// it.
func Restart(tb testing.TB) {
	tb.Helper()
	if _, err := theServer.start(); err != nil {
		tb.Fatalf("postgres for the tests: %v", err)
	}
	data := filepath.Join(theServer.dir, "data")
	theServer.crash(tb)
	if out, err := theServer.run("pg_ctl", "start", "-w", "-t", "60", "-D", data, "-l", filepath.Join(theServer.dir, "log"), "-o", theServer.opts); err != nil {
		tb.Fatalf("pg_ctl start: %v: %s", err, out)
	}
}

// crash flushes what the server committed and stops it at once. The
// test server commits asynchronously (fast, as tests want) and would
// lose the last commits in a crash, which a production server
// (synchronous_commit on) never does: the flush makes the crash that one.
func (s *server) crash(tb testing.TB) {
	tb.Helper()
	if _, err := s.admin.Exec("CHECKPOINT"); err != nil {
		tb.Fatalf("checkpoint before stopping postgres: %v", err)
	}
	if out, err := s.run("pg_ctl", "stop", "-D", filepath.Join(s.dir, "data"), "-m", "immediate", "-w"); err != nil {
		tb.Fatalf("pg_ctl stop: %v: %s", err, out)
	}
}

// Down stops the test process's PostgreSQL server at once, as a crash
// would, and returns the function that starts it again (which a cleanup
// also calls, if the test did not). Like Restart, it affects every
// database of the process.
func Down(tb testing.TB) (up func()) {
	tb.Helper()
	if _, err := theServer.start(); err != nil {
		tb.Fatalf("postgres for the tests: %v", err)
	}
	data := filepath.Join(theServer.dir, "data")
	theServer.crash(tb)
	var once sync.Once
	up = func() {
		once.Do(func() {
			if out, err := theServer.run("pg_ctl", "start", "-w", "-t", "60", "-D", data, "-l", filepath.Join(theServer.dir, "log"), "-o", theServer.opts); err != nil {
				tb.Errorf("pg_ctl start: %v: %s", err, out)
			}
		})
	}
	tb.Cleanup(up)
	return up
}

var errNoBinaries = errors.New("no PostgreSQL binaries (initdb, pg_ctl) found")

// theServer is the one server of the test process: started on first use,
// stopped by Main.
var theServer server

type server struct {
	once    sync.Once
	err     error
	dir     string // data folder and socket, removed at stop
	port    int
	opts    string // the server's options, for a restart
	bin     string
	asUser  []string // runuser prefix when running as root
	admin   *sql.DB
	seq     atomic.Int64
	started time.Duration
}

func (s *server) url(db string) string {
	return fmt.Sprintf("postgres://postgres@/%s?host=%s&port=%d&sslmode=disable", db, s.dir, s.port)
}

func (s *server) start() (*sql.DB, error) {
	s.once.Do(func() {
		t0 := time.Now()
		s.err = s.boot()
		s.started = time.Since(t0)
		if s.err == nil && os.Getenv("HOIDAP_PG_VERBOSE") != "" {
			fmt.Fprintf(os.Stderr, "sqldbtest: postgres started in %v\n", s.started.Round(time.Millisecond))
		}
	})
	return s.admin, s.err
}

// binDir finds the folder of initdb and pg_ctl: on PATH, else the newest
// of Debian's /usr/lib/postgresql/*/bin.
func binDir() (string, error) {
	if p, err := exec.LookPath("pg_ctl"); err == nil {
		if _, err := exec.LookPath("initdb"); err == nil {
			return filepath.Dir(p), nil
		}
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d, nil
		}
	}
	return "", errNoBinaries
}

func version(dir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(dir)))
	return n
}

func (s *server) boot() error {
	bin, err := binDir()
	if err != nil {
		return err
	}
	s.bin = bin
	s.removeOrphans()
	dir, err := os.MkdirTemp("", "hoidap-pg-")
	if err != nil {
		return err
	}
	s.dir = dir
	// A test process killed before Main stops its server leaves it
	// running: the next one stops it (removeOrphans).
	if err := os.WriteFile(filepath.Join(dir, "owner"), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		return err
	}
	// initdb refuses to run as root: run the server as the postgres user
	// (Debian's package makes it), which must own the folder.
	if os.Geteuid() == 0 {
		u, err := user.Lookup("postgres")
		if err != nil {
			return fmt.Errorf("running as root and no postgres user to run the server as: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			return err
		}
		s.asUser = []string{"runuser", "-u", "postgres", "--"}
	}
	if s.port, err = freePort(); err != nil {
		return err
	}
	data := filepath.Join(dir, "data")
	if out, err := s.run("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"); err != nil {
		return fmt.Errorf("initdb: %w: %s", err, out)
	}
	if err := s.pgStart(); err != nil {
		return err
	}
	admin, err := sqldb.Open(s.url("postgres"))
	if err != nil {
		return err
	}
	if err := admin.Ping(); err != nil {
		admin.Close()
		return fmt.Errorf("connect: %w", err)
	}
	s.admin = admin
	return nil
}

// pgStart starts the server of s.dir, made by boot, on its port.
func (s *server) pgStart() error {
	data := filepath.Join(s.dir, "data")
	s.opts = fmt.Sprintf("-p %d -k %s -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", s.port, s.dir)
	if out, err := s.run("pg_ctl", "start", "-w", "-t", "60", "-D", data, "-l", filepath.Join(s.dir, "log"), "-o", s.opts); err != nil {
		log, _ := os.ReadFile(filepath.Join(s.dir, "log"))
		return fmt.Errorf("pg_ctl start: %w: %s %s", err, out, log)
	}
	return nil
}

// pgStop stops the server as an operator's restart does, keeping its
// data: "fast" ends the connections at once but, unlike "immediate",
// writes what was committed (the test server commits asynchronously).
func (s *server) pgStop() error {
	if out, err := s.run("pg_ctl", "stop", "-D", filepath.Join(s.dir, "data"), "-m", "fast", "-w"); err != nil {
		return fmt.Errorf("pg_ctl stop: %w: %s", err, strings.TrimSpace(string(out)))
	}
	return nil
}

func (s *server) run(name string, args ...string) ([]byte, error) {
	argv := append(append(append([]string{}, s.asUser...), filepath.Join(s.bin, name)), args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = s.dir
	return cmd.CombinedOutput()
}

func (s *server) stop() error {
	if s.dir == "" {
		return nil
	}
	if s.admin != nil {
		s.admin.Close()
	}
	var err error
	if _, statErr := os.Stat(filepath.Join(s.dir, "data", "postmaster.pid")); statErr == nil {
		if out, e := s.run("pg_ctl", "stop", "-D", filepath.Join(s.dir, "data"), "-m", "immediate", "-w"); e != nil {
			err = fmt.Errorf("%w: %s", e, strings.TrimSpace(string(out)))
		}
	}
	if e := os.RemoveAll(s.dir); e != nil && err == nil {
		err = e
	}
	return err
}

// removeOrphans stops and removes the servers of test processes that
// died without stopping theirs.
func (s *server) removeOrphans() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "hoidap-pg-*"))
	for _, dir := range dirs {
		raw, err := os.ReadFile(filepath.Join(dir, "owner"))
		if err != nil {
			continue
		}
		pid, err := strconv.Atoi(string(raw))
		if err != nil || pid <= 0 || processAlive(pid) {
			continue
		}
		_, _ = exec.Command(filepath.Join(s.bin, "pg_ctl"), "stop", "-D", filepath.Join(dir, "data"), "-m", "immediate", "-w").CombinedOutput()
		if os.Geteuid() == 0 {
			_, _ = exec.Command("runuser", "-u", "postgres", "--", filepath.Join(s.bin, "pg_ctl"), "stop", "-D", filepath.Join(dir, "data"), "-m", "immediate", "-w").CombinedOutput()
		}
		_ = os.RemoveAll(dir)
	}
}

// processAlive reports whether a process with pid runs (a zombie, killed
// and not yet reaped, does not).
func processAlive(pid int) bool {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	// pid (comm) state ...: comm may hold spaces and brackets.
	i := strings.LastIndexByte(string(stat), ')')
	return i < 0 || i+2 >= len(stat) || stat[i+2] != 'Z'
}

// freePort returns a TCP port nobody listens on; the server listens only
// on its unix socket, whose name carries the port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Eventually polls cond every 20 ms until it holds, and fails tb with what
// when it does not within the given time: what replicas see of each
// other's writes arrives a little later, never at a known moment.
func Eventually(tb testing.TB, within time.Duration, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("not within %v: %s", within, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
