package period

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Unit is the length of an Interval.
type Unit int

// The units an Interval can have, from the shortest to the longest.
const (
	Day Unit = iota + 1
	Month
	Quarter
	Year
)

// String returns the unit's config name ("day", "month", "quarter", "year").
func (u Unit) String() string {
	switch u {
	case Day:
		return "day"
	case Month:
		return "month"
	case Quarter:
		return "quarter"
	case Year:
		return "year"
	}
	return "unknown"
}

// ParseUnit reads a unit's config name.
func ParseUnit(s string) (Unit, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "day":
		return Day, nil
	case "month":
		return Month, nil
	case "quarter":
		return Quarter, nil
	case "year":
		return Year, nil
	}
	return 0, fmt.Errorf("unknown interval %q (expected year, quarter, month or day)", s)
}

// Interval is a span of calendar time: one day, month, quarter or year.
// The zero Interval is not valid; IsZero reports it.
type Interval struct {
	Unit  Unit
	Start time.Time // midnight UTC of the first day
}

// IsZero reports whether i is the zero Interval.
func (i Interval) IsZero() bool { return i.Unit == 0 }

// YearOf returns the Interval of the calendar year y.
func YearOf(y int) Interval {
	return Interval{Unit: Year, Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)}
}

// QuarterOf returns the Interval of quarter q (1-4) of year y.
func QuarterOf(y, q int) Interval {
	return Interval{Unit: Quarter, Start: time.Date(y, time.Month(3*(q-1)+1), 1, 0, 0, 0, 0, time.UTC)}
}

// MonthOf returns the Interval of month m of year y.
func MonthOf(y int, m time.Month) Interval {
	return Interval{Unit: Month, Start: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)}
}

// DayOf returns the Interval of the day that contains t (in UTC).
func DayOf(t time.Time) Interval {
	t = t.UTC()
	return Interval{Unit: Day, Start: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)}
}

// End returns the first instant after the interval.
func (i Interval) End() time.Time {
	switch i.Unit {
	case Day:
		return i.Start.AddDate(0, 0, 1)
	case Month:
		return i.Start.AddDate(0, 1, 0)
	case Quarter:
		return i.Start.AddDate(0, 3, 0)
	case Year:
		return i.Start.AddDate(1, 0, 0)
	}
	return i.Start
}

// EndsAfter reports whether i ends after j: by their starts when they
// share a unit, which spares the calendar arithmetic of End.
func (i Interval) EndsAfter(j Interval) bool {
	if i.Unit == j.Unit {
		return i.Start.After(j.Start)
	}
	return i.End().After(j.End())
}

// Last returns the last day of the interval (its End minus one day).
func (i Interval) Last() time.Time { return i.End().AddDate(0, 0, -1) }

// Year returns the calendar year the interval starts in.
func (i Interval) Year() int { return i.Start.Year() }

// Quarter returns the quarter (1-4) the interval starts in.
func (i Interval) Quarter() int { return (int(i.Start.Month())-1)/3 + 1 }

// Next returns the interval of the same unit that follows i.
func (i Interval) Next() Interval { return Interval{Unit: i.Unit, Start: i.End()} }

// Prev returns the interval of the same unit that precedes i.
func (i Interval) Prev() Interval {
	switch i.Unit {
	case Day:
		return Interval{Unit: Day, Start: i.Start.AddDate(0, 0, -1)}
	case Month:
		return Interval{Unit: Month, Start: i.Start.AddDate(0, -1, 0)}
	case Quarter:
		return Interval{Unit: Quarter, Start: i.Start.AddDate(0, -3, 0)}
	case Year:
		return Interval{Unit: Year, Start: i.Start.AddDate(-1, 0, 0)}
	}
	return i
}

// Truncate returns the interval of unit u that contains the start of i.
// u must not be shorter than i.Unit for the result to contain all of i.
func (i Interval) Truncate(u Unit) Interval {
	if i.Unit == u {
		return i // already on the unit's boundary
	}
	s := i.Start
	switch u {
	case Day:
		return DayOf(s)
	case Month:
		return MonthOf(s.Year(), s.Month())
	case Quarter:
		return QuarterOf(s.Year(), (int(s.Month())-1)/3+1)
	case Year:
		return YearOf(s.Year())
	}
	return i
}

// Contains reports whether the instant t falls inside i.
func (i Interval) Contains(t time.Time) bool {
	return !t.Before(i.Start) && t.Before(i.End())
}

// String prints the interval by its unit: 2013, 2024-Q3, 2024-07, 2024-07-15.
func (i Interval) String() string {
	switch i.Unit {
	case Day:
		return i.Start.Format("2006-01-02")
	case Month:
		return i.Start.Format("2006-01")
	case Quarter:
		return year4(i.Year()) + "-Q" + string(rune('0'+i.Quarter()))
	case Year:
		// Four digits, as ParseInterval reads them: year 1 prints 0001.
		return year4(i.Year())
	}
	return ""
}

// year4 is y as "%04d" prints it, without fmt for the years of data
// (a chart's every label is one).
func year4(y int) string {
	if y < 0 || y > 9999 {
		return fmt.Sprintf("%04d", y)
	}
	return string([]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10)})
}

// digits reports whether s is all ASCII digits.
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// ParseInterval reads a time as written in data and templates: "2024",
// "2024-Q3", "2024-07" or "2024-07-15" (surrounding space is ignored).
func ParseInterval(s string) (Interval, error) {
	s = strings.TrimSpace(s)
	switch {
	case len(s) == 4 && digits(s):
		if y, _ := strconv.Atoi(s); y > 0 {
			return YearOf(y), nil
		}
	case len(s) == 7 && (s[5] == 'Q' || s[5] == 'q') && s[4] == '-' && digits(s[:4]) && s[6] >= '1' && s[6] <= '4':
		if y, _ := strconv.Atoi(s[:4]); y > 0 {
			return QuarterOf(y, int(s[6]-'0')), nil
		}
	case len(s) == 7 && s[4] == '-':
		if t, err := time.Parse("2006-01", s); err == nil {
			return MonthOf(t.Year(), t.Month()), nil
		}
	case len(s) == 10:
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return DayOf(t), nil
		}
	}
	return Interval{}, fmt.Errorf("%q is not a time (expected 2024, 2024-Q3, 2024-07 or 2024-07-15)", s)
}
