package truetype

import (
	"bytes"
	"encoding/binary"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gomono"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

func mustParse(tb testing.TB, data []byte) *Font {
	tb.Helper()
	f, err := Parse(data)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// glyphs returns the glyph IDs sfnt finds for the runes of s.
func glyphs(tb testing.TB, sf *sfnt.Font, s string) []uint16 {
	tb.Helper()
	var b sfnt.Buffer
	var out []uint16
	for _, r := range s {
		g, err := sf.GlyphIndex(&b, r)
		if err != nil || g == 0 {
			tb.Fatalf("no glyph for %q", r)
		}
		out = append(out, uint16(g))
	}
	return out
}

// outline is glyph g of sf as text: its segments, or "" when it is empty.
func outline(tb testing.TB, sf *sfnt.Font, g uint16) string {
	tb.Helper()
	var b sfnt.Buffer
	segs, err := sf.LoadGlyph(&b, sfnt.GlyphIndex(g), fixed.I(1000), nil)
	if err != nil {
		tb.Fatalf("glyph %d: %v", g, err)
	}
	var sb strings.Builder
	for _, s := range segs {
		sb.WriteString(fmtSeg(s) + ";")
	}
	return sb.String()
}

func fmtSeg(s sfnt.Segment) string {
	var sb strings.Builder
	sb.WriteByte(byte('0' + s.Op))
	for _, p := range s.Args {
		sb.WriteString(" " + p.X.String() + "," + p.Y.String())
	}
	return sb.String()
}

func TestSubset_KeepsUsedGlyphsAndTheirIDs(t *testing.T) {
	full := mustParse(t, goregular.TTF)
	orig, err := sfnt.Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	used := glyphs(t, orig, "Aé")
	sub, err := sfnt.Parse(full.Subset(used))
	if err != nil {
		t.Fatalf("the subset is not a font sfnt reads: %v", err)
	}
	if sub.NumGlyphs() != orig.NumGlyphs() {
		t.Fatalf("subset has %d glyphs, want %d (IDs kept)", sub.NumGlyphs(), orig.NumGlyphs())
	}
	unused := glyphs(t, orig, "B")[0]
	for _, g := range append(used, 0, unused) {
		got, want := outline(t, sub, g), outline(t, orig, g)
		if g == unused {
			want = ""
		}
		if got != want {
			t.Errorf("glyph %d: outline %q, want %q", g, got, want)
		}
	}
	var b sfnt.Buffer
	for _, g := range used {
		a1, _ := orig.GlyphAdvance(&b, sfnt.GlyphIndex(g), fixed.I(2048), font.HintingNone)
		a2, _ := sub.GlyphAdvance(&b, sfnt.GlyphIndex(g), fixed.I(2048), font.HintingNone)
		if a1 != a2 {
			t.Errorf("glyph %d: advance %v, want %v", g, a2, a1)
		}
	}
}

// dejavuSans has composite glyphs (the Go fonts have none); CI installs it.
const dejavuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

func TestSubset_Composite(t *testing.T) {
	data, err := os.ReadFile(dejavuSans)
	if err != nil {
		t.Skip("DejaVu Sans is not installed")
	}
	full := mustParse(t, data)
	orig, _ := sfnt.Parse(data)
	// find a composite glyph and check that its parts come along
	for g := range full.NumGlyphs() {
		data := full.glyph(g)
		if len(data) < 14 || int16(binary.BigEndian.Uint16(data)) >= 0 {
			continue
		}
		part := binary.BigEndian.Uint16(data[12:])
		sub, err := sfnt.Parse(full.Subset([]uint16{uint16(g)}))
		if err != nil {
			t.Fatal(err)
		}
		if outline(t, sub, part) != outline(t, orig, part) || outline(t, sub, part) == "" {
			t.Errorf("composite glyph %d: its part %d is not in the subset", g, part)
		}
		if outline(t, sub, uint16(g)) != outline(t, orig, uint16(g)) {
			t.Errorf("composite glyph %d drawn differently in the subset", g)
		}
		return
	}
	t.Error("DejaVu Sans has no composite glyph?")
}

func TestSubset_ChecksumsAndOrder(t *testing.T) {
	full := mustParse(t, goregular.TTF)
	a := full.Subset([]uint16{40, 36, 72})
	b := full.Subset([]uint16{72, 40, 36, 40})
	if !bytes.Equal(a, b) {
		t.Error("the subset depends on the order of the glyphs")
	}
	if got := checksum(a); got != 0xB1B0AFBA {
		t.Errorf("whole-file checksum %08X, want B1B0AFBA", got)
	}
	if len(a) >= len(goregular.TTF)/2 {
		t.Errorf("subset of 3 glyphs is %d bytes, the font %d", len(a), len(goregular.TTF))
	}
}

func TestParse_Errors(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty": nil,
		"CFF":   append([]byte("OTTO"), make([]byte, 20)...),
		"text":  []byte("this is not a font at all"),
		"cut":   goregular.TTF[:200],
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Parse(data); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestMetrics_GoRegular(t *testing.T) {
	f := mustParse(t, goregular.TTF)
	m := f.Metrics()
	if m.Ascent <= 0 || m.Descent >= 0 || m.CapHeight <= 0 || m.CapHeight > m.Ascent || m.FixedPitch || m.ItalicAngle != 0 {
		t.Errorf("implausible metrics %+v", m)
	}
	orig, _ := sfnt.Parse(goregular.TTF)
	g := glyphs(t, orig, "M")[0]
	var b sfnt.Buffer
	adv, _ := orig.GlyphAdvance(&b, sfnt.GlyphIndex(g), fixed.I(f.UnitsPerEm), font.HintingNone)
	if f.Advance(g) != adv.Round() {
		t.Errorf("advance of M %d, sfnt says %d", f.Advance(g), adv.Round())
	}
}

// A subset whose outlines pass 128 KB has long glyph offsets; a smaller
// one short ones; sfnt reads both the same.
func TestSubset_LocaFormats(t *testing.T) {
	data, err := os.ReadFile(dejavuSans)
	if err != nil {
		t.Skip("DejaVu Sans is not installed")
	}
	full := mustParse(t, data)
	orig, _ := sfnt.Parse(data)
	all := make([]uint16, full.NumGlyphs())
	for g := range all {
		all[g] = uint16(g)
	}
	for name, used := range map[string][]uint16{"long": all, "short": all[:40]} {
		sub := full.Subset(used)
		ttSub := mustParse(t, sub)
		if got := binary.BigEndian.Uint16(ttSub.tables["head"][50:]); (got == 1) != (name == "long") {
			t.Errorf("%s: indexToLocFormat %d", name, got)
		}
		sf, err := sfnt.Parse(sub)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, g := range []uint16{3, 36, 39} {
			if outline(t, sf, g) != outline(t, orig, g) || ttSub.Advance(g) != full.Advance(g) {
				t.Errorf("%s: glyph %d differs from the font's", name, g)
			}
		}
	}
}

// In a font whose last horizontal metric stands for the glyphs after it
// (numberOfHMetrics below the glyph count), a subset keeps that advance
// even when its own glyph is not used.
func TestSubset_KeepsTheSharedAdvance(t *testing.T) {
	data := slices.Clone(gomono.TTF)
	f := mustParse(t, data)
	hhea := f.tables["hhea"]
	binary.BigEndian.PutUint16(hhea[34:], 5) // five full records: glyph 4's advance is shared
	f = mustParse(t, data)
	sub := mustParse(t, f.Subset([]uint16{100}))
	if sub.Advance(100) != f.Advance(100) || f.Advance(100) == 0 {
		t.Errorf("glyph 100's advance is %d in the subset, %d in the font", sub.Advance(100), f.Advance(100))
	}
}

// A damaged font file is an error from Parse, never a panic, and a font
// Parse accepts can be subset and measured.
func FuzzParseSubset(f *testing.F) {
	f.Add(goregular.TTF, uint16(36))
	f.Add(goregular.TTF[:4096], uint16(36))
	f.Add(gomono.TTF[:2048], uint16(3))
	f.Add([]byte("\x00\x01\x00\x00\x00\x01"), uint16(0))
	f.Fuzz(func(t *testing.T, data []byte, g uint16) {
		font, err := Parse(data)
		if err != nil {
			return
		}
		font.Metrics()
		font.Width(g)
		font.Subset([]uint16{g, 0, g + 1})
	})
}

// ForShaping keeps every table but the outlines, and of each glyph its
// bounding box; a font with variations comes back as it is.
func TestForShaping_BoxesWithoutOutlines(t *testing.T) {
	f, err := Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	lean, err := Parse(f.ForShaping())
	if err != nil {
		t.Fatal(err)
	}
	if lean.NumGlyphs() != f.NumGlyphs() || len(lean.data) > len(f.data)/2 {
		t.Fatalf("%d glyphs in %d bytes, from %d in %d", lean.NumGlyphs(), len(lean.data), f.NumGlyphs(), len(f.data))
	}
	for g := range f.NumGlyphs() {
		whole, box := f.glyph(g), lean.glyph(g)
		switch {
		case len(whole) == 0 && len(box) != 0, len(whole) >= 10 && (len(box) != 12 || !bytes.Equal(box[2:10], whole[2:10])):
			t.Fatalf("glyph %d: %x, from %x", g, box, whole[:min(len(whole), 12)])
		}
		if lean.Advance(uint16(g)) != f.Advance(uint16(g)) {
			t.Fatalf("glyph %d: advance %d, was %d", g, lean.Advance(uint16(g)), f.Advance(uint16(g)))
		}
	}
	for tag, data := range f.tables {
		if tag != "glyf" && tag != "loca" && tag != "head" && tag != "post" && !bytes.Equal(lean.tables[tag], data) {
			t.Errorf("table %q changed", tag)
		}
	}
	if post := lean.tables["post"]; len(post) != 32 || binary.BigEndian.Uint32(post) != 0x00030000 {
		t.Errorf("post keeps the glyphs' names: %d bytes", len(post))
	}
	variable := &Font{data: f.data, tables: map[string][]byte{"fvar": {0}}}
	if got := variable.ForShaping(); &got[0] != &f.data[0] {
		t.Error("a font with variations lost its outlines")
	}
}

// checksum sums big-endian words, the last one padded with zeros.
func TestChecksum_PadsTheLastWord(t *testing.T) {
	for _, c := range []struct {
		data []byte
		want uint32
	}{
		{nil, 0},
		{[]byte{1}, 0x01000000},
		{[]byte{1, 2, 3, 4}, 0x01020304},
		{[]byte{1, 2, 3, 4, 5, 6}, 0x01020304 + 0x05060000},
		{[]byte{0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 2}, 1}, // it wraps
	} {
		if got := checksum(c.data); got != c.want {
			t.Errorf("checksum(%x) = %08x, want %08x", c.data, got, c.want)
		}
	}
}
