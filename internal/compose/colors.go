package compose

import (
	"github.com/briefing/report/analysis"
	"github.com/briefing/report/charts"
	"github.com/briefing/report/config"
	"github.com/briefing/report/layouts"
)

// chartStyle gives every series label one colour for the whole document:
// a series' own `color` first, else the next palette colour in the order
// the labels first appear in the briefing's charts.
func chartStyle(c *config.Config, res *analysis.Results, brand layouts.Brand) charts.Style {
	var palette []charts.RGB
	for _, h := range c.Brand.Palette {
		if rgb, err := charts.ParseHex(h); err == nil {
			palette = append(palette, rgb)
		}
	}
	colors := map[string]charts.RGB{}
	for _, name := range c.AnalysisNames() {
		for _, s := range c.Analyses[name].Series {
			if rgb, err := charts.ParseHex(s.Color); err == nil && s.Color != "" {
				colors[s.Label] = rgb
			}
		}
	}
	next := 0
	for _, s := range c.Sections {
		for _, b := range s.Blocks {
			if b.Kind != config.BlockChart {
				continue
			}
			r := res.Analyses[c.Charts[b.Chart].Analysis]
			if r == nil || len(palette) == 0 {
				continue
			}
			labels := seriesLabels(r)
			for _, label := range labels {
				if _, ok := colors[label]; ok {
					continue
				}
				colors[label] = palette[next%len(palette)]
				next++
			}
		}
	}
	return charts.Style{
		FontFamily: layouts.FontFamily,
		FontSize:   8,
		Palette:    palette,
		Colors:     colors,
		TextColor:  charts.RGB{R: 0x22, G: 0x22, B: 0x22},
		GridColor:  charts.RGB{R: 0xDD, G: 0xDD, B: 0xDD},
	}
}

// seriesLabels lists what a chart of r colours: its series, or for a
// single-series categorical result its categories.
func seriesLabels(r *analysis.Result) []string {
	var out []string
	for _, s := range r.Series {
		if s.AverageOf == "" {
			out = append(out, s.Label)
		}
	}
	return out
}
