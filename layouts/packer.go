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
}

// paginate packs blocks into pages: a block that fits is placed; one that
// does not is split (head placed, tail pushed back) or moved to the next
// page; a block that does not fit an empty frame is an error. A heading
// moves to the next page unless what follows it can start on this one.
func paginate(e *env, blocks []block) (*Plan, error) {
	pk := &packer{e: e, plan: &Plan{PageWidth: e.geo.w, PageHeight: e.geo.h, anchors: map[string]anchor{}}}
	pk.newPage("cover")
	queue := append([]block(nil), blocks...)
	for len(queue) > 0 {
		b := queue[0]
		queue = queue[1:]
		if pb, ok := b.(*pageBreak); ok {
			pk.breakTo(pb.template)
			continue
		}
		fr := pk.page.Frame
		before, _ := b.spacing()
		gap := 0.0
		if !pk.empty() {
			gap = maxf(pk.prevAfter, before)
		}
		avail := fr.Y + fr.H - pk.y - gap
		h := b.wrap(fr.W)
		in := b.info()
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
	if n := len(pk.plan.Pages); n > 1 && len(pk.plan.Pages[n-1].Items) == 0 {
		pk.plan.Pages = pk.plan.Pages[:n-1] // a page break at the very end
	}
	return pk.plan, nil
}

// looseSplitter is a block whose split keeps parts from being too small
// (two table rows), but that can split smaller when nothing else fits.
type looseSplitter interface {
	splitLoose(width, avail float64) (head, tail block, ok bool)
}

func (pk *packer) empty() bool { return len(pk.page.Items) == 0 }

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

func (pk *packer) place(b block, h, gap float64, in blockInfo) {
	pk.y += gap
	it := Item{Kind: in.kind, Rect: Rect{pk.page.Frame.X, pk.y, pk.page.Frame.W, h},
		Text: excerpt(in.text, 50), Key: in.key, From: in.from, To: in.to, Total: in.total, b: b}
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
func (pk *packer) keepFits(b block, queue []block, avail float64) bool {
	w := pk.page.Frame.W
	rem := avail - b.wrap(w)
	if rem < -eps {
		return false
	}
	_, prevAfter := b.spacing()
	for _, nb := range queue {
		if _, ok := nb.(*pageBreak); ok {
			return true
		}
		before, after := nb.spacing()
		room := rem - maxf(prevAfter, before)
		h := nb.wrap(w)
		if nb.info().keepNext {
			rem = room - h
			if rem < -eps {
				return false
			}
			prevAfter = after
			continue
		}
		if h <= room+eps {
			return true
		}
		_, _, ok := nb.split(w, room)
		return ok
	}
	return true
}
