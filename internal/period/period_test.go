package period

import (
	"fmt"
	"testing"
	"time"
)

func TestParseInterval(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2013", "2013"}, {" 2024-Q3 ", "2024-Q3"}, {"2024-q1", "2024-Q1"},
		{"2024-07", "2024-07"}, {"2024-07-15", "2024-07-15"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseInterval(tc.in)
			if err != nil || got.String() != tc.want {
				t.Errorf("ParseInterval(%q) = %v, %v; want %s", tc.in, got, err, tc.want)
			}
		})
	}
	for _, bad := range []string{"", "20", "2024-Q5", "2024-13", "2024-02-30", "soon", "0000"} {
		t.Run("Err"+bad, func(t *testing.T) {
			if _, err := ParseInterval(bad); err == nil {
				t.Errorf("ParseInterval(%q) accepted", bad)
			}
		})
	}
}

func TestPeriod_LatestPreviousLastFullYear(t *testing.T) {
	asOf := time.Date(2026, 11, 26, 23, 0, 0, 0, time.UTC)
	tests := []struct {
		in, want, prev string
		lastFull       int
	}{
		{"latest", "2026-Q3", "2026-Q2", 2025},
		{"2025-Q4", "2025-Q4", "2025-Q3", 2025},
		{"2025-Q1", "2025-Q1", "2024-Q4", 2024},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			p, err := ParsePeriod(tc.in, asOf)
			if err != nil {
				t.Fatal(err)
			}
			if p.String() != tc.want || p.Previous().String() != tc.prev || p.LastFullYear() != tc.lastFull {
				t.Errorf("%s: got %s, prev %s, last full year %d", tc.in, p, p.Previous(), p.LastFullYear())
			}
		})
	}
	if _, err := ParsePeriod("2025", asOf); err == nil {
		t.Error("a year is not a period")
	}
}

func TestPeriod_IncludesByEnd(t *testing.T) {
	p, _ := ParsePeriod("2025-Q3", time.Time{})
	tests := []struct {
		iv   Interval
		want bool
	}{
		{YearOf(2024), true},
		{YearOf(2025), false}, // ends in Q4, after the period
		{QuarterOf(2025, 3), true},
		{MonthOf(2025, 9), true},
		{MonthOf(2025, 10), false},
		{DayOf(time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)), true},
	}
	for _, tc := range tests {
		if got := p.Includes(tc.iv); got != tc.want {
			t.Errorf("Includes(%s) = %v, want %v", tc.iv, got, tc.want)
		}
	}
}

func TestNewClock_Precedence(t *testing.T) {
	now := func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.FixedZone("X", 3600)) }
	tests := []struct {
		name, asOf, epoch, want string
	}{
		{"AsOfWins", "2025-10-02", "0", "2025-10-02"},
		{"Epoch", "", "1700000000", "2023-11-14"},
		{"NowInUTC", "", "", "2029-12-31"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := NewClock(tc.asOf, tc.epoch, now)
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Now().Format("2006-01-02"); got != tc.want || c.Now().Location() != time.UTC {
				t.Errorf("got %s (%v), want %s UTC", got, c.Now().Location(), tc.want)
			}
		})
	}
	if _, err := NewClock("yesterday", "", now); err == nil {
		t.Error("a bad --as-of was accepted")
	}
	if _, err := NewClock("", "abc", now); err == nil {
		t.Error("a bad SOURCE_DATE_EPOCH was accepted")
	}
}

func TestYear4_AsSprintf(t *testing.T) {
	for y := -10001; y <= 10001; y++ {
		if got, want := year4(y), fmt.Sprintf("%04d", y); got != want {
			t.Fatalf("year4(%d) = %q, want %q", y, got, want)
		}
	}
}
