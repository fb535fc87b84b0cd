package charts

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/briefing/report/analysis"

	"github.com/briefing/report/layouts"
)

// stack is a Drawing of charts one under another, each as high as it
// prefers (at least min mm), 5 mm apart.
type stack struct {
	charts []*Chart
	min    float64
}

func (s stack) height(c *Chart) float64 { return max(s.min, c.PreferredHeight(170)) + 5 }

func (s stack) Draw(cv layouts.Canvas, x, y, w, h float64) error {
	for _, c := range s.charts {
		if err := c.Draw(cv, x+20, y, 170, s.height(c)-5); err != nil {
			return err
		}
		y += s.height(c)
	}
	return nil
}

// writeStack writes charts on one page of a PDF, through layouts' canvas.
func writeStack(tb testing.TB, charts []*Chart, min float64) []byte {
	tb.Helper()
	var b bytes.Buffer
	d := stack{charts: charts, min: min}
	h := 0.0
	for _, c := range charts {
		h += d.height(c)
	}
	if err := layouts.WriteDrawing(&b, d, "charts", 210, h, layouts.Fonts{}); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

func TestDraw_EveryTypeIntoARealPDF(t *testing.T) {
	annotations := []Annotation{{X: 2014, Label: "Crimea"}, {X: 2022, Label: "Invasion of Ukraine"}}
	var all []*Chart
	for name, res := range edgeCases() {
		for _, typ := range SupportedTypes() {
			if rejects(typ, res) {
				continue
			}
			spec := Spec{ID: name, Type: typ, YLabel: "TIV (millions)"}
			if res.Timed && slices.Contains(axesTypes(), typ) {
				spec.Annotations = annotations
			}
			all = append(all, mustNew(t, spec, res, testStyle()))
		}
	}
	out := string(writeStack(t, all, 60))
	if strings.Contains(out, "/Subtype /Image") {
		t.Error("the PDF has an image XObject; charts must be vector")
	}
	if !strings.Contains(out, "/FontFile2") {
		t.Error("no embedded TrueType font")
	}
}

func TestDraw_SameBytes(t *testing.T) {
	render := func() []byte {
		st := testStyle()
		st.Colors = AssignColors(nil, nil, armsTrend(), exercises())
		var charts []*Chart
		for _, res := range []*analysis.Result{armsTrend(), exercises(), agreements()} {
			charts = append(charts, mustNew(t, Spec{YLabel: "Count"}, res, st))
		}
		return writeStack(t, charts, 80)
	}
	if !bytes.Equal(render(), render()) {
		t.Error("the same charts gave different bytes")
	}
}

// failedCanvas is the canvas of a document that has failed: it draws
// nothing and says why.
type failedCanvas struct{ nopCanvas }

func (failedCanvas) Err() error { return errors.New("disk full") }

func TestDraw_Errors(t *testing.T) {
	c := mustNew(t, Spec{ID: "arms", Type: "line"}, armsTrend(), testStyle())
	t.Run("ErrTooSmall", func(t *testing.T) {
		err := layouts.WriteDrawing(io.Discard, c, "arms", 30, 8, layouts.Fonts{})
		if err == nil || !strings.Contains(err.Error(), `draw chart "arms"`) {
			t.Fatalf("Draw into 30×8 mm: %v", err)
		}
	})
	t.Run("ErrFailedDocument", func(t *testing.T) {
		if err := c.Draw(failedCanvas{}, 10, 10, 170, 80); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Fatalf("Draw: %v", err)
		}
	})
}

// nopCanvas draws nothing; text is half an em wide a character.
type nopCanvas struct{ size *float64 }

func (nopCanvas) MoveTo(x, y float64)               {}
func (nopCanvas) LineTo(x, y float64)               {}
func (nopCanvas) CurveTo(a, b, c, d, x, y float64)  {}
func (nopCanvas) ClosePath()                        {}
func (nopCanvas) DrawPath(string)                   {}
func (nopCanvas) SetDrawColor(r, g, b int)          {}
func (nopCanvas) SetFillColor(r, g, b int)          {}
func (nopCanvas) SetTextColor(r, g, b int)          {}
func (nopCanvas) SetLineWidth(float64)              {}
func (nopCanvas) SetDashPattern([]float64, float64) {}
func (nopCanvas) SetLineCapStyle(string)            {}
func (nopCanvas) SetLineJoinStyle(string)           {}
func (n nopCanvas) SetFontSize(pt float64)          { *n.size = pt }
func (n nopCanvas) StringWidth(s string) float64    { return float64(len(s)) * *n.size / 2 * 25.4 / 72 }
func (nopCanvas) Text(x, y float64, s string)       {}
func (nopCanvas) Push()                             {}
func (nopCanvas) Rotate(deg, x, y float64)          {}
func (nopCanvas) Pop()                              {}
func (nopCanvas) ClipRect(x, y, w, h float64)       {}
func (nopCanvas) ClipEnd()                          {}
func (nopCanvas) Err() error                        { return nil }

// BenchmarkDrawLine is a line chart drawn through the renderer onto a
// canvas that paints nothing: the chart's own cost, without the PDF's.
func BenchmarkDrawLine(b *testing.B) {
	spec := Spec{ID: "arms", Type: "line", YLabel: "TIV (millions)", Annotations: []Annotation{{X: 2014, Label: "Crimea"}, {X: 2022, Label: "Invasion of Ukraine"}}}
	c := mustNew(b, spec, armsTrend(), testStyle())
	cv := nopCanvas{size: new(float64)}
	b.ReportAllocs()
	for b.Loop() {
		if err := c.Draw(cv, 20, 20, 170, 80); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLayoutLine(b *testing.B) {
	c := mustNew(b, Spec{Type: "line", YLabel: "TIV"}, armsTrend(), testStyle())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.render(newRecorder(), testW, testH); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLayout(b *testing.B) {
	for _, tc := range []struct {
		typ string
		res *analysis.Result
	}{{"grouped-bar", compareResult()}, {"hbar", manyCategories(34)}, {"donut", manyCategories(34)}} {
		b.Run(tc.typ, func(b *testing.B) {
			c := mustNew(b, Spec{Type: tc.typ, YLabel: "Count"}, tc.res, testStyle())
			h := preferredPx(c, testW, testH)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.render(newRecorder(), testW, h); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
