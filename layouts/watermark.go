package layouts

import (
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// watermarkAlpha is the opacity of the watermark. It lies above the
// content: grey at this opacity lightens white paper to about 240 and
// black text by a shade, and stays visible on shaded boxes and table rows.
const watermarkAlpha = 0.12

// watermark draws word large and translucent across the page diagonal.
// The letters are drawn as outlines (paths from the bold font's glyphs),
// not as text: they mark the page without entering its extracted text.
func (c *canvas) watermark(word string) error {
	g := c.e.geo
	sf := c.e.fonts.faces[1].sf
	var buf sfnt.Buffer
	const ppem = 1000 // glyph units per em for the outlines
	type glyph struct {
		segs sfnt.Segments
		x    float64
	}
	var gs []glyph
	adv := 0.0
	for _, r := range word {
		idx, err := sf.GlyphIndex(&buf, r)
		if err != nil || idx == 0 {
			continue
		}
		segs, err := sf.LoadGlyph(&buf, idx, fixed.I(ppem), nil)
		if err != nil {
			return err
		}
		a, err := sf.GlyphAdvance(&buf, idx, fixed.I(ppem), font.HintingNone)
		if err != nil {
			return err
		}
		gs = append(gs, glyph{append(sfnt.Segments(nil), segs...), adv})
		adv += float64(a) / 64
	}
	if adv == 0 {
		return nil
	}
	angle := math.Atan2(g.h, g.w)
	diag := math.Hypot(g.w, g.h)
	scale := diag * 0.55 / adv // mm per glyph unit
	capH := 0.72 * ppem * scale
	cx, cy := g.w/2, g.h/2
	cos, sin := math.Cos(angle), math.Sin(angle)
	// point maps glyph units (y down, baseline 0) to the page, rotated
	// about the centre so that the text rises from bottom-left to top-right
	point := func(p fixed.Point26_6, x0 float64) (float64, float64) {
		x := (x0+float64(p.X)/64)*scale - adv*scale/2
		y := float64(p.Y)/64*scale + capH/2
		return cx + x*cos + y*sin, cy - x*sin + y*cos
	}
	c.fillColor(c.e.th.watermark)
	c.pdf.SetAlpha(watermarkAlpha, "Normal")
	defer c.pdf.SetAlpha(1, "Normal")
	for _, gl := range gs {
		open := false
		for _, s := range gl.segs {
			switch s.Op {
			case sfnt.SegmentOpMoveTo:
				if open {
					c.pdf.ClosePath()
				}
				x, y := point(s.Args[0], gl.x)
				c.pdf.MoveTo(x, y)
				open = true
			case sfnt.SegmentOpLineTo:
				x, y := point(s.Args[0], gl.x)
				c.pdf.LineTo(x, y)
			case sfnt.SegmentOpQuadTo:
				x1, y1 := point(s.Args[0], gl.x)
				x, y := point(s.Args[1], gl.x)
				c.pdf.CurveTo(x1, y1, x, y)
			case sfnt.SegmentOpCubeTo:
				x1, y1 := point(s.Args[0], gl.x)
				x2, y2 := point(s.Args[1], gl.x)
				x, y := point(s.Args[2], gl.x)
				c.pdf.CurveBezierCubicTo(x1, y1, x2, y2, x, y)
			}
		}
		if open {
			c.pdf.ClosePath()
			c.pdf.DrawPath("f")
		}
	}
	return nil
}
