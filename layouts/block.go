package layouts

import (
	"errors"
	"fmt"
)

// block is a flowable: it measures itself for a width, may split at the
// end of a page and draws itself at the top-left corner the frame gives it.
// Blocks hold no position; wrap may cache the layout for the last width.
type block interface {
	// wrap returns the height of the block set in width.
	wrap(width float64) float64
	// split cuts the block so that head fits in avail; ok is false when
	// no useful head fits (the block then moves to the next page whole).
	split(width, avail float64) (head, tail block, ok bool)
	// draw paints the block with its top-left corner at x, y.
	draw(c *canvas, x, y, width float64) error
	// spacing is the space wanted before and after the block.
	spacing() (before, after float64)
	// info describes the block for the plan.
	info() blockInfo
}

// blockInfo is what the plan records of a placed block.
type blockInfo struct {
	kind     string // "paragraph", "heading", "figure", "table", ...
	key      string // identifies the source flowable across split parts
	text     string // excerpt
	from, to int    // lines or rows of the source in this part (1-based), 0 if n/a
	total    int    // lines or rows of the whole source
	keepNext bool   // keep with the next block (headings)
	anchors  []string
	heading  *tocEntry // set for headings that go into the TOC or outline
	pinEnd   bool      // place at the bottom of the frame (disclaimer)
	float    bool      // may move to the top of the next page (figures, tables)
}

// pageBreak ends the page; the next page uses template.
type pageBreak struct{ template string }

func (p *pageBreak) wrap(float64) float64                        { return 0 }
func (p *pageBreak) split(float64, float64) (block, block, bool) { return nil, nil, false }
func (p *pageBreak) draw(*canvas, float64, float64, float64) error {
	return nil
}
func (p *pageBreak) spacing() (float64, float64) { return 0, 0 }
func (p *pageBreak) info() blockInfo             { return blockInfo{kind: "pagebreak", text: p.template} }

// rule is a thin horizontal line (a thematic break).
type rule struct {
	color          RGB
	weight, before float64
	key            string
}

func (r *rule) wrap(float64) float64                        { return r.weight }
func (r *rule) split(float64, float64) (block, block, bool) { return nil, nil, false }
func (r *rule) spacing() (float64, float64)                 { return r.before, r.before }
func (r *rule) info() blockInfo                             { return blockInfo{kind: "rule", key: r.key} }
func (r *rule) draw(c *canvas, x, y, width float64) error {
	c.fillRect(x, y, width, r.weight, r.color)
	return nil
}

// explainer is a block that can say better why it does not fit.
type explainer interface {
	tooBig(width, frame float64) error
}

// errTooBig is returned when a block does not fit an empty frame.
func errTooBig(b block, width, h, frame float64) error {
	if x, ok := b.(explainer); ok {
		if err := x.tooBig(width, frame); err != nil {
			return err
		}
	}
	in := b.info()
	what := in.kind
	if in.text != "" {
		what = fmt.Sprintf("%s %q", in.kind, excerpt(in.text, 40))
	}
	msg := fmt.Sprintf("%s is %.1f mm tall and does not fit on an empty page (frame %.1f mm)", what, h, frame)
	switch b := b.(type) {
	case *figure:
		return b.at.errorf("figure", b.f.ID, 0, "%s", msg)
	case *table:
		return b.d.at.errorf("table", b.d.t.ID, 0, "%s", msg)
	}
	return errors.New(msg)
}
