package analysis

import (
	"slices"

	"github.com/briefing/report/analysis/dataset"
)

// A rowGate spares a pass the work of offering a row to every consumer
// when none of them could count it. Most analyses of a large export read
// a few of its rows (a supplier, a recipient): each consumer names a
// clause that every row it could count passes (its where:'s first, or the
// first of each of its series), and a row that passes none of them is
// offered to no consumer: on the sample's register, 21,200 of 25,000.
//
// What a consumer would have done with such a row is done here, so that
// nothing else changes: the filters it would have offered the row to
// (those the clauses come from) note that they were offered a row and
// the values of their columns, for the message of a filter that never
// matches. Their other filters (a series under a where:, a not:) are
// never offered a row that fails the clause before them.
type rowGate struct {
	cols   []int      // a row passes if its cell in cols[i]
	values [][]string // is one of values[i]
	// offered are the filters a row failing the gate would have been
	// offered; those whose offer still changes them (see reject).
	offered []*filter

	// As the last row the gate failed left the offered filters: the
	// columns their clauses still note, and that row's values there
	// (copies: the row's text is reused). A filter notes a value only
	// when it differs from its column's value in the row before, so a
	// failing row with the same values in those columns changes none of
	// them, and is offered to none (a register sorted by supplier runs
	// through thousands of such rows). settled is false when that is not
	// known: before the first such row, and after a row that passed the
	// gate, which the filters themselves may have matched or noted.
	noted     []int
	notedVals [][]byte
	settled   bool
}

// gated is a consumer that can say which rows it could count.
type gated interface {
	// gate returns clauses every row the consumer could count passes
	// one of, and the filters a row failing them all would be offered;
	// no clauses when the consumer may count any row.
	gate() (clauses []boundClause, offered []*filter)
}

// gateRows is off only in tests that compare the results with and without
// the gates.
var gateRows = true

// newRowGate returns the gate of consumers bound to a file's header, nil
// when some consumer may count any row (or there is none).
func newRowGate(consumers []consumer) *rowGate {
	if !gateRows {
		return nil
	}
	g := &rowGate{}
	for _, cons := range consumers {
		gc, ok := cons.(gated)
		if !ok {
			return nil
		}
		clauses, offered := gc.gate()
		if len(clauses) == 0 {
			return nil
		}
		for _, cl := range clauses {
			g.add(cl)
		}
		g.offered = append(g.offered, offered...)
	}
	if len(g.cols) == 0 {
		return nil
	}
	return g
}

// add makes a row that passes cl pass the gate.
func (g *rowGate) add(cl boundClause) {
	for i, col := range g.cols {
		if col == cl.col {
			for _, v := range cl.values {
				if !anyEqual(g.values[i], v) {
					g.values[i] = append(g.values[i], v)
				}
			}
			return
		}
	}
	g.cols = append(g.cols, cl.col)
	g.values = append(g.values, append([]string(nil), cl.values...))
}

// pass reports whether some consumer could count r. A row it rejects is
// offered to the filters that would have seen it.
func (g *rowGate) pass(r *dataset.Row) bool {
	for i, col := range g.cols {
		if anyEqual(g.values[i], r.Get(col)) {
			g.settled = false
			return true
		}
	}
	if g.settled && g.sameNoted(r) {
		return false // it would change no filter
	}
	for i := 0; i < len(g.offered); {
		if g.offered[i].reject(r) {
			i++
			continue
		}
		// no such row changes it any more; the order does not matter
		last := len(g.offered) - 1
		g.offered[i], g.offered[last] = g.offered[last], nil
		g.offered = g.offered[:last]
	}
	g.settle(r)
	return false
}

// settle notes the columns the offered filters still note, and r's values
// there: r is the row they were last offered.
func (g *rowGate) settle(r *dataset.Row) {
	g.noted = g.noted[:0]
	for _, f := range g.offered {
		for i, cl := range f.clauses {
			if f.noting(i) && !slices.Contains(g.noted, cl.col) {
				g.noted = append(g.noted, cl.col)
			}
		}
	}
	for len(g.notedVals) < len(g.noted) {
		g.notedVals = append(g.notedVals, nil)
	}
	for k, col := range g.noted {
		g.notedVals[k] = append(g.notedVals[k][:0], r.Get(col)...)
	}
	g.settled = true
}

// sameNoted reports whether r holds, in each column the offered filters
// still note, the value of the row they were last offered.
func (g *rowGate) sameNoted(r *dataset.Row) bool {
	for k, col := range g.noted {
		if string(g.notedVals[k]) != r.Get(col) {
			return false
		}
	}
	return true
}

// whereGate is the gate of a consumer that offers every row to its where:
// first: the where:'s first clause; none when it has no clauses.
func whereGate(where *filter) ([]boundClause, []*filter) {
	if len(where.clauses) == 0 {
		return nil, nil
	}
	return where.clauses[:1], []*filter{where}
}
