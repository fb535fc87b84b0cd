package layouts

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/briefing/report/internal/mdext"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
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

// refRE is a footnote reference "[^label]".
var refRE = regexp.MustCompile(`\[\^([^\]\s]+)\]`)

// footnoteDefs returns the labels of the footnote definitions in text:
// lines that start, after at most three spaces, with "[^label]:". (A
// scan, not a multi-line regexp: this runs over every text.)
func footnoteDefs(text string) []string {
	var out []string
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		for k := 0; k < 3 && strings.HasPrefix(line, " "); k++ {
			line = line[1:]
		}
		if !strings.HasPrefix(line, "[^") {
			continue
		}
		end := strings.Index(line, "]:")
		if end < 3 || strings.ContainsAny(line[2:end], "] \t\r\f\v") {
			continue
		}
		out = append(out, line[2:end])
	}
	return out
}

// sentinel starts the paragraph appended to every block so that goldmark
// keeps every local footnote definition (it drops unreferenced ones).
const sentinel = "REPORTFOOTNOTESENTINEL"

func newMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(mdext.Footnote, mdext.Typographer, mdext.Linkify, mdext.Table))
}

// parseAll parses every Markdown block. Footnote ids are global: a block
// may refer to a note defined in another one, so each block is parsed with
// stand-in definitions of the labels it refers to but does not define.
// The same id with two different texts is an error naming both sources; a
// reference to an id no block defines is an error naming its source (all
// of them, joined).
func parseAll(mds []*Markdown) ([]*mdDoc, *notes, error) {
	local := make([]map[string]bool, len(mds))
	all := map[string]bool{}
	for i, md := range mds {
		local[i] = map[string]bool{}
		for _, l := range footnoteDefs(md.Text) {
			local[i][l] = true
			all[l] = true
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
	var undef []error
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
			// a stand-in for each note defined elsewhere that the block
			// refers to: goldmark matches a reference by its exact bytes,
			// and drops a definition nothing refers to
			if !local[i][l] && strings.Contains(md.Text, "[^"+l+"]") {
				b.WriteString("[^" + l + "]: elsewhere\n\n")
			}
		}
		d := &mdDoc{md: md, src: []byte(b.String()), labels: map[int]string{}, minH: 7}
		d.root = gm.Parser().Parse(text.NewReader(d.src))
		docs[i] = d
		for _, l := range d.undefined() {
			undef = append(undef, &SourceError{Source: md.Source, Msg: "footnote [^" + l + "] is used but not defined in any text"})
		}
		if err := d.collect(fn, local[i]); err != nil {
			return nil, nil, err
		}
	}
	if len(undef) > 0 {
		return nil, nil, errors.Join(undef...)
	}
	return docs, fn, nil
}

// undefined returns the labels of footnote references in d that stayed
// text: every label defined in any block has a definition (its own or a
// stand-in) when d is parsed, so a "[^label]" left in the text is defined
// nowhere. Code spans and escaped brackets (\[^x]) are not references.
func (d *mdDoc) undefined() []string {
	var out []string
	seen := map[string]bool{}
	var run []byte
	flush := func() {
		for _, m := range refRE.FindAllSubmatchIndex(run, -1) {
			if m[0] > 0 && run[m[0]-1] == '\\' {
				continue
			}
			if l := string(run[m[2]:m[3]]); !seen[l] {
				seen[l] = true
				out = append(out, l)
			}
		}
		run = run[:0]
	}
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				run = append(run, c.Segment.Value(d.src)...)
				if c.SoftLineBreak() || c.HardLineBreak() {
					run = append(run, ' ')
				}
			case *ast.String:
				run = append(run, c.Value...)
			case *ast.CodeSpan, *ast.AutoLink, *ast.RawHTML, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
				flush()
			default:
				flush()
				visit(c)
			}
		}
		flush()
	}
	visit(d.root)
	return out
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
						return &SourceError{Source: old.doc.md.Source, Msg: fmt.Sprintf("footnote [^%s] has two different texts: in %s and in %s", l, old.doc.md.Source, d.md.Source)}
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

// nodeText is the plain text under n as it reads, for comparisons,
// excerpts and an image's printed alternative text.
func nodeText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(textOf(c, src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.WriteString(stringOf(c))
		case *extast.FootnoteBacklink:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
