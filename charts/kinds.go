package charts

import (
	"math"

	"github.com/briefing/report/analysis"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// kind is a chart type. Types on the shared axes (a Y axis of values, an X
// axis of keys) have build, which turns the checked data into a plot; types
// that lay themselves out (hbar, donut) have own. A new type is one more
// entry here.
type kind struct {
	name  string
	build func(m *model) *plot
	own   func(m *model, spec Spec) (ownChart, error)
}

var kinds = []kind{
	{name: "line", build: buildLine},
	{name: "bar", build: buildBar},
	{name: "stacked-bar", build: buildStacked},
	{name: "grouped-bar", build: buildGrouped},
	{name: "hbar", own: buildHBar},
	{name: "donut", own: buildDonut},
}

// Types returns the chart types, in the order config.ChartTypes lists
// them (a test keeps the two lists the same).
func Types() []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = k.name
	}
	return out
}

// ownChart is a chart type with its own layout, drawn straight through the
// renderer without go-chart's axes.
type ownChart interface {
	// render lays the chart out in W×H pixels and draws it through r.
	render(r chart.Renderer, W, H int) (*frame, error)
	// preferredHeight is the height in pixels the chart wants at width W,
	// text measured with m.
	preferredHeight(m measurer, W int) int
}

// model is the data a chart draws, checked by New.
type model struct {
	x      xAxis
	series []plotSeries
	colors []RGB
	style  Style
	// unit follows every number the chart prints ("%" for shares).
	unit string
	// sortable keys are categories in no given order (a count), which an
	// hbar may sort by value; times and compare periods keep their order.
	sortable bool
}

// plot is what a chart type draws over the shared axes.
type plot struct {
	// band places keys in bands (bars) rather than on points (lines).
	band bool
	// lo and hi bound the values drawn; the Y axis covers them and zero.
	lo, hi float64
	// integral values get whole-number ticks.
	integral bool
	legend   []legendItem
	// layers draw the data in order, over the grid.
	layers []func(p *pen)
}

// mark is how a legend item shows its series.
type mark int

const (
	markLine   mark = iota // a line with a point marker
	markDashed             // a dashed line
	markBox                // a filled square
)

// legendItem is one entry of the legend.
type legendItem struct {
	label string
	color drawing.Color
	mark  mark
}

// extent widens p's value bounds and integrality with vals.
func (p *plot) extent(vals ...float64) {
	for _, v := range vals {
		if isGap(v) || math.IsInf(v, 0) {
			continue
		}
		p.lo, p.hi = math.Min(p.lo, v), math.Max(p.hi, v)
		if v != math.Trunc(v) {
			p.integral = false
		}
	}
}

func newPlot(band bool) *plot { return &plot{band: band, integral: true} }

// plotSeries is one series as a chart draws it: float64 values, NaN for a
// gap. Drawing needs no exact arithmetic; the numbers a chart prints are
// rounded from these to at most two places.
type plotSeries struct {
	Label     string
	Values    []float64
	AverageOf string
	Other     bool // folds the series past the analysis's `top`
}

// plotSeriesOf converts analysis series for drawing.
func plotSeriesOf(ss []analysis.Series) []plotSeries {
	out := make([]plotSeries, len(ss))
	for i, s := range ss {
		out[i] = plotSeries{Label: s.Label, Values: s.Floats(), AverageOf: s.AverageOf, Other: s.Other}
	}
	return out
}

// isGap reports whether a drawn value is a gap.
func isGap(v float64) bool { return math.IsNaN(v) }

// Total sums the series' values, gaps left out.
func (s plotSeries) Total() float64 {
	t := 0.0
	for _, v := range s.Values {
		if !isGap(v) {
			t += v
		}
	}
	return t
}
