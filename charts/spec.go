package charts

import (
	"fmt"
	"strings"

	"github.com/briefing/report/analysis"
)

// Spec is what a config's `charts:` entry says about one chart.
type Spec struct {
	// ID is the chart's name in the config.
	ID string
	// Type is one of SupportedTypes, or "" for the default for the result:
	// line for a timed trend, stacked-bar for a frequency with more than one
	// series, bar for other frequencies and for categorical results.
	Type string
	// YLabel is the Y axis title, drawn turned along the axis.
	YLabel string
	// Annotations are labelled vertical lines on a timed X axis.
	Annotations []Annotation
}

// Annotation is a labelled vertical line at X, a year on a timed axis
// (2014; 2014.5 is mid-2014). An annotation outside the chart's years is
// left out, so a past period regenerates without error.
type Annotation struct {
	X     float64
	Label string
}

// Style is the document's look, shared by every chart.
type Style struct {
	// FontFamily names a font already registered on the pdf (UTF-8 TTF).
	FontFamily string
	// FontSize is the size of tick labels, legend and annotations in
	// points; 0 means 8, and sizes under 7 are raised to 7.
	FontSize float64
	// Palette is the brand palette; empty means OkabeIto().
	Palette []RGB
	// Colors maps a series label to its colour; it wins over the palette
	// order so a label keeps one colour across charts.
	Colors map[string]RGB
	// TextColor and GridColor colour the chart's text and grid lines; the
	// zero RGB means dark grey text and a light grey grid.
	TextColor, GridColor RGB
}

// Minimum and default font sizes, in points.
const (
	MinFontSize     = 7.0
	DefaultFontSize = 8.0
)

func (s Style) normalized() Style {
	if s.FontSize == 0 {
		s.FontSize = DefaultFontSize
	}
	if s.FontSize < MinFontSize {
		s.FontSize = MinFontSize
	}
	if s.TextColor == (RGB{}) {
		s.TextColor = defaultText
	}
	if s.GridColor == (RGB{}) {
		s.GridColor = defaultGrid
	}
	return s
}

// plannedTypes are named in the product contract but not drawn yet.
var plannedTypes = []string{"grouped-bar", "hbar", "donut"}

// SupportedTypes returns the chart types New accepts, in a stable order.
func SupportedTypes() []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = k.name
	}
	return out
}

// defaultType is the chart type of Spec.Type "" for res.
func defaultType(res *analysis.Result) string {
	switch {
	case res.Timed && res.Kind == "frequency" && len(res.Series) > 1:
		return "stacked-bar"
	case res.Timed && res.Kind == "frequency":
		return "bar"
	case res.Timed:
		return "line"
	}
	return "bar"
}

// lookupKind finds the builder of a chart type.
func lookupKind(name string) (kind, error) {
	for _, k := range kinds {
		if k.name == name {
			return k, nil
		}
	}
	supported := strings.Join(SupportedTypes(), ", ")
	for _, p := range plannedTypes {
		if p == name {
			return kind{}, fmt.Errorf("chart type %q is not available yet (supported: %s)", name, supported)
		}
	}
	if s := closest(name, append(SupportedTypes(), plannedTypes...)); s != "" {
		return kind{}, fmt.Errorf("unknown chart type %q; did you mean %q?", name, s)
	}
	return kind{}, fmt.Errorf("unknown chart type %q (supported: %s)", name, supported)
}

// closest returns the candidate nearest to s by edit distance, if it is near
// enough to be a typo.
func closest(s string, candidates []string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	best, bestD := "", 0
	for _, c := range candidates {
		if s != "" && strings.HasPrefix(c, s) {
			return c
		}
		d := editDistance(s, c)
		if best == "" || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD <= 2 || bestD*3 <= len(best) {
		return best
	}
	return ""
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
