package layouts

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// sectionCtx numbers the headings of one section.
type sectionCtx struct {
	num       int
	sub, sub3 int
	entries   *[]*tocEntry
}

// heading makes a numbered level-2 or level-3 heading in the section.
func (s *sectionCtx) heading(e *env, level int, title string) block {
	var number string
	if level == 3 && s.sub > 0 {
		s.sub3++
		number = fmt.Sprintf("%d.%d.%d", s.num, s.sub, s.sub3)
	} else {
		level = 2
		s.sub, s.sub3 = s.sub+1, 0
		number = fmt.Sprintf("%d.%d", s.num, s.sub)
	}
	t := &tocEntry{level: level, number: e.doc.Words.digits(number), title: title, anchor: "sec:" + number, inTOC: level <= 2}
	*s.entries = append(*s.entries, t)
	return newHeading(e, t, e.key("h"))
}

// content returns c as a value (blocks may be given as pointers).
func content(c Content) (Content, error) {
	switch c := c.(type) {
	case *Markdown:
		if c != nil {
			return *c, nil
		}
	case *Figure:
		if c != nil {
			return *c, nil
		}
	case *Table:
		if c != nil {
			return *c, nil
		}
	case Markdown, Figure, Table:
		return c, nil
	}
	return nil, fmt.Errorf("unknown content %T", c)
}

// build turns the document into the flowables of the front matter (cover,
// contents, list of figures) and the body (sections, endnotes, disclaimer),
// offering each finished block of the body to wrap, which breaks the lines
// of its paragraphs meanwhile.
func build(e *env, wrap *wrapper) (front, body []block, entries []*tocEntry, err error) {
	doc := e.doc
	add := func(bs ...block) {
		body = append(body, bs...)
		wrap.offer(bs...)
	}
	var mds []*Markdown
	for si, s := range doc.Sections {
		for bi, c := range s.Blocks {
			c, err := content(c)
			if err != nil {
				return nil, nil, nil, blockAt{si, bi}.errorf("", "", 0, "sections[%d].blocks[%d]: %v", si, bi, err)
			}
			if md, ok := c.(Markdown); ok {
				if md.Source == "" {
					md.Source = fmt.Sprintf("sections[%d].blocks[%d]", si, bi)
				}
				mds = append(mds, &md)
			}
		}
	}
	docs, fn, err := parseAll(mds)
	if err != nil {
		return nil, nil, nil, err
	}
	di, nfig, ntab, nsec := 0, 0, 0, 0
	var sec *sectionCtx
	var figs []*tocEntry // the list of figures
	for si, s := range doc.Sections {
		if title := strings.TrimSpace(s.Title); title != "" {
			nsec++
			sec = &sectionCtx{num: nsec, entries: &entries}
			t := &tocEntry{level: 1, number: e.doc.Words.num(nsec), title: e.clean(from(fmt.Sprintf("sections[%d].title", si)), title, stBold), anchor: "sec:" + strconv.Itoa(nsec), inTOC: true}
			entries = append(entries, t)
			add(newHeading(e, t, e.key("h")))
		}
		for bi, c := range s.Blocks {
			c, _ := content(c)
			where := fmt.Sprintf("sections[%d].blocks[%d]", si, bi)
			switch c := c.(type) {
			case Markdown:
				d := docs[di]
				di++
				mb := &mdBuilder{e: e, fn: fn, d: d, sec: sec}
				if c.Callout {
					mb.sec = nil
					mb.blocks(d.root, mb.bodyCtx())
					setSource(mb.out, d.md.Source)
					title := e.clean(from(d.md.Source), strings.TrimSpace(c.Title), stBold)
					add(newBox(e, calloutStyle(&e.th, title), mb.out, e.key("k")))
					continue
				}
				mb.blocks(d.root, mb.bodyCtx())
				setSource(mb.out, d.md.Source)
				add(mb.out...)
			case Figure:
				nfig++
				f, err := newFigure(e, nfig, c, where, blockAt{si, bi})
				if err != nil {
					return nil, nil, nil, err
				}
				add(f)
				figs = append(figs, &tocEntry{figure: true, number: e.doc.Words.figure(nfig),
					title: f.cleanTitle, anchor: f.anchor()})
			case Table:
				ntab++
				parts, err := tableBlocks(e, ntab, c, where, blockAt{si, bi})
				if err != nil {
					return nil, nil, nil, err
				}
				add(parts...)
			}
		}
	}
	add(endnotes(e, fn, &entries)...)
	if d := strings.TrimSpace(doc.Brand.Disclaimer); d != "" {
		add(disclaimer(e, d))
	}
	front = []block{newCover(e), &pageBreak{template: "body"}}
	var lines []block
	var prev *tocLine
	for _, t := range entries {
		if t.inTOC {
			l := newTOCLine(e, t)
			if prev != nil && t.level > prev.t.level {
				prev.headsGroup = true
			}
			lines, prev = append(lines, l), l
		}
	}
	if len(lines) > 0 {
		contents := &tocEntry{level: 1, title: e.doc.Words.contents(), anchor: "contents"}
		front = append(front, newHeading(e, contents, e.key("h")))
		front = append(front, lines...)
	}
	if doc.ListOfFigures && len(figs) > 0 {
		lof := &tocEntry{level: 1, title: e.doc.Words.listOfFigures(), anchor: "figures"}
		front = append(front, newHeading(e, lof, e.key("h")))
		for _, t := range figs {
			front = append(front, newTOCLine(e, t))
		}
	}
	if len(front) > 2 {
		front = append(front, &pageBreak{template: "body"})
	}
	return front, body, entries, nil
}

// endnotes is the "Endnotes" section: every footnote, numbered by first use.
func endnotes(e *env, fn *notes, entries *[]*tocEntry) []block {
	if len(fn.order) == 0 && len(fn.defs) == 0 {
		return nil
	}
	var out []block
	if len(fn.order) > 0 {
		t := &tocEntry{level: 1, title: e.doc.Words.endnotes(), anchor: "endnotes", inTOC: true}
		*entries = append(*entries, t)
		out = append(out, newHeading(e, t, e.key("h")))
	}
	// notes may cite notes: order grows while we build
	for i := 0; i < len(fn.order); i++ {
		def := fn.defs[fn.order[i]]
		mb := &mdBuilder{e: e, fn: fn, d: def.doc}
		c := mdCtx{color: e.th.text, size: noteSize, indent: 7}
		mb.blocks(def.node, c)
		setSource(mb.out, def.doc.md.Source)
		if len(mb.out) == 0 {
			continue
		}
		for _, b := range mb.out {
			if p, ok := b.(*paragraph); ok {
				p.ps.kind, p.ps.align, p.ps.leading = "endnote", alignLeft, 1.35
				p.ps.after = 1.4
			}
		}
		if p, ok := mb.out[0].(*paragraph); ok {
			p.ps.label = e.doc.Words.num(i+1) + "."
			p.ps.labelColor = e.th.primary
			p.anchors = append(p.anchors, "fn:"+strconv.Itoa(i+1))
		}
		out = append(out, mb.out...)
	}
	var unused []string
	for l := range fn.defs {
		if _, ok := fn.num[l]; !ok {
			unused = append(unused, l)
		}
	}
	sort.Strings(unused)
	for _, l := range unused {
		e.warn(fn.defs[l].doc.md.Source, "[^"+l+"]", "footnote defined but never referenced; left out")
	}
	return out
}

// setSource notes where the text of paragraphs came from.
func setSource(blocks []block, source string) {
	for _, b := range blocks {
		if p, ok := b.(*paragraph); ok {
			p.source = source
		}
	}
}

// checkLinks warns about links to places the document does not have
// ("#fig:x" for a figure that is not there).
func checkLinks(e *env, blocks []block, plan *Plan) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *box:
			checkLinks(e, b.inner, plan)
		case *paragraph:
			for _, w := range b.ws {
				for _, f := range w.frags {
					if strings.HasPrefix(f.link, "#") {
						if _, ok := plan.anchors[f.link[1:]]; !ok {
							e.warn(b.source, f.link, "link to a place the document does not have")
						}
					}
				}
			}
		}
	}
}
