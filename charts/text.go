package charts

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/briefing/report/charts/pdfrender"

	chart "github.com/wcharczuk/go-chart/v2"
)

const ellipsis = "…"

// measurer measures text in the chart's font through the renderer, so that
// the layout matches the font the text is drawn in.
type measurer struct {
	r  textMeter
	fs float64
}

// textMeter is the part of a chart.Renderer that measures text.
type textMeter interface {
	ClearTextRotation()
	SetFontSize(size float64)
	MeasureText(body string) chart.Box
}

// estimate is a textMeter without a font, for sizes planned before there
// is a renderer: 0.55 em per character, about the average of text faces
// (and what the tests' recorder measures).
type estimate struct{ size float64 }

func (e *estimate) ClearTextRotation()    {}
func (e *estimate) SetFontSize(s float64) { e.size = s }
func (e *estimate) MeasureText(s string) chart.Box {
	px := e.size * pdfrender.DPI / 72
	n := float64(utf8.RuneCountInString(s))
	return chart.Box{Right: int(math.Ceil(n * 0.55 * px)), Bottom: int(math.Round(px))}
}

// width returns the advance width of s in pixels.
func (m measurer) width(s string) int {
	if s == "" {
		return 0
	}
	m.r.ClearTextRotation()
	m.r.SetFontSize(m.fs)
	return m.r.MeasureText(s).Width()
}

// height returns the height of a line of text in pixels.
func (m measurer) height() int {
	m.r.ClearTextRotation()
	m.r.SetFontSize(m.fs)
	return max(1, m.r.MeasureText("0").Height())
}

// shorten returns s, or its longest prefix followed by an ellipsis, that is
// at most maxW pixels wide.
func (m measurer) shorten(s string, maxW int) string {
	if m.width(s) <= maxW {
		return s
	}
	runes := []rune(s)
	lo, hi := 0, len(runes) // lo fits, hi does not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if m.width(strings.TrimRight(string(runes[:mid]), " ")+ellipsis) <= maxW {
			lo = mid
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return ellipsis
	}
	return strings.TrimRight(string(runes[:lo]), " ,;:-–") + ellipsis
}

// wrapAll breaks s at spaces into lines no wider than maxW, as many as it
// takes; a word wider than maxW is a line of its own, whole. Nothing is
// shortened.
func (m measurer) wrapAll(s string, maxW int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if cur == "" || m.width(try) <= maxW {
			cur = try
			continue
		}
		lines = append(lines, cur)
		cur = w
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// widest is the width of the widest of lines.
func (m measurer) widest(lines []string) int {
	w := 0
	for _, s := range lines {
		w = max(w, m.width(s))
	}
	return w
}
