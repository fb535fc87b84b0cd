package layouts

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// mdDoc is one parsed Markdown block.
type mdDoc struct {
	md     *Markdown
	src    []byte
	root   ast.Node
	labels map[int]string // goldmark's local footnote index → label
	minH   int            // smallest heading level used (for nesting)
}

// footnote is a definition: its label, where it was written and its nodes.
type footnote struct {
	label string
	doc   *mdDoc
	node  ast.Node // *extast.Footnote
	plain string   // its text, to compare duplicates
}

// notes are the footnotes of the whole document, numbered by first use.
type notes struct {
	defs  map[string]*footnote
	order []string // labels by number - 1
	num   map[string]int
}

// use returns the number of label, giving it the next one on first use.
func (n *notes) use(label string) int {
	if k, ok := n.num[label]; ok {
		return k
	}
	n.order = append(n.order, label)
	n.num[label] = len(n.order)
	return len(n.order)
}

var (
	defRE = regexp.MustCompile(`(?m)^ {0,3}\[\^([^\]\s]+)\]:`)
	refRE = regexp.MustCompile(`\[\^([^\]\s]+)\]`)
)

// sentinel starts the paragraph appended to every block so that goldmark
// keeps every local footnote definition (it drops unreferenced ones).
const sentinel = "REPORTFOOTNOTESENTINEL"

func newMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.Footnote, extension.Typographer, extension.Linkify))
}

// parseAll parses every Markdown block. Footnote ids are global: a block
// may refer to a note defined in another one, so each block is parsed with
// stand-in definitions of the labels it does not define; the same id with
// two different texts is an error naming both sources.
func parseAll(e *env, mds []*Markdown) ([]*mdDoc, *notes, error) {
	local := make([]map[string]bool, len(mds))
	all := map[string]bool{}
	for i, md := range mds {
		local[i] = map[string]bool{}
		for _, m := range defRE.FindAllStringSubmatch(md.Text, -1) {
			local[i][m[1]] = true
			all[m[1]] = true
		}
	}
	labels := make([]string, 0, len(all))
	for l := range all {
		labels = append(labels, l)
	}
	sort.Strings(labels)

	gm := newMarkdown()
	fn := &notes{defs: map[string]*footnote{}, num: map[string]int{}}
	docs := make([]*mdDoc, len(mds))
	for i, md := range mds {
		var b strings.Builder
		b.WriteString(md.Text)
		b.WriteString("\n\n" + sentinel)
		for _, l := range labels {
			if local[i][l] {
				b.WriteString("[^" + l + "]")
			}
		}
		b.WriteString("\n\n")
		for _, l := range labels {
			if !local[i][l] {
				b.WriteString("[^" + l + "]: elsewhere\n\n")
			}
		}
		d := &mdDoc{md: md, src: []byte(b.String()), labels: map[int]string{}, minH: 7}
		d.root = gm.Parser().Parse(text.NewReader(d.src))
		docs[i] = d
		if err := d.collect(fn, local[i]); err != nil {
			return nil, nil, err
		}
		for _, m := range refRE.FindAllStringSubmatchIndex(md.Text, -1) {
			l := md.Text[m[2]:m[3]]
			followed := m[1] < len(md.Text) && md.Text[m[1]] == ':'
			if !all[l] && !followed {
				e.warn(md.Source, md.Text[m[0]:m[1]], "footnote reference without a definition")
			}
		}
	}
	return docs, fn, nil
}

// collect records the footnote definitions of d, takes the footnote list
// and the sentinel paragraph out of the tree, and notes the heading levels.
func (d *mdDoc) collect(fn *notes, local map[string]bool) error {
	var remove []ast.Node
	for n := d.root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *extast.FootnoteList:
			remove = append(remove, n)
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				f, ok := c.(*extast.Footnote)
				if !ok {
					continue
				}
				l := string(f.Ref)
				d.labels[f.Index] = l
				if !local[l] {
					continue
				}
				def := &footnote{label: l, doc: d, node: f, plain: nodeText(f, d.src)}
				if old, ok := fn.defs[l]; ok && old.doc != d {
					if old.plain != def.plain {
						return fmt.Errorf("footnote [^%s] has two different texts: in %s and in %s", l, old.doc.md.Source, d.md.Source)
					}
					continue
				}
				if _, ok := fn.defs[l]; !ok {
					fn.defs[l] = def
				}
			}
		case *ast.Paragraph:
			if strings.HasPrefix(nodeText(n, d.src), sentinel) {
				remove = append(remove, n)
			}
		}
	}
	for _, n := range remove {
		d.root.RemoveChild(d.root, n)
	}
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering && h.Level < d.minH {
			d.minH = h.Level
		}
		return ast.WalkContinue, nil
	})
	return nil
}

// nodeText is the plain text under n, for comparisons and excerpts.
func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *extast.FootnoteBacklink:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
