package layouts

import (
	"fmt"
	"strconv"
	"time"

	"github.com/briefing/report/internal/lazyregexp"
)

var quarterRE = lazyregexp.New(`^(\d{4})-[Qq]([1-4])$`)

// periodText spells a period out for the cover: "2025-Q3" becomes
// "Third quarter 2025 (2025-Q3)"; anything else prints as it is.
func periodText(p string) string {
	m := quarterRE().FindStringSubmatch(p)
	if m == nil {
		return p
	}
	q, _ := strconv.Atoi(m[2])
	ord := [...]string{"First", "Second", "Third", "Fourth"}[q-1]
	return fmt.Sprintf("%s quarter %s (%s-Q%d)", ord, m[1], m[1], q)
}

// dateText is "26 November 2026"; the zero time prints nothing.
func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2 January 2006")
}
