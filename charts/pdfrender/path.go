package pdfrender

import (
	"math"
	"strconv"
	"strings"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// segment is one path operator in pixels: move, line, cubic curve or close.
type segment struct {
	op  byte // 'm', 'l', 'c', 'h'
	pts [6]float64
}

// MoveTo starts a new subpath at (x, y).
func (r *Renderer) MoveTo(x, y int) {
	r.path = append(r.path, segment{op: 'm', pts: [6]float64{float64(x), float64(y)}})
}

// LineTo adds a line to (x, y); without a current point it starts there.
func (r *Renderer) LineTo(x, y int) {
	if len(r.path) == 0 {
		r.MoveTo(x, y)
		return
	}
	r.path = append(r.path, segment{op: 'l', pts: [6]float64{float64(x), float64(y)}})
}

// QuadCurveTo adds a quadratic Bézier curve with control point (cx, cy) to
// (x, y), written as the equivalent cubic.
func (r *Renderer) QuadCurveTo(cx, cy, x, y int) {
	x0, y0, ok := r.current()
	if !ok {
		r.MoveTo(x, y)
		return
	}
	fx, fy, qx, qy := float64(x), float64(y), float64(cx), float64(cy)
	r.path = append(r.path, segment{op: 'c', pts: [6]float64{
		x0 + 2.0/3*(qx-x0), y0 + 2.0/3*(qy-y0),
		fx + 2.0/3*(qx-fx), fy + 2.0/3*(qy-fy),
		fx, fy,
	}})
}

// ArcTo adds an elliptical arc around (cx, cy) with radii rx, ry from
// startAngle through delta radians, angles clockwise from 3 o'clock as on
// the screen (go-chart's raster convention). A line joins the current point
// to the start of the arc.
func (r *Renderer) ArcTo(cx, cy int, rx, ry, startAngle, delta float64) {
	fcx, fcy := float64(cx), float64(cy)
	at := func(a float64) (float64, float64) { return fcx + rx*math.Cos(a), fcy + ry*math.Sin(a) }
	sx, sy := at(startAngle)
	if len(r.path) == 0 {
		r.path = append(r.path, segment{op: 'm', pts: [6]float64{sx, sy}})
	} else {
		r.path = append(r.path, segment{op: 'l', pts: [6]float64{sx, sy}})
	}
	n := int(math.Ceil(math.Abs(delta) / (math.Pi / 2)))
	if n == 0 {
		return
	}
	step := delta / float64(n)
	kappa := 4.0 / 3 * math.Tan(step/4)
	a := startAngle
	for i := 0; i < n; i++ {
		b := a + step
		x0, y0 := at(a)
		x3, y3 := at(b)
		r.path = append(r.path, segment{op: 'c', pts: [6]float64{
			x0 - kappa*rx*math.Sin(a), y0 + kappa*ry*math.Cos(a),
			x3 + kappa*rx*math.Sin(b), y3 - kappa*ry*math.Cos(b),
			x3, y3,
		}})
		a = b
	}
}

// Close closes the current subpath.
func (r *Renderer) Close() {
	if len(r.path) > 0 {
		r.path = append(r.path, segment{op: 'h'})
	}
}

// Circle adds a circle of the given radius around (x, y) as a closed
// subpath; paint it with Stroke, Fill or FillStroke.
func (r *Renderer) Circle(radius float64, x, y int) {
	fx, fy := float64(x), float64(y)
	r.path = append(r.path, segment{op: 'm', pts: [6]float64{fx + radius, fy}})
	r.ArcTo(x, y, radius, radius, 0, 2*math.Pi)
	r.path = append(r.path, segment{op: 'h'})
}

// Stroke strokes the path and starts a new one.
func (r *Renderer) Stroke() { r.paint(false, true) }

// Fill fills the path and starts a new one.
func (r *Renderer) Fill() { r.paint(true, false) }

// FillStroke fills, then strokes the path and starts a new one.
func (r *Renderer) FillStroke() { r.paint(true, true) }

func (r *Renderer) current() (float64, float64, bool) {
	for i := len(r.path) - 1; i >= 0; i-- {
		s := r.path[i]
		switch s.op {
		case 'm', 'l':
			return s.pts[0], s.pts[1], true
		case 'c':
			return s.pts[4], s.pts[5], true
		}
	}
	return 0, 0, false
}

func (r *Renderer) paint(fill, stroke bool) {
	defer func() { r.path = r.path[:0] }()
	fill = fill && r.fill.A > 0
	stroke = stroke && r.stroke.A > 0 && r.strokeWidth > 0
	if (!fill && !stroke) || len(r.path) == 0 {
		return
	}
	if fill {
		r.setFill(r.fill)
	}
	if stroke {
		r.setStroke()
	}
	pdf := r.pdf
	for _, s := range r.path {
		switch s.op {
		case 'm':
			pdf.MoveTo(r.pt(s.pts[0], s.pts[1]))
		case 'l':
			pdf.LineTo(r.pt(s.pts[0], s.pts[1]))
		case 'c':
			x1, y1 := r.pt(s.pts[0], s.pts[1])
			x2, y2 := r.pt(s.pts[2], s.pts[3])
			x3, y3 := r.pt(s.pts[4], s.pts[5])
			pdf.CurveTo(x1, y1, x2, y2, x3, y3)
		case 'h':
			pdf.ClosePath()
		}
	}
	switch {
	case fill && stroke:
		pdf.DrawPath("B")
	case fill:
		pdf.DrawPath("f")
	default:
		pdf.DrawPath("S")
	}
}

func (r *Renderer) setFill(c drawing.Color) {
	if r.out.valid && r.out.fill == c {
		return
	}
	r.pdf.SetFillColor(opaque(c))
	r.validate()
	r.out.fill = c
}

func (r *Renderer) setStroke() {
	if !r.out.valid || r.out.draw != r.stroke {
		r.pdf.SetDrawColor(opaque(r.stroke))
		r.validate()
		r.out.draw = r.stroke
	}
	w := r.strokeWidth / r.ppu
	if r.out.width != w {
		r.pdf.SetLineWidth(w)
		r.out.width = w
	}
	key := dashKey(r.dash)
	if r.out.dash != key {
		d := make([]float64, 0, len(r.dash))
		for _, v := range r.dash {
			d = append(d, v/r.ppu)
		}
		r.pdf.SetDashPattern(d, 0)
		r.out.dash = key
	}
}

// validate starts a fresh record of the content stream's state after a
// restore: nothing is known yet, so every other value is set again.
func (r *Renderer) validate() {
	if !r.out.valid {
		r.out = emitted{valid: true, width: -1, dash: "?", fontPt: -1}
	}
}

func dashKey(d []float64) string {
	var b strings.Builder
	for i, v := range d {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.FormatFloat(v, 'g', 6, 64))
	}
	return b.String()
}
