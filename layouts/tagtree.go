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
		tag, alt, attrs string
		parent          int      // index in elems, -1 for the document
		k               []string // marked-content references and kids, in reading order, by placeholder
		page            int      // the page of its first content, 1-based; 0 none yet
	}
	var elems []*element
	byKey := map[string]int{}
	// kid placeholders are resolved to object numbers once they are known
	const kidMark = "\x00kid "
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
			elems[parent].k = append(elems[parent].k, fmt.Sprintf("%s%d", kidMark, i))
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
	const objMark = "\x00obj "
	taken := make([]int, len(pages))    // a page's annotations given to a Link so far
	byPage := make([][]int, len(pages)) // page → element index by MCID
	for _, t := range tags {
		i := elementOf(t)
		if t.mcid == annotation {
			if t.page < 1 || t.page > len(pages) || taken[t.page-1] >= len(annots[t.page-1]) {
				return "", fmt.Errorf("finish pdf: a link on page %d that fpdf did not write", t.page)
			}
			taken[t.page-1]++
			elems[i].k = append(elems[i].k, fmt.Sprintf("%s%d", objMark, len(links)))
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
		el.k = append(el.k, fmt.Sprintf("<</Type /MCR /Pg %d 0 R /MCID %d>>", pages[t.page-1], t.mcid))
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
	kids := make([]string, len(docKids))
	for i, k := range docKids {
		kids[i] = fmt.Sprintf("%d 0 R", num(k))
	}
	f.add(fmt.Sprintf("<</Type /StructElem /S /Document /P %d 0 R /K [%s]>>", root, strings.Join(kids, " ")), nil)
	for _, el := range elems {
		k := make([]string, len(el.k))
		for j, item := range el.k {
			if rest, ok := strings.CutPrefix(item, kidMark); ok {
				n, _ := strconv.Atoi(rest)
				item = fmt.Sprintf("%d 0 R", num(n))
			} else if rest, ok := strings.CutPrefix(item, objMark); ok {
				j, _ := strconv.Atoi(rest)
				item = fmt.Sprintf("<</Type /OBJR /Obj %d 0 R /Pg %d 0 R>>", annotNum(j), pages[links[j].page-1])
			}
			k[j] = item
		}
		parent := doc
		if el.parent >= 0 {
			parent = num(el.parent)
		}
		dict := fmt.Sprintf("<</Type /StructElem /S /%s /P %d 0 R", el.tag, parent)
		if el.page > 0 {
			dict += fmt.Sprintf(" /Pg %d 0 R", pages[el.page-1])
		}
		dict += " /K [" + strings.Join(k, " ") + "]"
		if el.alt != "" {
			dict += " /Alt " + pdfText(el.alt)
		}
		if el.attrs != "" {
			dict += " " + el.attrs
		}
		f.add(dict+">>", nil)
	}
	var nums []string
	for p, els := range byPage {
		refs := make([]string, len(els))
		for i, n := range els {
			if n < 0 {
				return "", fmt.Errorf("finish pdf: page %d skips MCID %d", p+1, i)
			}
			refs[i] = fmt.Sprintf("%d 0 R", num(n))
		}
		nums = append(nums, fmt.Sprintf("%d [%s]", p, strings.Join(refs, " ")))
	}
	for j, l := range links {
		nums = append(nums, fmt.Sprintf("%d %d 0 R", len(pages)+j, num(l.elem)))
	}
	f.add(fmt.Sprintf("<</Nums [%s]>>", strings.Join(nums, " ")), nil)
	j := 0
	for p, list := range annots {
		if len(list) == 0 {
			continue
		}
		refs := make([]string, len(list))
		for i, a := range list {
			dict := strings.TrimSuffix(a.dict, ">>") + fmt.Sprintf(" /StructParent %d /Contents %s>>", len(pages)+j, pdfText(links[j].contents))
			if got := f.add(dict, nil); got != annotNum(j) {
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
	b := make([]byte, 0, 6+4*len(s))
	b = append(b, "<FEFF"...)
	return string(append(appendUTF16Hex(b, s), '>'))
}
