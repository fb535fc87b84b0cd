package sqldb

import (
	"context"
	"strings"
)

// Column is a column of a table or query as the database describes it.
type Column struct {
	Name string
	Type string // the database's type name, upper case: DATE, INT4, TEXT, NUMERIC
}

// IsInteger reports whether the column holds whole numbers (a year).
func (c Column) IsInteger() bool { return strings.Contains(c.Type, "INT") }

// IsExact reports whether the column holds exact numbers: integers or
// NUMERIC/DECIMAL (not floating point).
func (c Column) IsExact() bool {
	return c.IsInteger() || strings.Contains(c.Type, "NUMERIC") || strings.Contains(c.Type, "DECIMAL")
}

// IsDate reports whether the column holds dates or timestamps.
func (c Column) IsDate() bool {
	return strings.Contains(c.Type, "DATE") || strings.Contains(c.Type, "TIME")
}

// Source is what a dataset's queries select from: a quoted table, or a
// query in parentheses.
func Source(table, query string) string {
	if table != "" {
		return QuoteTable(table)
	}
	return "(" + strings.TrimRight(strings.TrimSpace(query), "; \n") + ") AS src"
}

// Columns returns the columns of source without reading a row.
func (db *DB) Columns(ctx context.Context, source string) ([]Column, error) {
	rows, err := db.QueryContext(ctx, "SELECT * FROM "+source+" LIMIT 0")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	cols := make([]Column, len(types))
	for i, t := range types {
		cols[i] = Column{Name: t.Name(), Type: strings.ToUpper(t.DatabaseTypeName())}
	}
	return cols, rows.Err()
}
