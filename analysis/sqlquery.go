package analysis

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/analysis/sqldb"
	"github.com/briefing/report/config"
)

// sqlQuery builds one query over a SQL dataset whose result rows are laid
// out as the dataset's header: each selected column lands at its header
// position, so that the analyses read them as they read a file's rows.
// Every value from the config is a bound argument, never SQL text.
type sqlQuery struct {
	d     sqldb.Dialect
	src   string
	h     *dataset.Header
	cols  []sqldb.Column
	args  []any
	sel   []string // select expressions
	pos   []int    // header position of each, -1 for the row count
	group bool     // aggregate: GROUP BY the columns, COUNT and SUMs
	conds []string
	order []string
	limit int
	sums  map[int]bool // header positions summed rather than grouped by
}

func newSQLQuery(d sqldb.Dialect, src string, h *dataset.Header, cols []sqldb.Column) *sqlQuery {
	return &sqlQuery{d: d, src: src, h: h, cols: cols, sums: map[int]bool{}}
}

func (q *sqlQuery) param(v any) string {
	q.args = append(q.args, v)
	return q.d.Param(len(q.args))
}

func (q *sqlQuery) quoted(i int) string { return sqldb.Quote(q.h.Columns[i]) }

// has reports whether header position i is selected already.
func (q *sqlQuery) has(i int) bool {
	for _, p := range q.pos {
		if p == i {
			return true
		}
	}
	return false
}

// text selects column i, once; its values are read as text.
func (q *sqlQuery) text(i int) {
	if i >= 0 && !q.has(i) && !q.sums[i] {
		q.sel, q.pos = append(q.sel, q.quoted(i)), append(q.pos, i)
	}
}

// asText is column i as trimmed text, for comparing with the config's
// values: a text column as it is, any other cast.
func (q *sqlQuery) asText(i int) string {
	if t := q.cols[i].Type; strings.Contains(t, "TEXT") || strings.Contains(t, "CHAR") {
		return "TRIM(" + q.quoted(i) + ")"
	}
	return q.d.Text(q.quoted(i))
}

// sum selects the exact sum of column i in its place (an aggregate).
func (q *sqlQuery) sum(i int) {
	if i < 0 || q.sums[i] {
		return
	}
	q.sums[i] = true
	q.sel, q.pos = append(q.sel, q.d.Sum(q.quoted(i), q.cols[i].IsExact())), append(q.pos, i)
}

// timeOf selects what t reads a row's time from: a date column truncated
// to unit in the database when unit is set, else the columns as text.
func (q *sqlQuery) timeOf(t *timer, unit string) {
	if t == nil {
		return
	}
	if t.col >= 0 && unit != "" && unit != "day" && q.cols[t.col].IsDate() && !q.has(t.col) {
		q.sel, q.pos = append(q.sel, q.d.TruncDay(q.quoted(t.col), unit)), append(q.pos, t.col)
		return
	}
	for _, i := range []int{t.col, t.date, t.year, t.mon} {
		if i >= 0 && q.cols[i].IsDate() && !q.has(i) && !q.sums[i] {
			// a timestamp is read as its day
			q.sel, q.pos = append(q.sel, q.d.Day(q.quoted(i))), append(q.pos, i)
			continue
		}
		q.text(i)
	}
}

// filterCols selects the columns a filter reads.
func (q *sqlQuery) filterCols(f config.Filter) {
	for _, cl := range f.Clauses {
		if i, ok := q.h.Index(cl.Column); ok {
			q.text(i)
		}
	}
	if f.Not != nil {
		q.filterCols(*f.Not)
	}
}

// filter is f as a condition, "" for a filter that keeps every row:
// a column's trimmed text equal to one of the values, AND over the
// columns, NOT for not:.
func (q *sqlQuery) filter(f config.Filter) string {
	var parts []string
	for _, cl := range f.Clauses {
		i, ok := q.h.Index(cl.Column)
		if !ok {
			continue
		}
		ps := make([]string, len(cl.Values))
		empty := false
		for k, v := range cl.Values {
			ps[k] = q.param(v)
			empty = empty || strings.TrimSpace(v) == ""
		}
		cond := fmt.Sprintf("%s IN (%s)", q.asText(i), strings.Join(ps, ", "))
		if empty { // an empty cell of a file is NULL in a database
			cond = fmt.Sprintf("(%s OR %s IS NULL)", cond, q.quoted(i))
		}
		parts = append(parts, cond)
	}
	if f.Not != nil {
		if n := q.filter(*f.Not); n != "" {
			parts = append(parts, "NOT ("+n+")")
		}
	}
	return strings.Join(parts, " AND ")
}

// where adds a condition.
func (q *sqlQuery) where(cond string) {
	if cond != "" {
		q.conds = append(q.conds, cond)
	}
}

// anyOf is the OR of conditions; "" when one of them keeps every row.
func anyOf(conds []string) string {
	for _, c := range conds {
		if c == "" {
			return ""
		}
	}
	if len(conds) == 0 {
		return ""
	}
	return "(" + strings.Join(conds, ") OR (") + ")"
}

// before is a condition that keeps at least every row whose time, read by
// t, ends by end (and maybe a few more, which the analyses leave out as
// they do for a file): exact on a date column and on a column of years.
func (q *sqlQuery) before(t *timer, end time.Time) string {
	if t == nil {
		return ""
	}
	if t.col >= 0 {
		return q.colBefore(t.col, end)
	}
	var parts []string
	if t.date >= 0 {
		d := q.asText(t.date)
		parts = append(parts, fmt.Sprintf("(%s <> '' AND %s < %s)", d, d, q.param(end.Format(time.DateOnly))))
		if t.year >= 0 {
			parts = append(parts, fmt.Sprintf("(%s = '' AND %s <= %s)", d, q.asText(t.year), q.param(strconv.Itoa(end.Year()))))
		}
		return "(" + strings.Join(parts, " OR ") + ")"
	}
	if t.year >= 0 {
		return fmt.Sprintf("%s <= %s", q.asText(t.year), q.param(strconv.Itoa(end.Year())))
	}
	return ""
}

func (q *sqlQuery) colBefore(i int, end time.Time) string {
	switch c := q.cols[i]; {
	case c.IsDate():
		return fmt.Sprintf("%s < %s", q.quoted(i), q.date(end))
	case c.IsInteger():
		return fmt.Sprintf("%s < %s", q.quoted(i), q.param(end.Year()))
	}
	// text: ISO dates, quarters, months and years all sort as text
	return fmt.Sprintf("%s < %s", q.asText(i), q.param(strconv.Itoa(end.Year()+1)))
}

// since is a condition that keeps at least every row whose time, read by
// t, ends after start.
func (q *sqlQuery) since(t *timer, start time.Time) string {
	if t == nil {
		return ""
	}
	if t.col >= 0 {
		switch c := q.cols[t.col]; {
		case c.IsDate():
			return fmt.Sprintf("%s >= %s", q.quoted(t.col), q.date(start))
		case c.IsInteger():
			return fmt.Sprintf("%s >= %s", q.quoted(t.col), q.param(start.Year()))
		}
		return fmt.Sprintf("%s >= %s", q.asText(t.col), q.param(strconv.Itoa(start.Year())))
	}
	if t.year >= 0 {
		return fmt.Sprintf("%s >= %s", q.asText(t.year), q.param(strconv.Itoa(start.Year())))
	}
	d := q.asText(t.date)
	return fmt.Sprintf("(%s = '' OR %s >= %s)", d, d, q.param(start.Format(time.DateOnly)))
}

// date is a date argument.
func (q *sqlQuery) date(t time.Time) string {
	p := q.param(t.Format(time.DateOnly))
	if q.d.Name() == "postgres" {
		return "CAST(" + p + " AS DATE)"
	}
	return p
}

// SQL is the query's text.
func (q *sqlQuery) SQL() string {
	var b strings.Builder
	b.WriteString("SELECT ")
	sel := append([]string(nil), q.sel...)
	if q.group {
		sel = append(sel, "COUNT(*)")
	}
	if len(sel) == 0 {
		sel = []string{"COUNT(*)"}
	}
	b.WriteString(strings.Join(sel, ", "))
	b.WriteString(" FROM " + q.src)
	if len(q.conds) > 0 {
		b.WriteString(" WHERE " + strings.Join(q.conds, " AND "))
	}
	if q.group {
		var keys []string
		for k, p := range q.pos {
			if !q.sums[p] {
				keys = append(keys, strconv.Itoa(k+1))
			}
		}
		if len(keys) > 0 {
			b.WriteString(" GROUP BY " + strings.Join(keys, ", "))
		}
	}
	if len(q.order) > 0 {
		b.WriteString(" ORDER BY " + strings.Join(q.order, ", "))
	}
	if q.limit > 0 {
		b.WriteString(" LIMIT " + strconv.Itoa(q.limit))
	}
	return b.String()
}
