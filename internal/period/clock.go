package period

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Clock gives the instant a run treats as "now". Every date in a briefing
// comes from it, so a pinned clock gives the same document twice.
type Clock struct {
	now time.Time
}

// NewClock picks the run's instant: asOf (a date "2006-01-02" or RFC 3339)
// when set, else SOURCE_DATE_EPOCH (seconds since 1970) when set, else now.
// The result is always UTC.
func NewClock(asOf, sourceDateEpoch string, now func() time.Time) (Clock, error) {
	if s := strings.TrimSpace(asOf); s != "" {
		if t, err := time.Parse("2006-01-02", s); err == nil {
			return Clock{t.UTC()}, nil
		}
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return Clock{t.UTC()}, nil
		}
		return Clock{}, fmt.Errorf("--as-of %q is not a date (expected 2006-01-02 or RFC 3339)", asOf)
	}
	if s := strings.TrimSpace(sourceDateEpoch); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return Clock{}, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds", s)
		}
		return Clock{time.Unix(sec, 0).UTC()}, nil
	}
	return Clock{now().UTC()}, nil
}

// FixedClock returns a Clock pinned at t.
func FixedClock(t time.Time) Clock { return Clock{t.UTC()} }

// Now returns the run's instant in UTC.
func (c Clock) Now() time.Time { return c.now }
