package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Line looks, in pixels at pdfrender.PixelsPerMM.
const (
	lineWidth    = 3.0 // 0.5 mm
	avgWidth     = 2.6
	markerRadius = 3.5
	loneRadius   = 5.5 // a point with no neighbour, which no line shows
)

var avgDash = []float64{9, 5}

// buildLine draws each series as a line over the keys: raw series with point
// markers, moving averages dashed in the colour of the series they average
// (and under the raw lines). A gap (NaN) breaks the line.
func buildLine(m *model) *plot {
	p := newPlot(false)
	order := make([]int, 0, len(m.series))
	for i, s := range m.series {
		if s.AverageOf != "" {
			order = append(order, i)
		}
	}
	for i, s := range m.series {
		if s.AverageOf == "" {
			order = append(order, i)
		}
	}
	for i, s := range m.series {
		p.extent(s.Values...)
		mk := markLine
		if s.AverageOf != "" {
			mk = markDashed
		}
		p.legend = append(p.legend, legendItem{label: s.Label, color: m.colors[i].color(), mark: mk})
	}
	for _, i := range order {
		s, c := m.series[i], m.colors[i].color()
		avg := s.AverageOf != ""
		p.layers = append(p.layers, func(pn *pen) { drawSeriesLine(pn, s.Values, c, avg) })
	}
	return p
}

func drawSeriesLine(p *pen, vals []float64, c drawing.Color, avg bool) {
	width, dash := lineWidth, []float64(nil)
	if avg {
		width, dash = avgWidth, avgDash
	}
	p.stroke("line", c, width, dash)
	run := 0
	for i, v := range vals {
		if isGap(v) {
			if run > 1 {
				p.r.Stroke()
			}
			run = 0
			continue
		}
		x, y := p.x(float64(i)), p.y(v)
		if run == 0 {
			p.r.MoveTo(x, y)
		} else {
			p.r.LineTo(x, y)
		}
		run++
	}
	if run > 1 {
		p.r.Stroke()
	}
	// Markers on raw series unless they would crowd; a point standing
	// alone between gaps gets one in any case, or it would not show.
	markers := !avg && p.unit() >= 4*markerRadius
	radius := markerRadius
	if avg {
		radius = avgWidth
	}
	p.fill("marker", c)
	for i, v := range vals {
		if isGap(v) {
			continue
		}
		alone := (i == 0 || isGap(vals[i-1])) && (i == len(vals)-1 || isGap(vals[i+1]))
		if alone && !avg {
			p.r.Circle(loneRadius, p.x(float64(i)), p.y(v))
			p.r.Fill()
		} else if markers || alone {
			p.r.Circle(radius, p.x(float64(i)), p.y(v))
			p.r.Fill()
		}
	}
}

// lineExtra is the room a line chart needs beyond its first and last point.
func lineExtra() int { return int(math.Ceil(loneRadius + 1)) }
