package charts

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/internal/exact"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// RGB is an opaque colour.
type RGB struct{ R, G, B uint8 }

// ParseHex reads a colour written as "#RRGGBB" or "#RGB" (the "#" is
// optional, letters in either case).
func ParseHex(s string) (RGB, error) {
	h := strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return RGB{}, fmt.Errorf("invalid colour %q (expected #RRGGBB)", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return RGB{}, fmt.Errorf("invalid colour %q (expected #RRGGBB)", s)
	}
	return RGB{uint8(v >> 16), uint8(v >> 8), uint8(v)}, nil
}

// Hex returns the colour as "#RRGGBB".
func (c RGB) Hex() string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

func (c RGB) color() drawing.Color { return drawing.Color{R: c.R, G: c.G, B: c.B, A: 255} }

// Default colours of text and grid when Style leaves them zero.
var (
	defaultText = RGB{0x33, 0x33, 0x33}
	defaultGrid = RGB{0xD9, 0xD9, 0xD9}
	axisColor   = RGB{0x59, 0x59, 0x59}
)

// AssignColors gives every series label of the charts' results one colour
// for the whole document, so that a label keeps its colour in every chart.
// Pass the results in the order their charts appear. fixed colours (a
// series' own `color:`) are kept; every other label, where it first
// appears, takes the palette colour (DefaultPalette when empty) used by the
// fewest labels so far, among those no other series of the same chart has,
// the earlier in the palette on a tie. So the first labels take the palette
// in order, and two series of one chart share a colour only when the chart
// has more series than the palette has colours. Moving averages are left
// out: a chart draws them in the colour of the series they average. Pass
// the map as Style.Colors to every chart.
func AssignColors(palette []RGB, fixed map[string]RGB, results ...*analysis.Result) map[string]RGB {
	if len(palette) == 0 {
		palette = defaultPalette
	}
	m := make(map[string]RGB, len(fixed))
	uses := make(map[RGB]int)
	for label, c := range fixed {
		m[label] = c
		uses[c]++
	}
	for _, res := range results {
		if res == nil {
			continue
		}
		taken := make(map[RGB]bool)
		for _, s := range res.Series {
			if c, ok := m[s.Label]; ok && s.AverageOf == "" {
				taken[c] = true
			}
		}
		for _, s := range byTotal(res.Series) {
			if _, ok := m[s.Label]; ok || s.AverageOf != "" {
				continue
			}
			if s.Other || s.Label == otherCategory {
				m[s.Label] = OtherColor
				continue
			}
			best := -1
			for _, free := range []bool{true, false} { // a colour the chart lacks, else any
				for i, c := range palette {
					if (!free || !taken[c]) && (best < 0 || uses[c] < uses[palette[best]]) {
						best = i
					}
				}
				if best >= 0 {
					break
				}
			}
			c := palette[best]
			m[s.Label], taken[c] = c, true
			uses[c]++
		}
	}
	return m
}

// seriesColors returns one colour per series: Style.Colors first (unless an
// earlier series of the chart already has that colour), then the palette in
// order, skipping colours the chart already uses while unused ones remain;
// a moving average takes the colour of the series it averages.
func seriesColors(series []plotSeries, st Style) []RGB {
	palette := st.Palette
	if len(palette) == 0 {
		palette = defaultPalette
	}
	out := make([]RGB, len(series))
	set := make([]bool, len(series))
	used := make(map[RGB]bool)
	for i, s := range series {
		if c, ok := st.Colors[s.Label]; ok && s.AverageOf == "" && !used[c] {
			out[i], set[i], used[c] = c, true, true
		}
	}
	next := 0
	for i, s := range series {
		if set[i] || s.AverageOf != "" {
			continue
		}
		if s.Other || s.Label == otherCategory {
			out[i], set[i] = OtherColor, true
			continue
		}
		c := palette[next%len(palette)]
		for tries := 0; used[c] && tries < len(palette); tries++ {
			next++
			c = palette[next%len(palette)]
		}
		next++
		out[i], set[i], used[c] = c, true, true
	}
	for i, s := range series {
		if s.AverageOf == "" {
			continue
		}
		out[i] = palette[0]
		for j, b := range series {
			if b.Label == s.AverageOf && b.AverageOf == "" {
				out[i] = out[j]
				break
			}
		}
		if c, ok := st.Colors[s.AverageOf]; ok && !hasLabel(series, s.AverageOf) {
			out[i] = c
		}
	}
	return out
}

// byTotal returns the series ordered by their totals, largest first (in
// their own order on a tie), so that the strongest palette colours go to
// the largest series.
func byTotal(series []analysis.Series) []analysis.Series {
	out := slices.Clone(series)
	totals := make(map[string]exact.Number, len(out))
	for _, s := range out {
		totals[s.Label] = s.Total()
	}
	slices.SortStableFunc(out, func(a, b analysis.Series) int { return totals[b.Label].Cmp(totals[a.Label]) })
	return out
}

func hasLabel(series []plotSeries, label string) bool {
	for _, s := range series {
		if s.Label == label {
			return true
		}
	}
	return false
}
