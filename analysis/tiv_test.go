package analysis_test

import (
	"strings"
	"testing"

	"github.com/briefing/report/internal/exact"
)

func TestTrend_TIVTablesThroughOneGlob(t *testing.T) {
	res, all := mustCompute(t, "testdata/tiv/briefing.yaml", "2022-Q1")
	ps := all.Errors()
	if len(ps) != 1 || !strings.Contains(ps[0].Msg, "interval quarter is finer than the data's time") || ps[0].Line != 27 {
		t.Errorf("want one problem for interval: quarter on yearly data at line 27, got %v", ps)
	}
	r := res.Analyses["russia_china"]
	for key, want := range map[string]string{"2018": "1767", "2021": "773"} {
		if got := valueAt(t, r, "Russia → China", key); !is(got, want) {
			t.Errorf("Russia → China %s = %v, want %v (SIPRI TIV table, 2022 edition)", key, got, want)
		}
	}
	if all := valueAt(t, r, "All exporters → China", "2018"); all.Cmp(exact.Int(1767)) <= 0 {
		t.Errorf("all exporters to China 2018 = %v, want more than Russia's 1767", all)
	}
	if n := len(res.Datasets["tiv"].Files); n != 134 {
		t.Errorf("files read = %d, want 134", n)
	}
	if g := res.Datasets["tiv"].Generated; g != "28 Jul 2022" {
		t.Errorf("generated = %q", g)
	}
}

func TestFrequency_Quarterly(t *testing.T) {
	res, _ := mustCompute(t, "testdata/tiv/briefing.yaml", "2022-Q1")
	r := res.Analyses["exercises_quarterly"]
	if r.Keys[0].Label != "2021-Q1" || r.Keys[len(r.Keys)-1].Label != "2022-Q1" {
		t.Fatalf("keys %s..%s, want 2021-Q1..2022-Q1", r.Keys[0].Label, r.Keys[len(r.Keys)-1].Label)
	}
	// Rows with only a year cannot be placed in a quarter: exercises.csv
	// gives every row a month, so none is lost.
	total := r.Series[0].Total()
	if total.IsZero() {
		t.Error("no exercises counted by quarter")
	}
}
