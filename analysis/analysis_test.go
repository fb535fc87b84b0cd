package analysis_test

import (
	"strings"
	"testing"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/internal/period"
)

func mustCompute(tb testing.TB, file, p string) (*analysis.Results, config.Problems) {
	tb.Helper()
	c, err := config.Load(file, config.Options{})
	if err != nil {
		tb.Fatalf("load %s: %v", file, err)
	}
	q, err := period.ParsePeriod(p, period.YearOf(2026).Start)
	if err != nil {
		tb.Fatal(err)
	}
	res, ps := analysis.Compute(c, q)
	return res, ps
}

func valueAt(tb testing.TB, r *analysis.Result, series, key string) exact.Number {
	tb.Helper()
	s, ok := r.SeriesByLabel(series)
	if !ok {
		tb.Fatalf("%s has no series %q", r.Name, series)
	}
	i := r.KeyIndex(key)
	if i < 0 {
		tb.Fatalf("%s has no key %q (keys %v)", r.Name, key, r.Keys)
	}
	return s.Values[i]
}

// is reports whether n is exactly the decimal want.
func is(n exact.Number, want string) bool {
	w, err := exact.Parse(want)
	return err == nil && n.Cmp(w) == 0 && !n.IsNaN()
}

func TestTrend_KnownSIPRISums(t *testing.T) {
	res, ps := mustCompute(t, "testdata/sipri/briefing.yaml", "2025-Q4")
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	r := res.Analyses["arms_trend"]
	for key, want := range map[string]string{"2018": "1656.05", "2021": "466.75", "2024": "30"} {
		if got := valueAt(t, r, "Russia → China", key); !is(got, want) {
			t.Errorf("Russia → China %s = %v, want %v", key, got, want)
		}
	}
	if r.Keys[0].Label != "1995" || r.Keys[len(r.Keys)-1].Label != "2024" {
		t.Errorf("window %s..%s, want 1995..2024", r.Keys[0].Label, r.Keys[len(r.Keys)-1].Label)
	}
	if got := res.Datasets["transfers"].Generated; got != "12 Feb 2026" {
		t.Errorf("generated = %q", got)
	}
	if !strings.Contains(r.Source, "12 Feb 2026") {
		t.Errorf("source = %q", r.Source)
	}
}

func TestCompare_RussiaExportsBeforeAndAfter2020(t *testing.T) {
	res, ps := mustCompute(t, "testdata/sipri/briefing.yaml", "2025-Q4")
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	rows := res.Analyses["russia_by_period"].Compare
	if len(rows) != 2 {
		t.Fatalf("rows = %+v", rows)
	}
	if rows[0].Total.Text(0) != "30755" || rows[1].Total.Text(0) != "11102" {
		t.Errorf("totals %v, %v; want 30,755 and 11,102", rows[0].Total, rows[1].Total)
	}
	if got := rows[1].ChangePct.Mul(exact.Int(100)).Text(0); got != "-64" {
		t.Errorf("change = %v, want -64%%", rows[1].ChangePct)
	}
	if rows[0].Intervals != 5 || rows[0].Mean.Mul(exact.Int(5)).Cmp(rows[0].Total) != 0 || !is(rows[0].Share, "1") {
		t.Errorf("row = %+v", rows[0])
	}
	if rows[1].Basis != analysis.BasisTotals || rows[1].Holds != "2020–2024" || rows[1].Partial {
		t.Errorf("2020–2024 in 2025-Q4 = %+v, want a whole period compared on totals", rows[1])
	}
}

func TestTrend_PeriodCutLeavesOutLaterRows(t *testing.T) {
	res, ps := mustCompute(t, "testdata/sipri/briefing.yaml", "2019-Q2")
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	r := res.Analyses["arms_trend"]
	// Register rows are timed by year: none of 2019's is in a Q2 edition,
	// so the window ends with the last full year rather than an empty
	// partial one.
	if last := r.Keys[len(r.Keys)-1]; last.Label != "2018" || last.Partial {
		t.Errorf("last key = %+v, want 2018", last)
	}
	if got := valueAt(t, r, "Russia → China", "2018"); !is(got, "1656.05") {
		t.Errorf("2018 = %v", got)
	}
	if n := len(res.Tables["sections[0].blocks[0]"].Rows); n >= 57 || n == 0 {
		t.Errorf("exercise table rows in 2019-Q2 = %d, want fewer than all 57", n)
	}
}

func TestFrequency_TopFoldsIntoOther(t *testing.T) {
	res, _ := mustCompute(t, "testdata/sipri/briefing.yaml", "2025-Q4")
	r := res.Analyses["exercise_frequency"]
	if len(r.Series) != 4 || r.Series[3].Label != "Other" {
		t.Fatalf("series = %v", labels(r))
	}
	var total exact.Number
	for _, s := range r.Series {
		total = total.Add(s.Total())
	}
	if !is(total, "57") {
		t.Errorf("all series sum to %v, want the 57 exercises", total)
	}
	if r.Series[0].Label != "naval" {
		t.Errorf("largest series = %q, want naval", r.Series[0].Label)
	}
}

func TestCount_LabelsAndOrder(t *testing.T) {
	res, _ := mustCompute(t, "testdata/sipri/briefing.yaml", "2025-Q4")
	r := res.Analyses["agreement_counts"]
	if got := r.Series[0].Total(); !is(got, "22") {
		t.Errorf("total = %v, want 22", got)
	}
	for i := 1; i < len(r.Keys); i++ {
		if r.Series[0].Values[i].Cmp(r.Series[0].Values[i-1]) > 0 {
			t.Errorf("not ordered by count: %v", r.Series[0].Values)
		}
	}
	if r.KeyIndex("Coast guard") < 0 {
		t.Errorf("label not applied: %v", r.Keys)
	}
}

func TestChanges_RowsOfThePeriod(t *testing.T) {
	res, _ := mustCompute(t, "testdata/sipri/briefing.yaml", "2024-Q3")
	cs := res.Analyses["new_exercises"].Changes
	if cs == nil || cs.Count == 0 || cs.Count != len(cs.Rows) {
		t.Fatalf("changes = %+v", cs)
	}
	for _, row := range cs.Rows {
		if row["year"] != "2024" {
			t.Errorf("row outside 2024-Q3: %v", row)
		}
		if m := row["month"]; m != "7" && m != "8" && m != "9" && m != "07" && m != "08" && m != "09" {
			t.Errorf("row outside 2024-Q3: month %q", m)
		}
	}
}

func TestTrend_MovingAverageGapsAndFilters(t *testing.T) {
	res, all := mustCompute(t, "testdata/small/briefing.yaml", "2025-Q4")
	ps := all.Errors()
	if len(ps) != 1 || !strings.Contains(ps[0].Msg, `kind has no value "aa"; did you mean "a"?`) || ps[0].Line != 21 {
		t.Fatalf("want one problem for the filter typo at line 21, got %v", ps)
	}
	smooth := res.Analyses["smooth"]
	if got := labels(smooth); strings.Join(got, "|") != "value|value (2-year average)" {
		t.Fatalf("series = %v", got)
	}
	avg := smooth.Series[1]
	if avg.AverageOf != "value" || !analysis.IsGap(avg.Values[0]) || !is(avg.Values[2], "2") || !is(avg.Values[4], "7") {
		t.Errorf("moving average = %v", avg.Values)
	}
	if last := smooth.Keys[len(smooth.Keys)-1].Label; last != "2025" {
		t.Errorf("last key = %s, want 2025 (2026 is after the period)", last)
	}
	gaps := res.Analyses["gaps"].Series[0].Values
	if !analysis.IsGap(gaps[1]) || !smooth.Series[0].Values[1].IsZero() {
		t.Errorf("2019: gap %v under missing: gap, zero %v otherwise", gaps[1], smooth.Series[0].Values[1])
	}
}

func labels(r *analysis.Result) []string {
	var out []string
	for _, s := range r.Series {
		out = append(out, s.Label)
	}
	return out
}

func TestCompare_PeriodAfterTheCutIsNotANumber(t *testing.T) {
	res, ps := mustCompute(t, "testdata/sipri/briefing.yaml", "2019-Q4")
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	rows := res.Analyses["russia_by_period"].Compare
	if rows[0].Intervals != 5 || rows[0].Total.IsNaN() {
		t.Errorf("2015–2019 = %+v, want 5 intervals with a total", rows[0])
	}
	if rows[1].Intervals != 0 || !rows[1].Total.IsNaN() || !rows[1].ChangePct.IsNaN() {
		t.Errorf("2020–2024 in 2019-Q4 = %+v, want no intervals and NaN numbers", rows[1])
	}
}

func TestCount_TopFoldsIntoOther(t *testing.T) {
	res, _ := mustCompute(t, "testdata/sipri/briefing.yaml", "2025-Q4")
	all, top := res.Analyses["agreement_counts"], res.Analyses["agreement_top"]
	if len(top.Keys) != 4 || top.Keys[3].Label != "Other" {
		t.Fatalf("keys = %v, want three categories and Other", top.Keys)
	}
	var rest exact.Number
	for _, v := range all.Series[0].Values[3:] {
		rest = rest.Add(v)
	}
	if top.Series[0].Values[3].Cmp(rest) != 0 || !is(top.Series[0].Total(), "22") {
		t.Errorf("Other = %v, want %v; total %v, want 22", top.Series[0].Values[3], rest, top.Series[0].Total())
	}
}

// The folded series and category are "Other" in the briefing's language,
// and a template may still call them "Other".
func TestTop_OtherInTheBriefingsLanguage(t *testing.T) {
	c, err := config.Load("testdata/sipri/briefing.yaml", config.Options{Sets: []string{"report.language=fr"}})
	if err != nil {
		t.Fatal(err)
	}
	q, _ := period.ParsePeriod("2025-Q4", period.YearOf(2026).Start)
	res, _ := analysis.Compute(c, q)
	freq, top := res.Analyses["exercise_frequency"], res.Analyses["agreement_top"]
	if last := freq.Series[len(freq.Series)-1]; last.Label != "Autres" || !last.Other {
		t.Errorf("folded series %q (other %v), want Autres", last.Label, last.Other)
	}
	if s, ok := freq.SeriesByLabel("Other"); !ok || s.Label != "Autres" {
		t.Errorf(`series "Other" = %q, %v`, s.Label, ok)
	}
	if i := top.KeyIndex("Other"); i != len(top.Keys)-1 || top.Keys[i].Label != "Autres" {
		t.Errorf(`key "Other" at %d of %v`, i, top.Keys)
	}
}
