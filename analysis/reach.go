package analysis

import "github.com/briefing/report/internal/period"

// reach is how far a dataset's files (or its table) reach in time by one
// timer: for each, the latest interval inside the period cut of each unit
// its rows have. A pass over the rows keeps one per timer for all its
// timed analyses, whatever their filters narrow their own rows to, and
// gives each analysis its coverage once the rows are in.
type reach struct {
	last     map[string]*unitReach
	lastFile string
	cur      *unitReach // last[lastFile]
}

// unitReach is the latest interval of each unit, indexed by period.Unit.
type unitReach [period.Year + 1]period.Interval

// add records a row of file at iv.
func (r *reach) add(file string, iv period.Interval) {
	if r.cur == nil || file != r.lastFile {
		if r.last == nil {
			r.last = map[string]*unitReach{}
		}
		if r.cur = r.last[file]; r.cur == nil {
			r.cur = new(unitReach)
			r.last[file] = r.cur
		}
		r.lastFile = file
	}
	if c := &r.cur[iv.Unit]; c.IsZero() || iv.Start.After(c.Start) {
		*c = iv
	}
}

// cover adds to c what an analysis of unit u covers: for each file, the
// latest interval of its rows no coarser than u, truncated to u. The
// latest of the truncations is the truncation of the latest, so this is
// what adding each row to c would have given.
func (r *reach) cover(c *coverage, u period.Unit) {
	for file, ivs := range r.last {
		for l := period.Day; l <= u; l++ {
			if iv := ivs[l]; !iv.IsZero() {
				c.add(file, iv.Truncate(u))
			}
		}
	}
}
