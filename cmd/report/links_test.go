package main

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// goDeps lists the packages the package at dir links, through go list.
func goDeps(t *testing.T, dir string) []string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list the packages with")
	}
	out, err := exec.Command(gobin, "list", "-deps", dir).Output()
	if err != nil {
		t.Fatalf("go list -deps %s: %v", dir, err)
	}
	return strings.Fields(string(out))
}

// report links neither SQL driver: linked in, their initialisation and
// size cost every run 4-5 ms. They are report-sql's (package sqlproxy).
func TestReport_LinksNoSQLDriver(t *testing.T) {
	drivers := []string{"github.com/jackc/pgx/v5/stdlib", "modernc.org/sqlite"}
	for _, p := range goDeps(t, ".") {
		if strings.HasPrefix(p, "github.com/jackc/pgx/") || strings.HasPrefix(p, "modernc.org/") ||
			p == "github.com/briefing/report/internal/sqlproxy/sqlserve" {
			t.Errorf("report links %s", p)
		}
	}
	helper := goDeps(t, "../report-sql")
	for _, d := range drivers {
		if !slices.Contains(helper, d) {
			t.Errorf("report-sql does not link %s", d)
		}
	}
}

// report links no HTTP client: it reads no URL, and net/http's package
// variables bring Go's whole client and TLS with them (63 packages, 2 MB,
// about half a millisecond of a run). viper's file system, afero, imports
// it for one file report does not use: third_party/afero is afero without
// it.
func TestReport_LinksNoHTTP(t *testing.T) {
	for _, p := range goDeps(t, ".") {
		if p == "net/http" || p == "crypto/tls" {
			t.Errorf("report links %s (see third_party/README.md)", p)
		}
	}
}
