package truetype

import (
	"encoding/binary"
	"fmt"
	"math"
)

// Font is a parsed TrueType font file. It is read-only after Parse and
// safe for use by many goroutines.
type Font struct {
	data      []byte
	tables    map[string][]byte // by tag, sub-slices of data
	numGlyphs int
	loca      []uint32 // numGlyphs+1 offsets into glyf
	advances  []uint16 // hmtx advances, numberOfHMetrics of them
	// UnitsPerEm is the font's design units per em (head).
	UnitsPerEm int
}

// Metrics are the numbers of a PDF font descriptor, in 1/1000 em.
type Metrics struct {
	Ascent, Descent, CapHeight int
	BBox                       [4]int // xMin, yMin, xMax, yMax
	ItalicAngle                int
	StemV                      int
	FixedPitch                 bool
}

// Parse reads the table directory of a TrueType file (not a collection,
// nor CFF outlines) and the tables a subset needs.
func Parse(data []byte) (*Font, error) {
	if len(data) < 12 {
		return nil, fmt.Errorf("truetype: %d bytes, too short for a font", len(data))
	}
	switch v := binary.BigEndian.Uint32(data); v {
	case 0x00010000, 0x74727565: // 1.0, "true"
	case 0x4F54544F: // "OTTO"
		return nil, fmt.Errorf("truetype: CFF outlines (an .otf font), not TrueType")
	default:
		return nil, fmt.Errorf("truetype: not a TrueType font (version %08X)", v)
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, fmt.Errorf("truetype: table directory cut short")
	}
	f := &Font{data: data, tables: make(map[string][]byte, n)}
	for i := range n {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(data)) {
			return nil, fmt.Errorf("truetype: table %q runs past the end of the file", tag)
		}
		f.tables[tag] = data[off : off+length]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf"} {
		if f.tables[tag] == nil {
			return nil, fmt.Errorf("truetype: no %q table", tag)
		}
	}
	head, hhea, maxp := f.tables["head"], f.tables["hhea"], f.tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, fmt.Errorf("truetype: head, hhea or maxp table cut short")
	}
	f.UnitsPerEm = int(binary.BigEndian.Uint16(head[18:]))
	if f.UnitsPerEm == 0 {
		return nil, fmt.Errorf("truetype: unitsPerEm is 0")
	}
	f.numGlyphs = int(binary.BigEndian.Uint16(maxp[4:]))
	if err := f.readLoca(int16(binary.BigEndian.Uint16(head[50:]))); err != nil {
		return nil, err
	}
	nh := int(binary.BigEndian.Uint16(hhea[34:]))
	hmtx := f.tables["hmtx"]
	if nh == 0 || len(hmtx) < 4*nh {
		return nil, fmt.Errorf("truetype: hmtx table cut short")
	}
	f.advances = make([]uint16, nh)
	for i := range f.advances {
		f.advances[i] = binary.BigEndian.Uint16(hmtx[4*i:])
	}
	return f, nil
}

// readLoca reads the glyph offsets, in the short or the long format.
func (f *Font) readLoca(format int16) error {
	loca, glyf := f.tables["loca"], f.tables["glyf"]
	f.loca = make([]uint32, f.numGlyphs+1)
	for i := range f.loca {
		switch {
		case format == 0 && len(loca) >= 2*(i+1):
			f.loca[i] = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		case format == 1 && len(loca) >= 4*(i+1):
			f.loca[i] = binary.BigEndian.Uint32(loca[4*i:])
		default:
			return fmt.Errorf("truetype: loca table cut short")
		}
		if f.loca[i] > uint32(len(glyf)) || i > 0 && f.loca[i] < f.loca[i-1] {
			return fmt.Errorf("truetype: glyph %d lies outside the glyf table", i)
		}
	}
	return nil
}

// NumGlyphs is the number of glyphs in the font.
func (f *Font) NumGlyphs() int { return f.numGlyphs }

// Advance is the advance width of glyph g in font units.
func (f *Font) Advance(g uint16) int {
	if int(g) < len(f.advances) {
		return int(f.advances[g])
	}
	return int(f.advances[len(f.advances)-1])
}

// Width is the advance of glyph g in 1/1000 em, rounded half away from
// zero: what a PDF width array holds.
func (f *Font) Width(g uint16) int { return f.scale(f.Advance(g)) }

// scale turns font units into 1/1000 em, rounding half away from zero.
func (f *Font) scale(v int) int {
	x := float64(v) * 1000 / float64(f.UnitsPerEm)
	if x < 0 {
		return -int(math.Floor(-x + 0.5))
	}
	return int(math.Floor(x + 0.5))
}

// Metrics returns the numbers of the font's PDF font descriptor.
func (f *Font) Metrics() Metrics {
	head, hhea := f.tables["head"], f.tables["hhea"]
	i16 := func(b []byte, at int) int { return int(int16(binary.BigEndian.Uint16(b[at:]))) }
	m := Metrics{
		Ascent:  f.scale(i16(hhea, 4)),
		Descent: f.scale(i16(hhea, 6)),
		BBox:    [4]int{f.scale(i16(head, 36)), f.scale(i16(head, 38)), f.scale(i16(head, 40)), f.scale(i16(head, 42))},
		StemV:   70,
	}
	m.CapHeight = m.Ascent
	if os2 := f.tables["OS/2"]; len(os2) >= 90 && binary.BigEndian.Uint16(os2) >= 2 {
		m.CapHeight = f.scale(i16(os2, 88))
	}
	if os2 := f.tables["OS/2"]; len(os2) >= 6 {
		// the stem width guessed from the weight class, as fpdf and
		// ReportLab do: a PDF reader only uses it to fake the font
		w := float64(binary.BigEndian.Uint16(os2[4:]))
		m.StemV = 50 + int(math.Pow(w/65, 2))
	}
	if post := f.tables["post"]; len(post) >= 16 {
		m.ItalicAngle = int(math.Round(float64(int32(binary.BigEndian.Uint32(post[4:]))) / 65536))
		m.FixedPitch = binary.BigEndian.Uint32(post[12:]) != 0
	}
	return m
}

// glyph returns the outline data of glyph g.
func (f *Font) glyph(g int) []byte {
	return f.tables["glyf"][f.loca[g]:f.loca[g+1]]
}
