package period

import (
	"strings"
	"testing"
	"time"
)

// FuzzParseInterval checks that any text either parses into an interval
// that prints back to itself (modulo case and space), or is refused with
// an error — never a panic, never a zero interval without an error.
func FuzzParseInterval(f *testing.F) {
	for _, s := range []string{"2013", " 2024-Q3 ", "2024-q1", "2024-07", "2024-07-15", "", "20", "2024-Q5",
		"2024-13", "2024-02-30", "soon", "0000", "9999-12-31", "-001", "+2024", "2024-Q-1", "2024-0x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iv, err := ParseInterval(s)
		if err != nil {
			if !iv.IsZero() {
				t.Fatalf("ParseInterval(%q) = %v with error %v", s, iv, err)
			}
			if !strings.Contains(err.Error(), "is not a time") {
				t.Fatalf("ParseInterval(%q): unclear error %v", s, err)
			}
			return
		}
		if iv.IsZero() || iv.Start.Location() != time.UTC || !iv.End().After(iv.Start) {
			t.Fatalf("ParseInterval(%q) = %#v", s, iv)
		}
		back, err := ParseInterval(iv.String())
		if err != nil || back != iv {
			t.Fatalf("ParseInterval(%q) = %v, which reads back as %v, %v", s, iv, back, err)
		}
		if !strings.EqualFold(iv.String(), strings.TrimSpace(s)) {
			t.Fatalf("ParseInterval(%q) prints as %q", s, iv.String())
		}
		if !iv.Contains(iv.Start) || iv.Contains(iv.End()) || iv.Next().Prev() != iv {
			t.Fatalf("%v: Contains/Next/Prev disagree", iv)
		}
	})
}

// FuzzParsePeriod checks that a period is always a quarter, that latest is
// the quarter before the clock's, and that anything else is an error.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2025-Q3", "latest", "LATEST", "", " 2024-q4 ", "2025", "2025-Q5", "2025-07", "Q3-2025", "2025-Q0"} {
		f.Add(s, int64(1764115200))
	}
	f.Fuzz(func(t *testing.T, s string, sec int64) {
		asOf := time.Unix(sec%(1<<40), 0)
		p, err := ParsePeriod(s, asOf)
		if err != nil {
			if !strings.Contains(err.Error(), "is not a period") {
				t.Fatalf("ParsePeriod(%q): unclear error %v", s, err)
			}
			return
		}
		if p.Unit != Quarter || p.Start.Month()%3 != 1 || p.Start.Day() != 1 {
			t.Fatalf("ParsePeriod(%q) = %#v, not a quarter", s, p)
		}
		if p.Previous().Next() != p.Interval || p.Includes(p.Next()) || !p.Includes(p.Interval) {
			t.Fatalf("%v: Previous/Next/Includes disagree", p)
		}
		if lf := p.LastFullYear(); lf != p.Year() && lf != p.Year()-1 {
			t.Fatalf("%v: last full year %d", p, lf)
		}
		if t2 := strings.TrimSpace(s); t2 != "" && !strings.EqualFold(t2, Latest) {
			if back, err := ParsePeriod(p.String(), asOf); err != nil || back != p {
				t.Fatalf("ParsePeriod(%q) = %v, which reads back as %v, %v", s, p, back, err)
			}
		} else if p.End().After(asOf.UTC()) {
			t.Fatalf("latest at %v is %v, which has not ended", asOf.UTC(), p)
		}
	})
}
