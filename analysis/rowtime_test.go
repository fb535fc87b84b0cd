package analysis

import (
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/period"
)

// A timer answers a row's interval and whether it is inside the cut as
// parsing the text and asking the cut would, whether the text is a year
// it answers by index (seen or not), a year out of their range, a date or
// not a time at all, and across a change of cut.
func TestTimer_AtCutAsParsedAndAsked(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	texts := []string{"1799", "1800", "1995", "2011", "2024", "2025", "2311", "2312", "0999",
		"2024-07", "2024-Q3", "2024-07-15", "20x4", " 2011 ", "", "12345"}
	cuts := []period.Period{mustPeriod(t, "2024-Q4"), mustPeriod(t, "2025-Q4"), mustPeriod(t, "2011-Q2")}
	tm := newTimer("data.x.time", config.Time{Column: "when"})
	tm.col = 0
	for i := range 3000 {
		cut := cuts[i/1000]
		s := texts[rng.IntN(len(texts))]
		if rng.IntN(4) == 0 {
			s = strconv.Itoa(1790 + rng.IntN(540))
		}
		if k := i % 1000; k < 3 {
			s = []string{"2025", "2024", "2011"}[k] // years seen under the cut before
		}
		r := dataset.Row{Fields: []string{s}, Line: i + 2}
		iv, in, err := tm.atCut(&r, cut)
		want, werr := period.ParseInterval(s)
		if s == "" || len(s) > 0 && s[0] == ' ' {
			want, werr = period.ParseInterval(r.Get(0))
		}
		if (err != nil) != (werr != nil) || werr == nil && (iv != want || in != cut.Includes(want)) {
			t.Fatalf("row %d %q in %v: %v %v %v, want %v %v %v", i, s, cut, iv, in, err, want, werr == nil && cut.Includes(want), werr)
		}
	}
}

func mustPeriod(t *testing.T, s string) period.Period {
	t.Helper()
	p, err := period.ParsePeriod(s, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return p
}
