package layouts

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// A structural check of the tagged sample, in the manner of a PDF/UA
// checker: marked content opens and closes in balance on every page;
// every MCID drawn on a page is in the parent tree once, at its index,
// pointing at an element whose /K references that MCID on that page;
// every Figure has /Alt; headings, paragraphs, figures, tables and
// contents lines are all there; the pages tab in structure order.
func TestRender_StructureTree(t *testing.T) {
	doc := sampleDoc(t)
	doc.ListOfFigures = true
	checkStructure(t, doc, []string{"Document", "H1", "H2", "P", "Figure", "Table", "Caption", "TR", "TH", "TD", "TOC", "TOCI",
		"L", "LI", "Lbl", "LBody", "Link", "Note", "Reference", "Div"})
}

// The same checks on the demo document with a table split by columns and
// one set sideways.
func TestRender_StructureTreeOfWideTables(t *testing.T) {
	doc := demoDoc()
	doc.Sections = append(doc.Sections, Section{Title: "Wide", Blocks: []Content{wideTable(14, false), wideTable(14, true)}})
	checkStructure(t, doc, []string{"Document", "H1", "P", "Figure", "Table", "TR", "TH", "TD", "Link"})
}

func checkStructure(t *testing.T, doc Document, want []string) {
	t.Helper()
	var buf bytes.Buffer
	res, err := Render(doc, &buf)
	if err != nil {
		t.Fatal(err)
	}
	pdf := buf.String()
	objects := map[int]string{}
	for _, m := range regexp.MustCompile(`(?s)\n(\d+) 0 obj\n(.*?)\nendobj`).FindAllStringSubmatch(pdf, -1) {
		n, _ := strconv.Atoi(m[1])
		objects[n] = m[2]
	}
	kids := kidsRE().FindStringSubmatch(pdf)
	var pages []int
	for _, f := range strings.Fields(kids[1]) {
		if n, err := strconv.Atoi(f); err == nil && n != 0 {
			pages = append(pages, n)
		}
	}
	if len(pages) != res.Pages {
		t.Fatalf("%d pages in the tree, %d laid out", len(pages), res.Pages)
	}
	tree := regexp.MustCompile(`/ParentTree (\d+) 0 R`).FindStringSubmatch(pdf)
	if tree == nil || !strings.Contains(pdf, "/MarkInfo <</Marked true>>") {
		t.Fatal("no structure tree, or not marked")
	}
	ptNum, _ := strconv.Atoi(tree[1])
	nums := regexp.MustCompile(`(\d+) \[([^\]]*)\]`).FindAllStringSubmatch(objects[ptNum], -1)
	if len(nums) != len(pages) {
		t.Fatalf("parent tree has %d pages of %d", len(nums), len(pages))
	}
	streamRE := regexp.MustCompile(`(?s)<</Filter /FlateDecode /Length (\d+)>>\nstream\n`)
	for i, p := range pages {
		page := objects[p]
		if !strings.Contains(page, "/StructParents "+strconv.Itoa(i)+" /Tabs /S") {
			t.Errorf("page %d: no /StructParents %d /Tabs /S", i+1, i)
		}
		content, _ := strconv.Atoi(regexp.MustCompile(`/Contents (\d+) 0 R`).FindStringSubmatch(page)[1])
		obj := objects[content]
		m := streamRE.FindStringSubmatchIndex(obj)
		l, _ := strconv.Atoi(obj[m[2]:m[3]])
		zr, err := zlib.NewReader(strings.NewReader(obj[m[1] : m[1]+l]))
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(zr)
		opens := bytes.Count(data, []byte(" BDC\n")) + bytes.Count(data, []byte("/Artifact BMC\n"))
		if closes := bytes.Count(data, []byte("EMC\n")); opens != closes || opens < 2 {
			t.Errorf("page %d: %d marked-content sequences opened, %d closed", i+1, opens, closes)
		}
		refs := strings.Fields(strings.ReplaceAll(nums[i][2], " 0 R", ""))
		for _, mm := range regexp.MustCompile(`<</MCID (\d+)>> BDC`).FindAllSubmatch(data, -1) {
			id, _ := strconv.Atoi(string(mm[1]))
			if id >= len(refs) {
				t.Errorf("page %d: MCID %d is not in the parent tree", i+1, id)
				continue
			}
			el, _ := strconv.Atoi(refs[id])
			if !strings.Contains(objects[el], "/Pg "+strconv.Itoa(p)+" 0 R /MCID "+strconv.Itoa(id)+">>") {
				t.Errorf("page %d: MCID %d's element %d does not reference it", i+1, id, el)
			}
		}
		if ops := paintedOutsideMarkedContent(data); len(ops) > 0 {
			t.Errorf("page %d: %d operators paint outside marked content (neither tagged nor an artifact): %v", i+1, len(ops), ops[:min(len(ops), 5)])
		}
		if got := len(regexp.MustCompile(`<</MCID \d+>> BDC`).FindAll(data, -1)); got != len(refs) {
			t.Errorf("page %d: %d MCIDs drawn, %d in the parent tree", i+1, got, len(refs))
		}
	}
	seen := map[string]int{}
	for _, o := range objects {
		if m := regexp.MustCompile(`/Type /StructElem /S /(\w+)`).FindStringSubmatch(o); m != nil {
			seen[m[1]]++
			if m[1] == "Figure" && !strings.Contains(o, "/Alt <FEFF") {
				t.Error("a Figure without /Alt")
			}
		}
	}
	for _, tag := range want {
		if seen[tag] == 0 {
			t.Errorf("no %s element (elements: %v)", tag, seen)
		}
	}
	checkAnnotations(t, objects, objects[ptNum], len(pages))
	checkTableGrids(t, objects)
	checkHeadingLevels(t, objects)
	for n, o := range objects {
		if strings.Contains(o, "/S /Note ") && !strings.Contains(o, "/ID <FEFF") {
			t.Errorf("Note %d has no /ID", n)
		}
	}
}

// checkAnnotations checks that every link annotation is an object of its
// own, described (/Contents), and in the structure: its /StructParent
// leads through the parent tree to a Link element that refers to it.
func checkAnnotations(t *testing.T, objects map[int]string, parentTree string, pages int) {
	t.Helper()
	links := 0
	for n, o := range objects {
		if strings.Contains(o, "/Type /Page ") && regexp.MustCompile(`/Annots \[[^\]]*<<`).MatchString(o) {
			t.Errorf("page object %d keeps an annotation inline", n)
		}
		if !strings.Contains(o, "/Subtype /Link") {
			continue
		}
		links++
		m := regexp.MustCompile(`/StructParent (\d+) /Contents <FEFF[0-9A-F]+>`).FindStringSubmatch(o)
		if m == nil {
			t.Errorf("link annotation %d: no /StructParent and /Contents: %s", n, o)
			continue
		}
		k, _ := strconv.Atoi(m[1])
		e := regexp.MustCompile(`(?:^|[\[ ])` + m[1] + ` (\d+) 0 R`).FindStringSubmatch(parentTree)
		if k < pages || e == nil {
			t.Errorf("link annotation %d: key %d not in the parent tree after the pages", n, k)
			continue
		}
		el, _ := strconv.Atoi(e[1])
		if o := objects[el]; !strings.Contains(o, "/S /Link ") || !strings.Contains(o, fmt.Sprintf("/Type /OBJR /Obj %d 0 R", n)) {
			t.Errorf("link annotation %d: element %d is not a Link that refers to it: %s", n, el, o)
		}
	}
	if links == 0 {
		t.Error("no link annotation: the check would pass on anything")
	}
}

// A list inside a list item is inside the item's body (LBody), and so is
// the item's second paragraph.
func TestRender_NestedListsInTheirItem(t *testing.T) {
	doc := baseDoc(Section{Title: "Lists", Blocks: []Content{Markdown{Source: "l.md",
		Text: "- outer one\n\n  more of outer one\n\n  - inner a\n  - inner b\n- outer two\n"}}})
	var buf bytes.Buffer
	if _, err := Render(doc, &buf); err != nil {
		t.Fatal(err)
	}
	objects := map[int]string{}
	for _, m := range regexp.MustCompile(`(?s)\n(\d+) 0 obj\n(.*?)\nendobj`).FindAllStringSubmatch(buf.String(), -1) {
		n, _ := strconv.Atoi(m[1])
		objects[n] = m[2]
	}
	parentOf := func(o string) string {
		m := regexp.MustCompile(`/P (\d+) 0 R`).FindStringSubmatch(o)
		if m == nil {
			return ""
		}
		n, _ := strconv.Atoi(m[1])
		return regexp.MustCompile(`/S /(\w+)`).FindStringSubmatch(objects[n] + "/S /none")[1]
	}
	lists, inBody, pInBody := 0, 0, 0
	for _, o := range objects {
		switch {
		case strings.Contains(o, "/S /L "):
			lists++
			if parentOf(o) == "LBody" {
				inBody++
			}
		case strings.Contains(o, "/S /P ") && parentOf(o) == "LBody":
			pInBody++
		}
	}
	if lists != 2 || inBody != 1 || pInBody != 1 {
		t.Errorf("%d lists, %d of them in an LBody (want 2 and 1); %d paragraphs in an LBody (want 1)", lists, inBody, pInBody)
	}
}

// Every word a text extractor finds on the pages is in the structure
// tree, but for the page furniture drawn as artifacts (banner, running
// header and footer, page numbers): poppler's pdftotext against its
// pdfinfo -struct-text.
func TestRender_EveryWordIsInTheStructure(t *testing.T) {
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("poppler-utils is not installed: .ci/run installs it")
		}
		t.Skip("pdfinfo (poppler-utils) is not installed")
	}
	doc := sampleDoc(t)
	var buf bytes.Buffer
	res, err := Render(doc, &buf)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "s.pdf")
	os.WriteFile(path, buf.Bytes(), 0o644)
	info, _ := exec.Command("pdfinfo", path).Output()
	if !regexp.MustCompile(`Tagged:\s+yes`).Match(info) {
		t.Errorf("pdfinfo: not tagged:\n%s", info)
	}
	text, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	structText, err := exec.Command("pdfinfo", "-struct-text", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	// the tree's headings are the document's, in its order
	var got, want []string
	for _, m := range regexp.MustCompile(`H[1-3] \(block\)\n\s*"([^"]*)"`).FindAllSubmatch(structText, -1) {
		got = append(got, strings.TrimSpace(string(m[1])))
	}
	for _, h := range res.Plan.Headings {
		want = append(want, strings.TrimSpace(h.Number+" "+h.Title))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("headings in the structure:\n%s\nin the document:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	inTree := map[string]bool{}
	for _, w := range strings.Fields(strings.NewReplacer(`"`, " ").Replace(string(structText))) {
		inTree[w] = true
	}
	furniture := strings.Join([]string{doc.Title, doc.Brand.Organization, strings.ToUpper(doc.Brand.Organization),
		doc.Classification, doc.Series, "Page of ·", periodText(doc.Period), "(continued)"}, " ")
	// the extractors join lines and hyphenated words differently: compare
	// letters only, a word against the tree's letters run together
	letters := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, s)
	}
	// the tree's text is in its quoted strings: the lines between are
	// element types and annotations ("Link (inline)", "Object 12 0")
	var quoted strings.Builder
	for _, m := range regexp.MustCompile(`"([^"\n]*)"`).FindAllSubmatch(structText, -1) {
		quoted.Write(m[1])
	}
	treeLetters := letters(quoted.String())
	missing := map[string]bool{}
	for _, w := range strings.Fields(string(text)) {
		l := letters(w)
		if l == "" || inTree[w] || strings.Contains(furniture, w) || strings.Contains(treeLetters, l) {
			continue
		}
		missing[w] = true
	}
	if len(missing) > 0 {
		var ws []string
		for w := range missing {
			ws = append(ws, w)
		}
		t.Errorf("%d words on the pages are not in the structure tree: %v", len(ws), ws[:min(len(ws), 20)])
	}
}

// paintedOutsideMarkedContent lists the operators of a content stream that
// paint (text, paths, images, shadings) outside every marked-content
// sequence, and artifacts nested in tagged content or the other way
// round: PDF/UA (Matterhorn 01-003 to 01-005) wants all content either
// tagged or an artifact, never both.
func paintedOutsideMarkedContent(content []byte) []string {
	paints := map[string]bool{"Tj": true, "TJ": true, "'": true, `"`: true, "f": true, "F": true, "f*": true,
		"S": true, "s": true, "B": true, "B*": true, "b": true, "b*": true, "Do": true, "sh": true}
	var out, stack []string
	depth := 0
	for i := 0; i < len(content); {
		ch := content[i]
		switch {
		case ch == '(': // a string, with nesting and escapes
			n := 0
			for ; i < len(content); i++ {
				switch content[i] {
				case '\\':
					i++
				case '(':
					n++
				case ')':
					n--
				}
				if n == 0 {
					break
				}
			}
			i++
		case ch == '<' && i+1 < len(content) && content[i+1] == '<':
			i += 2
		case ch == '>' && i+1 < len(content) && content[i+1] == '>':
			i += 2
		case ch == '<': // a hex string
			for i < len(content) && content[i] != '>' {
				i++
			}
			i++
		case ch == '[' || ch == ']' || ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t':
			i++
		default:
			j := i
			for j < len(content) && !strings.ContainsRune(" \n\r\t[]()<>/", rune(content[j])) {
				j++
			}
			if j == i { // a name: skip its slash and read it as a word
				j++
				for j < len(content) && !strings.ContainsRune(" \n\r\t[]()<>/", rune(content[j])) {
					j++
				}
				i = j
				continue
			}
			op := string(content[i:j])
			switch {
			case op == "BDC" || op == "BMC":
				// Matterhorn 01-003 and 01-004: an artifact inside tagged
				// content, or tagged content inside an artifact
				kind := "tagged"
				if op == "BMC" {
					kind = "artifact"
				}
				if len(stack) > 0 && stack[len(stack)-1] != kind {
					out = append(out, kind+" inside "+stack[len(stack)-1])
				}
				stack = append(stack, kind)
				depth++
			case op == "EMC":
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
				depth--
			case depth == 0 && paints[op]:
				out = append(out, op)
			}
			i = j
		}
	}
	return out
}

func TestPaintedOutsideMarkedContent(t *testing.T) {
	for content, want := range map[string]string{
		"BT /F1 10 Tf (a) Tj ET":                                "Tj",
		"/Artifact BMC 0 0 1 1 re f EMC 1 1 m 2 2 l S":          "S",
		"/P <</MCID 0>> BDC BT (x \\) Tj) Tj ET EMC":            "",
		"/P <</MCID 0>> BDC [(a) -20 (b)] TJ EMC q /I1 Do Q":    "Do",
		"/P <</MCID 0>> BDC /Artifact BMC 0 0 1 1 re f EMC EMC": "artifact inside tagged",
	} {
		if got := strings.Join(paintedOutsideMarkedContent([]byte(content)), " "); got != want {
			t.Errorf("%q: %q outside, want %q", content, got, want)
		}
	}
}

// checkTableGrids checks that every table has header cells with a scope,
// and every row as many cells as the others: a table continued below with
// its first column repeated, or set sideways, is still a grid to a screen
// reader.
func checkTableGrids(t *testing.T, objects map[int]string) {
	t.Helper()
	kids := func(o string) []int {
		i := strings.Index(o, "/K [")
		if i < 0 {
			return nil
		}
		k := o[i+4:]
		k = k[:strings.Index(k, "]")]
		k = regexp.MustCompile(`<<[^>]*>>`).ReplaceAllString(k, "") // MCRs and OBJRs
		var out []int
		for _, m := range regexp.MustCompile(`(\d+) 0 R`).FindAllStringSubmatch(k, -1) {
			n, _ := strconv.Atoi(m[1])
			out = append(out, n)
		}
		return out
	}
	tables := 0
	for n, o := range objects {
		if !strings.Contains(o, "/S /Table ") {
			continue
		}
		tables++
		widths := map[int]int{}
		heads := 0
		for _, r := range kids(o) {
			if !strings.Contains(objects[r], "/S /TR ") {
				continue
			}
			cells := 0
			for _, c := range kids(objects[r]) {
				if strings.Contains(objects[c], "/S /TH ") {
					heads++
					if !strings.Contains(objects[c], "/Scope /Column") {
						t.Errorf("table %d: a TH without a scope", n)
					}
				}
				if strings.Contains(objects[c], "/S /TH ") || strings.Contains(objects[c], "/S /TD ") {
					cells++
				}
			}
			widths[cells]++
		}
		if len(widths) != 1 {
			t.Errorf("table %d: rows of different widths (cells: rows) %v", n, widths)
		}
		if heads == 0 {
			t.Errorf("table %d has no TH cell", n)
		}
	}
	if tables == 0 {
		t.Error("no table checked")
	}
}

// checkHeadingLevels checks that the headings, in reading order, go down
// one level at a time (Matterhorn 14-003).
func checkHeadingLevels(t *testing.T, objects map[int]string) {
	t.Helper()
	var doc string
	for _, o := range objects {
		if strings.Contains(o, "/S /Document ") {
			doc = o
		}
	}
	prev, headings := 0, 0
	for _, m := range regexp.MustCompile(`(\d+) 0 R`).FindAllStringSubmatch(doc[strings.Index(doc, "/K ["):], -1) {
		n, _ := strconv.Atoi(m[1])
		h := regexp.MustCompile(`/S /H(\d) `).FindStringSubmatch(objects[n])
		if h == nil {
			continue
		}
		headings++
		level, _ := strconv.Atoi(h[1])
		if level > prev+1 {
			t.Errorf("heading %d: H%d after H%d", n, level, prev)
		}
		prev = level
	}
	if headings == 0 {
		t.Error("no heading checked")
	}
}

func TestSplitDicts_StringsAndNesting(t *testing.T) {
	in := []byte(`<</A <</S /URI /URI (http://x/a>>b\)c(d))>>>> <</Dest [3 0 R /XYZ 0 10 null]>>`)
	got, err := splitDicts(in)
	if err != nil || len(got) != 2 || !strings.HasSuffix(got[0], `(d))>>>>`) || !strings.HasPrefix(got[1], "<</Dest") {
		t.Errorf("splitDicts: %q, %v", got, err)
	}
	if _, err := splitDicts([]byte(`<</A (open`)); err == nil {
		t.Error("an unclosed string is not an error")
	}
	page := []byte(`<</Type /Page /Annots [<</URI (a]b)>>] /Contents 4 0 R>>`)
	if at := annotsAt(page); at == nil || string(page[at[0]:at[1]]) != `/Annots [<</URI (a]b)>>]` {
		t.Errorf("annotsAt: %v", at)
	}
}
