// Package sqlfixture loads a dataset file (CSV, a SIPRI export, a
// workbook) into a table of a PostgreSQL or SQLite database, with a
// column type guessed from the values (integer, numeric, date, text):
// what an institute's database holds, for tests and benchmarks of the SQL
// datasets. PostgreSQL loads through COPY.
package sqlfixture

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/analysis/sqldb"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"           // registers "sqlite"
)

// Table is a dataset read into memory, with its column types.
type Table struct {
	Columns []string
	Types   []string // INTEGER, NUMERIC, DATE or TEXT
	Rows    [][]any  // nil for an empty cell
}

var (
	integerRE = regexp.MustCompile(`^-?[0-9]{1,15}$`)
	numericRE = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)
	dateRE    = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
)

// Read reads a dataset file into a Table.
func Read(spec dataset.Spec) (*Table, error) {
	t := &Table{}
	var text [][]string
	_, err := dataset.Scan(spec, func(h *dataset.Header) error {
		t.Columns = append([]string(nil), h.Columns...)
		return nil
	}, func(r dataset.Row) error {
		row := make([]string, len(t.Columns))
		for i := range row {
			row[i] = strings.Clone(r.Get(i)) // the row's text is reused
		}
		text = append(text, row)
		return nil
	})
	if err != nil {
		return nil, err
	}
	t.Types = make([]string, len(t.Columns))
	for j := range t.Columns {
		t.Types[j] = guess(text, j)
	}
	for _, row := range text {
		vals := make([]any, len(row))
		for j, s := range row {
			if s != "" {
				vals[j] = s
			}
		}
		t.Rows = append(t.Rows, vals)
	}
	return t, nil
}

// guess is the narrowest type every value of column j fits.
func guess(rows [][]string, j int) string {
	typ := ""
	for _, r := range rows {
		if s := r[j]; s != "" {
			typ = widen(typ, kindOf(s))
		}
	}
	if typ == "" {
		return "TEXT"
	}
	return typ
}

func kindOf(s string) string {
	switch {
	case integerRE.MatchString(s) && (s == "0" || !strings.HasPrefix(strings.TrimPrefix(s, "-"), "0")):
		return "INTEGER"
	case numericRE.MatchString(s):
		return "NUMERIC"
	case dateRE.MatchString(s):
		if _, err := time.Parse(time.DateOnly, s); err == nil {
			return "DATE"
		}
	}
	return "TEXT"
}

func widen(a, b string) string {
	switch {
	case a == "" || a == b:
		return b
	case (a == "INTEGER" && b == "NUMERIC") || (a == "NUMERIC" && b == "INTEGER"):
		return "NUMERIC"
	}
	return "TEXT"
}

// Load creates table name in db (dropping one of that name) and fills it
// with t's rows.
func Load(ctx context.Context, db *sql.DB, driver, name string, t *Table) error {
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		typ := t.Types[i]
		if driver == "sqlite" && typ == "NUMERIC" {
			typ = "REAL"
		}
		cols[i] = sqldb.Quote(c) + " " + typ
	}
	if _, err := db.ExecContext(ctx, "DROP TABLE IF EXISTS "+sqldb.QuoteTable(name)); err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, fmt.Sprintf("CREATE TABLE %s (%s)", sqldb.QuoteTable(name), strings.Join(cols, ", "))); err != nil {
		return err
	}
	if driver == "postgres" {
		return copyRows(ctx, db, name, t)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(t.Columns)), ", ")
	stmt, err := tx.PrepareContext(ctx, fmt.Sprintf("INSERT INTO %s VALUES (%s)", sqldb.QuoteTable(name), marks))
	if err != nil {
		return err
	}
	for _, r := range t.Rows {
		if _, err := stmt.ExecContext(ctx, sqliteValues(r, t.Types)...); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// sqliteValues gives numbers as numbers, so that SQLite stores them so.
func sqliteValues(r []any, types []string) []any {
	out := make([]any, len(r))
	for i, v := range r {
		out[i] = v
		s, ok := v.(string)
		if !ok {
			continue
		}
		switch types[i] {
		case "INTEGER":
			var n int64
			fmt.Sscan(s, &n)
			out[i] = n
		case "NUMERIC":
			var f float64
			fmt.Sscan(s, &f)
			out[i] = f
		}
	}
	return out
}

// copyRows loads rows into PostgreSQL through COPY.
func copyRows(ctx context.Context, db *sql.DB, name string, t *Table) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		pg := dc.(*stdlib.Conn).Conn()
		src := pgx.CopyFromSlice(len(t.Rows), func(i int) ([]any, error) { return PGValues(t.Rows[i], t.Types) })
		ident := pgx.Identifier(strings.Split(name, "."))
		_, err := pg.CopyFrom(ctx, ident, t.Columns, src)
		return err
	})
}

// PGValues gives each value as the Go type of its column's PostgreSQL type.
func PGValues(r []any, types []string) ([]any, error) {
	out := make([]any, len(r))
	for i, v := range r {
		out[i] = v
		s, ok := v.(string)
		if !ok {
			continue
		}
		switch types[i] {
		case "INTEGER":
			var n int64
			if _, err := fmt.Sscan(s, &n); err != nil {
				return nil, err
			}
			out[i] = n
		case "NUMERIC":
			var n pgtype.Numeric
			if err := n.Scan(s); err != nil {
				return nil, err
			}
			out[i] = n
		case "DATE":
			d, err := time.Parse(time.DateOnly, s)
			if err != nil {
				return nil, err
			}
			out[i] = d
		default:
			out[i] = s
		}
	}
	return out, nil
}
