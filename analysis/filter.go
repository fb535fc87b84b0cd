package analysis

import (
	"fmt"
	"sort"
	"strings"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/suggest"
)

// filter is a config.Filter bound to a file's columns.
type filter struct {
	path    string // key path of the where: map, for messages
	src     config.Filter
	clauses []boundClause
	not     *filter
	matched bool // some row of the dataset passed it
	offered bool // some row was offered to it
	// seen keeps a sample of the values met in each clause's column, to
	// suggest the closest one when the filter matches nothing.
	seen []map[string]bool
	// last is the value each clause's column held in the previous row, a
	// copy (the row's text is reused): rows come in runs of one value, and
	// a map write per row was half the filter's cost.
	last [][]byte
	// unseen counts each clause's values not yet met in its column: once
	// all are, the message has nothing to say of that clause, and its
	// column's values are no longer kept.
	unseen []int
}

// noValue starts each clause's last value: no cell holds it.
const noValue = "\x00none"

type boundClause struct {
	col    int
	name   string // as written in the file's header
	values []string
}

const maxSeenValues = 2000

func newFilter(path string, f config.Filter) *filter {
	out := &filter{path: path, src: f}
	if f.Not != nil {
		out.not = newFilter(path+".not", *f.Not)
	}
	return out
}

// bind resolves the filter's columns against a header.
func (f *filter) bind(h *dataset.Header, c *config.Config) config.Problems {
	var ps config.Problems
	f.clauses = f.clauses[:0]
	f.seen = f.seen[:0]
	f.last = f.last[:0]
	f.unseen = f.unseen[:0]
	for _, cl := range f.src.Clauses {
		i, msg := columnIndex(h, cl.Column)
		if msg != "" {
			ps = append(ps, c.Problemf(f.path+"."+cl.Column, "%s", msg))
			continue
		}
		f.clauses = append(f.clauses, boundClause{col: i, name: h.Columns[i], values: cl.Values})
		f.seen = append(f.seen, map[string]bool{})
		f.last = append(f.last, []byte(noValue))
		f.unseen = append(f.unseen, len(distinct(cl.Values)))
	}
	if f.not != nil {
		ps = append(ps, f.not.bind(h, c)...)
	}
	return ps
}

// match reports whether the row passes the filter.
func (f *filter) match(r *dataset.Row) bool {
	f.offered = true
	if !f.matched {
		return f.matchNoting(r)
	}
	// The common case, once a row has passed: no values to note, and the
	// first clause that fails decides.
	for i := range f.clauses {
		cl := &f.clauses[i]
		if !anyEqual(cl.values, r.Get(cl.col)) {
			return false
		}
	}
	return f.not == nil || !f.not.match(r)
}

// matchNoting is match until a row has passed: it notes the values met in
// each clause's column, for the message about a filter that never matches.
func (f *filter) matchNoting(r *dataset.Row) bool {
	ok := true
	for i, cl := range f.clauses {
		v := r.Get(cl.col)
		f.note(i, v)
		if ok && !anyEqual(cl.values, v) {
			ok = false
		}
	}
	if ok && f.not != nil && f.not.match(r) {
		ok = false
	}
	if ok {
		f.matched = true
	}
	return ok
}

// noting reports whether clause i still keeps the values of its column:
// some of its values are still to be met, and there is room for more.
func (f *filter) noting(i int) bool {
	return f.unseen[i] > 0 && len(f.seen[i]) < maxSeenValues
}

// note keeps v, met in clause i's column, for unmatched.
func (f *filter) note(i int, v string) {
	if f.noting(i) && v != string(f.last[i]) {
		if !f.seen[i][v] {
			f.seen[i][strings.Clone(v)] = true // the row's text is reused
			if anyEqual(f.clauses[i].values, v) {
				f.unseen[i]--
			}
		}
		f.last[i] = append(f.last[i][:0], v...)
	}
}

// reject does to f what match does when offered a row that fails its
// first clause: see rowGate. It reports whether another such row could
// still change f: until f has matched a row, it notes the values of its
// columns, while some of its values are still to be met and it has room
// for more.
func (f *filter) reject(r *dataset.Row) bool {
	f.offered = true
	if f.matched {
		return false
	}
	again := false
	for i, cl := range f.clauses {
		if f.noting(i) {
			f.note(i, r.Get(cl.col))
			again = again || f.noting(i)
		}
	}
	return again
}

// distinct returns values without repeats.
func distinct(values []string) map[string]bool {
	m := make(map[string]bool, len(values))
	for _, v := range values {
		m[v] = true
	}
	return m
}

func anyEqual(values []string, v string) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}

// unmatched explains a filter that matched no row of the dataset, with
// the closest value actually present for each clause.
func (f *filter) unmatched(c *config.Config, dataset string) config.Problem {
	if !f.offered {
		return c.Problemf(f.path, "the filter matches no row: dataset %q has no rows (its file has a header only?)", dataset)
	}
	var hints []string
	for i, cl := range f.src.Clauses {
		if i >= len(f.seen) {
			break
		}
		for _, v := range cl.Values {
			if f.seen[i][v] {
				continue
			}
			vals := make([]string, 0, len(f.seen[i]))
			for s := range f.seen[i] {
				vals = append(vals, s)
			}
			sort.Strings(vals)
			hint := suggest.ValueHint(v, vals)
			hints = append(hints, fmt.Sprintf("%s has no value %q%s", f.clauses[i].name, v, hint))
		}
	}
	msg := fmt.Sprintf("the filter matches no row of dataset %q", dataset)
	if len(hints) > 0 {
		msg += ": " + strings.Join(hints, "; ")
	}
	return c.Problemf(f.path, "%s", msg)
}
