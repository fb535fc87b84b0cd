package pdfrender

import (
	"bytes"
	"errors"
	"io"
	"math"
	"regexp"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/briefing/report/layouts"
	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/font/gofont/goregular"
)

// testFamily is the family of the test documents' font.
const testFamily = "Body"

// newDoc returns an A4 document in mm with the font of testFamily
// and a page, uncompressed so tests can read the content stream.
func newDoc(tb testing.TB) *fpdf.Fpdf {
	tb.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.AddUTF8FontFromBytes(testFamily, "", goregular.TTF)
	pdf.AddPage()
	if err := pdf.Error(); err != nil {
		tb.Fatal(err)
	}
	return pdf
}

// testCanvas is a layouts.Canvas straight over fpdf, as layouts gives a
// figure, without the state keeping that layouts adds around it.
type testCanvas struct{ pdf *fpdf.Fpdf }

func canvasOf(pdf *fpdf.Fpdf) layouts.Canvas { return testCanvas{pdf} }

func (c testCanvas) MoveTo(x, y float64) { c.pdf.MoveTo(x, y) }
func (c testCanvas) LineTo(x, y float64) { c.pdf.LineTo(x, y) }
func (c testCanvas) CurveTo(a, b, d, e, x, y float64) {
	c.pdf.CurveBezierCubicTo(a, b, d, e, x, y)
}
func (c testCanvas) ClosePath()               { c.pdf.ClosePath() }
func (c testCanvas) DrawPath(op string)       { c.pdf.DrawPath(op) }
func (c testCanvas) SetDrawColor(r, g, b int) { c.pdf.SetDrawColor(r, g, b) }
func (c testCanvas) SetFillColor(r, g, b int) { c.pdf.SetFillColor(r, g, b) }
func (c testCanvas) SetTextColor(r, g, b int) { c.pdf.SetTextColor(r, g, b) }
func (c testCanvas) SetLineWidth(w float64)   { c.pdf.SetLineWidth(w) }
func (c testCanvas) SetDashPattern(d []float64, p float64) {
	c.pdf.SetDashPattern(d, p)
}
func (c testCanvas) SetLineCapStyle(s string)     { c.pdf.SetLineCapStyle(s) }
func (c testCanvas) SetLineJoinStyle(s string)    { c.pdf.SetLineJoinStyle(s) }
func (c testCanvas) SetFontSize(pt float64)       { c.pdf.SetFont(testFamily, "", pt) }
func (c testCanvas) StringWidth(s string) float64 { return c.pdf.GetStringWidth(s) }
func (c testCanvas) Text(x, y float64, s string)  { c.pdf.Text(x, y, s) }
func (c testCanvas) Push()                        { c.pdf.TransformBegin() }
func (c testCanvas) Rotate(d, x, y float64)       { c.pdf.TransformRotate(d, x, y) }
func (c testCanvas) Pop()                         { c.pdf.TransformEnd() }
func (c testCanvas) ClipRect(x, y, w, h float64)  { c.pdf.ClipRect(x, y, w, h, false) }
func (c testCanvas) ClipEnd()                     { c.pdf.ClipEnd() }
func (c testCanvas) Err() error                   { return c.pdf.Error() }

func output(tb testing.TB, pdf *fpdf.Fpdf) string {
	tb.Helper()
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

var red = drawing.Color{R: 200, A: 255}

func TestNew_Errors(t *testing.T) {
	failed := newDoc(t)
	failed.SetError(errors.New("earlier failure"))
	tests := []struct {
		name string
		c    layouts.Canvas
		w    float64
		want string
	}{
		{"ErrNilCanvas", nil, 10, "nil canvas"},
		{"ErrEarlier", canvasOf(failed), 10, "earlier failure"},
		{"ErrEmptyBox", canvasOf(newDoc(t)), 0, "invalid box"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.c, 10, 10, tc.w, 10)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("New: %v, want %q", err, tc.want)
			}
		})
	}
}

func TestRenderer_DrawsVectorPathsAndText(t *testing.T) {
	pdf := newDoc(t)
	r, err := New(canvasOf(pdf), 20, 30, 100, 50)
	if err != nil {
		t.Fatal(err)
	}
	if w, h := r.Size(); w != 600 || h != 300 {
		t.Errorf("Size = %d×%d px, want 600×300 at %v px/mm", w, h, PixelsPerMM)
	}
	r.SetStrokeColor(red)
	r.SetStrokeWidth(3)
	r.SetStrokeDashArray([]float64{6, 12})
	r.MoveTo(0, 0)
	r.LineTo(600, 300)
	r.Stroke()
	r.ResetStyle()
	r.SetFillColor(drawing.Color{G: 100, A: 255})
	r.Circle(30, 300, 150)
	r.Fill()
	r.SetFontColor(drawing.ColorBlack)
	r.SetFontSize(8)
	r.SetTextRotation(-math.Pi / 2)
	r.Text("Turned", 30, 200)
	r.ClearTextRotation()
	r.Text("Upright", 100, 100)
	r.SetFillColor(drawing.Color{A: 0})
	r.MoveTo(0, 0)
	r.LineTo(10, 10)
	r.Fill() // transparent: nothing
	if err := r.Finish(); err != nil {
		t.Fatal(err)
	}
	out := output(t, pdf)
	for _, want := range []string{
		"[2.83 5.67] 0.00 d", // 6 and 12 px = 1 and 2 mm, in points
		"1.42 w",             // 3 px = 0.5 mm
		"0.784 0.000 0.000 RG",
		" c\n",    // the circle's curves
		"re W n",  // the box clip
		" cm\n",   // the rotation
		"8.00 Tf", // the font size in points
		") Tj",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(out, "/Subtype /Image") {
		t.Error("output has an image")
	}
	if n := strings.Count(out, "\nf\n"); n != 1 {
		t.Errorf("%d fills, want 1 (transparent fills paint nothing)", n)
	}
}

func TestMeasureText_UsesTheFont(t *testing.T) {
	pdf := newDoc(t)
	r, err := New(canvasOf(pdf), 0, 0, 100, 100)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Finish()
	r.SetFontSize(10)
	b := r.MeasureText("Russia → China")
	pdf.SetFont(testFamily, "", 10)
	want := int(math.Ceil(pdf.GetStringWidth("Russia → China") * PixelsPerMM))
	if b.Width() != want || b.Height() != 21 {
		t.Errorf("MeasureText = %d×%d, want %d×21 (10 pt = 3.53 mm)", b.Width(), b.Height(), want)
	}
	r.SetTextRotation(math.Pi / 2)
	if tb := r.MeasureText("Russia → China"); math.Abs(float64(tb.Height()-want)) > 2 {
		t.Errorf("turned text is %d px high, want about %d", tb.Height(), want)
	}
}

// Finish closes the clips it opened, and no more: the canvas's owner sets
// its own state back (see layouts' TestDrawingCanvas_SetsStateBack).
func TestFinish_ClosesItsClips(t *testing.T) {
	pdf := newDoc(t)
	r, err := New(canvasOf(pdf), 10, 10, 100, 60)
	if err != nil {
		t.Fatal(err)
	}
	r.ClipRect(chart.Box{Right: 100, Bottom: 100})
	r.SetFillColor(red)
	r.MoveTo(0, 0)
	r.LineTo(50, 50)
	r.LineTo(0, 50)
	r.Fill()
	if err := r.Finish(); err != nil {
		t.Fatal(err)
	}
	out := output(t, pdf)
	if q, cq := len(regexp.MustCompile(`(?m)^q\b`).FindAllString(out, -1)), len(regexp.MustCompile(`(?m)^Q$`).FindAllString(out, -1)); q != cq || q != 2 {
		t.Errorf("%d saves, %d restores; want the box's and the inner clip's", q, cq)
	}
}

func TestClipEnd_SetsStateAgain(t *testing.T) {
	pdf := newDoc(t)
	r, err := New(canvasOf(pdf), 10, 10, 100, 60)
	if err != nil {
		t.Fatal(err)
	}
	blue := drawing.Color{B: 255, A: 255}
	r.SetFillColor(blue)
	r.MoveTo(0, 0)
	r.LineTo(10, 10)
	r.LineTo(0, 10)
	r.Fill()
	r.ClipRect(chart.Box{Right: 100, Bottom: 100})
	r.SetFillColor(red)
	r.MoveTo(0, 0)
	r.LineTo(10, 10)
	r.LineTo(0, 10)
	r.Fill()
	r.ClipEnd()
	// The content stream is back to blue; the renderer must not assume red.
	r.SetFontColor(red)
	r.Text("after the clip", 10, 50)
	if err := r.Finish(); err != nil {
		t.Fatal(err)
	}
	out := output(t, pdf)
	i := strings.Index(out, "after the clip")
	if i < 0 {
		// fpdf writes UTF-16; find the text's BT instead.
		i = strings.LastIndex(out, ") Tj")
	}
	seg := out[:i]
	seg = seg[strings.LastIndex(seg, "\nQ\n"):]
	if !strings.Contains(seg, "0.784 0.000 0.000 rg") || !strings.Contains(seg, "Tf") {
		t.Errorf("colour and font not set again between the clip's end and the text:\n%s", seg)
	}
}

func TestArcTo_QuarterCircle(t *testing.T) {
	pdf := newDoc(t)
	r, err := New(canvasOf(pdf), 0, 0, 100, 100)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Finish()
	r.ArcTo(60, 60, 60, 60, 0, math.Pi/2)
	last := r.path[len(r.path)-1]
	if r.path[0].op != 'm' || r.path[0].pts[0] != 120 || last.op != 'c' || math.Abs(last.pts[4]-60) > 1e-9 || math.Abs(last.pts[5]-120) > 1e-9 {
		t.Errorf("arc path %+v", r.path)
	}
	r.QuadCurveTo(0, 0, 10, 10)
	if q := r.path[len(r.path)-1]; q.op != 'c' || q.pts[4] != 10 {
		t.Errorf("quad curve %+v", q)
	}
	r.path = r.path[:0]
}

func TestOpaque_BlendsOnWhite(t *testing.T) {
	if r, g, b := opaque(drawing.Color{R: 0, G: 0, B: 0, A: 128}); r != 127 || g != 127 || b != 127 {
		t.Errorf("half black = %d,%d,%d", r, g, b)
	}
}

func TestProvider_DrawsGoChartsOwnCharts(t *testing.T) {
	pdf := newDoc(t)
	r, err := New(canvasOf(pdf), 20, 20, 80, 80)
	if err != nil {
		t.Fatal(err)
	}
	w, h := r.Size()
	pie := chart.PieChart{
		Width: w, Height: h, DPI: DPI, Font: &truetype.Font{},
		Values: []chart.Value{{Value: 3, Label: "Naval"}, {Value: 2, Label: "Land"}, {Value: 1, Label: "Air"}},
	}
	if err := pie.Render(r.Provider(), io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := r.Finish(); err != nil {
		t.Fatal(err)
	}
	out := output(t, pdf)
	if strings.Count(out, " c\n") < 4 || strings.Contains(out, "/Subtype /Image") {
		t.Error("the pie's arcs are not vector curves")
	}
}
