package layouts

import (
	"math"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
)

// paraStyle is how a paragraph is set.
type paraStyle struct {
	size, leading float64 // pt, line height / size
	color         RGB
	align         int
	indent        float64 // left indent of the text, mm
	label         string  // list marker or heading number, in the indent
	labelStyle    style
	labelColor    RGB
	labelLeft     bool    // label at the left edge (headings), else right-aligned before the text
	quote         int     // block-quote depth: a bar per level at the left
	barExtend     float64 // the quote bars reach this far below (into the gap to the next quoted block)
	code          bool    // pre-formatted and shaded
	before, after float64
	kind          string // plan kind, "paragraph" by default
}

// paragraph is a run of text set in lines; it splits between lines and
// keeps at least two lines on each side of a split.
type paragraph struct {
	e         *env
	ps        paraStyle
	ws        []word
	key       string
	first     int // 1-based number of this part's first line in the source
	total     int // lines in the whole source (set on first wrap)
	showLabel bool
	anchors   []string
	heading   *tocEntry
	keepNext  bool
	noSplit   bool
	list      string // the key of the list this paragraph is an item of, for tagging
	within    string // the key of the list item body this paragraph (or its list) is inside, for tagging
	text      string // excerpt source
	source    string // where the text came from, for warnings
	rtl       bool   // set from the right: its first strong character is Arabic or Hebrew (bidiline.go)
	cjk       bool   // has Chinese or Japanese, which breaks between characters (linebreak.go)

	cw    float64 // width of the cached lines
	lines []line
}

const codePad = 1.8 // padding inside a code block

func newParagraph(e *env, spans []span, ps paraStyle, key string) *paragraph {
	if ps.kind == "" {
		ps.kind = "paragraph"
	}
	text := plain(spans)
	return &paragraph{
		e: e, ps: ps, key: key, first: 1, showLabel: true,
		ws:   words(e.m, spans, ps.size, ps.code),
		text: text,
		rtl:  !ps.code && direction(text) == bidi.RightToLeft,
		cjk:  hasCJK(text),
	}
}

func (p *paragraph) lineHeight() float64 { return mm(p.ps.size * p.ps.leading) }

func (p *paragraph) pad() float64 {
	if p.ps.code {
		return codePad
	}
	return 0
}

func (p *paragraph) textWidth(width float64) float64 {
	w := width - p.ps.indent
	if p.ps.code {
		w -= 2 * codePad
	}
	return w
}

func (p *paragraph) layout(width float64) []line { return p.layoutIn(p.e, width) }

// layoutIn is layout measuring with the metrics and hyphenation of e,
// which may be another goroutine's (see prewrap).
func (p *paragraph) layoutIn(e *env, width float64) []line {
	if p.lines == nil || p.cw != width {
		p.lines, p.cw = p.breakLines(e, p.textWidth(width)), width
		if p.total == 0 {
			p.total = len(p.lines)
		}
	}
	return p.lines
}

// breakLines sets a justified paragraph total fit, with hyphens, and
// other text first fit; so too a paragraph with Chinese or Japanese,
// which breaks between characters (breakLines) where total fit breaks
// only at spaces and hyphens.
func (p *paragraph) breakLines(e *env, width float64) []line {
	if p.ps.align == alignJustify && !p.ps.code && !p.cjk {
		if lines, ok := breakTotalFit(e.m, toPieces(e.m, e.hy, p.ws), width); ok {
			return lines
		}
	}
	return breakLines(e.m, p.ws, width, p.cjk)
}

func (p *paragraph) wrap(width float64) float64 {
	n := len(p.layout(width))
	if n == 0 {
		n = 1 // an empty paragraph still takes a line (a heading without text)
	}
	return float64(n)*p.lineHeight() + 2*p.pad()
}

func (p *paragraph) split(width, avail float64) (block, block, bool) {
	lines := p.layout(width)
	n := len(lines)
	k := int(math.Floor((avail - 2*p.pad() + 1e-6) / p.lineHeight()))
	if k > n-2 {
		k = n - 2
	}
	if p.noSplit || n < 4 || k < 2 {
		return nil, nil, false
	}
	head, tail := *p, *p
	head.ws, head.lines = flatten(lines[:k]), lines[:k]
	head.ps.after = 0
	head.keepNext = false
	tail.ws, tail.lines = flatten(lines[k:]), lines[k:]
	tail.first = p.first + k
	tail.showLabel, tail.anchors, tail.heading = false, nil, nil
	tail.ps.before = 0
	return &head, &tail, true
}

func (p *paragraph) spacing() (float64, float64) { return p.ps.before, p.ps.after }

func (p *paragraph) info() blockInfo {
	n := len(p.lines)
	t := p.text
	if p.first > 1 && len(p.lines) > 0 {
		t = lineText(p.lines[0]) + " …"
	}
	return blockInfo{
		kind: p.ps.kind, key: p.key, text: t,
		from: p.first, to: p.first + n - 1, total: p.total,
		keepNext: p.keepNext, anchors: p.anchors, heading: p.heading,
	}
}

func (p *paragraph) draw(c *canvas, x, y, width float64) error {
	if li := c.listItem; li != "" {
		// a list item: its label as Lbl, then its text as LBody
		c.listItem = ""
		if p.showLabel && p.ps.label != "" {
			c.beginChild(p.key+".lbl", "Lbl", "", li, "")
			p.drawLabel(c, x, y, width)
			c.endTag()
		}
		c.beginChild(p.key, "LBody", "", li, "")
		err := p.drawText(c, x, y, width)
		c.endTag()
		return err
	}
	if p.showLabel && p.ps.label != "" {
		p.drawLabel(c, x, y, width) // first: it is read first
	}
	return p.drawText(c, x, y, width)
}

// mirrored reports whether the paragraph's lines start at the right: its
// text is right to left, or the document is (a Latin line of an Arabic
// edition starts at the right, its words in their own order). Code is
// set from the left.
func (p *paragraph) mirrored() bool {
	return p.rtl || (p.e.doc.RightToLeft && !p.ps.code)
}

// drawLabel draws the paragraph's label (a list bullet or number, a
// heading's number) before its first line: at its left, or at its right
// in a right-to-left paragraph, x is the left edge of the block.
func (p *paragraph) drawLabel(c *canvas, x, y, width float64) {
	ps := p.ps
	base := c.e.baseline(0, ps.size, p.lineHeight())
	lw := c.e.m.width(ps.labelStyle, ps.size, ps.label)
	lx := x + ps.indent - lw - 2.0
	switch {
	case p.mirrored() && ps.labelLeft:
		lx = x + width - lw
	case p.mirrored():
		lx = x + width - ps.indent + 2.0
	case ps.labelLeft:
		lx = x
	}
	c.text(lx, y+p.pad()+base, ps.label+" ", ps.labelStyle, ps.size, ps.labelColor)
}

// drawText draws the paragraph's lines.
func (p *paragraph) drawText(c *canvas, x, y, width float64) error {
	lines := p.layout(width)
	h := p.wrap(width)
	ps := p.ps
	for d := 0; d < ps.quote; d++ {
		bx := x + float64(d)*quoteIndent + 0.4
		if p.mirrored() {
			bx = x + width - float64(d)*quoteIndent - 1.2
		}
		c.fillRect(bx, y, 0.8, h+ps.barExtend, mix(c.e.th.primary, RGB{255, 255, 255}, 0.55))
	}
	tx, tw := x+ps.indent, p.textWidth(width)
	if p.mirrored() {
		tx = x // the indent is at the right
	}
	if ps.code {
		c.fillRect(tx, y, width-ps.indent, h, c.e.th.codeBg)
		tx += codePad
	}
	lh := p.lineHeight()
	base := c.e.baseline(0, ps.size, lh)
	var run textRun
	// the words of a line share text objects where they can (showScaledText)
	c.shareText(true)
	defer c.shareText(false)
	for i, ln := range lines {
		by := y + p.pad() + float64(i)*lh + base
		if p.rtl {
			p.drawRTLLine(c, ln, tx, tw, by)
			continue
		}
		if p.cjk {
			if extra := ln.spread(tw, ps.align); extra > 0 {
				run.flushSpaced(c, false)
				p.drawSpread(c, ln, tx, by, extra)
				continue
			}
		}
		xs, natural := ln.positions(tw, ps.align)
		if p.mirrored() && natural && len(xs) > 0 && ps.align != alignRight && ps.align != alignCenter {
			// a left-to-right line in a right-to-left document starts at the right
			shift := tw - xs[len(xs)-1] - ln.words[len(xs)-1].w
			for k := range xs {
				xs[k] += shift
			}
		}
		for j, w := range ln.words {
			fx := tx + xs[j]
			for k, f := range w.frags {
				col := ps.color
				if f.link != "" {
					col = c.e.th.primary
				}
				fy := by
				if f.st&stSup != 0 {
					fy -= mm(ps.size) * 0.36
				}
				// a word drawn on its own ends in a space, invisible where
				// it stands, so that the text read from the page (by a
				// screen reader, a copy) has its words apart
				wordEnd := k == len(w.frags)-1 && (j < len(ln.words)-1 || endsWord(ln))
				switch {
				case f.link != "" || f.st&stSup != 0:
					run.flushSpaced(c, k == 0 && j > 0)
					text := f.text
					if wordEnd {
						text += " "
					}
					linked := c.beginLink(f.link)
					c.text(fx, fy, text, f.st, f.size, col)
					c.link(fx, fy-mm(f.size)*0.85, f.w, mm(f.size)*1.1, f.link, linkText(c.e.doc.Words, f))
					if linked {
						c.endLink()
					}
				case natural && k == 0 && j > 0 && run.joins(f, col) && w.space == c.e.m.width(f.st, f.size, " "):
					// the next word at its natural distance in the same
					// style: one string, drawn with the very widths
					// the line was measured with
					run.text = append(append(run.text, ' '), f.text...)
				default:
					run.flushSpaced(c, k == 0 && j > 0)
					run = textRun{x: fx, y: fy, text: append(run.text[:0], f.text...), st: f.st, size: f.size, col: col}
				}
				fx += f.w
			}
		}
		run.flushSpaced(c, endsWord(ln))
	}
	return nil
}

// drawSpread draws a line of Chinese or Japanese set with extra room
// after each character (line.spread), a character at a time: the text
// objects they share keep the file small, and the text read from the page
// has a space between its words and none between its characters.
func (p *paragraph) drawSpread(c *canvas, ln line, x, y, extra float64) {
	for j, w := range ln.words {
		if j > 0 {
			x += w.space + extra
		}
		for k, f := range w.frags {
			for i := 0; i < len(f.text); {
				_, n := utf8.DecodeRuneInString(f.text[i:]) // its bytes, even if not UTF-8
				ch := f.text[i : i+n]
				adv := c.e.m.width(f.st, f.size, ch)
				if i+n == len(f.text) && k == len(w.frags)-1 && (j < len(ln.words)-1 || endsWord(ln)) {
					ch += " " // the words apart in the page's text
				}
				c.text(x, y, ch, f.st, f.size, p.ps.color)
				x += adv
				if i+n < len(f.text) || k < len(w.frags)-1 {
					x += extra
				}
				i += n
			}
		}
	}
}

// drawRTLLine draws a line of a right-to-left paragraph, its segments
// placed by the bidi algorithm (bidiline.go) and drawn in logical order,
// so that the page's text reads in the order it was written.
func (p *paragraph) drawRTLLine(c *canvas, ln line, tx, tw, by float64) {
	xs, _ := ln.positions(tw, p.ps.align)
	for _, s := range rtlSegments(c.e, ln, xs, tw) {
		if s.frag < 0 {
			continue
		}
		f := ln.words[s.word].frags[s.frag]
		col := p.ps.color
		if f.link != "" {
			col = c.e.th.primary
		}
		y := by
		if f.st&stSup != 0 {
			y -= mm(p.ps.size) * 0.36
		}
		text := s.text
		if s.level%2 == 1 {
			text = c.e.fonts.visualIn(text, f.st, true)
		}
		if s.end && (s.word < len(ln.words)-1 || endsWord(ln)) {
			text += " " // the words apart in the text read from the page
		}
		linked := c.beginLink(f.link)
		c.textVisual(tx+s.x, y, text, f.st, f.size, col)
		if f.link != "" {
			c.link(tx+s.x, y-mm(f.size)*0.85, s.w, mm(f.size)*1.1, f.link, linkText(c.e.doc.Words, f))
		}
		if linked {
			c.endLink()
		}
	}
}

// endsWord reports whether a line's last word ends there: not broken
// with a hyphen or inside a word (a paragraph's end too, so that the
// paragraphs of a box read apart).
func endsWord(ln line) bool { return !ln.hyphen && !ln.cont }

// textRun is text of one style and colour waiting to be drawn: the words
// of a line that keep their natural spacing go to fpdf as one string.
type textRun struct {
	x, y float64
	text []byte
	st   style
	size float64
	col  RGB
}

func (r *textRun) joins(f frag, col RGB) bool {
	return len(r.text) > 0 && f.st == r.st && f.size == r.size && col == r.col
}

// flushSpaced draws the run, with a space after it when a word ends there.
func (r *textRun) flushSpaced(c *canvas, space bool) {
	if len(r.text) > 0 {
		if space {
			r.text = append(r.text, ' ')
		}
		c.text(r.x, r.y, string(r.text), r.st, r.size, r.col)
		r.text = r.text[:0]
	}
}

// lineText is the plain text of a line.
func lineText(l line) string {
	s := ""
	for i, w := range l.words {
		if i > 0 {
			s += " "
		}
		for _, f := range w.frags {
			s += f.text
		}
	}
	return s
}

// linkText describes a link fragment to a screen reader: its words, and
// for a note's number, which note.
func linkText(w Words, f frag) string {
	if n, ok := strings.CutPrefix(f.link, "#fn:"); ok {
		return w.endnoteLink(n)
	}
	return f.text
}
