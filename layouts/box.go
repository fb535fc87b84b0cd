package layouts

// boxStyle is the look of a box around blocks: a callout (shaded, with a
// bar in the accent colour) or the disclaimer (a rule above, small text).
type boxStyle struct {
	kind          string
	fill          *RGB    // background, nil = none
	bar           *RGB    // left bar colour, nil = none
	barW          float64 // bar width
	padX, padY    float64
	topRule       *RGB
	title         string
	titleSize     float64
	titleColor    RGB
	before, after float64
	noSplit       bool
	pinEnd        bool // placed at the foot of the last page's frame
}

func calloutStyle(th *theme, title string) boxStyle {
	fill, bar := th.tint, th.accent
	return boxStyle{kind: "callout", fill: &fill, bar: &bar, barW: 1.6, padX: 5.5, padY: 4.5,
		title: title, titleSize: 11.5, titleColor: th.primary, before: 3, after: 5}
}

// box is a flowable holding other flowables inside padding; it splits
// between (or inside) the blocks it holds, repeating its decoration.
type box struct {
	e         *env
	bs        boxStyle
	inner     []block
	key       string
	part      int // 0 for the first part (which shows the title)
	title     *paragraph
	innerTops []float64 // cached offsets of the inner blocks
	cw, ch    float64
}

func newBox(e *env, bs boxStyle, inner []block, key string) *box {
	b := &box{e: e, bs: bs, inner: inner, key: key}
	if bs.title != "" {
		ps := paraStyle{size: bs.titleSize, leading: 1.3, color: bs.titleColor, after: 2, kind: "title"}
		b.title = newParagraph(e, []span{{text: bs.title, st: stBold}}, ps, key+".t")
	}
	return b
}

func (b *box) innerX() float64 { return b.bs.barW + b.bs.padX }

func (b *box) innerW(width float64) float64 { return width - b.innerX() - b.bs.padX }

// heads lists the blocks of the box, title first when shown.
func (b *box) heads() []block {
	if b.part == 0 && b.title != nil {
		return append([]block{b.title}, b.inner...)
	}
	return b.inner
}

// stackOf lays blocks one under the other and returns their offsets from
// the top and the total height.
func stackOf(blocks []block, width float64) ([]float64, float64) {
	tops := make([]float64, len(blocks))
	y, prevAfter := 0.0, 0.0
	for i, bl := range blocks {
		before, after := bl.spacing()
		if i > 0 {
			y += maxf(before, prevAfter)
		}
		tops[i] = y
		y += bl.wrap(width)
		prevAfter = after
	}
	return tops, y
}

func (b *box) wrap(width float64) float64 {
	if b.cw == width && b.innerTops != nil {
		return b.ch
	}
	tops, h := stackOf(b.heads(), b.innerW(width))
	b.innerTops, b.cw, b.ch = tops, width, h+2*b.bs.padY
	return b.ch
}

func (b *box) split(width, avail float64) (block, block, bool) {
	if b.bs.noSplit {
		return nil, nil, false
	}
	iw := b.innerW(width)
	room := avail - 2*b.bs.padY
	blocks := b.heads()
	y, prevAfter := 0.0, 0.0
	var headIn []block
	for i, bl := range blocks {
		before, after := bl.spacing()
		gap := 0.0
		if i > 0 {
			gap = maxf(before, prevAfter)
		}
		h := bl.wrap(iw)
		if y+gap+h <= room+1e-6 {
			headIn = append(headIn, bl)
			y += gap + h
			prevAfter = after
			continue
		}
		var rest []block
		if hd, tl, ok := bl.split(iw, room-y-gap); ok {
			headIn = append(headIn, hd)
			rest = append([]block{tl}, blocks[i+1:]...)
		} else {
			rest = blocks[i:]
		}
		// a title alone, or a heading as the last thing, is no head
		content := headIn
		if b.part == 0 && b.title != nil && len(content) > 0 {
			content = content[1:]
		}
		if len(content) == 0 || content[len(content)-1].info().keepNext {
			return nil, nil, false
		}
		head := *b
		head.inner, head.innerTops = content, nil
		tail := *b
		tail.inner, tail.part, tail.innerTops = rest, b.part+1, nil
		return &head, &tail, true
	}
	return nil, nil, false
}

func (b *box) spacing() (float64, float64) {
	before, after := b.bs.before, b.bs.after
	if b.part > 0 {
		before = 0
	}
	return before, after
}

func (b *box) info() blockInfo {
	t := b.bs.title
	if t == "" && len(b.inner) > 0 {
		t = b.inner[0].info().text
	}
	if b.part > 0 {
		t += " " + b.e.doc.Words.continued()
	}
	return blockInfo{kind: b.bs.kind, key: b.key, text: t, from: b.part + 1, to: b.part + 1, pinEnd: b.bs.pinEnd}
}

func (b *box) draw(c *canvas, x, y, width float64) error {
	h := b.wrap(width)
	c.artifact(func() {
		if b.bs.fill != nil {
			c.fillRect(x, y, width, h, *b.bs.fill)
		}
		if b.bs.bar != nil {
			bx := x // at the start of the lines: the right in a right-to-left document
			if b.e.doc.RightToLeft {
				bx = x + width - b.bs.barW
			}
			c.fillRect(bx, y, b.bs.barW, h, *b.bs.bar)
		}
		if b.bs.topRule != nil {
			c.line(x, y, x+width, y, 0.25, *b.bs.topRule)
		}
	})
	// the title and the blocks inside, each tagged in the box's element
	ix, iw := x+b.innerX(), b.innerW(width)
	if b.e.doc.RightToLeft {
		ix = x + b.bs.padX
	}
	for i, bl := range b.heads() {
		if err := c.drawTagged(bl, ix, y+b.bs.padY+b.innerTops[i], iw, b.key); err != nil {
			return err
		}
	}
	return nil
}

// disclaimer is the small print at the end of the document.
func disclaimer(e *env, text string) block {
	rl := e.th.rule
	ps := paraStyle{size: 8, leading: 1.35, color: e.th.muted, align: alignLeft, kind: "paragraph"}
	p := newParagraph(e, []span{{text: e.clean(from("brand.disclaimer"), text, 0)}}, ps, e.key("p"))
	bs := boxStyle{kind: "disclaimer", topRule: &rl, padY: 3, title: e.doc.Words.disclaimer(), titleSize: 8.5,
		titleColor: e.th.muted, before: 10, noSplit: true, pinEnd: true}
	return newBox(e, bs, []block{p}, e.key("d"))
}
