package charts

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/internal/suggest"
)

// Spec is what a config's `charts:` entry says about one chart.
type Spec struct {
	// ID is the chart's name in the config.
	ID string
	// Type is one of SupportedTypes, or "" for the default for the result
	// (see DefaultType).
	Type string
	// YLabel is the title of the value axis: drawn turned along the Y axis,
	// under the bars of an hbar, in the hole of a donut.
	YLabel string
	// Measure picks what a chart of a compare result draws: "total",
	// "mean" (per interval, the default) or "share" (of all series in the
	// period, in percent). It is an error on other results.
	Measure string
	// Period keeps one period of a compare result, by its label: a donut
	// or a stacked bar of a compare needs it, or it would add the periods
	// together. It is an error on other results.
	Period string
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
	// FontSize is the size of tick labels, legend and annotations in
	// points; 0 means 8, and sizes under 7 are raised to 7.
	FontSize float64
	// Palette is the brand palette; empty means DefaultPalette().
	Palette []RGB
	// Colors maps a series label to its colour; it wins over the palette
	// order so a label keeps one colour across charts.
	Colors map[string]RGB
	// TextColor and GridColor colour the chart's text and grid lines; the
	// zero RGB means dark grey text and a light grey grid.
	TextColor, GridColor RGB
	// Number writes a formatted number ("1,500") as the briefing's
	// language does; nil: as it is.
	Number func(string) string
	// Numerals writes the digits of a year on a time axis as the
	// briefing's language does ("٢٠٢٥"); nil: as they are.
	Numerals func(string) string
	// Other is the briefing's word for the slices a donut folds together
	// ("Other" when empty).
	Other string
}

// otherLabel is the label of a donut's folded slices.
func (s Style) otherLabel() string {
	if s.Other == "" {
		return otherCategory
	}
	return s.Other
}

// number writes s, a formatted number, in the style's language.
func (s Style) number(n string) string {
	if s.Number == nil {
		return n
	}
	return s.Number(n)
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

// SupportedTypes returns the chart types New accepts, in a stable order.
func SupportedTypes() []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = k.name
	}
	return out
}

// Chart measures of a compare result.
const (
	MeasureTotal = "total"
	MeasureMean  = "mean"
	MeasureShare = "share"
)

// Measures returns the values of Spec.Measure, in a stable order.
func Measures() []string { return []string{MeasureTotal, MeasureMean, MeasureShare} }

// A column's slot in characters is estimated for a chart the width of a
// body text column (about 150 mm of plot) with labels of about 1.5 mm a
// character (8 pt): the type is chosen before the chart knows its box.
const (
	nominalPlotMM = 150.0
	charMM        = 1.5
)

// labelsFitColumns reports whether every label wraps into two lines no
// longer than a column's slot of n columns.
func labelsFitColumns(keys []analysis.Key, n int) bool {
	chars := int((nominalPlotMM/float64(n) - 3) / charMM)
	for _, k := range keys {
		lines, cur := 1, 0
		for _, w := range strings.Fields(k.Label) {
			wl := utf8.RuneCountInString(w)
			switch {
			case wl > chars:
				return false
			case cur == 0:
				cur = wl
			case cur+1+wl <= chars:
				cur += 1 + wl
			default:
				lines, cur = lines+1, wl
			}
		}
		if lines > 2 {
			return false
		}
	}
	return true
}

// maxColumns is the number of categories past which a count is drawn as
// horizontal bars.
const maxColumns = 8

// DefaultType returns the chart type of Spec.Type "" for res, by the
// analysis kind: trend → line; frequency → stacked-bar (bar for one series);
// count → hbar for more than 8 categories or a label that does not fit
// its column on two lines, else bar; compare → grouped-bar, or hbar as for
// a count; changes → bar. Results of
// other kinds get line when timed, else bar.
func DefaultType(res *analysis.Result) string {
	switch res.Kind {
	case "trend":
		return "line"
	case "frequency":
		if countRaw(res.Series) > 1 {
			return "stacked-bar"
		}
		return "bar"
	case "count":
		if len(res.Keys) > maxColumns || !labelsFitColumns(res.Keys, len(res.Keys)) {
			return "hbar"
		}
		return "bar"
	case "compare":
		if !labelsFitColumns(res.Keys, len(res.Keys)) {
			return "hbar"
		}
		return "grouped-bar"
	case "changes":
		return "bar"
	}
	if res.Timed {
		return "line"
	}
	return "bar"
}

// countRaw counts the series that are not moving averages.
func countRaw(series []analysis.Series) int {
	n := 0
	for _, s := range series {
		if s.AverageOf == "" {
			n++
		}
	}
	return n
}

// lookupKind finds the builder of a chart type.
func lookupKind(name string) (kind, error) {
	for _, k := range kinds {
		if k.name == name {
			return k, nil
		}
	}
	supported := strings.Join(SupportedTypes(), ", ")
	if s := suggest.Closest(name, SupportedTypes()); s != "" {
		return kind{}, fmt.Errorf("unknown chart type %q; did you mean %q?", name, s)
	}
	return kind{}, fmt.Errorf("unknown chart type %q (supported: %s)", name, supported)
}
