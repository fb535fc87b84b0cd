package layouts

// tocEntry is a heading as the table of contents and the outline see it,
// or a figure as the list of figures sees it.
type tocEntry struct {
	level  int    // 1 section, 2 subsection, 3 below
	number string // "1.2", "" for unnumbered
	title  string
	anchor string
	inTOC  bool // listed in the table of contents
	figure bool // a line of the list of figures ("Figure 2." and its title)
}

// label is the heading as printed in the outline: "1.2 Title".
func (t *tocEntry) label() string {
	if t.number == "" {
		return t.title
	}
	return t.number + " " + t.title
}

// headingStyle returns the paragraph style of a heading level.
func headingStyle(th *theme, level int) paraStyle {
	ps := paraStyle{leading: 1.22, color: th.primary, labelStyle: stBold, labelColor: th.primary, labelLeft: true, kind: "heading"}
	switch level {
	case 1:
		ps.size, ps.before, ps.after = h1Size, h1Before, h1After
	case 2:
		ps.size, ps.before, ps.after = h2Size, h2Before, h2After
	default:
		ps.size, ps.before, ps.after = h3Size, h3Before, h3After
		ps.color, ps.labelColor = th.text, th.text
	}
	return ps
}

// newHeading makes a heading block: a bold paragraph, number in a hanging
// column, that never splits and keeps with the block after it.
func newHeading(e *env, t *tocEntry, key string) *paragraph {
	ps := headingStyle(&e.th, t.level)
	if t.number != "" {
		ps.label = t.number
		// a word space and a half: wide enough to set the number apart,
		// close enough that text extraction keeps "1 Title" on one line
		ps.indent = e.m.width(stBold, ps.size, t.number) + mm(ps.size)*0.6
	}
	p := newParagraph(e, []span{{text: t.title, st: stBold}}, ps, key)
	p.anchors = []string{t.anchor}
	p.heading = t
	p.keepNext = true
	p.noSplit = true
	return p
}

func maxf(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}
