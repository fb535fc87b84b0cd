package charts

import (
	"math"
)

// X axis spacing, in pixels.
const (
	tickLen    = 5 // tick marks below a line chart's axis
	labelGap   = 4 // between the axis and its labels
	lineHeight = 1.15
)

// xLabels are the X axis labels as laid out under the plot.
type xLabels struct {
	idx      []int      // the keys labelled
	lines    [][]string // their text, one or more lines each
	vertical bool       // turned to read upwards, ending at the axis
	tooLong  string     // a label that does not fit even upright
	height   int        // of the label block, pixels
	h        int
}

// fitXLabels lays out the labels of ax under a plot plotW pixels wide.
// Times are thinned to round strides (every 5th year, ...); categories are
// all labelled: on one line, on two, turned upright, and only if even that
// crowds, every k-th. No label is shortened: one too long to stand upright
// in maxVert is named in tooLong.
func fitXLabels(m measurer, ax xAxis, p *plot, plotW, maxVert int) xLabels {
	h := m.height()
	l := xLabels{h: h}
	n := ax.n()
	span := float64(n - 1)
	if p.band || n == 1 {
		span = float64(n)
	}
	slot := float64(plotW) / math.Max(span, 1)
	gap := float64(h) * 0.8
	widths := make([]int, n)
	for i, s := range ax.labels {
		widths[i] = m.width(s)
	}
	if ax.timed {
		k := ax.strides[len(ax.strides)-1]
		for _, s := range ax.strides {
			if fitsEvery(ax.shown(s), widths, slot, gap) {
				k = s
				break
			}
		}
		l.idx = ax.shown(k)
		for _, i := range l.idx {
			l.lines = append(l.lines, []string{ax.labels[i]})
		}
		l.height = h
		return l
	}
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	l.idx = all
	if fitsEvery(all, widths, slot, gap) {
		for _, s := range ax.labels {
			l.lines = append(l.lines, []string{s})
		}
		l.height = h
		return l
	}
	if slot >= 5*float64(h) {
		maxW := int(slot - gap)
		lines, fit := 1, true
		var wrapped [][]string
		for _, s := range ax.labels {
			w := m.wrapAll(s, maxW)
			fit = fit && len(w) <= 2 && m.widest(w) <= maxW
			wrapped = append(wrapped, w)
			lines = max(lines, len(w))
		}
		if fit {
			l.lines = wrapped
			l.height = h + int(float64((lines-1)*h)*lineHeight)
			return l
		}
	}
	// upright, whole: a label is never cut (too long for the room is the
	// caller's error)
	l.vertical = true
	if k := int(math.Ceil(1.3 * float64(h) / slot)); k > 1 {
		l.idx = l.idx[:0]
		for i := 0; i < n; i += k {
			l.idx = append(l.idx, i)
		}
	}
	room := slot * float64(max(1, stride(l.idx)))
	for _, i := range l.idx {
		s := ax.labels[i]
		lines := []string{s}
		if m.width(s) > maxVert {
			lines = m.wrapAll(s, maxVert) // upright lines side by side
		}
		if (m.widest(lines) > maxVert || float64(len(lines))*float64(h)*lineHeight > room) && l.tooLong == "" {
			l.tooLong = s
		}
		l.lines = append(l.lines, lines)
		l.height = max(l.height, m.widest(lines))
	}
	return l
}

// stride is the step between the labelled keys.
func stride(idx []int) int {
	if len(idx) < 2 {
		return 1
	}
	return idx[1] - idx[0]
}

// fitsEvery reports whether labels at idx, centred slot pixels apart per
// index step, keep gap pixels between them.
func fitsEvery(idx, widths []int, slot, gap float64) bool {
	for j := 1; j < len(idx); j++ {
		room := float64(idx[j]-idx[j-1]) * slot
		if float64(widths[idx[j-1]]+widths[idx[j]])/2+gap > room {
			return false
		}
	}
	return true
}

// xLabelOffset is the distance from the bottom of the plot to the top of the
// X labels: below the tick marks, and below the lowest Y label, which is
// centred on the bottom of the plot.
func xLabelOffset(h int) int {
	return max(tickLen+labelGap, h/2+labelGap)
}

// lastRight is the right end of the last label, with xpix placing keys.
func (l xLabels) lastRight(m measurer, xpix func(float64) int) int {
	if len(l.idx) == 0 || l.vertical {
		return 0
	}
	j := len(l.idx) - 1
	w := 0
	for _, s := range l.lines[j] {
		w = max(w, m.width(s))
	}
	return xpix(float64(l.idx[j])) + (w+1)/2
}

// drawXAxis draws the zero line, tick marks under a line chart's labelled
// points and the labels.
func drawXAxis(p *pen, l xLabels, band bool) {
	p.stroke("axis", axisColor.color(), 1.5, nil)
	y0 := p.y(0)
	p.line(p.box.Left, y0, p.box.Right, y0)
	if !band {
		p.stroke("axis", axisColor.color(), 1, nil)
		for _, i := range l.idx {
			x := p.x(float64(i))
			p.line(x, p.box.Bottom, x, p.box.Bottom+tickLen)
		}
	}
	top := p.box.Bottom + xLabelOffset(p.h)
	m := measurer{p.r, p.fs}
	for j, i := range l.idx {
		x := p.x(float64(i))
		if l.vertical {
			n := len(l.lines[j])
			for k, s := range l.lines[j] {
				dx := (float64(k) - float64(n-1)/2) * float64(p.h) * lineHeight
				p.write("xlabel", s, x+int(dx+0.36*float64(p.h)), top+m.width(s), -math.Pi/2)
			}
			continue
		}
		for k, s := range l.lines[j] {
			w := m.width(s)
			left := max(edge, x-w/2) // the first label may not pass the box
			base := top + p.ascent() + int(float64(k*p.h)*lineHeight)
			p.write("xlabel", s, left, base, 0)
		}
	}
}
