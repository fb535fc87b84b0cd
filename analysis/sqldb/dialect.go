package sqldb

import (
	"fmt"
	"strings"
)

// Dialect writes the SQL that differs between databases.
type Dialect interface {
	// Name is "postgres" or "sqlite".
	Name() string
	// Param is the placeholder of the n-th bound argument, from 1.
	Param(n int) string
	// Text is expr as trimmed text, "" for NULL: how report compares and
	// prints a cell of any type (a date as 2024-07-15).
	Text(expr string) string
	// Sum is the exact sum of a column; numeric says its type is a number
	// type already (else its values are cast).
	Sum(expr string, numeric bool) string
	// Day is a date or timestamp column as its day, text yyyy-mm-dd ("" for
	// NULL).
	Day(expr string) string
	// TruncDay is a date column truncated to the start of its year,
	// quarter or month, as text yyyy-mm-dd.
	TruncDay(expr, unit string) string
}

// dialectOf returns the dialect of a driver.
func dialectOf(driver string) (Dialect, error) {
	switch driver {
	case "postgres":
		return postgres{}, nil
	case "sqlite":
		return sqlite{}, nil
	}
	return nil, fmt.Errorf("unknown driver %q (expected postgres or sqlite)", driver)
}

// Quote quotes an identifier for both dialects: "Delivery year".
func Quote(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// QuoteTable quotes a table name, schema-qualified or not: sales.deals
// is "sales"."deals".
func QuoteTable(name string) string {
	parts := strings.Split(name, ".")
	for i, p := range parts {
		parts[i] = Quote(strings.TrimSpace(p))
	}
	return strings.Join(parts, ".")
}

type postgres struct{}

func (postgres) Name() string       { return "postgres" }
func (postgres) Param(n int) string { return fmt.Sprintf("$%d", n) }
func (postgres) Text(e string) string {
	return fmt.Sprintf("COALESCE(TRIM(CAST(%s AS TEXT)), '')", e)
}
func (postgres) Day(e string) string { return fmt.Sprintf("CAST(%s AS DATE)", e) }

// Sum in PostgreSQL adds NUMERIC values, exact; a float column is cast
// to NUMERIC value by value first.
func (postgres) Sum(e string, numeric bool) string {
	if numeric {
		return fmt.Sprintf("CAST(SUM(%s) AS TEXT)", e)
	}
	return fmt.Sprintf("CAST(SUM(CAST(%s AS NUMERIC)) AS TEXT)", e)
}
func (postgres) TruncDay(e, unit string) string {
	return fmt.Sprintf("TO_CHAR(DATE_TRUNC('%s', CAST(%s AS DATE)), 'YYYY-MM-DD')", unit, e)
}

type sqlite struct{}

func (sqlite) Name() string       { return "sqlite" }
func (sqlite) Param(n int) string { return fmt.Sprintf("?%d", n) }
func (sqlite) Text(e string) string {
	return fmt.Sprintf("COALESCE(TRIM(CAST(%s AS TEXT)), '')", e)
}

// Sum in SQLite adds doubles with compensated (Kahan-Babuska-Neumaier)
// summation: report prints the result's shortest decimal, which is the
// exact decimal sum for the values a briefing adds.
func (sqlite) Sum(e string, _ bool) string { return fmt.Sprintf("SUM(%s)", e) }
func (sqlite) Day(e string) string {
	return fmt.Sprintf("COALESCE(DATE(%[1]s), %[1]s)", e)
}
func (sqlite) TruncDay(e, unit string) string {
	switch unit {
	case "year":
		return fmt.Sprintf("STRFTIME('%%Y-01-01', %s)", e)
	case "month":
		return fmt.Sprintf("STRFTIME('%%Y-%%m-01', %s)", e)
	}
	return fmt.Sprintf("PRINTF('%%s-%%02d-01', STRFTIME('%%Y', %[1]s), ((CAST(STRFTIME('%%m', %[1]s) AS INTEGER) - 1) / 3) * 3 + 1)", e)
}
