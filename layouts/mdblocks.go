package layouts

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// mdBuilder turns one parsed Markdown block into flowables.
type mdBuilder struct {
	e   *env
	fn  *notes
	d   *mdDoc
	sec *sectionCtx // nil in callouts and endnotes: headings are plain bold lines
	out []block
}

// mdCtx is the container a Markdown block sits in.
type mdCtx struct {
	indent float64
	quote  int
	list   int // list nesting depth
	color  RGB
	size   float64
	tight  bool
}

func (b *mdBuilder) bodyCtx() mdCtx {
	return mdCtx{color: b.e.th.text, size: bodySize}
}

func (b *mdBuilder) paraStyle(c mdCtx) paraStyle {
	align := alignLeft
	if b.e.th.justify {
		align = alignJustify
	}
	after := paraAfter
	if c.tight {
		after = itemAfter
	}
	return paraStyle{size: c.size, leading: bodyLeading, color: c.color, align: align,
		indent: c.indent, quote: c.quote, after: after}
}

// blocks converts the block children of n.
func (b *mdBuilder) blocks(n ast.Node, c mdCtx) {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			spans := b.inlines(ch, 0, "", nil)
			if len(spans) == 0 {
				continue
			}
			b.out = append(b.out, newParagraph(b.e, spans, b.paraStyle(c), b.e.key("p")))
		case *ast.Heading:
			b.heading(ch)
		case *ast.List:
			b.list(ch, c)
		case *ast.Blockquote:
			q := c
			q.quote++
			q.indent += quoteIndent
			q.color = mix(c.color, RGB{255, 255, 255}, 0.15)
			start := len(b.out)
			b.blocks(ch, q)
			for i := start; i < len(b.out)-1; i++ {
				if p, ok := b.out[i].(*paragraph); ok {
					p.ps.barExtend = p.ps.after
				}
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			b.code(ch, c)
		case *ast.ThematicBreak:
			b.out = append(b.out, &rule{color: b.e.th.rule, weight: 0.3, before: 3, key: b.e.key("r")})
		case *ast.HTMLBlock:
			b.e.warn(b.d.md.Source, excerpt(blockLines(ch, b.d.src), 40), "HTML blocks are not drawn")
		case *extast.Table:
			b.table(ch)
		case *extast.FootnoteList, *extast.Footnote:
			// endnotes are built at the end of the document
		default:
			b.blocks(ch, c)
		}
	}
}

// heading is a Markdown heading: numbered under its section (the block's
// top level becomes "1.1", deeper ones "1.1.1"), or a bold line in a
// callout or an endnote.
func (b *mdBuilder) heading(h *ast.Heading) {
	title := strings.TrimSpace(plain(b.inlines(h, stBold, "", nil)))
	if title == "" {
		return
	}
	if b.sec == nil {
		ps := b.paraStyle(b.bodyCtx())
		ps.align, ps.before, ps.after, ps.kind = alignLeft, 1.5, 1.2, "subhead"
		p := newParagraph(b.e, []span{{text: title, st: stBold}}, ps, b.e.key("h"))
		p.keepNext, p.noSplit = true, true
		b.out = append(b.out, p)
		return
	}
	level := 2
	if h.Level > b.d.minH {
		level = 3
	}
	b.out = append(b.out, b.sec.heading(b.e, level, title))
}

func (b *mdBuilder) list(l *ast.List, c mdCtx) {
	item := c
	item.list++
	item.tight = l.IsTight
	n := 0
	for li := l.FirstChild(); li != nil; li = li.NextSibling() {
		n++
	}
	label := func(i int) string {
		if l.IsOrdered() {
			return b.e.doc.Words.num(l.Start+i) + string(l.Marker)
		}
		return [...]string{"•", "–", "◦"}[(item.list-1)%3]
	}
	ind := listIndent
	if l.IsOrdered() {
		ind = maxf(ind, b.e.m.width(0, c.size, label(n-1))+2.6)
	}
	item.indent += ind
	listKey := b.e.key("l")
	i := 0
	for li := l.FirstChild(); li != nil; li = li.NextSibling() {
		start := len(b.out)
		b.blocks(li, item)
		if start < len(b.out) {
			if p, ok := b.out[start].(*paragraph); ok && p.ps.label == "" {
				// the item's further paragraphs and lists belong in its body
				for _, more := range b.out[start+1:] {
					if q, ok := more.(*paragraph); ok && q.within == "" {
						q.within = p.key
					}
				}
				p.list = listKey
				p.ps.label = label(i)
				p.ps.labelColor = c.color
				if !l.IsOrdered() {
					p.ps.labelColor = b.e.th.primary
					p.ps.labelStyle = stBold
				}
			}
		}
		i++
	}
	if p, ok := b.last().(*paragraph); ok && p.ps.after < paraAfter && !c.tight {
		p.ps.after = paraAfter
	}
}

func (b *mdBuilder) last() block {
	if len(b.out) == 0 {
		return nil
	}
	return b.out[len(b.out)-1]
}

func (b *mdBuilder) code(n ast.Node, c mdCtx) {
	s := strings.ReplaceAll(strings.TrimRight(blockLines(n, b.d.src), "\n"), "\t", "    ")
	ps := b.paraStyle(c)
	ps.code, ps.align, ps.leading, ps.size, ps.kind = true, alignLeft, 1.35, c.size*0.95, "code"
	ps.after = paraAfter
	sp := []span{{text: b.e.clean(from(b.d.md.Source), s, stMono), st: stMono}}
	b.out = append(b.out, newParagraph(b.e, sp, ps, b.e.key("c")))
}

// blockLines is the raw text of a block node's lines.
func blockLines(n ast.Node, src []byte) string {
	var sb strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		sb.Write(s.Value(src))
	}
	return sb.String()
}

// table is a pipe table: set as a table of the document, unnumbered and
// in its place in the text. A column is right-aligned when the Markdown
// says so (---:), or says nothing and holds only numbers.
func (b *mdBuilder) table(n *extast.Table) {
	var t Table
	t.Pinned = true
	cell := func(c ast.Node) string {
		return strings.TrimSpace(plain(b.inlines(c, 0, "", nil)))
	}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, cell(c))
		}
		if _, head := row.(*extast.TableHeader); head {
			for _, h := range cells {
				t.Columns = append(t.Columns, Column{Header: h})
			}
			continue
		}
		t.Rows = append(t.Rows, cells)
	}
	for j, al := range n.Alignments {
		if j >= len(t.Columns) {
			break
		}
		t.Columns[j].Numeric = al == extast.AlignRight || (al == extast.AlignNone && numericColumn(t.Rows, j))
	}
	tb, err := newTable(b.e, 0, t, b.d.md.Source, inMarkdown)
	if err != nil {
		b.e.warn(b.d.md.Source, "table", err.Error())
		return
	}
	b.out = append(b.out, tb)
}

// numericColumn reports whether every non-empty cell of column j reads as
// a number.
func numericColumn(rows [][]string, j int) bool {
	any := false
	for _, r := range rows {
		if j >= len(r) || r[j] == "" || r[j] == "–" {
			continue
		}
		if _, ok := decimalTail(r[j]); !ok || strings.IndexFunc(r[j], func(c rune) bool {
			return !strings.ContainsRune("0123456789,.+-−–%", c)
		}) >= 0 {
			return false
		}
		any = true
	}
	return any
}
