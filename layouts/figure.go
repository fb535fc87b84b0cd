package layouts

import (
	"fmt"
	"math"
	"strconv"
)

const defaultFigureHeight = 75.0

// figure is a numbered picture; it never splits.
type figure struct {
	e          *env
	f          Figure
	num        int
	key        string
	title      *paragraph // "Figure N. Title"
	cleanTitle string     // the title as drawn
	caption    *paragraph
	source     *paragraph
	height     float64
	at         blockAt // its place in the document, for errors
}

const (
	figTitleGap  = 2.0 // between the title and the drawing
	figBelowGap  = 2.2 // between the drawing and the caption
	figSourceGap = 0.8
)

func newFigure(e *env, num int, f Figure, where string, at blockAt) (*figure, error) {
	name := f.ID
	if name == "" {
		name = where
	}
	if f.Drawing == nil {
		return nil, at.errorf("figure", f.ID, 0, "figure %q: no drawing", name)
	}
	if f.Height < 0 {
		return nil, at.errorf("figure", f.ID, 0, "figure %q: negative height %.1f mm", name, f.Height)
	}
	src := origin{figure: name}
	fg := &figure{e: e, f: f, num: num, key: e.key("f"), height: f.Height, at: at}
	fg.cleanTitle = e.clean(src.of("title"), f.Title, stBold)
	fg.title = captionTitle(e, e.doc.Words.figure(num), fg.cleanTitle, src, fg.key)
	if f.Caption != "" {
		ps := paraStyle{size: captionSize, leading: 1.35, color: e.th.text, kind: "caption"}
		fg.caption = newParagraph(e, []span{{text: e.clean(src.of("caption"), f.Caption, stItalic), st: stItalic}}, ps, fg.key+".c")
	}
	if f.Source != "" {
		fg.source = sourceLine(e, f.Source, src, fg.key)
	}
	return fg, nil
}

// captionTitle is the bold "Figure 1. Title" / "Table 1. Title" line.
func captionTitle(e *env, label, title string, src origin, key string) *paragraph {
	ps := paraStyle{size: captionTitleSize, leading: 1.3, color: e.th.primary, kind: "title"}
	spans := []span{{text: label, st: stBold}}
	if title != "" {
		spans = append(spans, span{text: " " + e.clean(src.of("title"), title, stBold), st: stBold})
	}
	return newParagraph(e, spans, ps, key+".t")
}

// sourceLine is the small "Source: ..." line under a figure or table.
func sourceLine(e *env, source string, src origin, key string) *paragraph {
	ps := paraStyle{size: sourceSize, leading: 1.35, color: e.th.muted, kind: "source"}
	return newParagraph(e, []span{{text: e.doc.Words.source(), st: stItalic}, {text: e.clean(src.of("source"), source, 0)}}, ps, key+".s")
}

func (f *figure) parts(width float64) (title, caption, source float64) {
	title = f.title.wrap(width)
	if f.caption != nil {
		caption = figBelowGap + f.caption.wrap(width)
	}
	if f.source != nil {
		source = f.source.wrap(width)
		if f.caption != nil {
			source += figSourceGap
		} else {
			source += figBelowGap
		}
	}
	return
}

// heightPreferrer is a Drawing that knows the height it needs at a width,
// such as a horizontal bar chart that grows with its categories.
type heightPreferrer interface {
	PreferredHeight(width float64) float64
}

// drawingHeight is the configured height, else the drawing's preferred
// height at width, else the default; at most what fits an empty body frame
// under the figure's title, caption and source.
func (f *figure) drawingHeight(width float64) float64 {
	h := f.height
	if h == 0 {
		h = defaultFigureHeight
		if p, ok := f.f.Drawing.(heightPreferrer); ok {
			if ph := p.PreferredHeight(width); ph > 0 {
				h = ph
			}
		}
	}
	t, c, s := f.parts(width)
	if free := f.e.frame("body").H - t - figTitleGap - c - s; h > free && f.height == 0 {
		h = free
	}
	return h
}

func (f *figure) wrap(width float64) float64 {
	t, c, s := f.parts(width)
	return t + figTitleGap + f.drawingHeight(width) + c + s
}

func (f *figure) split(float64, float64) (block, block, bool) { return nil, nil, false }

// minSqueeze is how far a chart may be made lower to stay on its page
// rather than float away: to 82% of its height.
const minSqueeze = 0.82

// squeeze returns the figure made lower so that it fits avail, when that
// takes no more than minSqueeze of its drawing's height. Drawings that ask
// for their own height (a bar per category) keep it.
func (f *figure) squeeze(width, avail float64) (block, bool) {
	if _, ok := f.f.Drawing.(heightPreferrer); ok && f.height == 0 {
		return nil, false
	}
	t, c, s := f.parts(width)
	dh := f.drawingHeight(width)
	h := avail - t - figTitleGap - c - s
	if h >= dh || h < dh*minSqueeze {
		return nil, false
	}
	g := *f
	g.height = math.Floor(h*10) / 10
	return &g, true
}

// leastHeight is the height of the figure squeezed as far as it may be.
func (f *figure) leastHeight(width float64) float64 {
	if _, ok := f.f.Drawing.(heightPreferrer); ok && f.height == 0 {
		return f.wrap(width)
	}
	t, c, s := f.parts(width)
	return t + figTitleGap + f.drawingHeight(width)*minSqueeze + c + s
}
func (f *figure) spacing() (float64, float64) { return 4, 5.5 }

// anchor is the link target of the figure by its number (the list of
// figures); "fig:ID" is the one by its ID (cross-references).
func (f *figure) anchor() string { return "figure:" + strconv.Itoa(f.num) }

func (f *figure) info() blockInfo {
	in := blockInfo{kind: "figure", key: f.key, text: f.title.text, anchors: []string{f.anchor()}, float: !f.f.Pinned}
	if f.f.ID != "" {
		in.anchors = append(in.anchors, "fig:"+f.f.ID)
	}
	return in
}

func (f *figure) draw(c *canvas, x, y, width float64) error {
	t, cp, _ := f.parts(width)
	if err := f.title.draw(c, x, y, width); err != nil {
		return err
	}
	dy := y + t + figTitleGap
	h := f.drawingHeight(width)
	c.pdf.ClipRect(x, dy, width, h, false)
	dc := c.drawingCanvas()
	err := f.f.Drawing.Draw(dc, x, dy, width, h)
	dc.restore()
	c.pdf.ClipEnd()
	c.resync()
	if err != nil {
		return f.at.errorf("figure", f.f.ID, 0, "figure %q: %v", f.f.ID, err)
	}
	if s, ok := f.f.Drawing.(Shortener); ok {
		for _, t := range s.Shortened() {
			c.e.cut(fmt.Sprintf("figure %q: label %q shortened", f.f.ID, t))
		}
	}
	if err := check(c.pdf, fmt.Sprintf("figure %q", f.f.ID)); err != nil {
		return err
	}
	dy += h
	if f.caption != nil {
		if err := f.caption.draw(c, x, dy+figBelowGap, width); err != nil {
			return err
		}
	}
	if f.source != nil {
		sy := dy + cp + figBelowGap
		if f.caption != nil {
			sy = dy + cp + figSourceGap
		}
		return f.source.draw(c, x, sy, width)
	}
	return nil
}
