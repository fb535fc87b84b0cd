package truetype

import (
	"encoding/binary"
	"slices"
)

// kept are the tables a subset carries over: what a PDF reader needs to
// draw and hint the glyphs, and the names and metrics that describe them.
// The layout tables (GSUB, GPOS, kern) go, as the text arrives shaped; the
// cmap is replaced by an empty one, as a PDF addresses the glyphs by ID
// (ISO 32000-1, 9.9, asks no cmap of a CIDFontType2 font program, but
// font tools want the table there).
var kept = []string{"OS/2", "cvt ", "fpgm", "gasp", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post", "prep"}

// Composite glyph flags (the glyf table's component records).
const (
	argsAreWords   = 0x0001
	haveScale      = 0x0008
	moreComponents = 0x0020
	haveXYScale    = 0x0040
	haveTwoByTwo   = 0x0080
)

// Subset returns a TrueType file with the outlines of the glyphs used and
// of the glyphs their composites are made of, and of glyph 0 (.notdef);
// every other glyph is empty and keeps its ID. The result depends on the
// set of glyphs alone, not on their order.
func (f *Font) Subset(used []uint16) []byte {
	keep := make([]bool, f.numGlyphs)
	f.mark(0, keep, 0)
	for _, g := range used {
		f.mark(int(g), keep, 0)
	}
	var glyf []byte
	offsets := make([]int, f.numGlyphs+1)
	for g := range f.numGlyphs {
		offsets[g] = len(glyf)
		if keep[g] {
			glyf = append(glyf, f.glyph(g)...)
			for len(glyf)%4 != 0 {
				glyf = append(glyf, 0)
			}
		}
	}
	offsets[f.numGlyphs] = len(glyf)
	// short offsets (halved) when the glyphs fit in 128 KB, as they do
	// in most subsets
	short := len(glyf) < 1<<17
	loca := make([]byte, 0, 4*len(offsets))
	for _, o := range offsets {
		if short {
			loca = binary.BigEndian.AppendUint16(loca, uint16(o/2))
		} else {
			loca = binary.BigEndian.AppendUint32(loca, uint32(o))
		}
	}
	// the advances of the glyphs left out are zero: the table keeps its
	// size, but compresses to little; the last full record stays, as the
	// glyphs after it take its advance
	hmtx := slices.Clone(f.tables["hmtx"])
	for g := range min(len(f.advances)-1, f.numGlyphs) {
		if !keep[g] {
			binary.BigEndian.PutUint32(hmtx[4*g:], 0)
		}
	}
	out := map[string][]byte{"glyf": glyf, "loca": loca, "hmtx": hmtx, "cmap": emptyCmap}
	out["head"] = f.headFor(!short)
	if post := f.postWithoutNames(); post != nil {
		out["post"] = post // a PDF reader addresses glyphs by ID
	}
	for _, tag := range kept {
		if _, done := out[tag]; !done && f.tables[tag] != nil {
			out[tag] = f.tables[tag]
		}
	}
	return assemble(out)
}

// headFor is the font's head table for a file of new glyf and loca
// tables, with long (or short) loca offsets; its checkSumAdjustment is
// left for assemble.
func (f *Font) headFor(longLoca bool) []byte {
	head := slices.Clone(f.tables["head"])
	binary.BigEndian.PutUint32(head[8:], 0) // checkSumAdjustment
	format := uint16(0)
	if longLoca {
		format = 1
	}
	binary.BigEndian.PutUint16(head[50:], format)
	return head
}

// postWithoutNames is the font's post table at version 3, without the
// glyphs' names; nil when it has none to keep.
func (f *Font) postWithoutNames() []byte {
	post := f.tables["post"]
	if len(post) < 32 {
		return nil
	}
	p := slices.Clone(post[:32])
	binary.BigEndian.PutUint32(p, 0x00030000)
	return p
}

// emptyCmap is a cmap table that maps no character: one Windows Unicode
// subtable of format 4 with only its closing segment.
var emptyCmap = []byte{
	0, 0, 0, 1, // version, one subtable
	0, 3, 0, 1, 0, 0, 0, 12, // Windows, Unicode BMP, at byte 12
	0, 4, 0, 24, 0, 0, // format 4, 24 bytes, no language
	0, 2, 0, 2, 0, 0, 0, 0, // one segment: searchRange 2, entrySelector 0, rangeShift 0
	0xFF, 0xFF, 0, 0, // endCode, reservedPad
	0xFF, 0xFF, 0, 1, 0, 0, // startCode, idDelta, idRangeOffset
}

// mark keeps glyph g and, if it is a composite, the glyphs it is made of.
func (f *Font) mark(g int, keep []bool, depth int) {
	if g < 0 || g >= f.numGlyphs || keep[g] || depth > 16 {
		return
	}
	keep[g] = true
	data := f.glyph(g)
	if len(data) < 10 || int16(binary.BigEndian.Uint16(data)) >= 0 {
		return
	}
	for at := 10; at+4 <= len(data); {
		flags := binary.BigEndian.Uint16(data[at:])
		f.mark(int(binary.BigEndian.Uint16(data[at+2:])), keep, depth+1)
		at += 4
		if flags&argsAreWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&haveTwoByTwo != 0:
			at += 8
		}
		if flags&moreComponents == 0 {
			break
		}
	}
}

// assemble writes the tables as a TrueType file, in tag order, each
// 4-byte aligned with its checksum, and sets head's checkSumAdjustment.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	n := len(tags)
	entry := 1
	for entry*2 <= n {
		entry *= 2
	}
	shift := 0
	for 1<<(shift+1) <= entry {
		shift++
	}
	size := 12 + 16*n
	for _, t := range tags {
		size += (len(tables[t]) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16*entry))
	binary.BigEndian.PutUint16(out[8:], uint16(shift))
	binary.BigEndian.PutUint16(out[10:], uint16(16*(n-entry)))
	headAt := -1
	for i, t := range tags {
		data := tables[t]
		rec := out[12+16*i:]
		copy(rec, t)
		binary.BigEndian.PutUint32(rec[4:], checksum(data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(data)))
		if t == "head" {
			headAt = len(out)
		}
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

// checksum is the sum of data as big-endian 32-bit words, zero-padded.
func checksum(data []byte) uint32 {
	var sum uint32
	whole := len(data) &^ 3
	for i := 0; i < whole; i += 4 {
		sum += binary.BigEndian.Uint32(data[i:])
	}
	if whole < len(data) {
		var w [4]byte
		copy(w[:], data[whole:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
