package charts

import (
	"math"

	"github.com/briefing/report/analysis"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// kind is a chart type: build turns the checked data into a plot.
// A new type (grouped-bar, hbar, donut) is one more entry here.
type kind struct {
	name  string
	build func(m *model) *plot
}

var kinds = []kind{
	{name: "line", build: buildLine},
	{name: "bar", build: buildBar},
	{name: "stacked-bar", build: buildStacked},
}

// model is the data a chart draws, checked by New.
type model struct {
	x      xAxis
	series []analysis.Series
	colors []RGB
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
		if analysis.IsGap(v) || math.IsInf(v, 0) {
			continue
		}
		p.lo, p.hi = math.Min(p.lo, v), math.Max(p.hi, v)
		if v != math.Trunc(v) {
			p.integral = false
		}
	}
}

func newPlot(band bool) *plot { return &plot{band: band, integral: true} }
