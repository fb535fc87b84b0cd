package charts

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/briefing/report/charts/pdfrender"
	chart "github.com/wcharczuk/go-chart/v2"
)

// hbar sizes, in text heights unless said otherwise.
const (
	hbarPitch      = 1.9  // preferred row of one bar
	hbarMinPitch   = 1.25 // least row of one bar: labels stay apart
	hbarBarPitch   = 1.2  // preferred per bar in a row of several
	hbarMinBar     = 1.05 // least per bar in a row of several: a value label's height
	hbarRowGap     = 0.5  // between rows of several bars
	hbarThickness  = 0.68 // share of a one-bar row that the bar fills
	hbarMaxBar     = 2.2  // thickest bar
	hbarGap        = 0.5  // from a label to its bar, from a bar to its value
	hbarLabelShare = 0.38 // share of the width category labels may take
	// hbarWideLabelShare is taken instead when it puts the labels on
	// fewer lines
	hbarWideLabelShare = 0.5
	hbarMinRowsMM      = 30.0 // the rows of a short hbar want at least this height
)

// hbar draws keys as rows of horizontal bars, top to bottom: a count's
// categories sorted by value (of the first series), largest first; times
// and compare periods in their own order. Category labels sit on the left,
// right-aligned and wrapped onto more lines when long (never shortened); each bar's value
// is printed at its end, and a negative bar grows left from the zero line.
// With several series each row holds a bar per series, and a legend above
// names them. The chart grows with the number of rows: see preferredHeight.
type hbar struct {
	m      *model
	idx    []int // the series drawn
	order  []int // the keys, top to bottom
	lo, hi float64
	format func(float64) string
	title  string
}

func buildHBar(m *model, spec Spec) (ownChart, error) {
	b := &hbar{m: m, idx: rawSeries(m), title: spec.YLabel}
	n := m.x.n()
	b.order = make([]int, n)
	for i := range b.order {
		b.order[i] = i
	}
	if m.sortable {
		first := m.series[b.idx[0]].Values
		sort.SliceStable(b.order, func(i, j int) bool {
			a, c := first[b.order[i]], first[b.order[j]]
			if isGap(a) || isGap(c) {
				return !isGap(a) && isGap(c)
			}
			return a > c
		})
	}
	var all []float64
	for _, i := range b.idx {
		for _, v := range m.series[i].Values {
			if !isGap(v) {
				b.lo, b.hi = math.Min(b.lo, v), math.Max(b.hi, v)
			}
		}
		all = append(all, m.series[i].Values...)
	}
	if b.lo == b.hi {
		b.hi = 1 // all zero: an axis for nothing
	}
	b.format = m.valueFormat(all)
	return b, nil
}

// hbarLayout is an hbar laid out in a box.
type hbarLayout struct {
	h       int
	legend  legendLayout
	top     float64    // of the first row
	pitch   float64    // row height
	bar     float64    // bar thickness
	labels  [][]string // each row's label, on one or more lines
	labelR  int        // right end of the category labels
	xa, xb  int        // columns of the lowest and highest value
	bottom  int        // of the last row
	title   string
	titleX  int
	titleY  int
	valueGp int
}

func (b *hbar) legendItems() []legendItem {
	if len(b.idx) < 2 {
		return nil
	}
	var out []legendItem
	for _, i := range b.idx {
		out = append(out, legendItem{label: b.m.series[i].Label, color: b.m.colors[i].color(), mark: markBox})
	}
	return out
}

// rowPitch is the height of a row, preferred or least.
func (b *hbar) rowPitch(h int, least bool, lines int) float64 {
	k, hf := float64(len(b.idx)), float64(h)
	text := (float64(lines-1)*lineHeight + hbarMinPitch) * hf // a label of lines lines
	switch {
	case k == 1 && least:
		return math.Max(hbarMinPitch*hf, text)
	case k == 1:
		return math.Max(hbarPitch*hf, text)
	case least:
		return math.Max((k*hbarMinBar+hbarRowGap)*hf, text)
	}
	return math.Max((k*hbarBarPitch+hbarRowGap)*hf, text)
}

// wrapLabels breaks the category labels, top to bottom, into lines that
// fit the label column (hbarLabelShare of W), never shortening one; it
// returns them with the most lines a label takes.
func (b *hbar) wrapLabels(m measurer, W int) ([][]string, int) {
	var best [][]string
	bestMost := 0
	// a wider label column when that saves lines (and so height)
	for _, share := range []float64{hbarLabelShare, hbarWideLabelShare} {
		maxW := int(share * float64(W))
		var out [][]string
		most := 1
		for _, k := range b.order {
			lines := m.wrapAll(b.m.x.labels[k], maxW)
			out = append(out, lines)
			most = max(most, len(lines))
		}
		if best == nil || most < bestMost {
			best, bestMost = out, most
		}
	}
	return best, bestMost
}

// maxPitch is the row height past which bars would be too thick.
func (b *hbar) maxPitch(h int) float64 {
	k, hf := float64(len(b.idx)), float64(h)
	if k == 1 {
		return hbarMaxBar * hf / hbarThickness
	}
	return (k*hbarMaxBar + hbarRowGap) * hf
}

// chrome returns the legend and the room above and below the rows.
func (b *hbar) chrome(m measurer, W int) (lg legendLayout, above, below int) {
	h := m.height()
	above, below = edge, edge
	if items := b.legendItems(); len(items) > 0 {
		lg = layoutLegend(m, items, edge, W-edge)
		above += lg.height + int(0.8*float64(h))
	}
	if b.title != "" {
		below += h + h/2
	}
	return lg, above, below
}

func (b *hbar) preferredHeight(m measurer, W int) int {
	_, above, below := b.chrome(m, W)
	_, lines := b.wrapLabels(m, W)
	rows := float64(b.m.x.n()) * b.rowPitch(m.height(), false, lines)
	rows = max(rows, min(hbarMinRowsMM*pdfrender.PixelsPerMM, float64(b.m.x.n())*b.maxPitch(m.height())))
	return above + int(math.Ceil(rows)) + below
}

func px2mm(px int) float64 { return float64(px) / pdfrender.PixelsPerMM }

func (b *hbar) layout(m measurer, W, H int) (*hbarLayout, error) {
	h := m.height()
	hf := float64(h)
	lg, above, below := b.chrome(m, W)
	n := b.m.x.n()
	l := &hbarLayout{h: h, legend: lg, valueGp: max(2, int(hbarGap*hf))}
	room := float64(H - above - below)
	labels, lines := b.wrapLabels(m, W)
	least := b.rowPitch(h, true, lines)
	if room < least*float64(n) {
		need := above + below + int(math.Ceil(least*float64(n)))
		return nil, fmt.Errorf("the box is too short for %d rows of bars: %.0f mm high, they need %.0f mm (leave the chart's height unset or raise it)", n, px2mm(H), px2mm(need))
	}
	l.pitch = math.Min(room/float64(n), math.Max(b.maxPitch(h), least))
	if k := float64(len(b.idx)); k == 1 {
		l.bar = math.Min(hbarThickness*l.pitch, hbarMaxBar*hf)
	} else {
		l.bar = math.Min((l.pitch-hbarRowGap*hf)/k, hbarMaxBar*hf)
	}
	// The rows sit in the middle of the room they do not fill.
	l.top = float64(above) + (room-l.pitch*float64(n))/2
	l.bottom = int(math.Round(l.top + l.pitch*float64(n)))

	labelW := 0
	for _, ls := range labels {
		labelW = max(labelW, m.widest(ls))
	}
	l.labels = labels
	l.labelR = edge + labelW
	negW, posW := 0, 0
	for _, i := range b.idx {
		for _, v := range b.m.series[i].Values {
			w := m.width(b.format(v))
			if v < 0 {
				negW = max(negW, w)
			} else {
				posW = max(posW, w)
			}
		}
	}
	gap := l.valueGp
	l.xa = l.labelR + gap
	if negW > 0 {
		l.xa += negW + gap
	}
	l.xb = W - edge
	if posW > 0 {
		l.xb -= posW + gap
	}
	if l.xb-l.xa < 4*h {
		return nil, errors.New("the box is too narrow for the chart")
	}
	if b.title != "" {
		l.title = m.shorten(b.title, W-2*edge)
		w := m.width(l.title)
		l.titleX = max(edge, min((l.xa+l.xb-w)/2, W-edge-w))
		l.titleY = l.bottom + h/2 + ascent(h)
	}
	return l, nil
}

// x returns the column of value v.
func (l *hbarLayout) x(b *hbar, v float64) int {
	return l.xa + int(math.Round((v-b.lo)/(b.hi-b.lo)*float64(l.xb-l.xa)))
}

// textBase is the baseline that centres a line of text on row cy.
func textBase(cy float64, h int) int { return int(math.Round(cy + 0.36*float64(h))) }

func (b *hbar) render(r chart.Renderer, W, H int) (*frame, error) {
	st := b.m.style
	m := measurer{r: r, fs: st.FontSize}
	l, err := b.layout(m, W, H)
	if err != nil {
		return nil, err
	}
	box := chart.Box{Top: int(math.Round(l.top)), Left: l.xa, Right: l.xb, Bottom: l.bottom}
	f := &frame{style: st, fs: st.FontSize, h: l.h, W: W, H: H, canvas: box, drawn: box}
	p := plainPen(r, box, st, l.h)
	l.legend.draw(p, edge)
	k := float64(len(b.idx))
	sep := 0.0
	if k > 1 && l.bar >= 4 {
		sep = 1
	}
	x0 := l.x(b, 0)
	for row, key := range b.order {
		cy := l.top + (float64(row)+0.5)*l.pitch
		ls := l.labels[row]
		for j, s := range ls {
			ly := cy + (float64(j)-float64(len(ls)-1)/2)*float64(l.h)*lineHeight
			p.write("category", s, l.labelR-m.width(s), textBase(ly, l.h), 0)
		}
		for j, i := range b.idx {
			v := b.m.series[i].Values[key]
			y0 := cy - l.bar*k/2 + float64(j)*l.bar
			if !isGap(v) && v != 0 {
				p.fill("bar", b.m.colors[i].color())
				p.rect(x0, int(math.Round(y0)), l.x(b, v), int(math.Round(y0+l.bar-sep)))
			}
			text := b.format(v)
			tx := x0 + l.valueGp
			if !isGap(v) && v < 0 {
				tx = l.x(b, v) - l.valueGp - m.width(text)
			} else if !isGap(v) {
				tx = l.x(b, v) + l.valueGp
			}
			p.write("value", text, tx, textBase(y0+(l.bar-sep)/2, l.h), 0)
		}
	}
	p.stroke("axis", axisColor.color(), 1.5, nil)
	p.line(x0, box.Top, x0, box.Bottom)
	if l.title != "" {
		p.write("ytitle", l.title, l.titleX, l.titleY, 0)
	}
	return f, nil
}
