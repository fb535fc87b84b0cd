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
		p.layers = append(p.layers, func(pn *pen) { drawSeriesLine(pn, s.Values, c, avg, partialFrom(m)) })
	}
	return p
}

// partialFrom is the index of the last key when it is partial, else the
// number of keys: lines are solid before it and dashed into it.
func partialFrom(m *model) int {
	n := m.x.n()
	if m.partialAt(n - 1) {
		return n - 1
	}
	return n
}

// drawSeriesLine strokes vals, solid up to key partial and dashed into it,
// with markers; a partial point's marker is hollow.
func drawSeriesLine(p *pen, vals []float64, c drawing.Color, avg bool, partial int) {
	width, dash := lineWidth, []float64(nil)
	if avg {
		width, dash = avgWidth, avgDash
	}
	p.stroke("line", c, width, dash)
	strokeRuns(p, vals[:min(partial, len(vals))])
	if partial < len(vals) && partial > 0 && !isGap(vals[partial]) && !isGap(vals[partial-1]) {
		p.stroke("line-partial", c, width, partialDash)
		p.line(p.x(float64(partial-1)), p.y(vals[partial-1]), p.x(float64(partial)), p.y(vals[partial]))
	}
	drawMarkers(p, vals, c, avg, partial)
}

// strokeRuns strokes each run of values between gaps as one line.
func strokeRuns(p *pen, vals []float64) {
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
}

// drawMarkers marks the points of a raw series unless they would crowd; a
// point standing alone between gaps gets one in any case, or it would not
// show. A partial point's marker is hollow.
func drawMarkers(p *pen, vals []float64, c drawing.Color, avg bool, partial int) {
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
		if i == partial && !avg {
			p.fill("marker-partial", drawing.ColorWhite)
			p.r.Circle(markerRadius, p.x(float64(i)), p.y(v))
			p.r.Fill()
			p.stroke("marker-partial", c, 1.5, nil)
			p.r.Circle(markerRadius, p.x(float64(i)), p.y(v))
			p.r.Stroke()
			p.fill("marker", c)
			continue
		}
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
