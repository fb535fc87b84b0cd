package layouts

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// inlines converts the inline children of n to spans in style st, linked
// to link when not empty. Text is unescaped and cleaned for the fonts.
func (b *mdBuilder) inlines(n ast.Node, st style, link string, out []span) []span {
	src := b.d.src
	add := func(s string, st style, link string) {
		if s == "" {
			return
		}
		out = append(out, span{text: b.e.clean(from(b.d.md.Source), s, st), st: st, link: link})
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			add(string(textOf(c, src)), st, link)
			switch {
			case c.HardLineBreak():
				out = append(out, span{hard: true})
			case c.SoftLineBreak():
				add(" ", st, link)
			}
		case *ast.String:
			add(stringOf(c), st, link)
		case *ast.Emphasis:
			s := st | stItalic
			if c.Level >= 2 {
				s = st | stBold
			}
			out = b.inlines(c, s, link, out)
		case *ast.CodeSpan:
			var v []byte
			for t := c.FirstChild(); t != nil; t = t.NextSibling() {
				if t, ok := t.(*ast.Text); ok {
					v = append(v, t.Segment.Value(src)...)
				}
			}
			add(string(v), (st&^(stBold|stItalic))|stMono, link)
		case *ast.Link:
			out = b.inlines(c, st, string(c.Destination), out)
		case *ast.AutoLink:
			url := string(c.URL(src))
			if c.AutoLinkType == ast.AutoLinkEmail {
				url = "mailto:" + url
			}
			add(string(c.Label(src)), st, url)
		case *ast.Image:
			b.e.warn(b.d.md.Source, nodeText(c, src), "images in Markdown are not drawn; the alt text is printed")
			add("["+nodeText(c, src)+"]", st|stItalic, link)
		case *ast.RawHTML:
			raw := ""
			for i := 0; i < c.Segments.Len(); i++ {
				s := c.Segments.At(i)
				raw += string(s.Value(src))
			}
			if raw == "<br>" || raw == "<br/>" || raw == "<br />" {
				out = append(out, span{hard: true})
				continue
			}
			b.e.warn(b.d.md.Source, raw, "inline HTML is not drawn")
		case *extast.FootnoteLink:
			label := b.d.labels[c.Index]
			k := b.fn.use(label)
			if n := len(out); n > 0 && out[n-1].st&stSup != 0 && strings.HasPrefix(out[n-1].link, "#fn:") {
				out = append(out, span{text: ",", st: stSup}) // ¹,² not ¹²
			}
			out = append(out, span{text: b.e.doc.Words.num(k), st: stSup, link: "#fn:" + strconv.Itoa(k)})
		case *extast.FootnoteBacklink:
			// the endnote numbers are enough
		default:
			out = b.inlines(c, st, link, out)
		}
	}
	return out
}

// textOf is the text of a Text node as it reads: its entities and
// character references resolved and its backslash escapes removed, but
// for raw text (code), which is as written.
func textOf(c *ast.Text, src []byte) []byte {
	v := c.Segment.Value(src)
	if !c.IsRaw() {
		v = util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(v)))
	}
	return v
}

// stringOf is the text of a String node, which the typographer (mdext)
// writes as characters: anything else in one is read as HTML.
func stringOf(c *ast.String) string {
	return string(util.ResolveNumericReferences(util.ResolveEntityNames(c.Value)))
}
