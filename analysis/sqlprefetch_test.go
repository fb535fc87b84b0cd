package analysis

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/internal/sqlfixture"
)

// Every query the analyses of a SQL dataset run was run ahead, side by
// side (plan and prefetch): trends, frequencies, counts, changes and a
// dataset table, with and without where:. The results are the same as
// one query after another would give, in the same order, which the
// sample's SQLite and PostgreSQL tests (cmd/report) check against files.
func TestSQL_EveryQueryRunAhead(t *testing.T) {
	dir := t.TempDir()
	dsn := filepath.Join(dir, "b.db")
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		t.Fatal(err)
	}
	tb, err := sqlfixture.Read(dataset.Spec{Path: "../testdata/russia-china/data/exercises.csv"})
	if err != nil {
		t.Fatal(err)
	}
	if err := sqlfixture.Load(context.Background(), db, "sqlite", "exercises", tb); err != nil {
		t.Fatal(err)
	}
	db.Close()
	cfg := filepath.Join(dir, "b.yaml")
	body := `report: {title: T}
data:
  exercises: {driver: sqlite, dsn: "` + dsn + `", table: exercises, time: {date: start_date, year: year, month: month}}
analyses:
  by_year: {kind: frequency, dataset: exercises, by: domain}
  land: {kind: frequency, dataset: exercises, series: [{label: Land, where: {domain: land}}], from: 2003}
  patrols: {kind: count, dataset: exercises, where: {kind: patrol}, by: domain}
  new: {kind: changes, dataset: exercises}
sections:
  - title: S
    blocks:
      - text: "x"
      - table: {dataset: exercises, where: {kind: patrol}}
`
	if err := os.WriteFile(cfg, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := config.Load(cfg, config.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var live []string
	liveQuery = func(forWhat string) { live = append(live, forWhat) }
	defer func() { liveQuery = nil }()
	p, _ := period.ParsePeriod("2025-Q4", period.YearOf(2026).Start)
	res, ps := Compute(c, p)
	if len(ps.Errors()) > 0 {
		t.Fatal(ps)
	}
	if len(live) > 0 {
		t.Errorf("queries run after the others, not ahead: %q", live)
	}
	d := res.Datasets["exercises"]
	if d == nil {
		t.Fatal("no summary of the dataset")
	}
	var ran []string
	for _, q := range d.Queries {
		ran = append(ran, q.For)
	}
	if want := []string{"rows by time", "by_year", "land", "new", "patrols", "table sections[0].blocks[1]"}; !slices.Equal(ran, want) {
		t.Errorf("queries for %q, want %q", ran, want)
	}
	for _, name := range []string{"by_year", "land", "patrols", "new"} {
		if res.Analyses[name] == nil {
			t.Errorf("no result for %s", name)
		}
	}
}
