package layouts

import (
	"fmt"
	"strconv"
	"strings"
)

// Tagging: every placed block is drawn as marked content tied to a
// structure element (a heading H1–H3, a paragraph P, a Figure with its
// alternative text, a Table, a contents line TOCI), and what repeats on
// every page (banners, running header and footer, page number, the DRAFT
// watermark) as an artifact, so that a screen reader follows the text in
// its logical order and skips the furniture. The finishing pass builds
// the structure tree from the records the drawing leaves.

// tagRecord is one marked-content sequence drawn: the source block it
// belongs to (the parts of a split block share one element), its
// structure type, its page and its marked-content ID on the page.
type tagRecord struct {
	key    string
	tag    string
	alt    string // a Figure's alternative text
	parent string // the key of the parent element, "" for the document
	page   int    // 1-based
	mcid   int    // an MCID, or one of noMCID and annotation
	attrs  string // attributes of the element: /A <</O /Table /Scope /Column>>
}

// The mcid of a tagRecord that is not marked content.
const (
	noMCID     = -1 // an element that holds other elements only
	annotation = -2 // the page's next link annotation, an OBJR of the element; alt is its /Contents
)

// tagOf is the structure type of a placed block, "" for an artifact.
func tagOf(b block) string {
	in := b.info()
	switch in.kind {
	case "heading":
		if h := in.heading; h != nil && h.level >= 1 && h.level <= 3 {
			return fmt.Sprintf("H%d", h.level)
		}
		return "H3"
	case "figure":
		return "Figure"
	case "table", "sideways":
		return "Table" // tagged by the table itself: see table.draw
	case "callout", "disclaimer":
		return "Div" // its title and blocks tagged inside it: see box.draw
	case "tocline", "figline":
		return "TOCI"
	case "endnote":
		return "Note"
	case "rule", "pagebreak":
		return ""
	}
	return "P"
}

// altOf is a figure's alternative text: its title, caption and source.
func altOf(b block) string {
	f, ok := b.(*figure)
	if !ok {
		return ""
	}
	parts := []string{f.cleanTitle}
	if f.f.Caption != "" {
		parts = append(parts, f.f.Caption)
	}
	if f.f.Alt != "" {
		parts = append(parts, f.f.Alt)
	} else if d, ok := f.f.Drawing.(Describer); ok {
		if s := d.Describe(); s != "" {
			parts = append(parts, s)
		}
	}
	if f.f.Source != "" {
		parts = append(parts, f.e.doc.Words.source()+f.f.Source)
	}
	return strings.Join(parts, " ")
}

// drawTagged draws a block as the structure element its kind asks for,
// inside the element of key parent ("" the document): a table, a box and
// a list item tag their parts themselves, anything else is one element
// whose marked content holds all it draws.
func (c *canvas) drawTagged(b block, x, y, w float64, parent string) error {
	key := b.info().key
	tag := tagOf(b)
	p, isPara := b.(*paragraph)
	if isPara && p.within != "" {
		parent = p.within
	}
	switch {
	case tag == "Table" || tag == "Div":
		c.element(key, tag, parent)
		return b.draw(c, x, y, w)
	case isPara && p.list != "" && tag == "P":
		// a list item: L, LI; the paragraph tags its Lbl and LBody
		c.element(p.list, "L", parent)
		c.element(key+".li", "LI", p.list)
		c.listItem = key + ".li"
		return b.draw(c, x, y, w)
	case tag == "TOCI":
		// the contents and the list of figures, each a TOC
		toc := "toc." + b.info().kind
		c.element(toc, "TOC", parent)
		c.beginChild(key, tag, "", toc, "")
	case tag == "Note":
		c.beginChild(key, tag, "", parent, "/ID "+pdfText(key))
	default:
		c.beginChild(key, tag, altOf(b), parent, "")
	}
	err := b.draw(c, x, y, w)
	c.endTag()
	return err
}

// beginTag starts the marked content of an item, or an artifact for tag
// "", and records it.
func (c *canvas) beginTag(key, tag, alt string) { c.beginChild(key, tag, alt, "", "") }

// beginChild is beginTag for an element inside the element of key
// parent ("" the document), with attributes.
func (c *canvas) beginChild(key, tag, alt, parent, attrs string) {
	c.flushText()
	if tag == "" {
		c.pdf.RawWriteStr("/Artifact BMC\n")
		return
	}
	mcid := strconv.Itoa(c.mcid)
	if key == "" {
		key = "#" + strconv.Itoa(c.page) + "." + mcid // a block of its own
	}
	c.pdf.RawWriteStr("/" + tag + " <</MCID " + mcid + ">> BDC\n")
	r := tagRecord{key: key, tag: tag, alt: alt, parent: parent, page: c.page, mcid: c.mcid, attrs: attrs}
	c.e.tags = append(c.e.tags, r)
	c.open = &r
	c.mcid++
}

// element records an element that holds other elements (a Table, a row),
// once per key.
func (c *canvas) element(key, tag, parent string) {
	c.e.tags = append(c.e.tags, tagRecord{key: key, tag: tag, parent: parent, page: c.page, mcid: noMCID})
}

// artifact draws what draw draws as an artifact: a rule, a fill.
func (c *canvas) artifact(draw func()) {
	c.flushText()
	c.pdf.RawWriteStr("/Artifact BMC\n")
	draw()
	c.flushText()
	c.pdf.RawWriteStr("EMC\n")
}

// endTag ends what beginTag started.
func (c *canvas) endTag() {
	c.flushText()
	c.pdf.RawWriteStr("EMC\n")
	c.open = nil
}

// beginLink interrupts the open element's marked content for the text of
// a link to target, tagged Link inside it (and a link to an endnote,
// inside a Reference); endLink resumes the element. It returns false,
// and draws nothing, outside tagged content.
func (c *canvas) beginLink(target string) bool {
	if c.open == nil || target == "" {
		return false
	}
	in := *c.open
	c.endTag()
	c.resume = in
	c.links++
	parent := in.key
	if strings.HasPrefix(target, "#fn:") {
		parent = fmt.Sprintf("%s.ref%d", in.key, c.links)
		c.element(parent, "Reference", in.key)
	}
	c.beginChild(fmt.Sprintf("%s.link%d", in.key, c.links), "Link", "", parent, "")
	return true
}

// endLink ends the Link that beginLink started and reopens the element
// it interrupted, under a new MCID.
func (c *canvas) endLink() {
	c.endTag()
	r := c.resume
	c.beginChild(r.key, r.tag, r.alt, r.parent, r.attrs)
}

// annotate records the link annotation just made on the page as an object
// of the open Link element, or of a Link made for it inside the open
// element (a contents line is a link as a whole), with contents as its
// description.
func (c *canvas) annotate(contents string) {
	key, parent := "", ""
	switch {
	case c.open != nil && c.open.tag == "Link":
		key = c.open.key
	case c.open != nil:
		c.links++
		key, parent = c.open.key+".link"+strconv.Itoa(c.links), c.open.key
		c.element(key, "Link", parent)
	default:
		c.links++
		key = "#link" + strconv.Itoa(c.links)
		c.element(key, "Link", "")
	}
	c.e.tags = append(c.e.tags, tagRecord{key: key, tag: "Link", alt: contents, parent: parent, page: c.page, mcid: annotation})
}
