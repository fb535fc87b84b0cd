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
	if _, ok := os.LookupEnv("REPORT_CACHE"); !ok {
		// the runs of main in processes of their own remember no hashes in
		// the cache of whoever runs the tests (those that check the cache
		// name a folder of their own)
		os.Setenv("REPORT_CACHE", "off")
	}
	if os.Getenv("REPORT_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}
