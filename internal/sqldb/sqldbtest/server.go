package sqldbtest

import (
	"errors"
	"fmt"
	"os"
	"testing"
)

// Server is a PostgreSQL server of one test's own, for tests that stop
// and start it (a database restarted or unreachable); other tests share
// the process's server through Postgres. Its URLs stay valid across a
// Stop and Start.
type Server struct {
	s *server
}

// NewServer starts a PostgreSQL server for tb, removed at its cleanup; it
// skips tb (fails it when HOIDAP_PG_REQUIRED is set) when the binaries
// are missing.
func NewServer(tb testing.TB) *Server {
	tb.Helper()
	s := &server{}
	err := s.boot()
	if errors.Is(err, errNoBinaries) && os.Getenv(RequiredEnv) == "" {
		tb.Skipf("PostgreSQL test skipped: %v (install Debian's postgresql package, or set %s=1 to fail instead)", err, RequiredEnv)
	}
	if err != nil {
		_ = s.stop()
		tb.Fatalf("postgres for the test: %v", err)
	}
	tb.Cleanup(func() {
		if err := s.stop(); err != nil {
			tb.Errorf("stop postgres: %v", err)
		}
	})
	return &Server{s: s}
}

// Database returns the URL of a new empty database on the server.
func (srv *Server) Database(tb testing.TB) string {
	tb.Helper()
	name := fmt.Sprintf("t%d", srv.s.seq.Add(1))
	if _, err := srv.s.admin.Exec("CREATE DATABASE " + name); err != nil {
		tb.Fatalf("create test database: %v", err)
	}
	return srv.s.url(name)
}

// Stop stops the server as a restart does: the connections break and new
// ones are refused until Start.
func (srv *Server) Stop(tb testing.TB) {
	tb.Helper()
	if err := srv.s.pgStop(); err != nil {
		tb.Fatal(err)
	}
}

// Start starts the stopped server again, on the same socket, with its
// data.
func (srv *Server) Start(tb testing.TB) {
	tb.Helper()
	if err := srv.s.pgStart(); err != nil {
		tb.Fatal(err)
	}
}
