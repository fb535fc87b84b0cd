package layouts

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
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
	type element struct {
		tag, alt string
		refs     []tagRecord
	}
	var elems []*element
	byKey := map[string]*element{}
	for _, t := range tags {
		el := byKey[t.key]
		if el == nil {
			el = &element{tag: t.tag, alt: t.alt}
			byKey[t.key] = el
			elems = append(elems, el)
		}
		el.refs = append(el.refs, t)
	}
	// numbers first: the elements refer to their parent and back
	root := f.size
	doc := root + 1
	first := doc + 1
	parentTree := first + len(elems)
	num := func(i int) int { return first + i }
	if got := f.add(fmt.Sprintf("<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>", doc, parentTree, len(pages)), nil); got != root {
		return "", fmt.Errorf("finish pdf: object numbers out of step")
	}
	kids := make([]string, len(elems))
	for i := range elems {
		kids[i] = fmt.Sprintf("%d 0 R", num(i))
	}
	f.add(fmt.Sprintf("<</Type /StructElem /S /Document /P %d 0 R /K [%s]>>", root, strings.Join(kids, " ")), nil)
	byPage := make([][]int, len(pages)) // page → element number by MCID
	for i, el := range elems {
		var mcrs []string
		for _, r := range el.refs {
			if r.page < 1 || r.page > len(pages) {
				return "", fmt.Errorf("finish pdf: marked content on page %d of %d", r.page, len(pages))
			}
			mcrs = append(mcrs, fmt.Sprintf("<</Type /MCR /Pg %d 0 R /MCID %d>>", pages[r.page-1], r.mcid))
			for len(byPage[r.page-1]) <= r.mcid {
				byPage[r.page-1] = append(byPage[r.page-1], 0)
			}
			byPage[r.page-1][r.mcid] = num(i)
		}
		dict := fmt.Sprintf("<</Type /StructElem /S /%s /P %d 0 R /Pg %d 0 R /K [%s]", el.tag, doc, pages[el.refs[0].page-1], strings.Join(mcrs, " "))
		if el.alt != "" {
			dict += " /Alt " + pdfText(el.alt)
		}
		f.add(dict+">>", nil)
	}
	var nums []string
	for p, els := range byPage {
		refs := make([]string, len(els))
		for i, n := range els {
			refs[i] = fmt.Sprintf("%d 0 R", n)
		}
		nums = append(nums, fmt.Sprintf("%d [%s]", p, strings.Join(refs, " ")))
	}
	f.add(fmt.Sprintf("<</Nums [%s]>>", strings.Join(nums, " ")), nil)
	for i, p := range pages {
		o := f.find(p)
		k := strings.Index(string(o.data), "/Type /Page")
		if k < 0 {
			return "", fmt.Errorf("finish pdf: object %d is not a page", p)
		}
		k += len("/Type /Page")
		o.data = append(append(append([]byte{}, o.data[:k]...), fmt.Sprintf("\n/StructParents %d /Tabs /S", i)...), o.data[k:]...)
	}
	return fmt.Sprintf("/StructTreeRoot %d 0 R\n/MarkInfo <</Marked true>>\n", root), nil
}

var kidsRE = regexp.MustCompile(`/Kids\s*\[([^\]]*)\]`)

// pageObjects are the page objects' numbers in page order, from the page
// tree fpdf writes (one /Pages node with every page as a kid).
func pageObjects(f *pdfFile) ([]int, error) {
	for _, o := range f.objs {
		if !strings.Contains(string(o.data), "/Type /Pages") {
			continue
		}
		m := kidsRE.FindSubmatch(o.data)
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
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, r := range s {
		if r > 0xFFFF {
			r1, r2 := 0xD800+((r-0x10000)>>10), 0xDC00+((r-0x10000)&0x3FF)
			fmt.Fprintf(&b, "%04X%04X", r1, r2)
			continue
		}
		fmt.Fprintf(&b, "%04X", r)
	}
	b.WriteString(">")
	return b.String()
}
