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
//
// While the canvas shares text objects (shareText), text drawn on the
// baseline of the text before it, in its face, size and colour, joins that
// text's object: "BT /TT0 10.50 Tf 62.36 736.00 Td (The ) Tj 20.24 0 Td
// (word ) Tj … ET". Td moves from the start of the object's last text, by
// the difference of the positions written, so every word stands where an
// object of its own would have put it (to the hundredth of a point the
// file has). The words of a justified line, drawn one by one, then take
// fewer bytes to write, keep and compress: the sample's pages 17% fewer
// (296 → 246 KB before compression).
func (c *canvas) showScaledText(x, y float64, s string, k float64) {
	if s == "" {
		return
	}
	fs, i := c.e.fonts, c.face
	_, h := c.pdf.GetPageSize()
	tr, tg, tb := int(c.ink.R), int(c.ink.G), int(c.ink.B)
	fr, fg, fb := c.pdf.GetFillColor()
	wrap := tr != fr || tg != fg || tb != fb
	px, py := x*ptPerMM, (h-y)*ptPerMM
	hx, okX := hundredths(px)
	hy, okY := hundredths(py)
	at := textObject{face: i, size: c.size, ink: c.ink, wrap: wrap, x: hx, y: hy}
	if k == 1 && okX && okY && c.obj.joins(at) {
		b := appendHundredths(append(c.obj.ops, ' '), hx-c.obj.at.x)
		b = append(b, " 0 Td ("...)
		b = fs.appendCodes(b, i, s)
		c.obj.ops = append(b, ") Tj"...)
		c.obj.at.x = hx
		return
	}
	c.flushText()
	b := c.buf[:0]
	if wrap {
		b = fmt.Appendf(b, "q %.3f %.3f %.3f rg ", float64(tr)/255, float64(tg)/255, float64(tb)/255)
	}
	b = appendFontResource(append(b, "BT /"...), i)
	b = append(b, ' ')
	b = appendFixed2(b, c.size)
	b = append(b, " Tf "...)
	b = appendFixed2(b, px)
	b = append(b, ' ')
	b = appendFixed2(b, py)
	b = append(b, " Td "...)
	if k != 1 {
		b = strconv.AppendFloat(b, k*100, 'f', 3, 64)
		b = append(b, " Tz "...)
	}
	b = append(b, '(')
	b = fs.appendCodes(b, i, s)
	b = append(b, ") Tj"...)
	if c.obj.on && k == 1 && okX && okY {
		c.buf = b
		c.obj.ops, c.obj.at = b, at // left open for the next word
		return
	}
	if k != 1 {
		b = append(b, " 100 Tz"...) // the scaling outlasts ET: set it back
	}
	c.buf = c.writeText(b, wrap)
}

// textObject is where the canvas stands in the text object it leaves
// open while it shares them (shareText): the face, size and colour of its
// text, and the position of its last text, in hundredths of a point as
// written.
type textObject struct {
	face int
	size float64
	ink  RGB
	wrap bool // set in a q … Q of its own colour (showScaledText)
	x, y int64
}

// sharedText is the canvas's open text object, if any.
type sharedText struct {
	on  bool   // text may join the open object (shareText)
	ops []byte // the open object's operators so far, empty when none is open
	at  textObject
}

// joins reports whether text drawn at next can join the open object.
func (t *sharedText) joins(next textObject) bool {
	return len(t.ops) > 0 && next == textObject{face: t.at.face, size: t.at.size, ink: t.at.ink, wrap: t.at.wrap, x: next.x, y: t.at.y}
}

// shareText starts (on) or ends sharing text objects among the texts
// drawn next: on for the lines of a paragraph, whose words are drawn one
// after another. Ending it writes the open object.
func (c *canvas) shareText(on bool) {
	if !on {
		c.flushText()
	}
	c.obj.on = on
}

// flushText writes the open text object, if any: everything the canvas
// writes to the page but text calls it first, so the page's operators
// keep the order they were drawn in.
func (c *canvas) flushText() {
	if len(c.obj.ops) == 0 {
		return
	}
	c.buf = c.writeText(c.obj.ops, c.obj.at.wrap)
	c.obj.ops = nil
}

// writeText ends the text object ops and writes it to the page, kept in
// the document's store of text operators with a reference to it in the
// page (pagetext.go). It returns ops's buffer, for reuse.
func (c *canvas) writeText(ops []byte, wrap bool) []byte {
	ops = append(ops, " ET"...)
	if wrap {
		ops = append(ops, " Q"...)
	}
	if t := c.e.texts; t != nil {
		c.ref = t.add(c.ref[:0], ops)
		c.rd.Reset(c.ref)
	} else {
		c.rd.Reset(ops)
	}
	c.pdf.RawWriteBuf(&c.rd)
	return ops
}

// appendCodes appends the codes of s in face i (its characters, two bytes
// each, escaped for a literal string) to b, and notes the glyphs drawn for
// the face's subset.
func (fs *fontSet) appendCodes(b []byte, i int, s string) []byte {
	drawn := fs.drawn[i]
	if drawn == nil {
		drawn = map[rune]uint16{}
		fs.drawn[i] = drawn
	}
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
	return b
}

// hundredths is v as appendFixed2 writes it, in hundredths, and whether
// it is (not NaN, an infinity or past 2⁵² hundredths, which appendFixed2
// leaves to strconv). Near a half, where appendFixed2 asks strconv too,
// the digits written are read back.
func hundredths(v float64) (int64, bool) {
	if n, ok := roundHundredths(v); ok {
		return n, true
	}
	if r := v * 100; math.IsNaN(r) || math.Abs(r) >= 1<<52 {
		return 0, false
	}
	var buf [32]byte
	d := strconv.AppendFloat(buf[:0], v, 'f', 2, 64)
	neg := d[0] == '-'
	if neg {
		d = d[1:]
	}
	n := int64(0)
	for _, ch := range d {
		if ch != '.' {
			n = n*10 + int64(ch-'0')
		}
	}
	if neg {
		n = -n
	}
	return n, true
}

// roundHundredths is v×100 rounded to a whole number, and whether that is
// v to two decimals as strconv writes it: v is a number not past 2⁵²
// hundredths, and not so near a half that the product's rounding error
// could decide it.
func roundHundredths(v float64) (int64, bool) {
	r := v * 100
	if math.IsNaN(r) || math.Abs(r) >= 1<<52 || math.Abs(r-math.Floor(r)-0.5) < 1e-6 {
		return 0, false
	}
	return int64(math.Round(r)), true
}

// appendHundredths appends n hundredths with two decimals, as
// appendFixed2 writes n/100.
func appendHundredths(b []byte, n int64) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/100, 10)
	return append(b, '.', byte('0'+n/10%10), byte('0'+n%10))
}

// appendFixed2 appends v with two decimals, as strconv.AppendFloat(b, v,
// 'f', 2, 64) does (and fpdf's "%.2f"), in a fifth of its time: by
// rounding v×100 to a whole number, unless that lands so near a half that
// the product's rounding error could decide it (then strconv does).
func appendFixed2(b []byte, v float64) []byte {
	n, ok := roundHundredths(v)
	if !ok {
		return strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	if n == 0 && math.Signbit(v) {
		b = append(b, '-') // -0.001 prints "-0.00", as strconv does
	}
	return appendHundredths(b, n)
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
