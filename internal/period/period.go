package period

import (
	"fmt"
	"strings"
	"time"
)

// Period is the quarter a briefing reports on.
type Period struct {
	Interval // always a Quarter
}

// Latest is the config value that selects the last complete quarter.
const Latest = "latest"

// ParsePeriod reads "2025-Q3"; "latest" (or "") gives the last quarter that
// ended before asOf.
func ParsePeriod(s string, asOf time.Time) (Period, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, Latest) {
		return LatestAt(asOf), nil
	}
	i, err := ParseInterval(s)
	if err != nil || i.Unit != Quarter {
		return Period{}, fmt.Errorf("%q is not a period (expected a quarter such as 2025-Q3, or latest)", s)
	}
	return Period{i}, nil
}

// LatestAt returns the last complete quarter at the instant asOf.
func LatestAt(asOf time.Time) Period {
	asOf = asOf.UTC()
	cur := QuarterOf(asOf.Year(), (int(asOf.Month())-1)/3+1)
	return Period{cur.Prev()}
}

// Previous returns the quarter before p.
func (p Period) Previous() Period { return Period{p.Prev()} }

// LastFullYear returns the last calendar year that ended at or before the
// end of p: p's own year for a fourth quarter, else the year before.
func (p Period) LastFullYear() int {
	if p.Quarter() == 4 {
		return p.Year()
	}
	return p.Year() - 1
}

// Includes reports whether the interval i ends at or before the end of p,
// that is whether a row timed by i is visible in a briefing for p.
func (p Period) Includes(i Interval) bool {
	return !i.End().After(p.End())
}
