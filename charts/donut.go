package charts

import (
	"errors"
	"fmt"
	"math"
	"sort"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Donut sizes; lengths in text heights.
const (
	maxSlices     = 8    // more categories than this (or than palette colours) fold into "Other"
	holeShare     = 0.58 // the hole's radius, of the ring's
	donutPitch    = 1.55 // legend row
	donutGap      = 2.0  // from the ring to the legend
	donutColGap   = 1.2  // between legend columns
	donutMinRing  = 6.0  // least ring diameter
	donutTotalFS  = 1.5  // the total in the hole, in font sizes
	otherCategory = "Other"
)

// otherColor fills the "Other" slice.
var otherColor = OtherColor

// slice is one part of a donut.
type slice struct {
	label string
	value float64
	color RGB
	other bool // the analysis's folded category or series
}

// donut draws shares of a whole as a ring of slices, largest first,
// clockwise from twelve o'clock, with the total in the hole and a legend
// beside the ring (below it in a narrow box) that gives each slice's
// label, value and percentage. With one series the slices are its keys;
// with several, the series with their totals. Zero and missing values
// leave no slice; past maxSlices (or the palette's length) the smallest
// fold into a grey "Other", as does a category already called Other.
type donut struct {
	m      *model
	slices []slice
	pcts   []int // each slice's share, whole percent adding up to 100
	total  float64
	format func(float64) string
	title  string
}

func buildDonut(m *model, spec Spec) (ownChart, error) {
	var in []slice
	idx := rawSeries(m)
	if len(idx) == 1 {
		for k, v := range m.series[idx[0]].Values {
			in = append(in, slice{label: m.x.labels[k], value: v, other: k < len(m.x.keys) && m.x.keys[k].Other})
		}
	} else {
		for _, i := range idx {
			in = append(in, slice{label: m.series[i].Label, value: m.series[i].Total(), other: m.series[i].Other})
		}
	}
	d := &donut{m: m, title: spec.YLabel}
	var kept []slice
	other := slice{label: m.style.otherLabel(), color: otherColor}
	folded := 0
	var values []float64
	for _, s := range in {
		if isGap(s.value) || s.value == 0 {
			continue
		}
		if s.value < 0 {
			return nil, fmt.Errorf("a donut shows shares of a whole, but %q is %s", s.label, m.valueFormat([]float64{s.value})(s.value))
		}
		d.total += s.value
		values = append(values, s.value)
		if s.other || s.label == otherCategory {
			other.label = s.label
			other.value += s.value
			folded += 2 // keep the name Other
			continue
		}
		kept = append(kept, s)
	}
	if d.total == 0 {
		return nil, errors.New("a donut needs something to share out, but every value is zero or missing")
	}
	sort.SliceStable(kept, func(i, j int) bool { return kept[i].value > kept[j].value })
	palette := m.style.Palette
	if len(palette) == 0 {
		palette = defaultPalette // the colours seriesColors gives the slices
	}
	if limit := min(maxSlices, len(palette)); len(kept) > limit {
		for _, s := range kept[limit:] {
			other.value += s.value
			folded++
		}
		if folded == 1 {
			other.label = kept[limit].label
		}
		kept = kept[:limit]
	}
	pseudo := make([]plotSeries, len(kept))
	for i, s := range kept {
		pseudo[i] = plotSeries{Label: s.label}
	}
	for i, c := range seriesColors(pseudo, m.style) {
		kept[i].color = c
	}
	if other.value > 0 {
		if c, ok := m.style.Colors[other.label]; ok {
			other.color = c
		}
		kept = append(kept, other)
	}
	d.slices = kept
	vals := make([]float64, len(kept))
	for i, s := range kept {
		vals[i] = s.value
	}
	d.pcts = percents(vals)
	d.format = m.valueFormat(values)
	return d, nil
}

// donutLayout is a donut laid out in a box.
type donutLayout struct {
	h          int
	cx, cy     int
	R, r       float64
	rows       [][3]string // label, value, share
	labels     [][]string  // each row's label on one or more lines
	tops       []int       // each row's top, from ly
	lx, ly     int         // legend left and first row's top
	pitch      int
	labelW     int
	valueR     int // right ends of the value and share columns, from lx
	shareR     int
	center     [2]string // the total and its title
	centerSize float64
}

// legendWidths returns the legend's columns: swatch and gap, the widest
// label, value and share.
// share prints slice i's share of the whole in the briefing's language.
func (d *donut) share(i int) string {
	return d.m.style.number(formatPercent(d.pcts[i], d.slices[i].value))
}

func (d *donut) legendWidths(m measurer) (sw, label, value, share int) {
	h := m.height()
	sw = int((swatchBox + swatchGap) * float64(h))
	for i, s := range d.slices {
		label = max(label, m.width(s.label))
		value = max(value, m.width(d.format(s.value)))
		share = max(share, m.width(d.share(i)))
	}
	return
}

func (d *donut) preferredHeight(m measurer, W int) int {
	h := m.height()
	_, full, _, _ := d.legendWidths(m)
	_, _, legendH := d.legendRows(m, min(full, int(0.35*float64(W))))
	return max(legendH+2*edge+h, int(0.38*float64(W)))
}

// legendRows wraps the legend's labels to labelW, never shortening one,
// and returns them with each row's top and the legend's height.
func (d *donut) legendRows(m measurer, labelW int) (labels [][]string, tops []int, height int) {
	h := m.height()
	pitch := int(donutPitch * float64(h))
	y := 0
	for i, s := range d.slices {
		lines := m.wrapAll(s.label, labelW)
		labels = append(labels, lines)
		tops = append(tops, y)
		extra := int(float64((len(lines)-1)*h) * lineHeight)
		height = y + extra + h
		if i < len(d.slices)-1 {
			y += pitch + extra
		}
	}
	return labels, tops, height
}

func (d *donut) layout(m measurer, W, H int) (*donutLayout, error) {
	h := m.height()
	hf := float64(h)
	l := &donutLayout{h: h, pitch: int(donutPitch * hf)}
	sw, fullLabel, valueW, shareW := d.legendWidths(m)
	colGap, gap := int(donutColGap*hf), int(donutGap*hf)
	fixed := sw + colGap + valueW + colGap + shareW
	minRing := int(donutMinRing * hf)

	// Beside the ring if the legend's rows and some of its labels fit.
	l.labelW = min(fullLabel, int(0.35*float64(W)))
	var legendH int
	l.labels, l.tops, legendH = d.legendRows(m, l.labelW)
	D := min(H-2*edge, W-2*edge-gap-fixed-l.labelW)
	side := legendH <= H-2*edge && D >= minRing
	if side {
		group := D + gap + fixed + l.labelW
		x0 := max(edge, (W-group)/2)
		l.cx, l.cy = x0+D/2, H/2
		l.lx, l.ly = x0+D+gap, (H-legendH)/2
	} else {
		l.labelW = min(fullLabel, W-2*edge-fixed)
		l.labels, l.tops, legendH = d.legendRows(m, l.labelW)
		D = min(W-2*edge, H-2*edge-legendH-gap)
		if D < minRing || l.labelW < 2*h {
			return nil, errors.New("the box is too small for the donut and its legend")
		}
		l.cx, l.cy = W/2, edge+D/2
		l.lx, l.ly = max(edge, (W-fixed-l.labelW)/2), edge+D+gap
	}
	l.R = float64(D) / 2
	l.r = l.R * holeShare
	l.valueR = sw + l.labelW + colGap + valueW
	l.shareR = l.valueR + colGap + shareW
	for i, s := range d.slices {
		l.rows = append(l.rows, [3]string{s.label, d.format(s.value), d.share(i)})
	}
	// The total and its title in the hole, if they fit.
	title := d.title
	if title == "" {
		title = "Total"
	}
	l.centerSize = m.fs * donutTotalFS
	big := measurer{r: m.r, fs: l.centerSize}
	room := int(2 * l.r * 0.85)
	total := d.format(d.total)
	if big.width(total) <= room && 2.8*hf <= 2*l.r*0.8 {
		l.center = [2]string{total, m.shorten(title, room)}
	}
	return l, nil
}

func (d *donut) render(r chart.Renderer, W, H int) (*frame, error) {
	st := d.m.style
	m := measurer{r: r, fs: st.FontSize}
	l, err := d.layout(m, W, H)
	if err != nil {
		return nil, err
	}
	R := int(math.Ceil(l.R))
	box := chart.Box{Top: l.cy - R, Left: l.cx - R, Right: l.cx + R, Bottom: l.cy + R}
	f := &frame{style: st, fs: st.FontSize, h: l.h, W: W, H: H, canvas: box, drawn: box}
	p := plainPen(r, box, st, l.h)
	a := -math.Pi / 2
	var cuts []float64
	for _, s := range d.slices {
		delta := 2 * math.Pi * s.value / d.total
		p.fill("slice", s.color.color())
		r.ArcTo(l.cx, l.cy, l.R, l.R, a, delta)
		r.ArcTo(l.cx, l.cy, l.r, l.r, a+delta, -delta)
		r.Close()
		r.Fill()
		cuts = append(cuts, a)
		a += delta
	}
	if len(d.slices) > 1 {
		p.stroke("separator", drawing.ColorWhite, 2, nil)
		for _, c := range cuts {
			sin, cos := math.Sincos(c)
			p.line(l.cx+int(math.Round(l.r*cos)), l.cy+int(math.Round(l.r*sin)),
				l.cx+int(math.Round(l.R*cos)), l.cy+int(math.Round(l.R*sin)))
		}
	}
	if l.center[0] != "" {
		hf := float64(l.h)
		top := float64(l.cy) - 1.35*hf
		big := measurer{r: r, fs: l.centerSize}
		w := big.width(l.center[0])
		p.writeSized("total", l.center[0], l.cx-w/2, int(math.Round(top+0.78*donutTotalFS*hf)), 0, l.centerSize)
		w = m.width(l.center[1])
		p.write("total", l.center[1], l.cx-w/2, int(math.Round(top+(donutTotalFS+0.25)*hf))+ascent(l.h), 0)
	}
	d.drawLegend(p, m, l)
	return f, nil
}

// drawLegend draws the legend rows: swatch, label, value and share, the
// numbers right-aligned in their columns.
func (d *donut) drawLegend(p *pen, m measurer, l *donutLayout) {
	side := int(swatchBox * float64(l.h))
	for i, row := range l.rows {
		base := l.ly + l.tops[i] + ascent(l.h)
		mid := base - int(0.36*float64(l.h))
		p.fill("legend", d.slices[i].color.color())
		p.rect(l.lx, mid-side/2, l.lx+side, mid-side/2+side)
		for k, s := range l.labels[i] {
			p.write("legend", s, l.lx+int((swatchBox+swatchGap)*float64(l.h)), base+int(float64(k*l.h)*lineHeight), 0)
		}
		p.write("legend", row[1], l.lx+l.valueR-m.width(row[1]), base, 0)
		p.write("legend", row[2], l.lx+l.shareR-m.width(row[2]), base, 0)
	}
}
