package compose

import (
	"strings"

	"github.com/briefing/report/analysis"
	"github.com/briefing/report/charts"
	"github.com/briefing/report/config"
	"github.com/briefing/report/layouts"
)

// chartStyle gives every series label one colour for the whole document:
// a series' own `color` first, else a palette colour picked in the order
// the charts appear, so that no chart draws two series alike.
func chartStyle(c *config.Config, res *analysis.Results, brand layouts.Brand) charts.Style {
	palette := brandPalette(c)
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
		FontSize:  8,
		Palette:   palette,
		Colors:    charts.AssignColors(palette, fixed, drawn...),
		TextColor: charts.RGB{R: 0x22, G: 0x22, B: 0x22},
		GridColor: charts.RGB{R: 0xDD, G: 0xDD, B: 0xDD},
	}
}

// checkPalette warns of a brand palette that some readers cannot read: a
// colour too pale against the page, or two colours (the grey of "Other"
// among them) that look alike with a colour-vision deficiency.
func checkPalette(c *config.Config) config.Problems {
	palette := brandPalette(c)
	if len(palette) == 0 {
		return nil
	}
	var ps config.Problems
	for _, msg := range charts.CheckPalette(append(palette, charts.OtherColor)) {
		ps = append(ps, c.Warningf("brand.palette", "%s", strings.Replace(msg, charts.OtherColor.Hex(), charts.OtherColor.Hex()+` (the grey of "Other")`, 1)))
	}
	return ps
}

// brandPalette is brand.palette as colours (config validation has reported
// any that is not one).
func brandPalette(c *config.Config) []charts.RGB {
	var palette []charts.RGB
	for _, h := range c.Brand.Palette {
		if rgb, err := charts.ParseHex(h); err == nil {
			palette = append(palette, rgb)
		}
	}
	return palette
}
