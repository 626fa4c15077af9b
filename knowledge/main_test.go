package knowledge_test

import (
	"os"
	"testing"

	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
)

// TestMain stops the PostgreSQL server the store tests started, if any.
func TestMain(m *testing.M) { os.Exit(sqldbtest.Main(m)) }
