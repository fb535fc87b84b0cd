package briefing

import (
	"math"
	"strconv"
	"testing"

	"github.com/briefing/report/internal/csvtest"

	"github.com/briefing/report/analysis"
)

// The sample's revisions of Russia → China between the registers of
// January 2025 and February 2026 agree with SIPRI's own vintages of the
// series (testdata/russia-china/data/russia-to-china-tiv-vintages.csv,
// rounded to a tenth): every year both hold, and which of them changed by
// at least the threshold of 1 TIV.
func TestSample_RevisionsAgreeWithTheVintages(t *testing.T) {
	rows := csvtest.Read(t, "../testdata/russia-china/data/russia-to-china-tiv-vintages.csv", 0)
	col := csvtest.Index(rows[0])
	type pair struct{ old, new float64 }
	want := map[string]pair{}
	for _, r := range rows[1:] {
		o, e1 := strconv.ParseFloat(r[col["register_generated_2025_01_03"]], 64)
		n, e2 := strconv.ParseFloat(r[col["register_generated_2026_02_12"]], 64)
		if e1 == nil && e2 == nil {
			want[r[col["year"]]] = pair{o, n}
		}
	}
	b, err := Build(Options{Config: sample, Sets: []string{"report.period=2025-Q4"}, Clock: fixedClock(), CheckOnly: false})
	if err != nil {
		t.Fatal(err)
	}
	set := b.Env.Results.Analyses["arms_revisions"].Revisions
	if set == nil || set.Old != "3 Jan 2025" || set.New != "12 Feb 2026" {
		t.Fatalf("revisions %+v", set)
	}
	if set.Compared != len(want) {
		t.Errorf("%d values compared, the vintages hold %d years in both", set.Compared, len(want))
	}
	revised := map[string]bool{}
	for _, r := range set.Rows {
		y := r.Time.String()
		revised[y] = true
		w, ok := want[y]
		if !ok {
			t.Errorf("%s revised, but not in both vintages", y)
			continue
		}
		if math.Abs(r.Old.Float64()-w.old) > 0.051 || math.Abs(r.New.Float64()-w.new) > 0.051 {
			t.Errorf("%s: %v → %v, the vintages say %v → %v", y, r.Old, r.New, w.old, w.new)
		}
	}
	for y, w := range want {
		if math.Abs(w.new-w.old) >= 1.1 && !revised[y] {
			t.Errorf("%s changed from %v to %v but is not listed", y, w.old, w.new)
		}
	}
	if r := revisedYear(set, "2018"); r == nil || r.Old.String() != "1686.05" || r.New.String() != "1656.05" {
		t.Errorf("2018: %+v, want 1,686.05 → 1,656.05 (printed 1,686 and 1,656)", r)
	}
}

func revisedYear(set *analysis.RevisionSet, year string) *analysis.Revision {
	for i, r := range set.Rows {
		if r.Time.String() == year {
			return &set.Rows[i]
		}
	}
	return nil
}
