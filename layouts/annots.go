package layouts

import (
	"bytes"
	"fmt"
)

// fpdf writes a page's link annotations inline, in its /Annots array; the
// finishing pass takes them out into objects of their own, so that their
// Link elements can refer to them (see structure).

// inlineAnnot is a link annotation fpdf wrote into a page's /Annots.
type inlineAnnot struct{ dict string }

// pageAnnots are the link annotations of each page, in the order fpdf
// wrote them: the order of the links drawn.
func pageAnnots(f *pdfFile, pages []int) ([][]inlineAnnot, error) {
	out := make([][]inlineAnnot, len(pages))
	for i, p := range pages {
		o := f.find(p)
		if o == nil {
			return nil, fmt.Errorf("finish pdf: no page object %d", p)
		}
		at := annotsAt(o.data)
		if at == nil {
			continue
		}
		dicts, err := splitDicts(o.data[at[0]+len("/Annots [") : at[1]-1])
		if err != nil {
			return nil, fmt.Errorf("finish pdf: page %d: %w", i+1, err)
		}
		for _, d := range dicts {
			out[i] = append(out[i], inlineAnnot{dict: d})
		}
	}
	return out, nil
}

// annotsAt finds a page's "/Annots [...]": its start and end, nil when
// the page has none. The array holds dictionaries with strings in them.
func annotsAt(page []byte) []int {
	start := bytes.Index(page, []byte("/Annots ["))
	if start < 0 {
		return nil
	}
	depth := 0
	for i := start + len("/Annots ["); i < len(page); i++ {
		switch page[i] {
		case '(':
			i = skipString(page, i)
		case '[':
			depth++
		case ']':
			if depth == 0 {
				return []int{start, i + 1}
			}
			depth--
		}
	}
	return nil
}

// splitDicts splits the dictionaries of an array's contents, "<<...>>
// <<...>>", minding nested dictionaries and strings.
func splitDicts(b []byte) ([]string, error) {
	var out []string
	depth, from := 0, -1
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == '(':
			if i = skipString(b, i); i >= len(b) {
				return nil, fmt.Errorf("unbalanced /Annots")
			}
		case b[i] == '<' && i+1 < len(b) && b[i+1] == '<':
			if depth == 0 {
				from = i
			}
			depth++
			i++
		case b[i] == '>' && i+1 < len(b) && b[i+1] == '>':
			depth--
			i++
			if depth == 0 {
				out = append(out, string(b[from:i+1]))
			}
		}
	}
	if depth != 0 {
		return nil, fmt.Errorf("unbalanced /Annots")
	}
	return out, nil
}

// skipString returns the index of the ")" that closes the literal string
// opening at b[i], minding escapes and nested parentheses; len(b) when it
// does not close.
func skipString(b []byte, i int) int {
	depth := 0
	for ; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return len(b)
}
