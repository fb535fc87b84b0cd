package charts

import (
	"github.com/briefing/report/internal/exact"

	"strings"
	"testing"

	"github.com/briefing/report/analysis"
)

func TestNew_Errors(t *testing.T) {
	short := armsTrend()
	short.Series[1].Values = short.Series[1].Values[:3]
	tests := []struct {
		name string
		spec Spec
		res  *analysis.Result
		want string
	}{
		{"ErrTypo", Spec{Type: "lne"}, armsTrend(), `unknown chart type "lne"; did you mean "line"?`},
		{"ErrTypoStacked", Spec{Type: "stacked"}, exercises(), `did you mean "stacked-bar"?`},
		{"ErrTypoGrouped", Spec{Type: "grouped"}, exercises(), `did you mean "grouped-bar"?`},
		{"ErrTypoDonut", Spec{Type: "donught"}, agreements(), `did you mean "donut"?`},
		{"ErrUnknown", Spec{Type: "radar"}, armsTrend(), `unknown chart type "radar" (supported: line, bar, stacked-bar, grouped-bar, hbar, donut)`},
		{"ErrNilResult", Spec{}, nil, "no result"},
		{"ErrNoKeys", Spec{ID: "empty_chart"}, &analysis.Result{Name: "x", Timed: true, Series: []analysis.Series{{Label: "a"}}}, `chart "empty_chart": result "x" has no data to draw`},
		{"ErrNoSeries", Spec{ID: "empty_chart"}, &analysis.Result{Name: "x", Keys: yearKeys(2000, 2001)}, `chart "empty_chart": result "x" has no data to draw (no series)`},
		{"ErrEmptySeries", Spec{ID: "empty_chart", Type: "hbar"}, &analysis.Result{Name: "x", Keys: yearKeys(2000, 2001), Series: []analysis.Series{{Label: "a"}, {Label: "b"}}}, `chart "empty_chart": result "x" has no data to draw (every series is empty)`},
		{"ErrEmptyCount", Spec{ID: "agreements_chart"}, &analysis.Result{Name: "agreement_counts", Kind: "count", Series: []analysis.Series{{Label: "Count"}}}, `chart "agreements_chart": result "agreement_counts" has no data to draw`},
		{"ErrDonutNegative", Spec{Type: "donut"}, negatives(), `a donut shows shares of a whole, but "Balance" is −63`},
		{"ErrDonutZero", Spec{Type: "donut"}, timedConst(0, 3), "every value is zero or missing"},
		{"ErrAnnotateHBar", Spec{Type: "hbar", Annotations: []Annotation{{X: 2014, Label: "x"}}}, armsTrend(), "annotations need a time axis, which hbar charts do not have"},
		{"ErrLength", Spec{}, short, `series "Russia → India" of result "arms_trend" has 3 values for 25 keys`},
		{"ErrTooLarge", Spec{}, huge(), "too large to draw"},
		{"ErrAnnotateCategories", Spec{Annotations: []Annotation{{X: 1, Label: "x"}}}, agreements(), "annotations need a time axis"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.spec, tc.res, testStyle())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("New: %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

func TestNew_DefaultType(t *testing.T) {
	oneFreq := exercises()
	oneFreq.Series = oneFreq.Series[:1]
	compare := compareResult()
	other := armsTrend()
	other.Kind = "custom"
	changes := &analysis.Result{Kind: "changes", Timed: true, Keys: quarterKeys(2025, 2, 2), Series: []analysis.Series{{Label: "Rows", Values: nums([]float64{3, 5})}}}
	tests := []struct {
		name string
		res  *analysis.Result
		want string
	}{
		{"TrendIsLine", armsTrend(), "line"},
		{"FrequencyIsStacked", exercises(), "stacked-bar"},
		{"OneSeriesFrequencyIsBar", oneFreq, "bar"},
		{"FewCountsAreBars", categorical([]string{"a", "b", "c"}, []float64{1, 2, 3}), "bar"},
		{"LongLabelCountsAreHBars", longLabels(), "hbar"},
		{"TwoLineLabelsStayColumns", categorical([]string{"Military-technical cooperation", "Defence consultations", "Space"}, []float64{1, 2, 3}), "bar"},
		{"LabelsOverTwoLinesAreHBars", categorical([]string{"Military-technical cooperation", "Defence consultations", "Space", "Coast guard and law enforcement cooperation", "Other"}, []float64{1, 2, 3, 4, 5}), "hbar"},
		{"ManyCountsAreHBars", manyCategories(9), "hbar"},
		{"EightShortCountsAreBars", categorical([]string{"a", "b", "c", "d", "e", "f", "g", "h"}, []float64{1, 2, 3, 4, 5, 6, 7, 8}), "bar"},
		{"CompareIsGrouped", compare, "grouped-bar"},
		{"ChangesIsBar", changes, "bar"},
		{"OtherTimedIsLine", other, "line"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := mustNew(t, Spec{}, tc.res, testStyle()).Type(); got != tc.want {
				t.Errorf("default type %q, want %q", got, tc.want)
			}
		})
	}
}

func TestNew_CopiesData(t *testing.T) {
	res := agreements()
	c := mustNew(t, Spec{Type: "bar"}, res, testStyle())
	res.Series[0].Values[0] = exact.Int(1e9)
	if c.model.series[0].Values[0] == 1e9 {
		t.Error("the chart shares the result's values")
	}
}

func TestSupportedTypes(t *testing.T) {
	got := strings.Join(SupportedTypes(), ",")
	if got != "line,bar,stacked-bar,grouped-bar,hbar,donut" {
		t.Errorf("SupportedTypes() = %s", got)
	}
}

func TestStyle_Normalized(t *testing.T) {
	s := Style{FontSize: 5}.normalized()
	if s.FontSize != MinFontSize || s.TextColor == (RGB{}) || s.GridColor == (RGB{}) {
		t.Errorf("normalized %+v", s)
	}
	if s := (Style{}).normalized(); s.FontSize != DefaultFontSize {
		t.Errorf("default font size %v", s.FontSize)
	}
}

// huge is a count whose one value is beyond float64.
func huge() *analysis.Result {
	res := categorical([]string{"a"}, []float64{1})
	v, err := exact.Parse("1e400")
	if err != nil {
		panic(err)
	}
	res.Series[0].Values[0] = v
	return res
}
