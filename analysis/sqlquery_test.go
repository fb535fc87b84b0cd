package analysis

import (
	"strings"
	"testing"
	"time"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/analysis/sqldb"
	"github.com/briefing/report/config"
)

type fakeDialect struct{}

func (fakeDialect) Name() string         { return "postgres" }
func (fakeDialect) Param(n int) string   { return "$" + string(rune('0'+n)) }
func (fakeDialect) Text(e string) string { return "T(" + e + ")" }
func (fakeDialect) Day(e string) string  { return "D(" + e + ")" }
func (fakeDialect) Sum(e string, exact bool) string {
	if exact {
		return "SUM(" + e + ")"
	}
	return "S(" + e + ")"
}
func (fakeDialect) TruncDay(e, unit string) string { return "TR(" + e + "," + unit + ")" }

var _ sqldb.Dialect = fakeDialect{}

// Values from the config are bound arguments, never SQL text; names are
// quoted identifiers; a filter's not: is negated.
func TestSQLQuery_BindsValuesAndQuotesNames(t *testing.T) {
	h := &dataset.Header{Columns: []string{"Supplier", `Odd "name"`, "Delivery year", "TIV"}}
	cols := []sqldb.Column{{Name: "Supplier", Type: "TEXT"}, {Name: `Odd "name"`, Type: "TEXT"}, {Name: "Delivery year", Type: "INT4"}, {Name: "TIV", Type: "NUMERIC"}}
	q := newSQLQuery(fakeDialect{}, `"transfers"`, h, cols)
	q.group = true
	q.sum(3)
	tm := &timer{col: 2, date: -1, year: -1, mon: -1}
	q.timeOf(tm, "year")
	f := config.Filter{Clauses: []config.Clause{{Column: "supplier", Values: []string{"O'Brien; DROP TABLE x", "Russia"}}},
		Not: &config.Filter{Clauses: []config.Clause{{Column: `odd "name"`, Values: []string{"y"}}}}}
	q.filterCols(f)
	q.where(q.filter(f))
	q.where(q.before(tm, time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)))
	got := q.SQL()
	want := `SELECT SUM("TIV"), "Delivery year", "Supplier", "Odd ""name""", COUNT(*) FROM "transfers" ` +
		`WHERE TRIM("Supplier") IN ($1, $2) AND NOT (TRIM("Odd ""name""") IN ($3)) AND "Delivery year" < $4 GROUP BY 2, 3, 4`
	if got != want {
		t.Errorf("SQL\n got %s\nwant %s", got, want)
	}
	if strings.Contains(got, "O'Brien") || len(q.args) != 4 || q.args[0] != "O'Brien; DROP TABLE x" || q.args[3] != 2025 {
		t.Errorf("args %v", q.args)
	}
}
