package briefing

import (
	"bytes"
	"testing"
	"time"

	"github.com/briefing/report/internal/period"
)

// sample is the sample briefing's config.
const sample = "../testdata/russia-china/briefing.yaml"

// fixedClock is the clock the tests build at: 2 March 2026.
func fixedClock() period.Clock {
	return period.FixedClock(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC))
}

func TestBuild_ResultHasTheChartsByID(t *testing.T) {
	r, err := Build(Options{Config: sample, Clock: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"arms_trend_chart", "exercise_chart", "agreements_chart"} {
		if r.Charts[id] == nil {
			t.Errorf("no chart %q in %v", id, r.Charts)
		}
	}
	if len(r.Charts) != 3 || r.Plan == nil || r.Pages != len(r.Plan.Pages) || !bytes.HasPrefix(r.PDF, []byte("%PDF-1.7")) {
		t.Errorf("result: %d charts, %d pages", len(r.Charts), r.Pages)
	}
}
