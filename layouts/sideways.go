package layouts

// sideways sets a table turned a quarter to the left on a page of its
// own: its top faces the left edge of the page and its rows run across
// the page's height, as a book sets a table too wide for the text column.
// It takes the whole frame, so it floats to the next page when the
// current one has text on it; rows that do not fit split onto further
// sideways pages.
type sideways struct {
	t *table
}

// turned is the frame as the table sees it: the page's height is its width.
func (s *sideways) turned() (width, height float64) {
	fr := s.t.d.e.frame("body")
	return fr.H, fr.W
}

// wrap is the whole frame when the table fits one turned page, and more
// (so that the packer splits it) when it does not.
func (s *sideways) wrap(float64) float64 {
	w, h := s.turned()
	fr := s.t.d.e.frame("body")
	if need := s.t.wrap(w); need > h+eps {
		return fr.H + need - h
	}
	return fr.H
}

func (s *sideways) split(_, avail float64) (block, block, bool) {
	w, h := s.turned()
	if avail < s.t.d.e.frame("body").H-eps {
		return nil, nil, false // only on an empty page
	}
	head, tail, ok := s.t.split(w, h)
	if !ok {
		return nil, nil, false
	}
	return &sideways{t: head.(*table)}, &sideways{t: tail.(*table)}, true
}

func (s *sideways) splitLoose(_, avail float64) (block, block, bool) {
	w, h := s.turned()
	if avail < s.t.d.e.frame("body").H-eps {
		return nil, nil, false
	}
	head, tail, ok := s.t.splitLoose(w, h)
	if !ok {
		return nil, nil, false
	}
	return &sideways{t: head.(*table)}, &sideways{t: tail.(*table)}, true
}

func (s *sideways) spacing() (float64, float64) { return 0, 0 }

func (s *sideways) info() blockInfo {
	in := s.t.info()
	in.kind = "sideways"
	in.float = !s.t.d.t.Pinned
	return in
}

// draw turns the page a quarter to the left around the frame's lower-left
// corner and draws the table there: the table's x runs up the page, its y
// across to the right.
func (s *sideways) draw(c *canvas, x, y, width float64) error {
	w, _ := s.turned()
	fr := c.e.frame("body")
	ox, oy := fr.X, fr.Y+fr.H
	c.pdf.TransformBegin()
	c.pdf.TransformRotate(90, ox, oy)
	err := s.t.draw(c, ox, oy, w)
	c.pdf.TransformEnd()
	c.resync()
	return err
}
