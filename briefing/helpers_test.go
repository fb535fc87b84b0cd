package briefing

import (
	"time"

	"github.com/briefing/report/internal/period"
)

// sample is the sample briefing's config.
const sample = "../testdata/russia-china/briefing.yaml"

// fixedClock is the clock the tests build at: 2 March 2026.
func fixedClock() period.Clock {
	return period.FixedClock(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC))
}
