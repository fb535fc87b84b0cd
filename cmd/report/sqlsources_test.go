package main

import (
	"maps"
	"strings"
	"time"

	"github.com/briefing/report/briefing"
	"github.com/briefing/report/layouts"

	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefing/report/internal/period"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/internal/sqlfixture"
)

// sampleTables are the sample's datasets as files, to load into a
// database as the tables of the same names.
var sampleTables = map[string]dataset.Spec{
	"transfers":  {Path: "../../testdata/sipri/registers/trade-register-generated-2026-02-12.csv", Format: dataset.FormatSIPRIRegister},
	"exercises":  {Path: "../../testdata/russia-china/data/exercises.csv"},
	"agreements": {Path: "../../testdata/russia-china/data/agreements.csv"},
	"balikatan":  {Path: "../../testdata/russia-china/data/balikatan.csv"},
	"tiv_2022":   {Path: "../../testdata/sipri/tiv-tables-2022/TIV-Export-RUS-1950-2021.csv", Format: dataset.FormatSIPRITIVTable},
}

// generated are the export dates of the SIPRI files, which a database
// does not keep: the config says them.
var generated = map[string]string{"transfers": "2026-02-12", "tiv_2022": "2022-07-28"}

// previousRegister is the earlier export the sample's revisions are
// against, loaded as the table transfers_2025.
var previousRegister = dataset.Spec{Path: "../../testdata/sipri/registers/trade-register-generated-2025-01-03.csv", Format: dataset.FormatSIPRIRegister}

// loadSample loads the sample's datasets into the database and returns
// the --set lines that point the sample at it.
func loadSample(t *testing.T, driver, dsn string) []string {
	t.Helper()
	name := "pgx"
	if driver == "sqlite" {
		name = "sqlite"
	}
	db, err := sql.Open(name, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var sets []string
	tables := maps.Clone(sampleTables)
	tables["transfers_2025"] = previousRegister
	for table, spec := range tables {
		tb, err := sqlfixture.Read(spec)
		if err != nil {
			t.Fatal(err)
		}
		if err := sqlfixture.Load(context.Background(), db, driver, table, tb); err != nil {
			t.Fatalf("load %s: %v", table, err)
		}
		if table == "transfers_2025" {
			sets = append(sets, "data.transfers.previous=transfers_2025", "data.transfers.previous_generated=2025-01-03")
			continue
		}
		key := "data." + table + "."
		sets = append(sets, key+"path=", key+"format=", key+"driver="+driver, key+"dsn="+dsn, key+"table="+table)
		if g := generated[table]; g != "" {
			sets = append(sets, key+"generated="+g)
		}
	}
	return sets
}

// The sample from a SQLite database reads as from the files.
func TestSample_SameFromSQLite(t *testing.T) {
	want := briefingText(t)
	dsn := filepath.Join(t.TempDir(), "briefing.db")
	sets := loadSample(t, "sqlite", dsn)
	if got := briefingText(t, sets...); got != want {
		t.Errorf("sqlite: the briefing differs from the CSV one:\n%s", firstDiff(want, got))
	}
}

// The sample from a PostgreSQL server (REPORT_TEST_PG_DSN; .ci/run starts
// one) reads as from the files.
func TestSample_SameFromPostgres(t *testing.T) {
	dsn := pgDSN(t)
	want := briefingText(t)
	sets := loadSample(t, "postgres", dsn)
	if got := briefingText(t, sets...); got != want {
		t.Errorf("postgres: the briefing differs from the CSV one:\n%s", firstDiff(want, got))
	}
}

// pgDSN is the test server's DSN. Without one the test is skipped, saying
// why; under CI a missing server is a failure.
func pgDSN(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("REPORT_TEST_PG_DSN")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("REPORT_TEST_PG_DSN is not set: .ci/run starts a PostgreSQL server for these tests")
		}
		t.Skip("REPORT_TEST_PG_DSN is not set: no PostgreSQL server to test against (.ci/run starts one)")
	}
	return dsn
}

// validate checks the connection, the tables and every column the config
// names, without running the analyses: a sound config passes, a misspelt
// column is reported at its line.
func TestValidate_SQLChecksColumnsWithoutQueries(t *testing.T) {
	dsn := filepath.Join(t.TempDir(), "briefing.db")
	sets := loadSample(t, "sqlite", dsn)
	args := []string{"validate", "--config", sample, "--as-of", "2026-03-02"}
	for _, s := range sets {
		args = append(args, "--set", s)
	}
	if code, out, errs := run(t, nil, args...); code != 0 {
		t.Fatalf("exit %d:\n%s%s", code, out, errs)
	}
	b, err := briefing.Build(briefing.Options{Config: sample, Sets: append(sets, "report.period=2025-Q3"), Clock: fixedClock(),
		CheckOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	for name, d := range b.Env.Results.Datasets {
		if len(d.Queries) != 0 {
			t.Errorf("%s: validate ran %d queries", name, len(d.Queries))
		}
	}
	bad := append(args, "--set", "data.exercises.time.date=start_dat")
	code, _, errs := run(t, nil, bad...)
	if code != 1 || !strings.Contains(errs, `unknown time column "start_dat"; did you mean "start_date"?`) {
		t.Errorf("exit %d:\n%s", code, errs)
	}
}

// A briefing whose texts on a SQL dataset validate does not run still
// validates when another text refers to a footnote one of them defines:
// the sample with only its exercises in SQLite (exercises.md, which does
// not run, defines [^sipri] that security.md cites). Nothing is said, not
// even a warning.
func TestValidate_FootnotesOfTextsNotRun(t *testing.T) {
	dsn := filepath.Join(t.TempDir(), "briefing.db")
	args := []string{"validate", "--strict", "--config", sample, "--as-of", "2026-03-02"}
	for _, s := range loadSample(t, "sqlite", dsn) {
		if strings.HasPrefix(s, "data.exercises.") {
			args = append(args, "--set", s)
		}
	}
	if code, out, errs := run(t, nil, args...); code != 0 || errs != "" {
		t.Fatalf("exit %d:\n%s%s", code, out, errs)
	}
}

func fixedClock() period.Clock {
	return period.FixedClock(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC))
}

// The data annex of a SQL dataset says where the data was queried in the
// briefing's language: the source, the database and the date.
func TestAnnex_SQLInTheBriefingsLanguage(t *testing.T) {
	dsn := filepath.Join(t.TempDir(), "briefing.db")
	sets := loadSample(t, "sqlite", dsn)
	b, err := briefing.Build(briefing.Options{Config: sample, Sets: append(sets, "report.period=2025-Q3", "report.language=fr"),
		Clock: period.FixedClock(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC))})
	if err != nil {
		t.Fatal(err)
	}
	annex := ""
	for _, s := range b.Doc.Sections {
		for _, blk := range s.Blocks {
			if m, ok := blk.(layouts.Markdown); ok && m.Source == "data and methods" {
				annex = m.Text
			}
		}
	}
	want := "la table `exercises` dans le fichier sqlite " + filepath.ToSlash(dsn)
	if !strings.Contains(annex, want) || !strings.Contains(annex, "interrogé pour cette édition le 2 mars 2026") {
		t.Errorf("the annex lacks %q and the date:\n%s", want, annex)
	}
}
