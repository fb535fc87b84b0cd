package charts

import (
	"fmt"
	"math"
	"strconv"
	"testing"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/internal/period"
)

// Test boxes, in pixels: 170 × 80 mm and a small 80 × 45 mm.
const (
	testW, testH   = 1020, 480
	smallW, smallH = 480, 270
)

func yearKeys(from, to int) []analysis.Key {
	var keys []analysis.Key
	for y := from; y <= to; y++ {
		keys = append(keys, analysis.Key{Label: strconv.Itoa(y), Interval: period.YearOf(y)})
	}
	return keys
}

func quarterKeys(y, q, n int) []analysis.Key {
	var keys []analysis.Key
	for i := 0; i < n; i++ {
		iv := period.QuarterOf(y+(q-1+i)/4, (q-1+i)%4+1)
		keys = append(keys, analysis.Key{Label: iv.String(), Interval: iv})
	}
	return keys
}

func trailing(v []float64, n int) []float64 {
	out := make([]float64, len(v))
	for i := range v {
		out[i] = math.NaN()
		if i >= n-1 {
			s := 0.0
			for _, x := range v[i-n+1 : i+1] {
				s += x
			}
			out[i] = s / float64(n)
		}
	}
	return out
}

// armsTrend is shaped like the SIPRI Russia → China/India deliveries.
func armsTrend() *analysis.Result {
	china := []float64{2200, 2470, 2520, 2080, 2890, 3080, 2440, 1370, 1450, 1100, 670, 750, 590, 640, 570, 730, 750, 1210, 1660, 1180, 550, 470, 510, 330, 40}
	india := []float64{660, 960, 1790, 2150, 1480, 690, 930, 1760, 1310, 1440, 2290, 2510, 3910, 3760, 1590, 1820, 1710, 1310, 1210, 1220, 1110, 1230, 1090, 410, 470}
	return &analysis.Result{
		Name: "arms_trend", Kind: "trend", Timed: true, Keys: yearKeys(2000, 2024),
		Series: []analysis.Series{
			{Label: "Russia → China", Values: nums(china)},
			{Label: "Russia → India", Values: nums(india)},
			{Label: "Russia → China (5-yr avg)", Values: nums(trailing(china, 5)), AverageOf: "Russia → China"},
			{Label: "Russia → India (5-yr avg)", Values: nums(trailing(india, 5)), AverageOf: "Russia → India"},
		},
	}
}

// exercises is a yearly frequency by domain.
func exercises() *analysis.Result {
	return &analysis.Result{
		Name: "exercise_frequency", Kind: "frequency", Timed: true, Keys: yearKeys(2015, 2024),
		Series: []analysis.Series{
			{Label: "Naval", Values: nums([]float64{1, 2, 1, 2, 2, 2, 3, 3, 6, 3})},
			{Label: "Land", Values: nums([]float64{1, 0, 2, 0, 1, 1, 2, 0, 0, 0})},
			{Label: "Air", Values: nums([]float64{0, 0, 0, 0, 1, 1, 1, 2, 2, 1})},
		},
	}
}

func categorical(labels []string, values []float64) *analysis.Result {
	res := &analysis.Result{Name: "agreement_counts", Kind: "count"}
	for _, l := range labels {
		res.Keys = append(res.Keys, analysis.Key{Label: l})
	}
	res.Series = []analysis.Series{{Label: "Agreements", Values: nums(values)}}
	return res
}

func agreements() *analysis.Result {
	return categorical(
		[]string{"Border security", "Joint statement", "Arms sale contract", "Coast guard", "Military cooperation", "Treaty"},
		[]float64{6, 5, 2, 2, 1500, 1})
}

func manyCategories(n int) *analysis.Result {
	var labels []string
	var values []float64
	for i := 0; i < n; i++ {
		labels = append(labels, fmt.Sprintf("Category %d", i+1))
		values = append(values, float64((i*37)%23+1))
	}
	return categorical(labels, values)
}

func longLabels() *analysis.Result {
	return categorical([]string{
		"Joint statement on comprehensive strategic partnership of coordination for a new era",
		"Border security",
		"Memorandum on coast guard cooperation and maritime law enforcement",
		"Space",
	}, []float64{3, 1, 2, 4})
}

func timedConst(v float64, n int) *analysis.Result {
	s := analysis.Series{Label: "Flat"}
	for i := 0; i < n; i++ {
		s.Values = append(s.Values, exact.FromFloat(v))
	}
	return &analysis.Result{Name: "flat", Kind: "trend", Timed: true, Keys: yearKeys(2018, 2018+n-1), Series: []analysis.Series{s}}
}

func negatives() *analysis.Result {
	a := analysis.Series{Label: "Balance"}
	b := analysis.Series{Label: "Other"}
	for q := 0; q < 16; q++ {
		a.Values = append(a.Values, exact.FromFloat(math.Round(1500*math.Sin(float64(q)/2.5))))
		b.Values = append(b.Values, exact.FromFloat(math.Round(900*math.Cos(float64(q)/3))))
	}
	b.Values[6] = exact.NaN()
	return &analysis.Result{Name: "balance", Kind: "trend", Timed: true, Keys: quarterKeys(2022, 1, 16), Series: []analysis.Series{a, b}}
}

func testStyle() Style {
	return Style{FontSize: 8}
}

func mustNew(tb testing.TB, spec Spec, res *analysis.Result, st Style) *Chart {
	tb.Helper()
	c, err := New(spec, res, st)
	if err != nil {
		tb.Fatalf("New(%+v): %v", spec, err)
	}
	return c
}

// record draws c through a recorder into a w×h pixel box.
func record(tb testing.TB, c *Chart, w, h int) *recorder {
	tb.Helper()
	r := newRecorder()
	f, err := c.render(r, w, h)
	if err != nil {
		tb.Fatalf("render %s: %v", c.typ, err)
	}
	if f.drawn != f.canvas {
		tb.Errorf("render %s: go-chart drew the plot in %v, the layout planned %v", c.typ, f.drawn, f.canvas)
	}
	if r.clips != 0 {
		tb.Errorf("render left %d clips open", r.clips)
	}
	return r
}

// axesTypes are the chart types drawn on the shared axes.
func axesTypes() []string {
	var out []string
	for _, k := range kinds {
		if k.build != nil {
			out = append(out, k.name)
		}
	}
	return out
}

// rejects reports whether New refuses a chart of typ for res by design: a
// donut of negative values or of nothing.
func rejects(typ string, res *analysis.Result) bool {
	if typ == "grouped-bar" {
		return res.Timed && len(res.Keys) > MaxGroupedIntervals
	}
	if typ != "donut" {
		return false
	}
	pos := false
	for _, s := range res.Series {
		for _, v := range s.Floats() {
			if v < 0 {
				return true
			}
			pos = pos || v > 0
		}
	}
	return !pos
}

// preferredPx returns the height in pixels c wants at width w pixels, at
// least h.
func preferredPx(c *Chart, w, h int) int {
	mm := c.PreferredHeight(float64(w) / 6)
	return max(h, int(math.Ceil(mm*6)))
}

// edgeCases are charts every type must draw without error.
func edgeCases() map[string]*analysis.Result {
	single := timedConst(42, 1)
	return map[string]*analysis.Result{
		"arms":          armsTrend(),
		"exercises":     exercises(),
		"agreements":    agreements(),
		"single point":  single,
		"all equal":     timedConst(5, 7),
		"all zero":      timedConst(0, 7),
		"negatives":     negatives(),
		"34 categories": manyCategories(34),
		"long labels":   longLabels(),
		"one category":  categorical([]string{"Only"}, []float64{3}),
		"fractions":     categorical([]string{"a", "b"}, []float64{0.012, 0.034}),
		"huge":          categorical([]string{"a", "b"}, []float64{12_345_678, 98_765_432}),
		"all gaps":      timedConst(math.NaN(), 4),
	}
}

// compareResult is shaped like arms_by_period: two series over four
// periods, with rows.
func compareResult() *analysis.Result {
	periods := []string{"2000–2004", "2010–2014", "2015–2019", "2020–2024"}
	res := &analysis.Result{Name: "arms_by_period", Kind: "compare"}
	for _, p := range periods {
		res.Keys = append(res.Keys, analysis.Key{Label: p})
	}
	totals := map[string][]float64{
		"Russia → China": {12143, 3171.8, 5408.2, 1869.2},
		"Russia → India": {7033.6, 14009.5, 7209.4, 4323.1},
	}
	for _, s := range []string{"Russia → China", "Russia → India"} {
		ser := analysis.Series{Label: s}
		for i, p := range periods {
			tot := totals[s][i]
			other := totals["Russia → China"][i] + totals["Russia → India"][i]
			total := exact.FromFloat(tot)
			mean := total.Quo(exact.Int(5))
			res.Compare = append(res.Compare, analysis.CompareRow{Series: s, Period: p, Total: total, Mean: mean, Intervals: 5, Share: total.Quo(exact.FromFloat(other))})
			ser.Values = append(ser.Values, mean)
		}
		res.Series = append(res.Series, ser)
	}
	return res
}

// nums turns float fixtures into exact numbers (NaN stays a gap).
func nums(v []float64) []exact.Number {
	out := make([]exact.Number, len(v))
	for i, f := range v {
		out[i] = exact.FromFloat(f)
	}
	return out
}
