package main

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefing/report/briefing"
	"github.com/briefing/report/internal/sqlfixture"
	"github.com/briefing/report/layouts"
)

// sqlBriefing is a small briefing over a SQL dataset; DATA is replaced by
// the dataset's keys. Line 9 is the first key of the dataset.
const sqlBriefing = `report:
  title: "SQL test"
  period: 2025-Q3
brand:
  organization: "Org"
  primary_color: "#0B3D5C"
data:
  events:
DATA
    time: year
analyses:
  per_year:
    kind: trend
    dataset: events
    value: amount
    series:
      - {label: "Alpha", where: {kind: alpha}}
sections:
  - title: S
    blocks:
      - text: "{{ value \"per_year\" \"Alpha\" 2024 | num }}"
`

// eventsDB makes a SQLite file with a table events (year, kind, amount).
func eventsDB(t *testing.T, amounts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "events.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tb := &sqlfixture.Table{Columns: []string{"year", "kind", "amount"}, Types: []string{"INTEGER", "TEXT", "TEXT"}}
	for i, a := range amounts {
		tb.Rows = append(tb.Rows, []any{int64(2020 + i), "alpha", a})
	}
	if err := sqlfixture.Load(context.Background(), db, "sqlite", "events", tb); err != nil {
		t.Fatal(err)
	}
	return path
}

// Every way a database can fail ends in an error that names the dataset
// and the config line, exit 1, no PDF, and never a password.
func TestGen_SQLErrors(t *testing.T) {
	good := eventsDB(t, "1.5", "2", "3")
	text := eventsDB(t, "1.5", "lots", "3")
	tests := []struct {
		name, data string
		env        []string
		want       []string
	}{
		{"OK", "    driver: sqlite\n    dsn: " + good + "\n    table: events", nil, nil},
		{"ErrNoFile", "    driver: sqlite\n    dsn: nothing.db\n    table: events", nil,
			[]string{"briefing.yaml:10:5: data.events.dsn: connect sqlite file", "nothing.db"}},
		{"ErrNoTable", "    driver: sqlite\n    dsn: " + good + "\n    table: evnts", nil,
			[]string{"briefing.yaml:11:5: data.events.table", `read the columns of table "evnts" in sqlite file`, "no such table"}},
		{"ErrBadQuery", "    driver: sqlite\n    dsn: " + good + "\n    query: SELEC * FROM events", nil,
			[]string{"briefing.yaml:11:5: data.events.query", "syntax error"}},
		{"ErrNoColumn", "    driver: sqlite\n    dsn: " + good + "\n    query: SELECT year, kind FROM events", nil,
			[]string{"briefing.yaml:17:5: analyses.per_year.value", `unknown column "amount"`}},
		{"ErrTextInValues", "    driver: sqlite\n    dsn: " + text + "\n    table: events", nil,
			[]string{"data.events", `column "amount"`, `holds text that is not a number, such as "lots"`}},
		{"ErrEnvUnset", "    driver: sqlite\n    dsn: ${REPORT_NO_SUCH_DSN}\n    table: events", nil,
			[]string{"briefing.yaml:10:5: data.events.dsn", "the environment variable REPORT_NO_SUCH_DSN is not set"}},
		{"ErrServerDownNoPassword", "    driver: postgres\n    dsn: ${PGTEST}\n    table: events\n    timeout: 3s",
			[]string{"PGTEST=postgres://analyst:s3cr3t-pw@127.0.0.1:1/intel?sslmode=disable&connect_timeout=2"},
			[]string{"data.events.dsn", "connect postgres database intel on 127.0.0.1:1"}},
		{"ErrDriver", "    driver: oracle\n    dsn: x\n    table: events", nil,
			[]string{"briefing.yaml:9:5: data.events.driver", `unknown driver "oracle"`}},
		{"ErrPathWithDriver", "    driver: sqlite\n    dsn: " + good + "\n    table: events\n    path: e.csv", nil,
			[]string{"data.events.path", "path applies to data files; a dataset read from a database has none"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := filepath.Join(dir, "briefing.yaml")
			os.WriteFile(cfg, []byte(strings.Replace(sqlBriefing, "DATA", tc.data, 1)), 0o644)
			out := filepath.Join(dir, "out.pdf")
			code, _, errs := run(t, tc.env, "gen", "--config", cfg, "--out", out, "--as-of", "2025-11-01")
			if tc.want == nil {
				if code != 0 {
					t.Fatalf("exit %d: %s", code, errs)
				}
				return
			}
			if code != 1 {
				t.Errorf("exit %d, want 1: %s", code, errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(errs, w) {
					t.Errorf("missing %q in:\n%s", w, errs)
				}
			}
			if strings.Contains(errs, "s3cr3t") {
				t.Errorf("the password is in the message:\n%s", errs)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("a PDF was written")
			}
		})
	}
}

// A database that cannot be reached is said once, not once more for the
// earlier export (previous:) that its revisions read from the same
// database.
func TestGen_SQLErrorOnceWithEarlierExport(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "briefing.yaml")
	data := "    driver: postgres\n    dsn: ${PGTEST}\n    table: events\n    previous: events_2024"
	text := strings.Replace(sqlBriefing, "DATA", data, 1)
	text = strings.Replace(text, "sections:", `  revised:
    kind: revisions
    dataset: events
    value: amount
    series:
      - {label: "Alpha", where: {kind: alpha}}
sections:`, 1)
	os.WriteFile(cfg, []byte(text), 0o644)
	env := []string{"PGTEST=postgres://analyst@127.0.0.1:1/intel?sslmode=disable&connect_timeout=2"}
	code, _, errs := run(t, env, "gen", "--config", cfg, "--out", filepath.Join(dir, "out.pdf"), "--as-of", "2025-11-01")
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, errs)
	}
	if n := strings.Count(errs, "connect postgres database intel on 127.0.0.1:1"); n != 1 {
		t.Errorf("the connection error is said %d times, want once:\n%s", n, errs)
	}
	if !strings.Contains(errs, "report: 1 problem found") {
		t.Errorf("want exactly one problem:\n%s", errs)
	}
}

// A query slower than the dataset's timeout is an error that says so.
func TestGen_SQLTimeout(t *testing.T) {
	dsn := pgDSN(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "briefing.yaml")
	data := "    driver: postgres\n    dsn: ${PGTEST}\n    query: SELECT 2024 AS year, 'alpha' AS kind, 1 AS amount FROM pg_sleep(3)\n    timeout: 1s"
	os.WriteFile(cfg, []byte(strings.Replace(sqlBriefing, "DATA", data, 1)), 0o644)
	code, _, errs := run(t, []string{"PGTEST=" + dsn}, "gen", "--config", cfg, "--out", filepath.Join(dir, "out.pdf"), "--as-of", "2025-11-01")
	if code != 1 || !strings.Contains(errs, "no answer within 1s (set timeout: to wait longer)") || !strings.Contains(errs, "data.events") {
		t.Errorf("exit %d:\n%s", code, errs)
	}
}

// A timestamp column times its rows by their day; a trend by quarter
// truncates them in the database.
func TestGen_SQLTimestamps(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ts.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	tb := &sqlfixture.Table{Columns: []string{"at", "kind", "amount"}, Types: []string{"TIMESTAMP", "TEXT", "NUMERIC"},
		Rows: [][]any{{"2024-07-15 10:30:00", "alpha", "2"}, {"2024-09-30 23:59:59", "alpha", "3"}, {"2024-10-01 00:00:00", "alpha", "5"}}}
	if err := sqlfixture.Load(context.Background(), db, "sqlite", "events", tb); err != nil {
		t.Fatal(err)
	}
	db.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "briefing.yaml")
	body := strings.Replace(sqlBriefing, "DATA", "    driver: sqlite\n    dsn: "+path+"\n    table: events", 1)
	body = strings.Replace(body, "    time: year\n", "    time: at\n", 1)
	body = strings.Replace(body, "    value: amount\n", "    value: amount\n    interval: quarter\n", 1)
	body = strings.Replace(body, `{{ value \"per_year\" \"Alpha\" 2024 | num }}`, `{{ value \"per_year\" \"Alpha\" \"2024-Q3\" | num }} {{ value \"per_year\" \"Alpha\" \"2024-Q4\" | num }}`, 1)
	os.WriteFile(cfg, []byte(body), 0o644)
	b, err := briefing.Build(briefing.Options{Config: cfg, Clock: fixedClock(), CheckOnly: false})
	if err != nil {
		t.Fatal(err)
	}
	text := b.Doc.Sections[0].Blocks[0].(layouts.Markdown).Text
	if !strings.Contains(text, "5 5") {
		t.Errorf("text %q, want 5 in 2024-Q3 and 5 in 2024-Q4", text)
	}
}
