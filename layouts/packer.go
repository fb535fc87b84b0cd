package layouts

const (
	eps    = 1e-6
	pinGap = 5.0 // least space above a block pinned to the foot of the frame
)

// packer is the pagination loop: blocks in, pages with coordinates out.
type packer struct {
	e         *env
	plan      *Plan
	page      *Page
	y         float64 // next free y in the frame
	prevAfter float64
	floats    []block // figures and tables waiting for the top of the next page, in order
}

// paginate packs blocks into pages: a block that fits is placed; one that
// does not is split (head placed, tail pushed back) or moved to the next
// page; a block that does not fit an empty frame is an error. A heading
// moves to the next page unless what follows it can start on this one.
//
// A figure or table that does not fit where it comes floats: it waits in
// a queue, first in first out, for the top of the next page, while the
// text after it fills this one. Once one waits, the floats after it wait
// too (they keep their order, and so their numbers); a page break, a
// section heading or the end of the document places them first.
func paginate(e *env, blocks []block) (*Plan, error) {
	pk := &packer{e: e, plan: &Plan{PageWidth: e.geo.w, PageHeight: e.geo.h, anchors: map[string]anchor{}}}
	pk.newPage("cover")
	queue := append([]block(nil), blocks...)
	for len(queue) > 0 {
		b := queue[0]
		queue = queue[1:]
		if pb, ok := b.(*pageBreak); ok {
			if err := pk.flushFloats(); err != nil {
				return nil, err
			}
			pk.breakTo(pb.template)
			continue
		}
		in := b.info()
		if len(pk.floats) > 0 && (in.pinEnd || (in.heading != nil && in.heading.level == 1 && !pk.roomy())) {
			// floats stay above the disclaimer, and in their section
			// unless that would leave a hole: then the next section's
			// start fills this page and they head the next one
			if err := pk.flushFloats(); err != nil {
				return nil, err
			}
		}
		fr := pk.page.Frame
		before, _ := b.spacing()
		gap := 0.0
		if !pk.empty() {
			gap = maxf(pk.prevAfter, before)
		}
		avail := fr.Y + fr.H - pk.y - gap
		h := b.wrap(fr.W)
		in = b.info() // the lines are broken now: the item says which
		if sq, ok := b.(squeezer); ok && h > avail+eps && h <= fr.H+eps && !pk.empty() && len(pk.floats) == 0 {
			if small, ok := sq.squeeze(fr.W, avail); ok {
				pk.place(small, small.wrap(fr.W), gap, small.info())
				continue
			}
		}
		if in.float && h <= fr.H+eps && (len(pk.floats) > 0 || (h > avail+eps && !pk.empty() && !pk.onlyKept())) {
			pk.floats = append(pk.floats, b)
			continue
		}
		if in.keepNext && !pk.empty() && !pk.keepFits(b, queue, avail) {
			pk.newPage(pk.page.Template)
			queue = append([]block{b}, queue...)
			continue
		}
		if in.pinEnd && len(queue) == 0 && h <= avail+gap-pinGap+eps {
			// the last block sits at the foot of the frame: it needs only
			// a small gap to what is above it
			pk.place(b, h, fr.Y+fr.H-pk.y-h, in)
			continue
		}
		if h <= avail+eps {
			pk.place(b, h, gap, in)
			continue
		}
		if head, tail, ok := b.split(fr.W, avail); ok {
			if hh := head.wrap(fr.W); hh <= avail+eps {
				pk.place(head, hh, gap, head.info())
				queue = append([]block{tail}, queue...)
				pk.newPage(pk.page.Template)
				continue
			}
		}
		if pk.empty() || pk.onlyKept() {
			if ls, ok := b.(looseSplitter); ok {
				if head, tail, ok := ls.splitLoose(fr.W, avail); ok && head.wrap(fr.W) <= avail+eps {
					pk.place(head, head.wrap(fr.W), gap, head.info())
					queue = append([]block{tail}, queue...)
					pk.newPage(pk.page.Template)
					continue
				}
			}
		}
		if pk.empty() {
			return nil, errTooBig(b, fr.W, h, fr.H)
		}
		pk.newPage(pk.page.Template)
		queue = append([]block{b}, queue...)
	}
	if err := pk.flushFloats(); err != nil {
		return nil, err
	}
	if n := len(pk.plan.Pages); n > 1 && len(pk.plan.Pages[n-1].Items) == 0 {
		pk.plan.Pages = pk.plan.Pages[:n-1] // a page break at the very end
	}
	return pk.plan, nil
}

// squeezer is a block that can be made a little lower to fit (a chart).
type squeezer interface {
	squeeze(width, avail float64) (block, bool)
	leastHeight(width float64) float64
}

// looseSplitter is a block whose split keeps parts from being too small
// (two table rows), but that can split smaller when nothing else fits.
type looseSplitter interface {
	splitLoose(width, avail float64) (head, tail block, ok bool)
}

func (pk *packer) empty() bool { return len(pk.page.Items) == 0 }

// holeShare is the most of a frame a page may leave empty at its foot
// when more text could have filled it (pagequality's measure of a hole).
const holeShare = 0.15

// roomy reports whether the page has more room left than a page may
// leave empty.
func (pk *packer) roomy() bool {
	fr := pk.page.Frame
	return fr.Y+fr.H-pk.y > holeShare*fr.H
}

// onlyKept reports whether the page holds only blocks that keep with the
// next one (headings): moving on would not give the next block more room
// than it has under them.
func (pk *packer) onlyKept() bool {
	for _, it := range pk.page.Items {
		if !it.b.info().keepNext {
			return false
		}
	}
	return true
}

func (pk *packer) newPage(template string) {
	pk.plan.Pages = append(pk.plan.Pages, Page{Number: len(pk.plan.Pages) + 1, Template: template, Frame: pk.e.frame(template)})
	pk.page = &pk.plan.Pages[len(pk.plan.Pages)-1]
	pk.y, pk.prevAfter = pk.page.Frame.Y, 0
	pk.placeFloats()
}

// placeFloats places the waiting floats at the top of the page, in order,
// as many as fit.
func (pk *packer) placeFloats() {
	fr := pk.page.Frame
	for len(pk.floats) > 0 {
		b := pk.floats[0]
		before, _ := b.spacing()
		gap := 0.0
		if !pk.empty() {
			gap = maxf(pk.prevAfter, before)
		}
		h := b.wrap(fr.W)
		if h > fr.Y+fr.H-pk.y-gap+eps {
			return
		}
		pk.place(b, h, gap, b.info())
		pk.floats = pk.floats[1:]
	}
}

// flushFloats places every waiting float, on new pages as needed: before
// a page break and at the end of the document.
func (pk *packer) flushFloats() error {
	for len(pk.floats) > 0 {
		n := len(pk.floats)
		pk.placeFloats()
		if len(pk.floats) == 0 {
			return nil
		}
		if len(pk.floats) == n && pk.empty() {
			b := pk.floats[0]
			return errTooBig(b, pk.page.Frame.W, b.wrap(pk.page.Frame.W), pk.page.Frame.H)
		}
		pk.newPage(pk.page.Template)
	}
	return nil
}

// breakTo starts a page of template, unless the current page is still
// empty: then it only changes its template.
func (pk *packer) breakTo(template string) {
	if pk.empty() {
		pk.page.Template, pk.page.Frame = template, pk.e.frame(template)
		pk.y = pk.page.Frame.Y
		return
	}
	pk.newPage(template)
}

// itemText is the excerpt of a block's text a plan item shows.
func itemText(in blockInfo) string { return excerpt(in.text, 50) }

func (pk *packer) place(b block, h, gap float64, in blockInfo) {
	pk.y += gap
	it := Item{Kind: in.kind, Rect: Rect{pk.page.Frame.X, pk.y, pk.page.Frame.W, h},
		Text: itemText(in), Key: in.key, From: in.from, To: in.to, Total: in.total, b: b}
	pk.page.Items = append(pk.page.Items, it)
	for _, a := range in.anchors {
		if _, dup := pk.plan.anchors[a]; !dup {
			pk.plan.anchors[a] = anchor{pk.page.Number, pk.y}
		}
	}
	if t := in.heading; t != nil {
		pk.plan.Headings = append(pk.plan.Headings, Heading{Level: t.level, Number: t.number, Title: t.title,
			Anchor: t.anchor, Page: pk.page.Number, Y: pk.y, InTOC: t.inTOC})
	}
	pk.y += h
	_, pk.prevAfter = b.spacing()
}

// keepFits reports whether heading b, the headings right after it and the
// start of the next block (whole, or a head it can split off) fit in avail.
// A one-line paragraph is not enough: then the start of the block after it
// must fit as well.
func (pk *packer) keepFits(b block, queue []block, avail float64) bool {
	w := pk.page.Frame.W
	rem := avail - b.wrap(w)
	if rem < -eps {
		return false
	}
	_, prevAfter := b.spacing()
	lineMet := false // a one-line paragraph came after the heading
	for _, nb := range queue {
		if _, ok := nb.(*pageBreak); ok {
			return true
		}
		before, after := nb.spacing()
		room := rem - maxf(prevAfter, before)
		h := nb.wrap(w)
		if sq, ok := nb.(squeezer); ok {
			h = sq.leastHeight(w)
		}
		if nb.info().keepNext {
			rem = room - h
			if rem < -eps {
				return false
			}
			prevAfter = after
			continue
		}
		if h <= room+eps {
			if in := nb.info(); in.kind == "paragraph" && in.total == 1 && !lineMet {
				// one line is not enough to keep with: what comes after
				// it must start here too (a figure whole)
				lineMet, rem, prevAfter = true, room-h, after
				continue
			}
			return true
		}
		if nb.info().float {
			return false
		}
		_, _, ok := nb.split(w, room)
		return ok
	}
	return true
}
