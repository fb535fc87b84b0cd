package layouts

import (
	"bytes"
	"cmp"
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefing/report/internal/truetype"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

const dejavuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

// needDejaVu skips a test without DejaVu Sans, which CI installs.
func needDejaVu(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(dejavuSans); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("fonts-dejavu-core is not installed: .ci/run installs it")
		}
		t.Skip("DejaVu Sans is not installed")
	}
}

// goTextGlyphs shapes word with go-text in DejaVu Sans, right to left.
func goTextGlyphs(t *testing.T, word string) []font.GID {
	t.Helper()
	data, err := os.ReadFile(dejavuSans)
	if err != nil {
		t.Fatal(err)
	}
	face, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(word)
	var sh shaping.HarfbuzzShaper
	out := sh.Shape(shaping.Input{Text: rs, RunEnd: len(rs), Direction: di.DirectionRTL, Face: face,
		Size: fixed.I(10), Script: language.Arabic, Language: language.NewLanguage("ar")})
	var gids []font.GID
	for _, g := range out.Glyphs {
		gids = append(gids, g.GlyphID)
	}
	return gids
}

// An Arabic paragraph is drawn with the glyphs go-text shapes it into:
// each word's joined forms and ligatures, in visual order, not its
// letters' isolated forms.
func TestRender_ArabicGlyphsAreGoTextShaping(t *testing.T) {
	needDejaVu(t)
	text := "الشراكة العسكرية بين روسيا والصين لا تترك مجالاً للفصل"
	doc := baseDoc(Section{Title: "Arabic", Blocks: []Content{Markdown{Source: "ar.md", Text: text}}})
	doc.Brand.Fonts.Fallback = []string{dejavuSans}
	var buf bytes.Buffer
	if _, err := Render(doc, &buf); err != nil {
		t.Fatal(err)
	}
	var drawn []string // the Arabic strings of the page, as drawn
	for _, s := range pageStreams(t, buf.Bytes()) {
		for _, op := range shown(t, s) {
			if w := strings.TrimSpace(op.text); slices.ContainsFunc([]rune(w), isRTL) {
				drawn = append(drawn, w)
			}
		}
	}
	words := strings.Fields(text)
	if len(drawn) != len(words) {
		t.Fatalf("%d Arabic words drawn, want %d: %q", len(drawn), len(words), drawn)
	}
	sf := shapingFontOf(mustRead(t, dejavuSans), nil)
	for i, w := range words {
		want := goTextGlyphs(t, w)
		var got []font.GID
		for _, r := range drawn[i] {
			g, _ := sf.font.Cmap.Lookup(r)
			got = append(got, g)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: glyphs %v, go-text shapes %v", w, got, want)
		}
		var isolated []font.GID
		for _, r := range []rune(w) {
			g, _ := sf.font.Cmap.Lookup(r)
			isolated = append([]font.GID{g}, isolated...)
		}
		if len([]rune(w)) > 1 && slices.Equal(got, isolated) {
			t.Errorf("%s is drawn in isolated forms", w)
		}
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// unescapePDF undoes the escapes of a PDF literal string.
func unescapePDF(s string) []byte {
	var out []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'r':
				out = append(out, '\r')
			case 'n':
				out = append(out, '\n')
			default:
				out = append(out, s[i])
			}
			continue
		}
		out = append(out, s[i])
	}
	return out
}

// The visual form of a text: right-to-left runs shaped and reversed, a
// Latin name and a number inside them in their own order, spaces around
// the text where they were, brackets mirrored where no font shapes them.
func TestVisual(t *testing.T) {
	needDejaVu(t)
	e, err := newEnv(Document{Brand: Brand{Fonts: Fonts{Fallback: []string{dejavuSans}}}})
	if err != nil {
		t.Fatal(err)
	}
	fs := e.fonts
	for _, c := range []struct {
		in, want string
		rtl      bool
	}{
		{"Russia and China", "Russia and China", false},
		{"لا", "\uFEFB", false},                              // lam-alef, the ligature
		{"بين", "\uFEE6\uFEF4\uFE91", false},                 // final nun, medial ya, initial ba, from the left
		{"في 2025", "2025 \uFEF2\uFED3", false},              // the number stays left to right
		{"الصين ", "\uFEE6\uFEF4\uFEBC\uFEDF\u0627 ", false}, // the space after stays after
		{"2025.", ".2025", true},                             // in a right-to-left paragraph
		{"و NATO", "NATO \u0648", false},                     // first strong letter Arabic: right to left
		{"(تل)", "(\uFEDE\uFE97)", false},
		{"תל אביב", "ביבא לת", false}, // Hebrew: reversed, no forms to join                    // the brackets mirrored by shaping
	} {
		if got := fs.visualIn(c.in, 0, c.rtl); got != c.want {
			t.Errorf("visual(%q) = %q %U, want %q", c.in, got, []rune(got), c.want)
		}
	}
}

// A line of a right-to-left paragraph is laid out by the bidi algorithm
// over the whole line: a run of Latin words keeps its order, the brackets
// around it and a full stop after a number go where their neighbours put
// them, and the line ends at the right edge.
func TestRTLSegments(t *testing.T) {
	needDejaVu(t)
	e, err := newEnv(Document{Brand: Brand{Fonts: Fonts{Fallback: []string{dejavuSans}}}})
	if err != nil {
		t.Fatal(err)
	}
	const width = 150.0
	for _, c := range []struct {
		in   string
		want []string // the segments left to right, as written
	}{
		{"قال (NATO Alliance) أمس", []string{"أمس", " ", ")", "NATO", " ", "Alliance", "(", " ", "قال"}},
		{"في عام 2025.", []string{".", "2025", " ", "عام", " ", "في"}},
		{"مناورات Joint Sea. البحرية", []string{"البحرية", " ", ".", "Joint", " ", "Sea", " ", "مناورات"}},
		// brackets paired around a Latin run go with the Arabic (rule N0)
		{"الملف (.manifest.json). SHA-256 نفسه:", []string{"نفسه:", " ", "SHA-256", " ", ").", "manifest.json", "(.", " ", "الملف"}},
	} {
		p := newParagraph(e, []span{{text: c.in}}, paraStyle{size: 10, leading: 1.3, align: alignLeft}, "p")
		if !p.rtl {
			t.Fatalf("%q is not right to left", c.in)
		}
		lines := p.layout(width)
		if len(lines) != 1 {
			t.Fatalf("%q: %d lines", c.in, len(lines))
		}
		xs, _ := lines[0].positions(width, alignLeft)
		segs := rtlSegments(e, lines[0], xs, width)
		slices.SortFunc(segs, func(a, b rtlSegment) int { return cmp.Compare(a.x, b.x) })
		var got []string
		for i, s := range segs {
			got = append(got, s.text)
			if i > 0 && math.Abs(segs[i-1].x+segs[i-1].w-s.x) > 1e-9 {
				t.Errorf("%q: %q does not follow %q", c.in, s.text, segs[i-1].text)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: left to right %q, want %q", c.in, got, c.want)
		}
		if last := segs[len(segs)-1]; math.Abs(last.x+last.w-width) > 0.01 {
			t.Errorf("%q: the line ends at %.2f, not at the right edge %.0f", c.in, last.x+last.w, width)
		}
	}
}

// Vowel signs are kept, and a glyph the font maps no character to (the
// ligature of shadda and fatha) does not write its letter twice: the
// visual form has each letter and sign of the word once.
func TestVisual_VowelSigns(t *testing.T) {
	needDejaVu(t)
	e, err := newEnv(Document{Brand: Brand{Fonts: Fonts{Fallback: []string{dejavuSans}}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, word := range []string{"مُحَمَّدٌ", "الشَّرِكَة", "مجالاً"} {
		var got []rune
		for _, r := range e.fonts.visual(word, 0) {
			got = append(got, []rune(letters(r))...)
		}
		want := []rune(word)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: drawn as %q, not its letters and signs once each", word, string(got))
		}
	}
}

// Any text has a visual form, made without a panic, in valid UTF-8:
// whatever marks, controls and scripts it mixes.
func FuzzVisual(f *testing.F) {
	if _, err := os.Stat(dejavuSans); err != nil {
		f.Skip("DejaVu Sans is not installed")
	}
	e, err := newEnv(Document{Brand: Brand{Fonts: Fonts{Fallback: []string{dejavuSans}}}})
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"السلام عليكم", "في 2025.", "(NATO) و", "مُحَمَّدٌ", "ًٌٍ", "\u200fא\u202eb", "لا لا", "a\u0651b"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, rtl bool) {
		if !utf8.ValidString(s) {
			return
		}
		v := e.fonts.visualIn(s, 0, rtl)
		if !utf8.ValidString(v) {
			t.Fatalf("visual(%q) = %q is not UTF-8", s, v)
		}
	})
}

// Bold text drawn from a fallback font, which has no bold face (an Arabic
// heading), is emboldened: filled and stroked; regular text is not.
func TestRender_FallbackBoldIsEmboldened(t *testing.T) {
	needDejaVu(t)
	doc := baseDoc(Section{Title: "الخلاصة", Blocks: []Content{Markdown{Source: "ar.md", Text: "نص عادي"}}})
	doc.Brand.Fonts.Fallback = []string{dejavuSans}
	var buf bytes.Buffer
	if _, err := Render(doc, &buf); err != nil {
		t.Fatal(err)
	}
	arabic := func(s string) int { // the Arabic strings shown in s
		n := 0
		for _, op := range shown(t, s) {
			if slices.ContainsFunc([]rune(op.text), isRTL) {
				n++
			}
		}
		return n
	}
	bold, all := 0, 0
	for _, s := range pageStreams(t, buf.Bytes()) {
		all += arabic(s)
		for _, m := range regexp.MustCompile(`(?s)2 Tr\n(.*?)0 Tr\n`).FindAllStringSubmatch(s, -1) {
			bold += arabic(m[1])
		}
	}
	regular := all - bold
	if bold == 0 || regular == 0 {
		t.Errorf("%d emboldened Arabic strings and %d regular ones, want both (the heading and the text)", bold, regular)
	}
}

// In a right-to-left document a Latin paragraph starts at the right, its
// words in their own order; in a left-to-right one it starts at the left.
func TestRender_LatinLineOfARightToLeftDocumentStartsAtTheRight(t *testing.T) {
	for _, rtl := range []bool{false, true} {
		doc := baseDoc(Section{Title: "Notes", Blocks: []Content{Markdown{Source: "en.md", Text: "Short line."}}})
		doc.RightToLeft = rtl
		var buf bytes.Buffer
		if _, err := Render(doc, &buf); err != nil {
			t.Fatal(err)
		}
		x := -1.0
		for _, s := range pageStreams(t, buf.Bytes()) {
			for _, op := range shown(t, s) {
				if strings.HasPrefix(op.text, "Short") {
					x = op.x
				}
			}
		}
		const half = 595.28 / 2 // A4, pt
		if x < 0 || (x > half) != rtl {
			t.Errorf("right to left %v: the line starts at x = %.1f pt", rtl, x)
		}
	}
}

// go-text shapes text in a font without its outlines (ForShaping) exactly
// as in the whole file: the same glyphs, clusters, advances, offsets and
// extents, in Arabic (joined forms, lam-alef, vowel marks, Persian and Urdu
// letters, digits), Hebrew with its points, and Latin.
func TestForShaping_ShapesAsTheWholeFile(t *testing.T) {
	needDejaVu(t)
	texts := []struct {
		text   string
		dir    di.Direction
		script language.Script
		lang   string
	}{
		{"الشراكة العسكرية بين روسيا والصين لا تترك مجالاً للفصل", di.DirectionRTL, language.Arabic, "ar"},
		{"لا إله إلّا الله، مُحَمَّدٌ رَسُولُ ٱللَّٰهِ ١٢٣٤٥ 2025", di.DirectionRTL, language.Arabic, "ar"},
		{"پژوهش‌های امنیتی و گزارش فصلی", di.DirectionRTL, language.Arabic, "fa"},
		{"سیکیورٹی پارٹنرشپ کا جائزہ", di.DirectionRTL, language.Arabic, "ur"},
		{"שָׁלוֹם עֲלֵיכֶם, הַשֻּׁתָּפוּת הָרוּסִית־סִינִית", di.DirectionRTL, language.Hebrew, "he"},
		{"Office affine fluffy — “quoted” AV To Wa ffi 1/2 ½ €", di.DirectionLTR, language.Latin, "en"},
	}
	for _, file := range []string{dejavuSans, "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Logf("%s: %v", file, err)
			continue
		}
		tt, err := truetype.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		stripped := tt.ForShaping()
		if len(stripped) >= len(data)/2 {
			t.Errorf("%s: %d bytes without outlines, of %d", file, len(stripped), len(data))
		}
		whole, err := font.ParseTTF(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		lean, err := font.ParseTTF(bytes.NewReader(stripped))
		if err != nil {
			t.Fatalf("%s without outlines: %v", file, err)
		}
		for _, c := range texts {
			rs := []rune(c.text)
			var sh shaping.HarfbuzzShaper
			in := shaping.Input{Text: rs, RunEnd: len(rs), Direction: c.dir, Size: fixed.I(10), Script: c.script, Language: language.NewLanguage(c.lang)}
			in.Face = whole
			want := sh.Shape(in).Glyphs
			in.Face = lean
			got := sh.Shape(in).Glyphs
			if !slices.Equal(got, want) {
				t.Errorf("%s, %q: shaped without outlines\n%+v\nwhole\n%+v", file, c.text, got, want)
			}
		}
	}
}
