package layouts

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"

	"github.com/briefing/report/internal/truetype"
	"github.com/klauspost/compress/zlib"
	"golang.org/x/image/font/sfnt"
)

// embedFonts adds to f each face the text drew (showText), as a Type 0
// font whose CIDs are the characters drawn: the subset of its font file
// with their glyphs, a map from each CID to its glyph, their widths, and a
// ToUnicode map so that text copied from the page is the text written (an
// Arabic presentation form reads as its letters). The fonts join the
// pages' font resources.
func embedFonts(f *pdfFile, fs *fontSet) error { return addFonts(f, fs, subsetFonts(fs)) }

// faceSubset is what a PDF embeds of a face drawn, made apart from the
// file (subsetFonts) so that it can be made while fpdf writes its output
// and the file's streams are compressed: the subset font program, the
// glyph of each character drawn, their widths and their ToUnicode map, its
// streams compressed as compressStreams compresses a stream (which leaves
// them alone).
type faceSubset struct {
	face     int
	name     string
	program  []byte // zlib, compressLevel, as the other streams
	length1  int    // the program's length before compression
	cidToGID []byte
	widths   string
	cmap     []byte
}

// startSubsets makes the subsets of the faces drawn on another goroutine
// and returns a function that waits for them. Nothing may draw with fs
// meanwhile. A panic there (a bug) is raised again by wait, on the
// caller's goroutine, where it is reported.
func startSubsets(fs *fontSet) (wait func() []faceSubset) {
	type result struct {
		subsets  []faceSubset
		panicked any
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{panicked: p}
			}
		}()
		done <- result{subsets: subsetFonts(fs)}
	}()
	return func() []faceSubset {
		r := <-done
		if r.panicked != nil {
			panic(r.panicked)
		}
		return r.subsets
	}
}

// subsetFonts makes the subset of each face drawn, in face order.
func subsetFonts(fs *fontSet) []faceSubset {
	var out []faceSubset
	var buf sfnt.Buffer
	tags := map[string]bool{}
	zw := zlibWriters.Get().(*zlib.Writer)
	defer zlibWriters.Put(zw)
	var z bytes.Buffer
	for i := range fs.faces[:fs.n] {
		drawn := fs.drawn[i]
		if len(drawn) == 0 {
			continue
		}
		cids := make([]rune, 0, len(drawn))
		for r := range drawn {
			cids = append(cids, r)
		}
		slices.Sort(cids)
		tt := fs.faces[i].tt
		gids := make([]uint16, len(cids))
		cidToGID := make([]byte, 2*(cids[len(cids)-1]+1))
		for k, r := range cids {
			g := drawn[r]
			gids[k] = g
			cidToGID[2*r], cidToGID[2*r+1] = byte(g>>8), byte(g)
		}
		program := tt.Subset(gids)
		name := postScriptName(&fs.faces[i], &buf)
		out = append(out, faceSubset{face: i, name: subsetTag(name, gids, tags) + "+" + name,
			program: bytes.Clone(deflate(zw, &z, program)), length1: len(program),
			cidToGID: bytes.Clone(deflate(zw, &z, cidToGID)), widths: widthArray(tt, cids, gids),
			cmap: bytes.Clone(deflate(zw, &z, toUnicode(cids)))})
	}
	return out
}

// subsetTag is the tag before the name of a subset of the font called
// name with glyphs gids, as PDF names a font subset ("EOODIA+GoRegular"):
// six capital letters, the same for the same subset, and not one of used,
// to which it is added (different subsets in one file have different
// tags).
func subsetTag(name string, gids []uint16, used map[string]bool) string {
	h := fnv.New64a()
	h.Write([]byte(name))
	for _, g := range gids {
		h.Write([]byte{byte(g >> 8), byte(g)})
	}
	for x := h.Sum64(); ; x++ {
		var tag [6]byte
		for k, v := 0, x; k < len(tag); k, v = k+1, v/26 {
			tag[k] = byte('A' + v%26)
		}
		if !used[string(tag[:])] {
			used[string(tag[:])] = true
			return string(tag[:])
		}
	}
}

// addFonts adds the fonts of the subsets to f, and to the pages' font
// resources: a dictionary object with no stream, which the finishing pass
// may change while the streams are being compressed.
func addFonts(f *pdfFile, fs *fontSet, subsets []faceSubset) error {
	if len(subsets) == 0 {
		return nil
	}
	var refs strings.Builder
	for _, sub := range subsets {
		n := addFont(f, &fs.faces[sub.face], sub)
		fmt.Fprintf(&refs, "/%s %d 0 R\n", fontResource(sub.face), n)
	}
	for k := range f.objs {
		o := &f.objs[k]
		d := o.dict()
		if len(d) < len(o.data) {
			continue // a stream: it may be being compressed
		}
		if at := bytes.Index(d, []byte("/Font <<\n")); at >= 0 && bytes.Contains(d, []byte("/ProcSet [")) {
			at += len("/Font <<\n")
			o.data = slices.Concat(o.data[:at:at], []byte(refs.String()), o.data[at:])
			return nil
		}
	}
	return fmt.Errorf("finish pdf: no font resources to add the fonts to")
}

// addFont adds the objects of one face's subset and returns its Type 0
// font's number. Its font program is compressed already, as the finishing
// pass would have compressed it.
func addFont(f *pdfFile, fc *face, sub faceSubset) int {
	tt, name := fc.tt, sub.name
	file := f.add(flateDict(len(sub.program), fmt.Sprintf(" /Length1 %d", sub.length1)), sub.program)
	m := tt.Metrics()
	flags := 4 // symbolic: glyphs addressed through the CIDToGIDMap
	if m.FixedPitch {
		flags |= 1
	}
	if m.ItalicAngle != 0 {
		flags |= 64
	}
	desc := f.add(fmt.Sprintf("<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %d /Ascent %d /Descent %d /CapHeight %d /StemV %d /MissingWidth %d /FontFile2 %d 0 R>>",
		name, flags, m.BBox[0], m.BBox[1], m.BBox[2], m.BBox[3], m.ItalicAngle, m.Ascent, m.Descent, m.CapHeight, m.StemV, tt.Width(0), file), nil)
	toGID := f.add(flateDict(len(sub.cidToGID), ""), sub.cidToGID)
	cid := f.add(fmt.Sprintf("<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /DW %d /W %s /CIDToGIDMap %d 0 R>>",
		name, desc, tt.Width(0), sub.widths, toGID), nil)
	uni := f.add(flateDict(len(sub.cmap), ""), sub.cmap)
	return f.add(fmt.Sprintf("<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>", name, cid, uni), nil)
}

// widthArray is the /W array of the characters cids drawn with glyphs
// gids, runs of consecutive CIDs together: "[32 [278 0 355] 65 [667]]".
func widthArray(tt *truetype.Font, cids []rune, gids []uint16) string {
	var b strings.Builder
	b.WriteByte('[')
	for k, r := range cids {
		if k == 0 || cids[k-1] != r-1 {
			if k > 0 {
				b.WriteString("] ")
			}
			fmt.Fprintf(&b, "%d [", r)
		} else {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%d", tt.Width(gids[k]))
	}
	if len(cids) > 0 {
		b.WriteByte(']')
	}
	b.WriteByte(']')
	return b.String()
}

// toUnicode is the CMap from each character drawn to the text it stands
// for: itself, or the letters of a presentation form.
func toUnicode(cids []rune) []byte {
	entries := make([]string, 0, len(cids))
	for _, r := range cids {
		if r == 0 {
			continue // a character beyond the CIDs stood in by .notdef: nothing to copy
		}
		text := string(r)
		if isPresentationForm(r) {
			text = letters(r)
		}
		entries = append(entries, fmt.Sprintf("<%04X> <%s>", r, utf16Hex(text)))
	}
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	writeBlocks(&b, "bfchar", entries)
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.Bytes()
}

// postScriptName is the face's PostScript name as a PDF name: letters,
// digits and hyphens only, "Font" when the file has none.
func postScriptName(fc *face, buf *sfnt.Buffer) string {
	name, _ := fc.sf.Name(buf, sfnt.NameIDPostScript)
	name = strings.Map(func(r rune) rune {
		if r < 128 && (r == '-' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return r
		}
		return -1
	}, name)
	if name == "" {
		return "Font"
	}
	return name
}
