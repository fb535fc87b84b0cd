package compose

import (
	"github.com/briefing/report/analysis"
	"github.com/briefing/report/charts"
	"github.com/briefing/report/config"
	"github.com/briefing/report/layouts"
)

// chartStyle gives every series label one colour for the whole document:
// a series' own `color` first, else a palette colour picked in the order
// the charts appear, so that no chart draws two series alike.
func chartStyle(c *config.Config, res *analysis.Results, brand layouts.Brand) charts.Style {
	var palette []charts.RGB
	for _, h := range c.Brand.Palette {
		if rgb, err := charts.ParseHex(h); err == nil {
			palette = append(palette, rgb)
		}
	}
	fixed := map[string]charts.RGB{}
	for _, name := range c.AnalysisNames() {
		for _, s := range c.Analyses[name].Series {
			if rgb, err := charts.ParseHex(s.Color); err == nil && s.Color != "" {
				fixed[s.Label] = rgb
			}
		}
	}
	var drawn []*analysis.Result
	for _, s := range c.Sections {
		for _, b := range s.Blocks {
			if b.Kind == config.BlockChart {
				drawn = append(drawn, res.Analyses[c.Charts[b.Chart].Analysis])
			}
		}
	}
	return charts.Style{
		FontFamily: layouts.FontFamily,
		FontSize:   8,
		Palette:    palette,
		Colors:     charts.AssignColors(palette, fixed, drawn...),
		TextColor:  charts.RGB{R: 0x22, G: 0x22, B: 0x22},
		GridColor:  charts.RGB{R: 0xDD, G: 0xDD, B: 0xDD},
	}
}
