package layouts

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"
)

// fpdfToUnicode is the ToUnicode CMap fpdf gives every UTF-8 font: each
// code (fpdf writes characters as their code points) is that character.
const fpdfToUnicode = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n1 beginbfrange\n<0000> <FFFF> <0000>\nendbfrange\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"

// isPresentationForm reports whether r is an Arabic presentation form:
// the character shaping writes for a joined form or a ligature.
func isPresentationForm(r rune) bool {
	return r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF
}

// shapedToUnicode is fpdf's CMap with one change: an Arabic presentation
// form is the letters it is a form of (its compatibility decomposition),
// so that text copied from a page of shaped Arabic is the text written.
// Made once per process.
var shapedToUnicode = sync.OnceValue(func() []byte {
	var ranges, chars []string
	for hi := 0; hi < 0x100; hi++ {
		if hi < 0xFB || hi > 0xFE {
			ranges = append(ranges, fmt.Sprintf("<%02X00> <%02XFF> <%02X00>", hi, hi, hi))
			continue
		}
		for lo := 0; lo < 0x100; lo++ {
			r := rune(hi<<8 | lo)
			to := string(r)
			if isPresentationForm(r) {
				to = letters(r)
			}
			chars = append(chars, fmt.Sprintf("<%04X> <%s>", r, utf16Hex(to)))
		}
	}
	// fpdf's CMap around its one range
	head, _, _ := strings.Cut(fpdfToUnicode, "1 beginbfrange\n")
	_, tail, _ := strings.Cut(fpdfToUnicode, "endbfrange\n")
	var b bytes.Buffer
	b.WriteString(head)
	writeBlocks(&b, "bfrange", ranges)
	writeBlocks(&b, "bfchar", chars)
	b.WriteString(tail)
	return b.Bytes()
})

// letters are the letters the presentation form r stands for, as text
// extraction wants them. A ligature of letters (lam-alef) stands in a run
// drawn in visual order, which a reader of the page (poppler, pdf.js)
// turns around character by character after mapping: its letters are
// given in visual order too, so that they come out logical.
func letters(r rune) string {
	d := []rune(norm.NFKC.String(string(r)))
	if len(d) == 0 {
		return string(r)
	}
	if len(d) > 1 && !slices.ContainsFunc(d, unicode.IsSpace) && !slices.ContainsFunc(d, isMark) {
		slices.Reverse(d)
	}
	return string(d)
}

// isMark reports whether r is a combining mark (an Arabic vowel sign).
func isMark(r rune) bool { return unicode.Is(unicode.Mn, r) }

// writeBlocks writes entries in blocks of at most 100, as a CMap must.
func writeBlocks(b *bytes.Buffer, kind string, entries []string) {
	for len(entries) > 0 {
		n := min(len(entries), 100)
		fmt.Fprintf(b, "%d begin%s\n%s\nend%s\n", n, kind, strings.Join(entries[:n], "\n"), kind)
		entries = entries[n:]
	}
}

// utf16Hex is s in UTF-16BE, in hex.
func utf16Hex(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	return b.String()
}

// mapPresentationForms gives each font of f the CMap that reads Arabic
// presentation forms as letters (see shapedToUnicode).
func mapPresentationForms(f *pdfFile) {
	old := []byte(fmt.Sprintf("<</Length %d>>\nstream\n%s\nendstream", len(fpdfToUnicode), fpdfToUnicode))
	cmap := shapedToUnicode()
	repl := []byte(fmt.Sprintf("<</Length %d>>\nstream\n%s\nendstream", len(cmap), cmap))
	for i := range f.objs {
		if bytes.Contains(f.objs[i].data, old) {
			f.objs[i].data = bytes.Replace(f.objs[i].data, old, repl, 1)
		}
	}
}
