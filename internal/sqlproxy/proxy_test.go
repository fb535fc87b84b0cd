package sqlproxy_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefing/report/internal/sqlproxy"
	"github.com/briefing/report/internal/sqlproxy/sqlserve"
)

// TestMain makes this test binary the helper (sqlserve.ServeIfAsked).
func TestMain(m *testing.M) {
	sqlserve.ServeIfAsked()
	os.Exit(m.Run())
}

// sqliteFile creates a SQLite database with the statements, directly
// through the driver, and returns its path.
func sqliteFile(t *testing.T, stmts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "t.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// through opens path through the helper, one connection at most.
func through(t *testing.T, path string) *sql.DB {
	t.Helper()
	db := sql.OpenDB(sqlproxy.NewConnector("sqlite", path))
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

// readAll runs query with args on db and returns its column types and
// rows, each value as database/sql gives it.
func readAll(t *testing.T, db *sql.DB, query string, args ...any) (types []string, out [][]any) {
	t.Helper()
	rows, err := db.Query(query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cts, err := rows.ColumnTypes()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cts {
		types = append(types, c.Name()+" "+c.DatabaseTypeName())
	}
	for rows.Next() {
		vals := make([]any, len(cts))
		ptrs := make([]any, len(cts))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, vals)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return types, out
}

// A query through the helper gives what the driver gives in process:
// the same columns and types, the same values of the same Go types,
// NULL as nil, arguments bound by position.
func TestQuery_SameAsTheDriverInProcess(t *testing.T) {
	path := sqliteFile(t,
		"CREATE TABLE t (i INTEGER, f REAL, s TEXT, b BLOB, n TEXT, d DATE)",
		"INSERT INTO t VALUES (2024, 12.5, 'Russia', x'0102', NULL, '2024-07-15')",
		"INSERT INTO t VALUES (2025, -0.25, 'China', x'', 'x', '2025-01-01')")
	direct, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer direct.Close()
	const q = "SELECT i, f, s, b, n, d, i * 2 AS twice FROM t WHERE i >= ?1 AND s <> ?2 ORDER BY i"
	wantTypes, want := readAll(t, direct, q, 2000, "none")
	gotTypes, got := readAll(t, through(t, path), q, 2000, "none")
	if len(want) != 2 {
		t.Fatalf("the driver read %d rows, want 2", len(want))
	}
	if !slices.Equal(gotTypes, wantTypes) {
		t.Errorf("columns %q, want %q", gotTypes, wantTypes)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n%#v\nwant\n%#v", got, want)
	}
}

// Rows closed before their end leave the connection ready: the next
// query on it reads its own answer.
func TestQuery_RowsClosedEarly(t *testing.T) {
	db := through(t, sqliteFile(t))
	rows, err := db.Query("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5000) SELECT x FROM n")
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if !rows.Next() {
			t.Fatal(rows.Err())
		}
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	var got int64
	if err := db.QueryRow("SELECT 40 + 2").Scan(&got); err != nil || got != 42 {
		t.Fatalf("next query: %v, %v", got, err)
	}
}

// An error of the database comes back with the driver's words.
func TestQuery_ErrOfTheDatabase(t *testing.T) {
	db := through(t, sqliteFile(t))
	_, err := db.Query("SELECT * FROM missing")
	if err == nil || !strings.Contains(err.Error(), "no such table: missing") {
		t.Fatalf("error %v, want the driver's", err)
	}
	var n int64
	if err := db.QueryRow("SELECT 7").Scan(&n); err != nil || n != 7 {
		t.Fatalf("after an error: %v, %v", n, err)
	}
}

// A query past its deadline ends with context.DeadlineExceeded, however
// the helper or the driver put it.
func TestQuery_Deadline(t *testing.T) {
	db := through(t, sqliteFile(t))
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	var n int64
	err := db.QueryRowContext(ctx, "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n").Scan(&n)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error %v, want DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Fatalf("ended after %v", d)
	}
}

// Without the helper, the error says what to install and where report
// looked.
func TestConnect_ErrHelperMissing(t *testing.T) {
	t.Setenv(sqlproxy.HelperEnv, filepath.Join(t.TempDir(), "report-sql"))
	db := sql.OpenDB(sqlproxy.NewConnector("sqlite", "x.db"))
	defer db.Close()
	err := db.Ping()
	var missing *sqlproxy.MissingError
	if !errors.As(err, &missing) {
		t.Fatalf("error %v, want MissingError", err)
	}
	for _, want := range []string{"report-sql", "beside report", "$REPORT_SQL", os.Getenv(sqlproxy.HelperEnv)} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
}

// A helper that stops says why: the first line it wrote.
func TestConnect_ErrHelperStops(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a shell script stands in for the helper")
	}
	script := filepath.Join(t.TempDir(), "report-sql")
	if err := os.WriteFile(script, []byte("#!/bin/sh\necho 'boom: no driver here' >&2\nexit 3\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv(sqlproxy.HelperEnv, script)
	db := sql.OpenDB(sqlproxy.NewConnector("sqlite", "x.db"))
	defer db.Close()
	err := db.Ping()
	if err == nil || err.Error() != "report-sql stopped: boom: no driver here" {
		t.Fatalf("error %v", err)
	}
}

// Closing the database ends its helpers, those started ahead and never
// connected too: none is left behind.
func TestClose_LeavesNoHelper(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("children counted in /proc")
	}
	c := sqlproxy.NewConnector("sqlite", sqliteFile(t))
	c.Prestart(2)
	db := sql.OpenDB(c)
	if err := db.Ping(); err != nil {
		t.Fatal(err)
	}
	if n := children(t); n != 2 {
		t.Fatalf("%d helpers while open, want 2 (one connected, one ahead)", n)
	}
	db.Close()
	if n := children(t); n != 0 {
		t.Fatalf("%d helpers left after Close", n)
	}
}

// children counts this process's child processes.
func children(t *testing.T) int {
	t.Helper()
	entries, err := os.ReadDir("/proc")
	if err != nil {
		t.Fatal(err)
	}
	n, self := 0, strconv.Itoa(os.Getpid())
	for _, e := range entries {
		b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// the fields after the command's name: state, then the parent
		if f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:])); len(f) > 1 && f[1] == self {
			n++
		}
	}
	return n
}

// A program that is not the helper is not taken for one, even one that
// answers in gob: cat sends report's own request back.
func TestConnect_ErrNotTheHelper(t *testing.T) {
	cat, err := exec.LookPath("cat")
	if err != nil {
		t.Skip("no cat to stand in")
	}
	t.Setenv(sqlproxy.HelperEnv, cat)
	db := sql.OpenDB(sqlproxy.NewConnector("sqlite", "x.db"))
	defer db.Close()
	err = db.Ping()
	if err == nil || !strings.Contains(err.Error(), "is not report-sql") {
		t.Fatalf("error %v, want one saying it is not report-sql", err)
	}
}

// The helper reads a PostgreSQL DSN as pgx does, whether it connects or
// not: the database and host for messages, and the password, found in a
// keyword DSN as in a URL, to blank out of them.
func TestConnect_DescribesPostgresDSN(t *testing.T) {
	tests := []struct {
		name, dsn, secret string
		want              sqlproxy.Place
	}{
		{"URL", "postgres://analyst:url-pw@127.0.0.1:1/intel?sslmode=disable&connect_timeout=2", "url-pw",
			sqlproxy.Place{Parsed: true, Name: "intel", Host: "127.0.0.1:1"}},
		{"Keywords", "host=127.0.0.1 port=1 dbname=archive user=analyst password=kw-pw sslmode=disable connect_timeout=2", "kw-pw",
			sqlproxy.Place{Parsed: true, Name: "archive", Host: "127.0.0.1:1"}},
		{"Unparsed", "postgres://[::1", "", sqlproxy.Place{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := sqlproxy.NewConnector("postgres", tc.dsn)
			db := sql.OpenDB(c)
			defer db.Close()
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := db.PingContext(ctx); err == nil {
				t.Fatal("connected to port 1")
			}
			place, secrets, ok := c.Described()
			if !ok || place != tc.want {
				t.Fatalf("described %+v (%v), want %+v", place, ok, tc.want)
			}
			if tc.secret != "" && !slices.Contains(secrets, tc.secret) {
				t.Fatalf("secrets %q lack the password", secrets)
			}
		})
	}
}
