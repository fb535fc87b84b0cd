package charts

import (
	"strings"
	"testing"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/internal/period"
)

// Describe says a chart's type and span, each series' highest and last
// value over time, and a count's largest categories in order.
func TestDescribe(t *testing.T) {
	keys := []analysis.Key{{Label: "2022", Interval: period.YearOf(2022)}, {Label: "2023", Interval: period.YearOf(2023)}, {Label: "2024", Interval: period.YearOf(2024)}}
	trend := &analysis.Result{Kind: "trend", Timed: true, Keys: keys, Series: []analysis.Series{
		{Label: "A", Values: []exact.Number{exact.Int(5), exact.Int(9), exact.Int(2)}},
		{Label: "B", Values: []exact.Number{exact.Int(1), exact.Int(2), exact.Int(3)}}}}
	c, err := New(Spec{ID: "t"}, trend, testStyle())
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Describe(); got != "Line chart, 2022 to 2024. A: highest 9 in 2023, last 2 in 2024. B: highest 3 in 2024." {
		t.Errorf("trend: %q", got)
	}
	count := &analysis.Result{Kind: "count", Keys: []analysis.Key{{Label: "x"}, {Label: "y"}, {Label: "z"}},
		Series: []analysis.Series{{Label: "Count", Values: []exact.Number{exact.Int(2), exact.Int(7), exact.Int(4)}}}}
	c, err = New(Spec{ID: "c", Type: "bar"}, count, testStyle())
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Describe(); !strings.HasPrefix(got, "Bar chart of 3 categories. y 7, z 4, x 2.") {
		t.Errorf("count: %q", got)
	}
}
