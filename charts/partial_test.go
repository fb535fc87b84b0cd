package charts

import (
	"testing"

	"github.com/briefing/report/internal/period"
)

func TestPartial_LastYearDrawnLighterAndLabelled(t *testing.T) {
	for _, typ := range []string{"bar", "stacked-bar", "grouped-bar", "line"} {
		t.Run(typ, func(t *testing.T) {
			res := exercises()
			last := &res.Keys[len(res.Keys)-1]
			last.Partial, last.Through = true, period.Period{Interval: period.QuarterOf(2024, 3)}
			c := mustNew(t, Spec{Type: typ}, res, testStyle())
			r := record(t, c, testW, testH)
			labels := r.textsOf("xlabel")
			if len(labels) == 0 || labels[len(labels)-1].S != "2024 (to Q3)" {
				t.Errorf("last x label = %v, want 2024 (to Q3)", labels)
			}
			partial, whole := 0, 0
			for _, p := range r.paths {
				switch p.Class {
				case "bar-partial", "line-partial", "marker-partial":
					partial++
				case "bar", "line":
					whole++
				}
			}
			if partial == 0 || whole == 0 {
				t.Errorf("%d partial and %d whole paths; want both", partial, whole)
			}
		})
	}
}

func TestPartial_CompleteYearsDrawnAsBefore(t *testing.T) {
	r := record(t, mustNew(t, Spec{Type: "bar"}, exercises(), testStyle()), testW, testH)
	for _, p := range r.paths {
		if p.Class == "bar-partial" {
			t.Fatal("a complete year drawn as partial")
		}
	}
}
