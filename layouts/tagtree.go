package layouts

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/briefing/report/internal/lazyregexp"
)

// structure adds the structure tree of the tagged content to f: a
// Document element whose kids are the blocks' elements in reading order
// (a split block is one element with a marked-content reference on each
// of its pages), the parent tree that maps each page's marked content
// back to its element, and on each page /StructParents and /Tabs /S. It
// returns the catalog entries to add.
func structure(f *pdfFile, tags []tagRecord) (string, error) {
	pages, err := pageObjects(f)
	if err != nil {
		return "", err
	}
	// A kid of an element: another element, marked content on a page, or
	// a link annotation; written once the object numbers are known.
	type kid struct {
		kind byte // kidElem, kidMCR or kidOBJR
		n    int  // the element's index, the MCID, or the link's index
		page int  // of the marked content, 1-based
	}
	const (
		kidElem = iota
		kidMCR
		kidOBJR
	)
	type element struct {
		tag, alt, attrs string
		parent          int   // index in elems, -1 for the document
		k               []kid // in reading order
		page            int   // the page of its first content, 1-based; 0 none yet
	}
	elems := make([]*element, 0, len(tags)/2)
	byKey := make(map[string]int, len(tags)/2)
	var docKids []int
	elementOf := func(t tagRecord) int {
		if i, ok := byKey[t.key]; ok {
			return i
		}
		parent := -1
		if p, ok := byKey[t.parent]; ok && t.parent != "" {
			parent = p
		}
		elems = append(elems, &element{tag: t.tag, alt: t.alt, attrs: t.attrs, parent: parent})
		i := len(elems) - 1
		byKey[t.key] = i
		if parent < 0 {
			docKids = append(docKids, i)
		} else {
			elems[parent].k = append(elems[parent].k, kid{kind: kidElem, n: i})
		}
		return i
	}
	annots, err := pageAnnots(f, pages)
	if err != nil {
		return "", err
	}
	type annot struct {
		page, elem int
		contents   string
	}
	var links []annot
	taken := make([]int, len(pages))    // a page's annotations given to a Link so far
	byPage := make([][]int, len(pages)) // page → element index by MCID
	for _, t := range tags {
		i := elementOf(t)
		if t.mcid == annotation {
			if t.page < 1 || t.page > len(pages) || taken[t.page-1] >= len(annots[t.page-1]) {
				return "", fmt.Errorf("finish pdf: a link on page %d that fpdf did not write", t.page)
			}
			taken[t.page-1]++
			elems[i].k = append(elems[i].k, kid{kind: kidOBJR, n: len(links)})
			links = append(links, annot{page: t.page, elem: i, contents: t.alt})
			continue
		}
		if t.mcid < 0 {
			continue
		}
		if t.page < 1 || t.page > len(pages) {
			return "", fmt.Errorf("finish pdf: marked content on page %d of %d", t.page, len(pages))
		}
		el := elems[i]
		if el.page == 0 {
			el.page = t.page
		}
		el.k = append(el.k, kid{kind: kidMCR, n: t.mcid, page: t.page})
		for len(byPage[t.page-1]) <= t.mcid {
			byPage[t.page-1] = append(byPage[t.page-1], -1)
		}
		byPage[t.page-1][t.mcid] = i
	}
	for p, n := range taken {
		if n != len(annots[p]) {
			return "", fmt.Errorf("finish pdf: page %d has %d link annotations, %d of them tagged", p+1, len(annots[p]), n)
		}
	}
	// numbers: the root, the document, the elements, the parent tree, the
	// link annotations (written inline by fpdf, made objects of their own
	// here so that their Link elements can refer to them)
	root := f.size
	doc := root + 1
	first := doc + 1
	parentTree := first + len(elems)
	num := func(i int) int { return first + i }
	annotNum := func(j int) int { return parentTree + 1 + j }
	if got := f.add(fmt.Sprintf("<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>", doc, parentTree, len(pages)+len(links)), nil); got != root {
		return "", fmt.Errorf("finish pdf: object numbers out of step")
	}
	var b []byte // the dictionary being written
	ref := func(b []byte, n int) []byte { return append(strconv.AppendInt(b, int64(n), 10), " 0 R"...) }
	b = append(b, "<</Type /StructElem /S /Document /P "...)
	b = append(ref(b, root), " /K ["...)
	for i, k := range docKids {
		if i > 0 {
			b = append(b, ' ')
		}
		b = ref(b, num(k))
	}
	f.addBytes(append(b, "]>>"...), nil)
	for _, el := range elems {
		parent := doc
		if el.parent >= 0 {
			parent = num(el.parent)
		}
		b = append(b[:0], "<</Type /StructElem /S /"...)
		b = append(append(b, el.tag...), " /P "...)
		b = ref(b, parent)
		if el.page > 0 {
			b = ref(append(b, " /Pg "...), pages[el.page-1])
		}
		b = append(b, " /K ["...)
		for j, k := range el.k {
			if j > 0 {
				b = append(b, ' ')
			}
			switch k.kind {
			case kidElem:
				b = ref(b, num(k.n))
			case kidMCR:
				b = ref(append(b, "<</Type /MCR /Pg "...), pages[k.page-1])
				b = append(strconv.AppendInt(append(b, " /MCID "...), int64(k.n), 10), ">>"...)
			case kidOBJR:
				b = ref(append(b, "<</Type /OBJR /Obj "...), annotNum(k.n))
				b = append(ref(append(b, " /Pg "...), pages[links[k.n].page-1]), ">>"...)
			}
		}
		b = append(b, ']')
		if el.alt != "" {
			b = append(append(b, " /Alt "...), pdfText(el.alt)...)
		}
		if el.attrs != "" {
			b = append(append(b, ' '), el.attrs...)
		}
		f.addBytes(append(b, ">>"...), nil)
	}
	b = append(b[:0], "<</Nums ["...)
	for p, els := range byPage {
		if p > 0 {
			b = append(b, ' ')
		}
		b = append(strconv.AppendInt(b, int64(p), 10), " ["...)
		for i, n := range els {
			if n < 0 {
				return "", fmt.Errorf("finish pdf: page %d skips MCID %d", p+1, i)
			}
			if i > 0 {
				b = append(b, ' ')
			}
			b = ref(b, num(n))
		}
		b = append(b, ']')
	}
	for j, l := range links {
		if len(byPage) > 0 || j > 0 {
			b = append(b, ' ')
		}
		b = ref(append(strconv.AppendInt(b, int64(len(pages)+j), 10), ' '), num(l.elem))
	}
	f.addBytes(append(b, "]>>"...), nil)
	j := 0
	for p, list := range annots {
		if len(list) == 0 {
			continue
		}
		refs := make([]string, len(list))
		for i, a := range list {
			b = append(b[:0], strings.TrimSuffix(a.dict, ">>")...)
			b = strconv.AppendInt(append(b, " /StructParent "...), int64(len(pages)+j), 10)
			b = append(append(append(b, " /Contents "...), pdfText(links[j].contents)...), ">>"...)
			if got := f.addBytes(b, nil); got != annotNum(j) {
				return "", fmt.Errorf("finish pdf: object numbers out of step")
			}
			refs[i] = fmt.Sprintf("%d 0 R", annotNum(j))
			j++
		}
		o := f.find(pages[p])
		at := annotsAt(o.data)
		o.data = append(append(append([]byte{}, o.data[:at[0]]...), "/Annots ["+strings.Join(refs, " ")+"]"...), o.data[at[1]:]...)
	}
	for i, p := range pages {
		o := f.find(p)
		k := bytes.Index(o.data, []byte("/Type /Page"))
		if k < 0 {
			return "", fmt.Errorf("finish pdf: object %d is not a page", p)
		}
		k += len("/Type /Page")
		o.data = append(append(append([]byte{}, o.data[:k]...), fmt.Sprintf("\n/StructParents %d /Tabs /S", i)...), o.data[k:]...)
	}
	return fmt.Sprintf("/StructTreeRoot %d 0 R\n/MarkInfo <</Marked true>>\n", root), nil
}

var kidsRE = lazyregexp.New(`/Kids\s*\[([^\]]*)\]`)

// pageObjects are the page objects' numbers in page order, from the page
// tree fpdf writes (one /Pages node with every page as a kid).
func pageObjects(f *pdfFile) ([]int, error) {
	for _, o := range f.objs {
		if !bytes.Contains(o.dict(), []byte("/Type /Pages")) {
			continue
		}
		m := kidsRE().FindSubmatch(o.data)
		if m == nil {
			break
		}
		var out []int
		for _, fld := range strings.Fields(string(m[1])) {
			if n, err := strconv.Atoi(fld); err == nil && fld != "0" {
				out = append(out, n)
			}
		}
		return out, nil
	}
	return nil, fmt.Errorf("finish pdf: no page tree")
}

// pdfText is s as a PDF text string: UTF-16BE with a byte order mark, in
// hex, so that every character survives.
func pdfText(s string) string {
	b := make([]byte, 0, 6+4*len(s))
	b = append(b, "<FEFF"...)
	return string(append(appendUTF16Hex(b, s), '>'))
}
