package layouts

import (
	"fmt"
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
		drawn = map[rune]uint16{}
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
	b = append(b, "BT /TT"...) // fontResource(i)
	b = strconv.AppendInt(b, int64(i), 10)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, c.size, 'f', 2, 64)
	b = append(b, " Tf "...)
	b = strconv.AppendFloat(b, x*ptPerMM, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (h-y)*ptPerMM, 'f', 2, 64)
	b = append(b, " Td ("...)
	for _, r := range s {
		if r > 0xFFFF {
			r = 0 // beyond the CIDs (text is checked for such characters before)
		}
		if _, ok := drawn[r]; !ok {
			drawn[r] = fs.glyph(i, r)
		}
		b = appendEscaped(b, byte(r>>8))
		b = appendEscaped(b, byte(r))
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
