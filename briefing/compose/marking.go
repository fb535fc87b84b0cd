package compose

import (
	"github.com/briefing/report/charts"
	"github.com/briefing/report/config"
	"github.com/briefing/report/layouts"
)

// usColors are the banner colours of the US marking levels, as US
// classification markings show them; text is black where white would not
// reach 4.5:1.
var usColors = map[string]string{
	"UNCLASSIFIED":    "#007A33",
	"CUI":             "#502B85",
	"CONFIDENTIAL":    "#0033A0",
	"SECRET":          "#C8102E",
	"TOP SECRET":      "#FF8C00",
	"TOP SECRET//SCI": "#FCE83A",
}

// neutralBand is the banner of the UK and NATO schemes, which give their
// levels no colours: near-black text on light grey.
const neutralBand = "#E4E4E4"

// bannerColors returns the banner and text colours of the briefing's
// marking: a US level's colour, the neutral grey of the UK and NATO
// schemes, or the brand's accent for custom. The text is white or black,
// whichever contrasts more (at least 4.5:1 for every scheme colour).
func bannerColors(c *config.Config, brand layouts.Brand) (layouts.RGB, layouts.RGB) {
	band := charts.RGB(brand.Accent)
	switch scheme := c.Report.MarkingScheme(); scheme {
	case config.SchemeUS:
		band, _ = charts.ParseHex(usColors[config.USLevel(c.Report.Classification)])
	case config.SchemeUK, config.SchemeNATO:
		band, _ = charts.ParseHex(neutralBand)
	}
	return layouts.RGB(band), layouts.RGB(inkOn(band))
}

// inkOn is white or near-black text, whichever contrasts more with bg.
func inkOn(bg charts.RGB) charts.RGB {
	white, black := charts.RGB{R: 255, G: 255, B: 255}, charts.RGB{R: 0x11, G: 0x11, B: 0x11}
	if charts.Contrast(bg, white) >= charts.Contrast(bg, black) {
		return white
	}
	return black
}
