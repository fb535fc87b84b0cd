package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Bars fill this share of their band, up to maxBarWidth pixels (15 mm).
const (
	barShare    = 0.7
	maxBarWidth = 90.0
)

// rawSeries returns the indexes of the series that are not moving averages:
// bars show counts, and a stacked average would add to the total.
func rawSeries(m *model) []int {
	var out []int
	for i, s := range m.series {
		if s.AverageOf == "" {
			out = append(out, i)
		}
	}
	if len(out) == 0 {
		out = append(out, 0)
	}
	return out
}

// buildBar draws the first series as bars from zero. The legend names the
// series only when the result has others it leaves out.
func buildBar(m *model) *plot {
	p := newPlot(true)
	i := rawSeries(m)[0]
	s, c := m.series[i], m.colors[i].color()
	p.extent(s.Values...)
	if len(m.series) > 1 {
		p.legend = []legendItem{{label: s.Label, color: c, mark: markBox}}
	}
	p.layers = []func(*pen){func(pn *pen) {
		w := barWidth(pn)
		for k, v := range s.Values {
			if isGap(v) || v == 0 {
				continue
			}
			x := pn.x(float64(k))
			pn.bar("bar", c, m.partialAt(k), x-w/2, pn.y(0), x-w/2+w, pn.y(v))
		}
	}}
	return p
}

// buildStacked stacks the series' absolute values per key, positive values
// up from zero and negative ones down, in series order from the axis out.
func buildStacked(m *model) *plot {
	p := newPlot(true)
	idx := rawSeries(m)
	n := m.x.n()
	for k := 0; k < n; k++ {
		var pos, neg float64
		for _, i := range idx {
			v := m.series[i].Values[k]
			if isGap(v) {
				continue
			}
			if v > 0 {
				pos += v
			} else {
				neg += v
			}
			p.extent(v)
		}
		p.extent(pos, neg)
	}
	for _, i := range idx {
		p.legend = append(p.legend, legendItem{label: m.series[i].Label, color: m.colors[i].color(), mark: markBox})
	}
	p.layers = []func(*pen){func(pn *pen) {
		w := barWidth(pn)
		for k := 0; k < n; k++ {
			x := pn.x(float64(k)) - w/2
			stackParts(m, idx, k, func(_, i int, from, to float64) {
				pn.bar("bar", m.colors[i].color(), m.partialAt(k), x, pn.y(from), x+w, pn.y(to))
			})
		}
		separators(pn, m, idx, w)
	}}
	return p
}

// separators draw a thin white line between stacked parts so that
// neighbouring colours stay apart.
func separators(pn *pen, m *model, idx []int, w int) {
	pn.stroke("separator", drawing.ColorWhite, 1, nil)
	for k := 0; k < m.x.n(); k++ {
		x := pn.x(float64(k)) - w/2
		top := topOf(m, idx, k)
		stackParts(m, idx, k, func(j, _ int, from, to float64) {
			if to > from && j < len(idx)-1 && to < top {
				pn.line(x, pn.y(to), x+w, pn.y(to))
			}
		})
	}
}

// stackParts walks the parts of the stack at key k in series order:
// positive values stack up from zero, negative ones down from it; gaps and
// zeros have no part. fn gets the position j in idx, the series index and
// the part's bottom and top values.
func stackParts(m *model, idx []int, k int, fn func(j, i int, from, to float64)) {
	var pos, neg float64
	for j, i := range idx {
		v := m.series[i].Values[k]
		if isGap(v) || v == 0 {
			continue
		}
		base := &pos
		if v < 0 {
			base = &neg
		}
		fn(j, i, *base, *base+v)
		*base += v
	}
}

// topOf is the positive total of key k.
func topOf(m *model, idx []int, k int) float64 {
	var t float64
	for _, i := range idx {
		if v := m.series[i].Values[k]; v > 0 {
			t += v
		}
	}
	return t
}

// barWidth is the width of one bar in pixels, at least one.
func barWidth(p *pen) int {
	w := math.Min(p.unit()*barShare, maxBarWidth)
	return max(1, int(math.Round(w)))
}
