package layouts

import (
	"fmt"
	"math"
	"strconv"
	"unicode/utf16"
)

// Text is written by report, not by fpdf: fpdf would parse every font it
// is given for each document, name it by hashing a 65,536-entry width
// table, and subset and compress each one after another when the document
// is done. report writes each character as its code (an Identity-H font
// whose CIDs are the characters, as fpdf's were), notes the glyph each
// stands for, and embeds the subsets in the finishing pass (embed.go), on
// every core. A CID per character, not per glyph, keeps two characters
// that share a glyph (a space and a no-break space, in many fonts) apart
// when text is copied from the page.

// fontResource is the name of face i in the pages' font resources.
func fontResource(i int) string { return string(appendFontResource(nil, i)) }

// appendFontResource appends the name of face i (fontResource) to b.
func appendFontResource(b []byte, i int) []byte {
	return strconv.AppendInt(append(b, "TT"...), int64(i), 10)
}

// showText draws s, in visual form, in the selected face and size with its
// baseline starting at x, y: as fpdf's Text would, with the text colour
// fpdf holds when it differs from the fill colour.
func (c *canvas) showText(x, y float64, s string) { c.showScaledText(x, y, s, 1) }

// showScaledText is showText with the glyphs' widths scaled by k about x
// (the text's horizontal scaling, Tz), for narrower hyphens.
func (c *canvas) showScaledText(x, y float64, s string, k float64) {
	if s == "" {
		return
	}
	fs, i := c.e.fonts, c.face
	drawn := fs.drawn[i]
	if drawn == nil {
		drawn = map[rune]uint16{}
		fs.drawn[i] = drawn
	}
	_, h := c.pdf.GetPageSize()
	b := c.buf[:0]
	tr, tg, tb := int(c.ink.R), int(c.ink.G), int(c.ink.B)
	fr, fg, fb := c.pdf.GetFillColor()
	wrap := tr != fr || tg != fg || tb != fb
	if wrap {
		b = fmt.Appendf(b, "q %.3f %.3f %.3f rg ", float64(tr)/255, float64(tg)/255, float64(tb)/255)
	}
	b = appendFontResource(append(b, "BT /"...), i)
	b = append(b, ' ')
	b = appendFixed2(b, c.size)
	b = append(b, " Tf "...)
	b = appendFixed2(b, x*ptPerMM)
	b = append(b, ' ')
	b = appendFixed2(b, (h-y)*ptPerMM)
	b = append(b, " Td "...)
	if k != 1 {
		b = strconv.AppendFloat(b, k*100, 'f', 3, 64)
		b = append(b, " Tz "...)
	}
	b = append(b, '(')
	for _, r := range s {
		if r > 0xFFFF {
			r = 0 // beyond the CIDs (text is checked for such characters before)
		}
		if r < 128 {
			if !fs.drewASCII[i][r] {
				drawn[r] = fs.glyph(i, r)
				fs.drewASCII[i][r] = true
			}
		} else if _, ok := drawn[r]; !ok {
			drawn[r] = fs.glyph(i, r)
		}
		b = appendEscaped(b, byte(r>>8))
		b = appendEscaped(b, byte(r))
	}
	b = append(b, ") Tj"...)
	if k != 1 {
		b = append(b, " 100 Tz"...) // the scaling outlasts ET: set it back
	}
	b = append(b, " ET"...)
	if wrap {
		b = append(b, " Q"...)
	}
	c.buf = b
	if t := c.e.texts; t != nil {
		c.ref = t.add(c.ref[:0], b) // the operator kept, a reference in the page (pagetext.go)
		c.rd.Reset(c.ref)
	} else {
		c.rd.Reset(b)
	}
	c.pdf.RawWriteBuf(&c.rd)
}

// appendFixed2 appends v with two decimals, as strconv.AppendFloat(b, v,
// 'f', 2, 64) does (and fpdf's "%.2f"), in a fifth of its time: by
// rounding v×100 to a whole number, unless that lands so near a half that
// the product's rounding error could decide it (then strconv does).
func appendFixed2(b []byte, v float64) []byte {
	r := v * 100
	if math.IsNaN(r) || math.Abs(r) >= 1<<52 || math.Abs(r-math.Floor(r)-0.5) < 1e-6 {
		return strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	n := int64(math.Round(r))
	if n < 0 {
		b = append(b, '-')
		n = -n
	} else if math.Signbit(v) {
		b = append(b, '-') // -0.001 prints "-0.00", as strconv does
	}
	b = strconv.AppendInt(b, n/100, 10)
	return append(b, '.', byte('0'+n/10%10), byte('0'+n%10))
}

// appendEscaped appends byte x of a PDF literal string.
func appendEscaped(b []byte, x byte) []byte {
	switch x {
	case '\\', '(', ')':
		return append(b, '\\', x)
	case '\r':
		return append(b, '\\', 'r')
	}
	return append(b, x)
}

// utf16Text is s as a PDF text string in UTF-16BE with its byte order
// mark, as fpdf writes text strings under a UTF-8 font.
func utf16Text(s string) string {
	b := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}
