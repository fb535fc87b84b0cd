package analysis

import (
	"strconv"
	"strings"
	"time"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/period"
)

// timer reads a row's time from the configured columns.
type timer struct {
	spec            config.Time
	path            string
	col             int // single column, or -1
	date, year, mon int // fallback columns, -1 when absent
	index           int // position in the dataset run's timers

	// The answers given so far for the cut in memoCut: a register holds a
	// few dozen distinct years among its thousands of rows, and the
	// calendar arithmetic of the cut was the hot spot of a scan.
	memo    map[period.Interval]bool
	memoCut period.Period
	// the intervals of the texts of a single time column read so far: the
	// same few dozen years again, each parsed once
	parsed map[string]period.Interval
	// years answers both for a text of four digits, a year as registers
	// give it, by an index instead of a map lookup of the text and one of
	// the interval: its interval, and whether that is inside memoCut
	years []yearMemo
}

// yearMemo is what a timer knows of the year yearFrom+i.
type yearMemo struct {
	iv      period.Interval // zero until the year's text is parsed
	in      bool            // iv is inside the cut, once inKnown
	inKnown bool
}

// The years a timer answers by index: a register's, and more.
const (
	yearFrom  = 1800
	yearCount = 512
)

// yearIndex returns the index in a timer's years of s when s is four
// digits of a year in their range.
func yearIndex(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y := 0
	for i := 0; i < 4; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		y = y*10 + int(c-'0')
	}
	if y < yearFrom || y >= yearFrom+yearCount {
		return 0, false
	}
	return y - yearFrom, true
}

// maxMemo bounds the answers a timer keeps: daily data over centuries
// would otherwise keep one per day.
const maxMemo = 4096

// includes reports whether iv is inside the period cut p, remembering
// the answers for p.
func (t *timer) includes(iv period.Interval, p period.Period) bool {
	if t.memo == nil || t.memoCut != p {
		t.memo, t.memoCut = map[period.Interval]bool{}, p
		for i := range t.years {
			t.years[i].inKnown = false
		}
	}
	in, ok := t.memo[iv]
	if !ok {
		in = p.Includes(iv)
		if len(t.memo) < maxMemo {
			t.memo[iv] = in
		}
	}
	if iv.Unit == period.Year && t.years != nil {
		if i := iv.Start.Year() - yearFrom; i >= 0 && i < yearCount && t.years[i].iv == iv {
			t.years[i].in, t.years[i].inKnown = in, true
		}
	}
	return in
}

// atCut returns the row's interval, as at does, and whether it is inside
// the cut p, as includes does: for a year's text seen before, by index.
func (t *timer) atCut(r *dataset.Row, p period.Period) (period.Interval, bool, error) {
	if t.col >= 0 && t.years != nil && t.memo != nil && t.memoCut == p {
		if y, ok := yearIndex(r.Get(t.col)); ok {
			if m := &t.years[y]; m.inKnown {
				return m.iv, m.in, nil
			}
		}
	}
	iv, err := t.at(r)
	if err != nil {
		return iv, false, err
	}
	return iv, t.includes(iv, p), nil
}

func newTimer(path string, spec config.Time) *timer {
	return &timer{spec: spec, path: path, col: -1, date: -1, year: -1, mon: -1}
}

// bind resolves the time columns against a header.
func (t *timer) bind(h *dataset.Header, c *config.Config) config.Problems {
	var ps config.Problems
	find := func(key, name string) int {
		if name == "" {
			return -1
		}
		i, msg := columnIndex(h, name)
		if msg != "" {
			p := t.path
			if key != "" {
				p += "." + key
			}
			ps = append(ps, c.Problemf(p, "%s", strings.Replace(msg, "unknown column", "unknown time column", 1)))
			return -1
		}
		return i
	}
	t.col = find("", t.spec.Column)
	t.date = find("date", t.spec.Date)
	t.year = find("year", t.spec.Year)
	t.mon = find("month", t.spec.Month)
	return ps
}

// at returns the row's interval. A row with no time, or a time that does
// not parse, is an error at its line and column.
func (t *timer) at(r *dataset.Row) (period.Interval, error) {
	if t.col >= 0 {
		s := r.Get(t.col)
		y, year := yearIndex(s)
		if year && t.years != nil && !t.years[y].iv.IsZero() {
			return t.years[y].iv, nil
		}
		if iv, ok := t.parsed[s]; ok {
			return iv, nil
		}
		iv, err := parseTime(r, t.col)
		if err == nil && year && iv.Unit == period.Year {
			if t.years == nil {
				t.years = make([]yearMemo, yearCount)
			}
			t.years[y].iv = iv
			return iv, nil
		}
		if err == nil && len(t.parsed) < maxMemo {
			if t.parsed == nil {
				t.parsed = map[string]period.Interval{}
			}
			t.parsed[strings.Clone(s)] = iv // the row's text is reused
		}
		return iv, err
	}
	if t.date >= 0 && r.Get(t.date) != "" {
		return parseTime(r, t.date)
	}
	if t.year >= 0 && r.Get(t.year) != "" {
		y, err := strconv.Atoi(r.Get(t.year))
		if err != nil || y < 1 || y > 9999 {
			return period.Interval{}, r.Err(t.year, "expected a year such as 2024, found %q", r.Get(t.year))
		}
		if t.mon >= 0 && r.Get(t.mon) != "" {
			m, err := strconv.Atoi(r.Get(t.mon))
			if err != nil || m < 1 || m > 12 {
				return period.Interval{}, r.Err(t.mon, "expected a month 1-12, found %q", r.Get(t.mon))
			}
			return period.MonthOf(y, time.Month(m)), nil
		}
		return period.YearOf(y), nil
	}
	col := t.date
	if col < 0 {
		col = t.year
	}
	return period.Interval{}, r.Err(col, "the row has no time (expected a date or a year)")
}

func parseTime(r *dataset.Row, col int) (period.Interval, error) {
	s := r.Get(col)
	if s == "" {
		return period.Interval{}, r.Err(col, "the row has no time (expected a date or a year)")
	}
	iv, err := period.ParseInterval(s)
	if err != nil {
		return period.Interval{}, r.Err(col, "expected a time such as 2024, 2024-Q3, 2024-07 or 2024-07-15, found %q", s)
	}
	return iv, nil
}
