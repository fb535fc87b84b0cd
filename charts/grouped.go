package charts

import (
	"math"
)

// A group of bars fills this share of its band, each bar at most
// maxBarWidth; a gap of groupGap of a bar's width parts neighbours.
const (
	groupShare = 0.8
	groupGap   = 0.14
)

// buildGrouped draws the series side by side in each key's band, in series
// order from the left, each bar from zero (down for a negative value); a
// zero or a gap draws nothing. The legend above names every series. Moving
// averages are left out, as in the other bar charts.
func buildGrouped(m *model) *plot {
	p := newPlot(true)
	idx := rawSeries(m)
	for _, i := range idx {
		p.extent(m.series[i].Values...)
		p.legend = append(p.legend, legendItem{label: m.series[i].Label, color: m.colors[i].color(), mark: markBox})
	}
	p.layers = []func(*pen){func(pn *pen) {
		for j, i := range idx {
			for k, v := range m.series[i].Values {
				if isGap(v) || v == 0 {
					continue
				}
				x0, x1 := groupedBar(pn, k, j, len(idx))
				pn.bar("bar", m.colors[i].color(), m.partialAt(k), x0, pn.y(0), x1, pn.y(v))
			}
		}
	}}
	return p
}

// groupedBar returns the left and right pixel columns of bar j of n in the
// band of key k. Bars are at least one pixel wide.
func groupedBar(pn *pen, k, j, n int) (int, int) {
	bw := math.Min(pn.unit()*groupShare/float64(n), maxBarWidth)
	left := pn.xf(float64(k)) - bw*float64(n)/2 + float64(j)*bw
	gap := 0.0
	if n > 1 && bw >= 4 {
		gap = math.Max(1, bw*groupGap)
	}
	x0, x1 := int(math.Round(left+gap/2)), int(math.Round(left+bw-gap/2))
	return x0, max(x1, x0+1)
}
