package layouts

import (
	"fmt"
	"strconv"
	"unicode/utf16"
)

// Text is written by report, not by fpdf: fpdf would embed every font it
// is given whole-parsed, named by hashing a 65,536-entry width table, and
// subset and compress each one after another when the document is done.
// report addresses each face's glyphs by their IDs in the font file (an
// Identity-H font), notes which it drew, and embeds the subsets in the
// finishing pass (embed.go), on every core.

// fontResource is the name of face i in the pages' font resources.
func fontResource(i int) string { return "TT" + strconv.Itoa(i) }

// showText draws s, in visual form, in the selected face and size with its
// baseline starting at x, y: as fpdf's Text would, with the text colour
// fpdf holds when it differs from the fill colour.
func (c *canvas) showText(x, y float64, s string) {
	if s == "" {
		return
	}
	fs, i := c.e.fonts, c.face
	drawn := fs.drawn[i]
	if drawn == nil {
		drawn = map[uint16]rune{}
		fs.drawn[i] = drawn
	}
	_, h := c.pdf.GetPageSize()
	b := c.buf[:0]
	tr, tg, tb := c.pdf.GetTextColor()
	fr, fg, fb := c.pdf.GetFillColor()
	wrap := tr != fr || tg != fg || tb != fb
	if wrap {
		b = fmt.Appendf(b, "q %.3f %.3f %.3f rg ", float64(tr)/255, float64(tg)/255, float64(tb)/255)
	}
	b = append(b, "BT /"...)
	b = append(b, fontResource(i)...)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, c.size, 'f', 2, 64)
	b = append(b, " Tf "...)
	b = strconv.AppendFloat(b, x*ptPerMM, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (h-y)*ptPerMM, 'f', 2, 64)
	b = append(b, " Td ("...)
	for _, r := range s {
		g := fs.glyph(i, r)
		if _, ok := drawn[g]; !ok && g != 0 {
			drawn[g] = r
		}
		b = appendEscaped(b, byte(g>>8))
		b = appendEscaped(b, byte(g))
	}
	b = append(b, ") Tj ET"...)
	if wrap {
		b = append(b, " Q"...)
	}
	c.buf = b
	c.rd.Reset(b)
	c.pdf.RawWriteBuf(&c.rd)
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
