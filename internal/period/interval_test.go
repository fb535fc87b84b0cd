package period

import (
	"testing"
	"time"
)

func TestInterval_EndsAfter(t *testing.T) {
	y24, q4, d := YearOf(2024), QuarterOf(2024, 4), DayOf(time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC))
	for _, c := range []struct {
		a, b Interval
		want bool
	}{
		{YearOf(2025), y24, true}, {y24, YearOf(2025), false}, {y24, y24, false},
		{y24, q4, false}, {q4, y24, false}, {y24, QuarterOf(2024, 3), true},
		{d, q4, false}, {QuarterOf(2025, 1), d, true},
	} {
		if got := c.a.EndsAfter(c.b); got != c.want || got != c.a.End().After(c.b.End()) {
			t.Errorf("%v.EndsAfter(%v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestInterval_TruncateToItsOwnUnit(t *testing.T) {
	for _, iv := range []Interval{YearOf(1995), QuarterOf(2024, 3), MonthOf(2024, time.July)} {
		if got := iv.Truncate(iv.Unit); got != iv {
			t.Errorf("%v.Truncate(own unit) = %v", iv, got)
		}
	}
}
