package layouts

import "fmt"

// Type sizes in points and spacing in millimetres. One place, so the
// hierarchy can be read at a glance.
const (
	bodySize    = 10.5 // narrative
	bodyLeading = 1.42 // line height / size
	paraAfter   = 2.8  // space after a paragraph
	itemAfter   = 1.2  // space after a tight list item

	h1Size, h1Before, h1After = 15.0, 9.0, 4.0 // "1 Key judgments"
	h2Size, h2Before, h2After = 12.0, 6.0, 2.2 // "1.1 ..."
	h3Size, h3Before, h3After = 10.5, 4.5, 1.6 // "1.1.1 ..."

	listIndent  = 6.5 // hanging indent per list level
	quoteIndent = 6.0 // left indent per block-quote level

	captionTitleSize = 9.5 // "Figure 1. ..." and "Table 1. ..."
	captionSize      = 8.5 // figure caption (italic)
	sourceSize       = 7.5 // "Source: ..."
	tableSize        = 8.5 // table cells
	tableLeading     = 1.3
	tablePadX        = 1.8
	tablePadY        = 1.2

	noteSize  = 9.0 // endnotes
	smallSize = 7.5 // running header, footer, banner
)

// theme is the brand turned into the colours the blocks use.
type theme struct {
	primary, accent RGB
	text            RGB // body text, near-black
	muted           RGB // secondary text
	rule            RGB // thin rules
	tint            RGB // callout fill: a light tint of primary
	zebra           RGB // alternate table rows
	codeBg          RGB
	watermark       RGB
	justify         bool
}

func newTheme(b Brand) theme {
	p, a := b.Primary, b.Accent
	if p == (RGB{}) && a == (RGB{}) {
		p, a = RGB{0x0B, 0x3D, 0x5C}, RGB{0xC8, 0x10, 0x2E}
	}
	return theme{
		primary:   p,
		accent:    a,
		text:      RGB{0x22, 0x22, 0x22},
		muted:     RGB{0x5F, 0x63, 0x68},
		rule:      RGB{0xC4, 0xC9, 0xCE},
		tint:      mix(p, RGB{255, 255, 255}, 0.92),
		zebra:     mix(p, RGB{255, 255, 255}, 0.955),
		codeBg:    RGB{0xF2, 0xF3, 0xF4},
		watermark: RGB{0x78, 0x78, 0x78}, // drawn at watermarkAlpha
		justify:   true,
	}
}

// mix blends a towards b by t (0 = a, 1 = b).
func mix(a, b RGB, t float64) RGB {
	f := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + 0.5) }
	return RGB{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B)}
}

// onColor is white or near-black, whichever reads better on c.
func onColor(c RGB) RGB {
	l := 0.2126*float64(c.R) + 0.7152*float64(c.G) + 0.0722*float64(c.B)
	if l > 150 {
		return RGB{0x1A, 0x1A, 0x1A}
	}
	return RGB{255, 255, 255}
}

// geometry is the page and its regions, in millimetres.
type geometry struct {
	w, h        float64
	margin      float64 // left and right
	banner      float64 // classification band height (0 = none)
	top, bottom float64 // body frame top and bottom (y)
	headerY     float64 // running header baseline
	footerY     float64 // footer baseline
	coverBandH  float64 // coloured band at the bottom of the cover
	coverTop    float64 // cover frame top
	coverBottom float64 // cover frame bottom
	frameW      float64
}

func newGeometry(pageSize, classification string) (geometry, error) {
	var g geometry
	switch pageSize {
	case "", "A4", "a4":
		g.w, g.h = 210, 297
	case "Letter", "letter", "LETTER":
		g.w, g.h = 215.9, 279.4
	default:
		return g, fmt.Errorf("page size %q: want A4 or Letter", pageSize)
	}
	g.margin = 22
	if classification != "" {
		g.banner = 6
	}
	g.headerY = g.banner + 11
	g.top = g.banner + 20
	g.footerY = g.h - g.banner - 8.5
	g.bottom = g.h - g.banner - 17
	g.frameW = g.w - 2*g.margin
	g.coverBandH = 30
	g.coverTop = g.banner + 16
	g.coverBottom = g.h - g.banner - g.coverBandH - 10
	return g, nil
}
