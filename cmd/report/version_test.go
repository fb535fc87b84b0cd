package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefing/report/internal/sqlproxy"
)

// report version says where report-sql is, which SQL datasets need, or
// that it is nowhere report looks.
func TestVersion_SaysWhereReportSQLIs(t *testing.T) {
	helper := filepath.Join(t.TempDir(), "report-sql")
	if err := os.WriteFile(helper, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv(sqlproxy.HelperEnv, helper)
	if _, out, _ := run(t, nil, "version"); !strings.Contains(out, "\nreport-sql "+helper+"\n") {
		t.Errorf("version said %q, want where report-sql is", out)
	}
	t.Setenv(sqlproxy.HelperEnv, helper+".none")
	if _, out, _ := run(t, nil, "version"); !strings.Contains(out, "report-sql not found: SQL datasets need it") {
		t.Errorf("version said %q, want report-sql not found", out)
	}
}
