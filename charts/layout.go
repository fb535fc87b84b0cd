package charts

import (
	"errors"
	"fmt"
	"math"
	"slices"

	chart "github.com/wcharczuk/go-chart/v2"
)

// Frame spacing, in pixels.
const (
	edge        = 2                        // inside the box, all round
	yAxisMargin = chart.DefaultYAxisMargin // go-chart's gap between plot and Y labels
)

// frame is a chart laid out in a box W×H pixels: where the plot, legend,
// annotation labels and axis labels go, and the Y ticks.
type frame struct {
	style   Style
	fs      float64
	h       int // text height
	W, H    int
	canvas  chart.Box // the plot area, as go-chart will compute it
	drawn   chart.Box // the plot area go-chart drew in
	pad     chart.Box // the go-chart background padding that yields canvas
	yticks  []float64
	ylabels []string
	ylabelW int

	xmin, xmax float64
	legend     legendLayout
	ann        annLayout
	annGap     int
	xl         xLabels
	ytitle     string
}

// layout fits the chart into W×H pixels. The Y labels' width sets the plot's
// left edge, the plot's width the X labels, their height the plot's height,
// and that the ticks; a few rounds settle it.
func (c *Chart) layout(r chart.Renderer, W, H int) (*frame, error) {
	m := measurer{r: r, fs: c.style.FontSize}
	h := m.height()
	f := &frame{style: c.style, fs: c.style.FontSize, h: h, W: W, H: H}
	p, ax := c.plot, c.model.x
	n := ax.n()
	// Bars fill bands; lines keep half a step free at each end, so the
	// first point clears the Y labels and the last label fits.
	f.xmin, f.xmax = -0.5, float64(n)-0.5
	if !p.band && n == 1 {
		f.xmin, f.xmax = -1, 1
	}

	f.legend = layoutLegend(m, p.legend, edge, W-edge)
	above := edge
	if f.legend.rows > 0 {
		above = edge + f.legend.height + int(0.8*float64(h))
	}
	left := edge
	if c.spec.YLabel != "" {
		left = edge + h + h/2
	}
	right := W - edge
	if !p.band {
		right -= lineExtra()
	}
	lo, hi := headroom(math.Min(0, p.lo), math.Max(0, p.hi))
	plotH := H - above - 3*h
	for round := 0; round < 4; round++ {
		ticks, dec := niceTicks(lo, hi, maxSteps(plotH, h), p.integral)
		labels := make([]string, len(ticks))
		w := 0
		for i, t := range ticks {
			labels[i] = c.model.style.number(formatNumber(t, dec)) + c.model.unit
			w = max(w, m.width(labels[i]))
		}
		settled := slices.Equal(ticks, f.yticks) && w == f.ylabelW && right == f.canvas.Right
		f.yticks, f.ylabels, f.ylabelW = ticks, labels, w
		if settled {
			break
		}
		cl := left + yAxisMargin + w
		if right-cl < 4*h {
			return nil, errors.New("the box is too narrow for the chart")
		}
		f.xl = fitXLabels(m, ax, p, right-cl, H*4/10)
		if f.xl.tooLong != "" {
			return nil, fmt.Errorf("category label %q is too long to stand under a column: draw the chart as hbar (the default for long labels), or shorten it with labels:", f.xl.tooLong)
		}
		cb := H - edge - f.xl.height - xLabelOffset(h)
		xpix := func(pos float64) int {
			return cl + int(math.Round((pos-f.xmin)/(f.xmax-f.xmin)*float64(right-cl)))
		}
		f.ann = layoutAnnotations(m, ax, c.spec.Annotations, xpix, cl, W-edge)
		ct := above + h/2 + 1
		if f.ann.rows > 0 {
			f.annGap = h / 3
			ct = max(ct, above+f.ann.height+f.annGap)
		}
		f.canvas = chart.Box{Top: ct, Left: cl, Right: right, Bottom: cb}
		// A last label reaching past the box moves the plot's right edge in.
		right -= max(0, f.xl.lastRight(m, xpix)-(W-edge))
		plotH = cb - ct
		if plotH < 2*h {
			return nil, errors.New("the box is too short for the chart")
		}
	}
	h2 := h >> 1
	f.pad = chart.Box{
		IsSet:  true,
		Top:    f.canvas.Top - h2,
		Left:   f.canvas.Left - yAxisMargin - f.ylabelW,
		Right:  W - f.canvas.Right,
		Bottom: H - f.canvas.Bottom - h2,
	}
	if c.spec.YLabel != "" {
		f.ytitle = m.shorten(c.spec.YLabel, f.canvas.Height()+h)
	}
	return f, nil
}

// maxSteps is how many tick steps a plot plotH pixels high holds with
// comfortable space between grid lines.
func maxSteps(plotH, h int) int {
	return min(8, max(2, int(float64(plotH)/(3.2*float64(h)))))
}

// drawYTitle draws the Y axis title turned to read upwards, centred on the
// plot, at the left edge of the box.
func drawYTitle(p *pen, title string) {
	if title == "" {
		return
	}
	w := measurer{p.r, p.fs}.width(title)
	cy := (p.box.Top + p.box.Bottom) / 2
	p.write("ytitle", title, edge+p.ascent(), cy+w/2, -math.Pi/2)
}
