package charts

import (
	"io"
	"math"
	"unicode/utf8"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// recorder is a chart.Renderer that records what is painted, in pixels: a
// fake for tests. Text is measured as 0.55 em per character.
type recorder struct {
	dpi                     float64
	class                   string
	stroke, fill, fontColor drawing.Color
	width                   float64
	dash                    []float64
	size                    float64
	rot                     float64
	path                    []pt
	circles                 []circle
	arcs                    []arc
	paths                   []path
	texts                   []text
	clips                   int
	maxClips                int
}

var (
	_ chart.Renderer = (*recorder)(nil)
	_ clipper        = (*recorder)(nil)
)

type pt struct{ X, Y int }

type circle struct {
	C pt
	R float64
}

// arc is an elliptical arc from Start through Delta radians, clockwise
// from three o'clock.
type arc struct {
	C            pt
	RX, RY       float64
	Start, Delta float64
}

// path is one painted path.
type path struct {
	Class        string
	Pts          []pt
	Circles      []circle
	Arcs         []arc
	Stroke, Fill drawing.Color // zero when that part is not painted
	Width        float64
	Dash         []float64
}

// text is one drawn string; X, Y is the start of its baseline.
type text struct {
	Class string
	S     string
	X, Y  int
	Rot   float64
	Size  float64
	Color drawing.Color
	W, H  int // unrotated size
}

func newRecorder() *recorder { return &recorder{dpi: 152.4, size: 10} }

func (r *recorder) ResetStyle() {
	r.class, r.stroke, r.fill, r.fontColor = "", drawing.Color{}, drawing.Color{}, drawing.Color{}
	r.width, r.dash, r.rot = 0, nil, 0
}
func (r *recorder) GetDPI() float64                { return r.dpi }
func (r *recorder) SetDPI(d float64)               { r.dpi = d }
func (r *recorder) SetClassName(c string)          { r.class = c }
func (r *recorder) SetStrokeColor(c drawing.Color) { r.stroke = c }
func (r *recorder) SetFillColor(c drawing.Color)   { r.fill = c }
func (r *recorder) SetStrokeWidth(w float64)       { r.width = w }
func (r *recorder) SetStrokeDashArray(d []float64) { r.dash = d }
func (r *recorder) MoveTo(x, y int)                { r.path = append(r.path, pt{x, y}) }
func (r *recorder) LineTo(x, y int)                { r.path = append(r.path, pt{x, y}) }
func (r *recorder) QuadCurveTo(_, _, x, y int)     { r.path = append(r.path, pt{x, y}) }
func (r *recorder) ArcTo(cx, cy int, rx, ry, start, delta float64) {
	r.arcs = append(r.arcs, arc{pt{cx, cy}, rx, ry, start, delta})
	for _, a := range []float64{start, start + delta} {
		r.path = append(r.path, pt{cx + int(math.Round(rx*math.Cos(a))), cy + int(math.Round(ry*math.Sin(a)))})
	}
}
func (r *recorder) Close()      {}
func (r *recorder) Stroke()     { r.paint(false, true) }
func (r *recorder) Fill()       { r.paint(true, false) }
func (r *recorder) FillStroke() { r.paint(true, true) }
func (r *recorder) Circle(rad float64, x, y int) {
	r.circles = append(r.circles, circle{pt{x, y}, rad})
}
func (r *recorder) SetFont(*truetype.Font)       {}
func (r *recorder) SetFontColor(c drawing.Color) { r.fontColor = c }
func (r *recorder) SetFontSize(s float64)        { r.size = s }
func (r *recorder) SetTextRotation(rad float64)  { r.rot = rad }
func (r *recorder) ClearTextRotation()           { r.rot = 0 }
func (r *recorder) Save(io.Writer) error         { return nil }
func (r *recorder) ClipRect(chart.Box)           { r.clips++; r.maxClips = max(r.maxClips, r.clips) }
func (r *recorder) ClipEnd()                     { r.clips-- }

func (r *recorder) paint(fill, stroke bool) {
	p := path{Class: r.class, Pts: r.path, Circles: r.circles, Arcs: r.arcs, Width: r.width, Dash: r.dash}
	r.path, r.circles, r.arcs = nil, nil, nil
	if fill && r.fill.A > 0 {
		p.Fill = r.fill
	}
	if stroke && r.stroke.A > 0 && r.width > 0 {
		p.Stroke = r.stroke
	}
	if p.Fill.A == 0 && p.Stroke.A == 0 {
		return
	}
	r.paths = append(r.paths, p)
}

func (r *recorder) px() float64 { return r.size * r.dpi / 72 }

func (r *recorder) Text(body string, x, y int) {
	if r.fontColor.A == 0 {
		return
	}
	w, h := r.measure(body)
	r.texts = append(r.texts, text{Class: r.class, S: body, X: x, Y: y, Rot: r.rot, Size: r.size, Color: r.fontColor, W: w, H: h})
}

func (r *recorder) measure(s string) (int, int) {
	return int(math.Ceil(float64(utf8.RuneCountInString(s)) * 0.55 * r.px())), int(math.Round(r.px()))
}

func (r *recorder) MeasureText(body string) chart.Box {
	w, h := r.measure(body)
	b := chart.Box{Right: w, Bottom: h}
	if r.rot != 0 {
		return b.Corners().Rotate(r.rot * 180 / math.Pi).Box()
	}
	return b
}

// bounds returns the box a text covers: from ascent above its baseline to
// descent below, turned around the start of the baseline.
func (t text) bounds() (x0, y0, x1, y1 float64) {
	asc, desc := 0.8*float64(t.H), 0.25*float64(t.H)
	corners := [][2]float64{{0, -asc}, {float64(t.W), -asc}, {0, desc}, {float64(t.W), desc}}
	sin, cos := math.Sincos(t.Rot)
	x0, y0, x1, y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range corners {
		x := float64(t.X) + c[0]*cos - c[1]*sin
		y := float64(t.Y) + c[0]*sin + c[1]*cos
		x0, y0, x1, y1 = math.Min(x0, x), math.Min(y0, y), math.Max(x1, x), math.Max(y1, y)
	}
	return
}

// bbox returns the box of a path's points and circles.
func (p path) bbox() (x0, y0, x1, y1 int) {
	x0, y0, x1, y1 = math.MaxInt, math.MaxInt, math.MinInt, math.MinInt
	for _, q := range p.Pts {
		x0, y0, x1, y1 = min(x0, q.X), min(y0, q.Y), max(x1, q.X), max(y1, q.Y)
	}
	for _, c := range p.Circles {
		r := int(math.Ceil(c.R))
		x0, y0, x1, y1 = min(x0, c.C.X-r), min(y0, c.C.Y-r), max(x1, c.C.X+r), max(y1, c.C.Y+r)
	}
	for _, a := range p.Arcs { // the whole ellipse: a bound, not the arc's box
		rx, ry := int(math.Ceil(a.RX)), int(math.Ceil(a.RY))
		x0, y0, x1, y1 = min(x0, a.C.X-rx), min(y0, a.C.Y-ry), max(x1, a.C.X+rx), max(y1, a.C.Y+ry)
	}
	return
}

func (r *recorder) pathsOf(class string) []path {
	var out []path
	for _, p := range r.paths {
		if p.Class == class {
			out = append(out, p)
		}
	}
	return out
}

func (r *recorder) textsOf(class string) []text {
	var out []text
	for _, t := range r.texts {
		if t.Class == class {
			out = append(out, t)
		}
	}
	return out
}
