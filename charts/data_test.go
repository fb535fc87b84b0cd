package charts

import (
	"math"
	"strings"
	"testing"
)

func TestMeasure_PicksCompareRows(t *testing.T) {
	res := compareResult()
	for _, tc := range []struct {
		measure string
		pick    func(i int) float64
		unit    string
	}{
		{"", func(i int) float64 { return res.Compare[i].Mean.Float64() }, ""},
		{"mean", func(i int) float64 { return res.Compare[i].Mean.Float64() }, ""},
		{"total", func(i int) float64 { return res.Compare[i].Total.Float64() }, ""},
		{"Share", func(i int) float64 { return res.Compare[i].Share.Float64() * 100 }, "%"},
	} {
		t.Run("Measure"+tc.measure, func(t *testing.T) {
			c := mustNew(t, Spec{Measure: tc.measure}, res, testStyle())
			if c.Type() != "grouped-bar" {
				t.Errorf("type %q, want grouped-bar", c.Type())
			}
			for s, ser := range c.model.series {
				for k, v := range ser.Values {
					if want := tc.pick(s*4 + k); math.Abs(v-want) > 1e-9 {
						t.Errorf("%s/%s = %v, want %v", ser.Label, res.Keys[k].Label, v, want)
					}
				}
			}
			r := record(t, c, testW, testH)
			for _, l := range r.textsOf("ytick") {
				if strings.HasSuffix(l.S, "%") != (tc.unit == "%") {
					t.Errorf("tick %q with unit %q", l.S, tc.unit)
				}
			}
		})
	}
}

func TestMeasure_MissingRowIsAGap(t *testing.T) {
	res := compareResult()
	res.Compare = res.Compare[1:] // China's first period
	c := mustNew(t, Spec{Measure: "total"}, res, testStyle())
	if v := c.model.series[0].Values[0]; !math.IsNaN(v) {
		t.Errorf("a missing row gives %v, want a gap", v)
	}
}

func TestMeasure_Errors(t *testing.T) {
	for _, tc := range []struct {
		name    string
		measure string
		typ     string
		compare bool
		want    string
	}{
		{"ErrTypo", "totl", "", true, `chart "c": unknown measure "totl"; did you mean "total"?`},
		{"ErrPrefix", "sh", "", true, `did you mean "share"?`},
		{"ErrUnknown", "average", "", true, `unknown measure "average" (expected total, mean, share)`},
		{"ErrNear", "median", "", true, `unknown measure "median"; did you mean "mean"?`},
		{"ErrNotCompare", "total", "", false, `measure "total" applies to compare analyses only; "arms_trend" is a trend analysis`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := armsTrend()
			if tc.compare {
				res = compareResult()
			}
			_, err := New(Spec{ID: "c", Type: tc.typ, Measure: tc.measure}, res, testStyle())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("New: %v, want %q", err, tc.want)
			}
		})
	}
}

func TestPercents_AddUpTo100(t *testing.T) {
	for _, vals := range [][]float64{{15, 6, 5, 2, 2, 1}, {1, 1, 1}, {1500, 6, 5, 2, 2, 1}, {7}, {1, 2}} {
		sum := 0
		for _, p := range percents(vals) {
			sum += p
		}
		if sum != 100 {
			t.Errorf("percents(%v) add up to %d", vals, sum)
		}
	}
}

func TestPeriod_DonutOfOneComparePeriod(t *testing.T) {
	res := compareResult()
	if _, err := New(Spec{ID: "d", Type: "donut"}, res, testStyle()); err == nil || !strings.Contains(err.Error(), "would add its periods together") {
		t.Fatalf("donut of a compare without a period: %v", err)
	}
	c := mustNew(t, Spec{Type: "donut", Period: "2010–2014", Measure: "total"}, res, testStyle())
	if n := c.model.x.n(); n != 1 || c.model.x.labels[0] != "2010–2014" {
		t.Fatalf("keys = %v, want the one period", c.model.x.labels)
	}
	if got := c.model.series[1].Values[0]; got != 14009.5 {
		t.Errorf("India 2010–2014 = %v, want its total 14,009.5", got)
	}
	if _, err := New(Spec{Type: "donut", Period: "2010-2014"}, res, testStyle()); err == nil || !strings.Contains(err.Error(), `did you mean "2010–2014"?`) {
		t.Errorf("unknown period: %v", err)
	}
}
