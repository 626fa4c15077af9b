package records

import (
	"os"
	"testing"

	"github.com/hoidap/hoidap/internal/sqldb/sqldbtest"
)

// The store tests run on SQLite and on a PostgreSQL server of their own,
// which this stops when they are done.
func TestMain(m *testing.M) { os.Exit(sqldbtest.Main(m)) }
