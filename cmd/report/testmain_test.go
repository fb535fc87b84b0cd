package main

import (
	"os"
	"testing"

	"github.com/briefing/report/internal/sqlproxy/sqlserve"
)

// TestMain makes this test binary report-sql for the SQL datasets'
// connections (sqlserve.ServeIfAsked), and runs main itself when
// REPORT_RUN_MAIN is set: a test that needs a process of its own runs
// this test binary so.
func TestMain(m *testing.M) {
	sqlserve.ServeIfAsked()
	if os.Getenv("REPORT_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}
