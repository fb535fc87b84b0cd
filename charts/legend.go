package charts

// legendLayout is the legend laid out in rows above the plot.
type legendLayout struct {
	items  []legendPlace
	rows   int
	rowH   int
	height int
}

type legendPlace struct {
	item legendItem
	text string
	x    int // left of the swatch
	row  int
}

// Legend spacing, in text heights.
const (
	swatchLine = 2.0  // line swatch length
	swatchBox  = 0.75 // square swatch side
	swatchGap  = 0.4  // swatch to label
	itemGap    = 1.4  // between items
	rowSpacing = 1.35 // row height
)

func swatchWidth(mk mark, h int) int {
	if mk == markBox {
		return int(swatchBox * float64(h))
	}
	return int(swatchLine * float64(h))
}

// layoutLegend flows the items left to right from x0, starting a new row
// when the next item would pass x1; a label too long for a row is shortened.
func layoutLegend(m measurer, items []legendItem, x0, x1 int) legendLayout {
	h := m.height()
	l := legendLayout{rowH: int(rowSpacing * float64(h))}
	if len(items) == 0 {
		return l
	}
	x, row := x0, 0
	for _, it := range items {
		sw := swatchWidth(it.mark, h) + int(swatchGap*float64(h))
		text := m.shorten(it.label, x1-x0-sw)
		w := sw + m.width(text)
		if x > x0 && x+w > x1 {
			x, row = x0, row+1
		}
		l.items = append(l.items, legendPlace{item: it, text: text, x: x, row: row})
		x += w + int(itemGap*float64(h))
	}
	l.rows = row + 1
	l.height = (l.rows-1)*l.rowH + h
	return l
}

// draw draws the legend with its first row's text top at y0.
func (l legendLayout) draw(p *pen, y0 int) {
	h := p.h
	for _, it := range l.items {
		base := y0 + it.row*l.rowH + p.ascent()
		mid := base - int(0.36*float64(h)) // middle of the lower-case letters
		sw := swatchWidth(it.item.mark, h)
		switch it.item.mark {
		case markBox:
			p.fill("legend", it.item.color)
			p.rect(it.x, mid-sw/2, it.x+sw, mid-sw/2+sw)
		case markDashed:
			p.stroke("legend", it.item.color, avgWidth, avgDash)
			p.line(it.x, mid, it.x+sw, mid)
		default:
			p.stroke("legend", it.item.color, lineWidth, nil)
			p.line(it.x, mid, it.x+sw, mid)
			p.fill("legend", it.item.color)
			p.r.Circle(markerRadius, it.x+sw/2, mid)
			p.r.Fill()
		}
		p.write("legend", it.text, it.x+sw+int(swatchGap*float64(h)), base, 0)
	}
}
