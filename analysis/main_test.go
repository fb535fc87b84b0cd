package analysis

import (
	"os"
	"testing"

	"github.com/briefing/report/internal/sqlproxy/sqlserve"
)

// TestMain makes this test binary report-sql for the SQL datasets'
// connections (sqlserve.ServeIfAsked).
func TestMain(m *testing.M) {
	sqlserve.ServeIfAsked()
	os.Exit(m.Run())
}
