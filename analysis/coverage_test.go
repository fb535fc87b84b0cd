package analysis_test

import (
	"strings"
	"testing"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/exact"
)

func warningsAbout(ps config.Problems, path string) []string {
	var out []string
	for _, p := range ps {
		if p.Path == path {
			if !p.Warning {
				out = append(out, "ERROR: "+p.Msg)
				continue
			}
			out = append(out, p.Msg)
		}
	}
	return out
}

func TestCoverage_WindowPastTheDataWarns(t *testing.T) {
	res, ps := mustCompute(t, "testdata/coverage/briefing.yaml", "2024-Q4")
	got := warningsAbout(ps, "analyses.zeros")
	want := "Russia → China: no data after 2021; 2022–2024 are drawn as 0 (set to: 2021, or missing: gap to leave them out)"
	if len(got) != 1 || got[0] != want {
		t.Fatalf("warnings = %q, want %q", got, want)
	}
	r := res.Analyses["zeros"]
	if s := r.Series[0]; s.Through.String() != "2021" || !s.Values[len(s.Values)-1].IsZero() {
		t.Errorf("series through %s, last value %v; want through 2021 and a drawn 0", s.Through, s.Values[len(s.Values)-1])
	}
	if got := warningsAbout(ps, "analyses.gaps"); len(got) != 0 {
		t.Errorf("missing: gap warned: %q", got)
	}
	gaps := res.Analyses["gaps"].Series[0].Values
	for i, k := range res.Analyses["gaps"].Keys {
		if k.Label >= "2022" && !analysis.IsGap(gaps[i]) {
			t.Errorf("%s under missing: gap = %v, want a gap", k.Label, gaps[i])
		}
		if k.Label == "2021" && !is(gaps[i], "773") {
			t.Errorf("2021 = %v, want 773", gaps[i])
		}
	}
}

func TestPartial_LastIntervalIsTheYearToDate(t *testing.T) {
	res, ps := mustCompute(t, "testdata/coverage/briefing.yaml", "2025-Q3")
	if errs := ps.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	r := res.Analyses["tempo"]
	last := r.Keys[len(r.Keys)-1]
	if last.Label != "2025" || !last.Partial || last.Text() != "2025 (to Q3)" {
		t.Fatalf("last key = %+v, want 2025 partial to Q3", last)
	}
	// exercises.csv has three events in 2025 up to September (and one
	// patrol in December, after the period).
	if got := valueAt(t, r, "Rows", "2025"); !is(got, "3") {
		t.Errorf("2025 to Q3 = %v, want 3", got)
	}
	rows := res.Analyses["eras"].Compare
	onward := rows[1]
	if onward.Holds != "2022–2025 (2025 to Q3)" || !onward.Partial || onward.Intervals != 4 || !is(onward.Length, "3.75") {
		t.Errorf("2022 onward = %+v, want 2022–2025 (2025 to Q3) over 3.75 years", onward)
	}
	if onward.Basis != analysis.BasisMeans || onward.Mean.Cmp(onward.Total.Quo(exact.Dec(375, 2))) != 0 {
		t.Errorf("basis %q, mean %v; want means, total / 3.75", onward.Basis, onward.Mean)
	}
}

// TestCompare_PeriodPastTheDataSaysWhatItHolds is the 2024-Q3 edition:
// the register's 2024 rows are yearly, so none is in it, and 2020–2024
// holds four years.
func TestCompare_PeriodPastTheDataSaysWhatItHolds(t *testing.T) {
	res, ps := mustCompute(t, "testdata/coverage/briefing.yaml", "2024-Q3")
	if errs := ps.Errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
	rows := res.Analyses["russia_by_period"].Compare
	late := rows[1]
	if late.Holds != "2020–2023 (2024 not yet in the data)" || late.Intervals != 4 {
		t.Errorf("2020–2024 = %+v", late)
	}
	if late.Basis != analysis.BasisMeans {
		t.Errorf("basis = %q, want means: the periods hold 5 and 4 years", late.Basis)
	}
	// Means: (late/4 − early/5) / (early/5), exactly.
	early5 := rows[0].Total.Quo(exact.Int(5))
	want := late.Total.Quo(exact.Int(4)).Sub(early5).Quo(early5)
	if late.ChangePct.Cmp(want) != 0 {
		t.Errorf("change = %v, want %v", late.ChangePct, want)
	}
	if !strings.HasPrefix(rows[0].Holds, "2015–2019") {
		t.Errorf("2015–2019 holds %q", rows[0].Holds)
	}
}

func TestFilter_ErrValuesSuggestWhatTheDataSays(t *testing.T) {
	_, ps := mustCompute(t, "testdata/values/briefing.yaml", "2025-Q4")
	got := ps.Error()
	for _, want := range []string{
		`Recipient has no value "france"; did you mean "France"?`,
		`Recipient has no value "Vietnam"; did you mean "Viet Nam"?`,
		`Supplier has no value "USA"; did you mean "United States"?`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

func TestPartial_NoMovingAverageOverAYearToDate(t *testing.T) {
	res, _ := mustCompute(t, "testdata/coverage/briefing.yaml", "2025-Q3")
	r := res.Analyses["tempo_smooth"]
	avg := r.Series[1]
	if last := len(avg.Values) - 1; !r.Keys[last].Partial || !analysis.IsGap(avg.Values[last]) || analysis.IsGap(avg.Values[last-1]) {
		t.Errorf("average = %v over %v; want a gap at the partial year only", avg.Values, r.Keys)
	}
}
