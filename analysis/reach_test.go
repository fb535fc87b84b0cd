package analysis

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/briefing/report/internal/period"
)

// The coverage an analysis gets from the run's reach is the one it would
// have kept itself by adding each row no coarser than its unit: rows of
// mixed granularity (a year only, a month, a day) over several files.
func TestReach_GivesWhatEachRowWouldHave(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	files := []string{"a.csv", "b.csv", "c.csv"}
	for round := range 50 {
		var r reach
		own := map[period.Unit]*coverage{}
		for _, u := range []period.Unit{period.Day, period.Month, period.Quarter, period.Year} {
			own[u] = &coverage{}
		}
		file := files[0]
		for range 200 {
			if rng.IntN(10) == 0 { // rows come in runs of one file, and back
				file = files[rng.IntN(len(files))]
			}
			day := time.Date(2000+rng.IntN(20), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, time.UTC)
			iv := []period.Interval{period.DayOf(day), period.MonthOf(day.Year(), day.Month()), period.YearOf(day.Year())}[rng.IntN(3)]
			r.add(file, iv)
			for u, c := range own {
				if iv.Unit <= u {
					c.add(file, iv.Truncate(u))
				}
			}
		}
		all := fileSet{}
		for _, f := range files {
			all.add(f)
		}
		for u, want := range own {
			var got coverage
			r.cover(&got, u)
			for _, f := range files {
				one := fileSet{}
				one.add(f)
				if g, w := got.through(one), want.through(one); g != w {
					t.Fatalf("round %d, unit %s, %s: reach gives %v, rows one by one %v", round, u, f, g, w)
				}
			}
			if g, w := got.through(all), want.through(all); g != w {
				t.Fatalf("round %d, unit %s: reach gives %v, rows one by one %v", round, u, g, w)
			}
		}
	}
}
