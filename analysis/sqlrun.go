package analysis

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/analysis/sqldb"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/period"
)

// Query is one query report ran on a SQL dataset, for the annex and -v.
type Query struct {
	For  string // the analysis, or "table sections[1].blocks[2]", or "rows"
	SQL  string
	Args []any
	Rows int // rows it returned
}

// computeSQL computes the analyses and tables of a dataset read from a
// database. The work is done where the data is: each analysis is one
// aggregate query (its where as WHERE with bound arguments, the period cut
// as WHERE on the time, the interval as the dialect's date truncation,
// sums and counts as SUM and COUNT, grouped by the columns its series and
// categories read), and only those aggregates cross the wire. Their rows
// come back laid out as the dataset's header, each standing for its
// group's rows, and feed the very analyses a file's rows feed, so that
// the same data gives the same numbers from a file or a database.
// Dataset tables and changes fetch their own rows, bounded.
//
// db is the dataset's database, opened once for all the periods of a
// run (each connection is a helper process: see sqldb.Open), or the error
// opening it.
//
// ok is false when the dataset could not be read at all (the problems say
// why); row problems are the run's, as for a file.
func computeSQL(c *config.Config, name string, res *Results, run *datasetRun, db *sqldb.DB, openErr error, checkOnly bool) (ps config.Problems, ok bool) {
	d := c.Data[name]
	if openErr != nil {
		res.Datasets[name] = run.summary
		return append(ps, c.Problemf("data."+name+".dsn", "%v", openErr)), false
	}
	var err error
	s := &sqlRun{run: run, db: db, src: sqldb.Source(d.Table, d.Query), label: sourceLabel(d, db)}
	run.summary.Place = db.Place
	run.summary.Files = []dataset.FileInfo{{Path: s.label}}
	res.Datasets[name] = run.summary

	ctx, cancel := context.WithTimeout(context.Background(), d.Timeout)
	s.cols, err = db.Columns(ctx, s.src)
	cancel()
	if err != nil {
		key := "table"
		if d.Query != "" {
			key = "query"
		}
		return append(ps, c.Problemf("data."+name+"."+key, "%v", db.Err("read the columns of "+s.what()+" in", err))), false
	}
	ctx, cancel = context.WithTimeout(context.Background(), d.Timeout)
	run.summary.Version = db.Version(ctx)
	cancel()
	names := make([]string, len(s.cols))
	for i, col := range s.cols {
		names[i] = col.Name
	}
	s.h = &dataset.Header{Columns: names}
	if err := run.onHeader(&ps)(s.h); err != nil {
		return ps, false // the columns the config names are not there: said
	}
	if checkOnly {
		return ps, false // connected, and every column is there
	}
	s.prefetch(s.plan())
	for _, step := range []func() error{s.profile, s.consumers} {
		if err := step(); err != nil {
			return append(ps, c.Problemf("data."+name, "%v", err)), false
		}
	}
	return ps, true
}

// sqlRun is the state of one SQL dataset's computation.
type sqlRun struct {
	run   *datasetRun
	db    *sqldb.DB
	src   string
	label string // the source for messages and the annex: table "x" in ...
	cols  []sqldb.Column
	h     *dataset.Header
	// textChecked holds the value columns checked for text already: each
	// is checked once, however many analyses sum it.
	textChecked map[int]bool
	ahead       map[string]*fetched // the rows of queries run ahead, by queryKey
}

func sourceLabel(d config.Dataset, db *sqldb.DB) string {
	if d.Table != "" {
		return fmt.Sprintf("table %s in the %s", d.Table, db.Where)
	}
	return "a query in the " + db.Where
}

func (s *sqlRun) what() string {
	if d := s.run.cfg.Data[s.run.name]; d.Table != "" {
		return fmt.Sprintf("table %q", d.Table)
	}
	return "the query"
}

func (s *sqlRun) query() *sqlQuery { return newSQLQuery(s.db.Dialect, s.src, s.h, s.cols) }

// exec runs q and passes each result row, laid out as the header, to
// each; a grouped query's rows carry their group's row count. Rows read
// ahead (prefetch) are taken instead of running q again.
func (s *sqlRun) exec(forWhat string, q *sqlQuery, each func(dataset.Row) error) error {
	text := q.SQL()
	key := queryKey(forWhat, text, q.args)
	f, ok := s.ahead[key]
	if ok {
		delete(s.ahead, key)
	} else {
		if liveQuery != nil {
			liveQuery(forWhat)
		}
		f = s.fetch(forWhat, text, q)
	}
	if f.err != nil {
		return f.err
	}
	for _, row := range f.rows {
		if err := each(row); err != nil {
			return err
		}
	}
	s.run.summary.Queries = append(s.run.summary.Queries, Query{For: forWhat, SQL: text, Args: q.args, Rows: len(f.rows)})
	return nil
}

// liveQuery, set by tests, is told of each query exec runs that was not
// run ahead: plan missed it.
var liveQuery func(forWhat string)

// fetched is the rows of a query, laid out as the header (a grouped
// query's without the groups of no rows), or its error.
type fetched struct {
	rows []dataset.Row
	err  error
}

// fetch runs q, whose text is text, and reads its rows. It writes nothing
// that another fetch reads: fetches run side by side (prefetch).
func (s *sqlRun) fetch(forWhat, text string, q *sqlQuery) *fetched {
	ctx, cancel := context.WithTimeout(context.Background(), s.db.Timeout)
	defer cancel()
	rows, err := s.db.QueryContext(ctx, text, q.args...)
	if err != nil {
		return &fetched{err: s.db.Err("run the query of "+forWhat+" on", err)}
	}
	defer rows.Close()
	n := len(q.sel)
	if q.group || n == 0 {
		n++
	}
	vals := make([]any, n)
	ptrs := make([]any, n)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	f := &fetched{}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return &fetched{err: s.db.Err("read the rows of "+forWhat+" from", err)}
		}
		row := dataset.Row{File: s.label, Header: s.h, Fields: make([]string, len(s.h.Columns))}
		for k, p := range q.pos {
			row.Fields[p] = cellText(vals[k])
		}
		if len(q.sel) == 0 { // a count of the rows
			row.N, _ = strconv.ParseInt(cellText(vals[0]), 10, 64)
		} else if q.group {
			row.N, _ = strconv.ParseInt(cellText(vals[len(vals)-1]), 10, 64)
			if row.N == 0 {
				continue
			}
		}
		f.rows = append(f.rows, row)
	}
	if err := rows.Err(); err != nil {
		return &fetched{err: s.db.Err("read the rows of "+forWhat+" from", err)}
	}
	return f
}

// plannedQuery is a query an analysis will run, known before it runs.
type plannedQuery struct {
	forWhat string
	q       *sqlQuery
	text    string // q's SQL
}

// planned is the query q for forWhat, its SQL written once.
func planned(forWhat string, q *sqlQuery) plannedQuery {
	return plannedQuery{forWhat, q, q.SQL()}
}

// queryKey identifies a query by what it is for, its text and its
// arguments.
func queryKey(forWhat, text string, args []any) string {
	return forWhat + "\x00" + text + "\x00" + fmt.Sprintf("%#v", args)
}

// prefetch runs the queries the dataset's analyses will run, side by side
// on the pool's connections, and keeps their rows for exec: a database
// answers each in its own time, where one after another each waited for
// the one before. The analyses then read them in the config's order, as
// before, so that the results, problems and the annex's list of queries
// are the same.
func (s *sqlRun) prefetch(plans []plannedQuery) {
	got := make([]*fetched, len(plans))
	slots := make(chan struct{}, sqldb.MaxConns)
	var wg sync.WaitGroup
	for i, p := range plans {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			got[i] = s.fetch(p.forWhat, p.text, p.q)
		})
	}
	wg.Wait()
	s.ahead = make(map[string]*fetched, len(plans))
	for i, p := range plans {
		s.ahead[queryKey(p.forWhat, p.text, p.q.args)] = got[i]
	}
}

// cellText is a value from the database as report reads a cell: numbers
// in their shortest exact decimal, NULL as "".
func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case []byte:
		return strings.TrimSpace(string(x))
	case string:
		return strings.TrimSpace(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 && x.Nanosecond() == 0 {
			return x.Format(time.DateOnly)
		}
		return x.Format(time.DateTime)
	}
	return strings.TrimSpace(fmt.Sprint(v))
}

// profile counts the dataset's rows by time: rows read and used, the
// latest time inside the cut, and how far the data reaches for each
// analysis's coverage, however its where narrows its own rows.
func (s *sqlRun) profile() error {
	run := s.run
	for _, t := range run.order {
		q := s.profileQuery(t)
		rc := run.reaches[t.index]
		err := s.exec("rows by time", q, func(r dataset.Row) error {
			iv, err := t.at(&r)
			if err != nil {
				run.rowError(err)
				return nil
			}
			in := t.includes(iv, run.cut)
			if t == run.own {
				run.summary.RowsRead += int(r.Count())
				if in {
					run.summary.RowsUsed += int(r.Count())
					if run.summary.Through.IsZero() || iv.EndsAfter(run.summary.Through) {
						run.summary.Through = iv
					}
				}
			}
			if in && rc != nil {
				rc.add(s.label, iv)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if run.own == nil {
		q := s.query()
		return s.exec("rows", q, func(r dataset.Row) error {
			run.summary.RowsRead, run.summary.RowsUsed = int(r.N), int(r.N)
			return nil
		})
	}
	return nil
}

// feed offers a row to one consumer, with its time and whether it falls
// inside the period cut, as a file's row is offered.
func (s *sqlRun) feed(cons consumer, r dataset.Row) error {
	var iv period.Interval
	in := true
	if t := cons.time(); t != nil {
		var err error
		if iv, err = t.at(&r); err != nil {
			s.run.rowError(err)
			return nil
		}
		in = t.includes(iv, s.run.cut)
	}
	if err := cons.add(r, iv, in); err != nil {
		s.run.rowError(err)
	}
	return nil
}

// consumers runs the query of every analysis and table.
func (s *sqlRun) consumers() error {
	for _, cons := range s.run.consumers {
		var err error
		switch x := cons.(type) {
		case *timedAnalysis:
			err = s.timed(x)
		case *countAnalysis:
			err = s.count(x)
		case *changesAnalysis:
			err = s.changes(x)
		case *tableConsumer:
			err = s.table(x)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// timed is a trend or frequency: per time (truncated to the interval in
// the database), the columns its filters and categories read, the row
// count and the sums of its value columns.
func (s *sqlRun) timed(a *timedAnalysis) error {
	if err := s.exec(a.name, s.timedQuery(a), func(r dataset.Row) error { return s.feed(a, r) }); err != nil {
		return err
	}
	if err := s.checkText(a.name, a.value, a.series); err != nil {
		return err
	}
	s.explainUnmatched(a.where)
	for _, ser := range a.series {
		s.explainUnmatched(ser.filter)
	}
	return nil
}

// timedQuery is the query of a trend or frequency.
func (s *sqlRun) timedQuery(a *timedAnalysis) *sqlQuery {
	q := s.query()
	q.group = true
	q.sum(a.value)
	for _, ser := range a.series {
		q.sum(ser.value)
	}
	q.timeOf(a.timer, a.unit.String())
	q.filterCols(a.spec.Where)
	var seriesConds []string
	for _, ser := range a.spec.Series {
		q.filterCols(ser.Where)
	}
	q.text(a.by)
	q.where(q.filter(a.spec.Where))
	if a.by < 0 && len(a.spec.Series) > 0 && !anyKeepsAll(a.spec.Series) {
		// only the rows of some series: bind their filters, OR'ed
		for _, ser := range a.spec.Series {
			seriesConds = append(seriesConds, q.filter(ser.Where))
		}
		q.where(anyOf(seriesConds))
	}
	q.where(q.before(a.timer, s.run.cut.End()))
	return q
}

// anyKeepsAll reports whether a series takes every row.
func anyKeepsAll(series []config.SeriesSpec) bool {
	for _, ser := range series {
		if ser.Where.IsZero() {
			return true
		}
	}
	return false
}

// count is a count by category: per category (and time, for from and
// to), the row count.
func (s *sqlRun) count(a *countAnalysis) error {
	if err := s.exec(a.name, s.countQuery(a), func(r dataset.Row) error { return s.feed(a, r) }); err != nil {
		return err
	}
	s.explainUnmatched(a.where)
	return nil
}

// countQuery is the query of a count.
func (s *sqlRun) countQuery(a *countAnalysis) *sqlQuery {
	q := s.query()
	q.group = true
	q.timeOf(a.timer, "")
	q.filterCols(a.spec.Where)
	q.text(a.by)
	q.where(q.filter(a.spec.Where))
	q.where(q.before(a.timer, s.run.cut.End()))
	return q
}

// changes fetches the rows of the report period and the one before (at
// most twice as many as a changes analysis keeps, and one more to know).
func (s *sqlRun) changes(a *changesAnalysis) error {
	q := s.changesQuery(a)
	n := 0
	err := s.exec(a.name, q, func(r dataset.Row) error {
		n++
		return s.feed(a, r)
	})
	if err != nil {
		return err
	}
	if n == q.limit {
		return fmt.Errorf("analyses.%s: more than %s rows fall in %s and %s: narrow it with where:", a.name, thousands(2*MaxChangeRows), a.cut.Previous(), a.cut)
	}
	s.explainUnmatched(a.where)
	return nil
}

// changesQuery is the query of a changes analysis: the rows of the report
// period and the one before, in time order, one more than it keeps.
func (s *sqlRun) changesQuery(a *changesAnalysis) *sqlQuery {
	q := s.query()
	for i := range s.h.Columns {
		q.text(i)
	}
	q.where(q.filter(a.spec.Where))
	q.where(q.since(a.timer, a.cut.Previous().Start))
	q.where(q.before(a.timer, a.cut.End()))
	q.order = orderByTime(q, a.timer)
	q.limit = 2*MaxChangeRows + 1
	return q
}

// table fetches the rows of a dataset table, in time order, bounded.
func (s *sqlRun) table(t *tableConsumer) error {
	if err := s.exec(tableQueryFor(t), s.tableQuery(t), func(r dataset.Row) error { return s.feed(t, r) }); err != nil {
		return err
	}
	if t.where != nil {
		s.explainUnmatched(t.where)
	}
	return nil
}

// tableQueryFor names a table's query in the log and the annex.
func tableQueryFor(t *tableConsumer) string { return "table " + strings.TrimSuffix(t.path, ".table") }

// tableQuery is the query of a dataset table.
func (s *sqlRun) tableQuery(t *tableConsumer) *sqlQuery {
	q := s.query()
	for _, i := range t.cols {
		q.text(i)
	}
	q.timeOf(t.timer, "")
	if t.where != nil {
		q.filterCols(t.where.src)
		q.where(q.filter(t.where.src))
	}
	q.where(q.before(t.timer, s.run.cut.End()))
	q.order = orderByTime(q, t.timer)
	q.limit = MaxTableRows + 1
	return q
}

// profileQuery counts the rows by the time of timer t.
func (s *sqlRun) profileQuery(t *timer) *sqlQuery {
	q := s.query()
	q.group = true
	q.timeOf(t, "")
	return q
}

// plan lists the queries profile and consumers will run first, in their
// order: what prefetch runs ahead.
func (s *sqlRun) plan() []plannedQuery {
	run := s.run
	var out []plannedQuery
	for _, t := range run.order {
		out = append(out, planned("rows by time", s.profileQuery(t)))
	}
	if run.own == nil {
		out = append(out, planned("rows", s.query()))
	}
	for _, cons := range run.consumers {
		switch x := cons.(type) {
		case *timedAnalysis:
			out = append(out, planned(x.name, s.timedQuery(x)))
		case *countAnalysis:
			out = append(out, planned(x.name, s.countQuery(x)))
		case *changesAnalysis:
			out = append(out, planned(x.name, s.changesQuery(x)))
		case *tableConsumer:
			out = append(out, planned(tableQueryFor(x), s.tableQuery(x)))
		}
	}
	return out
}

// orderByTime orders rows by their time, then by every selected column,
// so that a table lists them the same way every run.
func orderByTime(q *sqlQuery, t *timer) []string {
	var out []string
	if t != nil {
		for _, i := range []int{t.col, t.date, t.year, t.mon} {
			if i >= 0 {
				out = append(out, q.quoted(i))
			}
		}
	}
	for k := range q.sel {
		out = append(out, strconv.Itoa(k+1))
	}
	return out
}

// checkText makes a value column that holds text other than numbers an
// error, as it is in a file: SQLite would add it as 0 (PostgreSQL refuses
// to cast it, and says so).
func (s *sqlRun) checkText(name string, value int, series []*namedSeries) error {
	if s.db.Dialect.Name() != "sqlite" {
		return nil
	}
	cols := map[int]bool{}
	if value >= 0 {
		cols[value] = true
	}
	for _, ser := range series {
		if ser.value >= 0 {
			cols[ser.value] = true
		}
	}
	for i := range cols {
		if s.textChecked[i] {
			continue
		}
		if s.textChecked == nil {
			s.textChecked = map[int]bool{}
		}
		s.textChecked[i] = true
		col := s.h.Columns[i]
		var bad sql.NullString
		ctx, cancel := context.WithTimeout(context.Background(), s.db.Timeout)
		err := s.db.QueryRowContext(ctx, fmt.Sprintf("SELECT MIN(%[1]s) FROM %[2]s WHERE typeof(%[1]s) = 'text' AND TRIM(%[1]s) GLOB '*[^0-9.eE+-]*'", sqldb.Quote(col), s.src)).Scan(&bad)
		cancel()
		if err != nil {
			return s.db.Err("check the values of column "+strconv.Quote(col)+" in", err)
		}
		if bad.Valid {
			return fmt.Errorf("analyses.%s: column %q of %s holds text that is not a number, such as %q", name, col, s.label, bad.String)
		}
	}
	return nil
}

// explainUnmatched completes a filter that matched no row in the rows its
// query fetched: rows outside the period cut or the window count as a
// match (the analysis then shows zeros, as for a file); else the values
// its columns do hold are fetched, for the did-you-mean.
func (s *sqlRun) explainUnmatched(f *filter) {
	if f == nil || f.matched || f.src.IsZero() {
		return
	}
	q := s.query()
	q.where(q.filter(f.src))
	found := false
	if err := s.exec("the filter "+f.path, q, func(r dataset.Row) error {
		found = r.N > 0
		return nil
	}); err == nil && found {
		f.matched = true
		return
	}
	f.offered = s.run.summary.RowsRead > 0
	for i, cl := range f.clauses {
		q := s.query()
		q.text(cl.col)
		q.group = true
		q.limit = maxSeenValues
		_ = s.exec("the values of "+strconv.Quote(cl.name), q, func(r dataset.Row) error {
			if i < len(f.seen) {
				f.seen[i][r.Fields[cl.col]] = true
			}
			return nil
		})
	}
}
