package charts

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/charts/pdfrender"
	"github.com/briefing/report/layouts"
	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
)

// Chart is a chart ready to draw: a checked Spec, the data it draws and the
// document Style. It implements the layout's figure drawing interface with
// Draw. A Chart does not change after New and may be drawn many times.
type Chart struct {
	spec  Spec
	typ   string
	style Style
	model *model
	plot  *plot    // types on the shared axes
	own   ownChart // types with their own layout

	shortened []string // texts ended with an ellipsis in the last Draw
}

// New checks spec against res and returns the chart. It fails, with an
// error that begins with the chart's ID, on an unknown type or measure
// (suggesting the closest one), a result with no data to draw (no keys,
// no series or only empty ones), a series whose length differs from the
// keys, an infinite value, annotations on a chart without a time axis, and
// a donut of negative values or of nothing but zeros. The result's data is
// copied.
func New(spec Spec, res *analysis.Result, style Style) (*Chart, error) {
	c, err := newChart(spec, res, style)
	if err != nil && spec.ID != "" {
		return nil, fmt.Errorf("chart %q: %w", spec.ID, err)
	}
	return c, err
}

// MaxGroupedIntervals is the most intervals a grouped-bar chart draws:
// beyond it the groups are too thin to read.
const MaxGroupedIntervals = 12

func newChart(spec Spec, res *analysis.Result, style Style) (*Chart, error) {
	if res == nil {
		return nil, errors.New("no result to chart")
	}
	typ := spec.Type
	if typ == "" {
		typ = DefaultType(res)
	}
	k, err := lookupKind(typ)
	if err != nil {
		return nil, err
	}
	data, unit, err := chartData(res, spec.Measure, spec.Period, typ)
	if err != nil {
		return nil, err
	}
	if err := hasData(data); err != nil {
		return nil, err
	}
	if typ == "grouped-bar" && data.Timed && len(data.Keys) > MaxGroupedIntervals {
		return nil, fmt.Errorf("a grouped-bar over %d intervals is unreadable (at most %d): draw it as a line or a stacked-bar, or narrow it with from: and to:", len(data.Keys), MaxGroupedIntervals)
	}
	if len(spec.Annotations) > 0 {
		switch {
		case k.build == nil:
			return nil, fmt.Errorf("annotations need a time axis, which %s charts do not have", typ)
		case !data.Timed:
			return nil, fmt.Errorf("annotations need a time axis; result %q has categories", data.Name)
		}
	}
	m := &model{
		x: newXAxis(data), series: make([]plotSeries, len(data.Series)), unit: unit,
		sortable: !data.Timed && data.Kind != "compare" && data.Compare == nil,
	}
	for i, s := range data.Series {
		if len(s.Values) != len(data.Keys) {
			return nil, fmt.Errorf("series %q of result %q has %d values for %d keys", s.Label, data.Name, len(s.Values), len(data.Keys))
		}
		m.series[i] = plotSeries{Label: s.Label, Values: s.Floats(), AverageOf: s.AverageOf, Other: s.Other}
		for _, v := range m.series[i].Values {
			if math.IsInf(v, 0) {
				return nil, fmt.Errorf("series %q of result %q has a value too large to draw", s.Label, data.Name)
			}
		}
	}
	style = style.normalized()
	m.x.numerals(style.Numerals)
	m.style = style
	m.colors = seriesColors(m.series, style)
	spec.Annotations = append([]Annotation(nil), spec.Annotations...)
	c := &Chart{spec: spec, typ: typ, style: style, model: m}
	if k.build != nil {
		c.plot = k.build(m)
	} else if c.own, err = k.own(m, spec); err != nil {
		return nil, err
	}
	return c, nil
}

// hasData fails on a result with nothing to draw: no keys, no series, or
// series without values.
func hasData(res *analysis.Result) error {
	if len(res.Keys) == 0 {
		return fmt.Errorf("result %q has no data to draw (no intervals or categories)", res.Name)
	}
	if len(res.Series) == 0 {
		return fmt.Errorf("result %q has no data to draw (no series)", res.Name)
	}
	for _, s := range res.Series {
		if len(s.Values) > 0 {
			return nil
		}
	}
	return fmt.Errorf("result %q has no data to draw (every series is empty)", res.Name)
}

// Type returns the chart's type, with the default resolved.
func (c *Chart) Type() string { return c.typ }

// Draw draws the chart on cv into the box (x, y, w, h), in millimetres,
// its text in the canvas's font. Nothing is drawn outside the box. It
// returns the canvas's error if drawing failed; a box too small for the
// chart is an error that leaves the document intact.
func (c *Chart) Draw(cv layouts.Canvas, x, y, w, h float64) error {
	r, err := pdfrender.New(cv, x, y, w, h)
	if err != nil {
		return fmt.Errorf("draw chart %q: %w", c.spec.ID, err)
	}
	wpx, hpx := r.Size()
	log := &textLog{Renderer: r}
	_, err = c.render(log, wpx, hpx)
	c.shortened = log.shortened
	if ferr := r.Finish(); ferr != nil && err == nil {
		err = ferr
	}
	if err != nil {
		return fmt.Errorf("draw chart %q: %w", c.spec.ID, err)
	}
	return nil
}

// placeholderFont stands in for go-chart's font: without one go-chart loads
// its own (Roboto) through a lazily set global. Renderers draw in the
// document's font and never look inside it.
var placeholderFont = &truetype.Font{}

// clipper is a renderer that can clip, like pdfrender.Renderer.
type clipper interface {
	ClipRect(b chart.Box)
	ClipEnd()
}

// render draws the chart through r into a box W×H pixels and returns its
// layout.
func (c *Chart) render(r chart.Renderer, W, H int) (*frame, error) {
	r.SetDPI(pdfrender.DPI)
	if c.own != nil {
		return c.own.render(r, W, H)
	}
	f, err := c.layout(r, W, H)
	if err != nil {
		return nil, err
	}
	text, grid := c.style.TextColor.color(), c.style.GridColor.color()
	ticks := make([]chart.Tick, len(f.yticks))
	var lines []chart.GridLine
	for i, v := range f.yticks {
		ticks[i] = chart.Tick{Value: v, Label: f.ylabels[i]}
		if v != 0 {
			lines = append(lines, chart.GridLine{Value: v})
		}
	}
	ch := chart.Chart{
		Width: W, Height: H, DPI: pdfrender.DPI, Font: placeholderFont,
		Background: chart.Style{Padding: f.pad, FillColor: none, StrokeColor: none},
		Canvas:     chart.Style{FillColor: none, StrokeColor: none},
		XAxis: chart.XAxis{
			Style: chart.Hidden(),
			Range: &chart.ContinuousRange{Min: f.xmin, Max: f.xmax},
		},
		YAxis: chart.YAxis{
			AxisType: chart.YAxisSecondary, // drawn on the left
			Style: chart.Style{
				ClassName: "ytick", FontSize: f.fs, FontColor: text,
				StrokeColor: none, StrokeWidth: 1,
			},
			Ticks:          ticks,
			Range:          &chart.ContinuousRange{},
			Zero:           chart.GridLine{Style: chart.Hidden()},
			GridLines:      lines,
			GridMajorStyle: chart.Style{StrokeColor: grid, StrokeWidth: 1},
			GridMinorStyle: chart.Style{StrokeColor: grid, StrokeWidth: 1},
		},
		YAxisSecondary: chart.YAxis{Style: chart.Hidden()},
	}
	// Annotation lines go under the data, so they are the first series.
	ch.Series = append(ch.Series, layerSeries{name: "annotations", f: f, draw: func(p *pen) {
		f.ann.draw(p, f.annGap)
	}})
	for i, l := range c.plot.layers {
		draw := l
		ch.Series = append(ch.Series, layerSeries{name: fmt.Sprintf("data%d", i), f: f, draw: func(p *pen) {
			if cl, ok := p.r.(clipper); ok {
				// Keep the data in the plot, with room for markers at the edges.
				pad := lineExtra()
				cl.ClipRect(chart.Box{Top: p.box.Top - pad, Left: p.box.Left - pad, Right: p.box.Right + pad, Bottom: p.box.Bottom + pad})
				defer cl.ClipEnd()
			}
			draw(p)
		}})
	}
	ch.Elements = []chart.Renderable{func(r chart.Renderer, box chart.Box, _ chart.Style) {
		f.drawn = box
		p := newPen(r, box, f)
		drawXAxis(p, f.xl, c.plot.band)
		f.legend.draw(p, edge)
		drawYTitle(p, f.ytitle)
	}}
	provider := func(int, int) (chart.Renderer, error) { return r, nil }
	return f, ch.Render(provider, io.Discard)
}

// Shortened returns the texts the chart ended with an ellipsis to fit when
// it last drew: none, unless a title, legend entry or annotation is too
// long for the room it has.
func (c *Chart) Shortened() []string { return c.shortened }

// textLog is the PDF renderer, noting each text drawn shortened.
type textLog struct {
	*pdfrender.Renderer
	shortened []string
}

// Text draws body and notes it when it ends in an ellipsis.
func (t *textLog) Text(body string, x, y int) {
	if strings.HasSuffix(body, ellipsis) {
		t.shortened = append(t.shortened, body)
	}
	t.Renderer.Text(body, x, y)
}
