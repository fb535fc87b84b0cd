package layouts

import (
	"bytes"
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// shownText is one text-showing operation of a page: its face, its x in
// points, and its characters (the font's CIDs).
type shownText struct {
	face int
	x    float64
	text string
}

// showObj is a text object as showScaledText writes it: its face, its
// first text at x (its y, a scaling), then the texts that joined it, each
// after its move from the one before (textObject).
var (
	showObj  = regexp.MustCompile(`BT /TT(\d+) [0-9.]+ Tf ([0-9.]+) [0-9.]+ Td (?:[0-9.]+ Tz )?\(((?:[^\\)]|\\.)*)\) Tj((?: -?[0-9.]+ 0 Td \((?:[^\\)]|\\.)*\) Tj)*)`)
	joinedOp = regexp.MustCompile(` (-?[0-9.]+) 0 Td \(((?:[^\\)]|\\.)*)\) Tj`)
)

// shown returns the text-showing operations of content stream s, with the
// x where each stands, those of a shared text object too.
func shown(tb testing.TB, s string) []shownText {
	tb.Helper()
	var out []shownText
	add := func(face int, x float64, codes string) {
		raw := unescapePDF(codes)
		var b strings.Builder
		for k := 0; k+1 < len(raw); k += 2 {
			b.WriteRune(rune(raw[k])<<8 | rune(raw[k+1]))
		}
		out = append(out, shownText{face, x, b.String()})
	}
	for _, m := range showObj.FindAllStringSubmatch(s, -1) {
		i, _ := strconv.Atoi(m[1])
		x, _ := strconv.ParseFloat(m[2], 64)
		add(i, x, m[3])
		for _, j := range joinedOp.FindAllStringSubmatch(m[4], -1) {
			dx, _ := strconv.ParseFloat(j[1], 64)
			x += dx
			add(i, x, j[2])
		}
	}
	return out
}

// Text is shown as its characters' codes in the face selected, at fpdf's
// coordinates, the string escaped, in the text colour when it is not the
// fill colour; the characters drawn are noted with their glyphs.
func TestShowText(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.AddPage()
	fs, err := loadFonts(Fonts{})
	if err != nil {
		t.Fatal(err)
	}
	c := &canvas{pdf: pdf, e: &env{fonts: fs}}
	c.setFace(1, 9.5)
	c.showText(10, 20, "(a\\b)")
	c.ink = RGB{255, 0, 0} // the text's colour, not the fill's
	c.showText(10, 30, "x")
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	if !strings.Contains(page, "BT /TT1 9.50 Tf 28.35 785.20 Td (") {
		t.Errorf("no text operator at 10, 20 mm in face 1:\n%s", page)
	}
	got := shown(t, page)
	if len(got) != 2 || got[0].text != "(a\\b)" || got[0].face != 1 || got[1].text != "x" {
		t.Errorf("shown %+v", got)
	}
	if !strings.Contains(page, "q 1.000 0.000 0.000 rg BT /TT1") {
		t.Error("red text is not drawn red")
	}
	if len(fs.drawn[1]) != 6 || fs.drawn[1]['\\'] != fs.glyph(1, '\\') || fs.drawn[1]['\\'] == 0 || fs.drawn[0] != nil {
		t.Errorf("glyphs noted %v", fs.drawn)
	}
}

// A hyphen is drawn narrower than its font has it by the text's horizontal
// scaling, which is set back before the text object ends (it outlasts
// ET); the text around it is drawn as it is.
func TestTextInFace_HyphenScaled(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.AddPage()
	fs, err := loadFonts(Fonts{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := newMetrics(fs)
	if err != nil {
		t.Fatal(err)
	}
	const st = style(0) // regular
	k := m.hyphenScale(st)
	if k >= 1 {
		t.Fatalf("the regular face's hyphen scale is %v, want < 1", k)
	}
	c := &canvas{pdf: pdf, e: &env{fonts: fs, m: m}}
	c.textInFace(10, 20, "well-known", st, 10, RGB{})
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	want := strconv.FormatFloat(k*100, 'f', 3, 64) + " Tz (\x00-) Tj 100 Tz ET"
	if !strings.Contains(page, want) {
		t.Errorf("the hyphen is not drawn scaled, then the scaling set back: no %q in\n%s", want, page)
	}
	if n := strings.Count(page, " Tz "); n != 2 {
		t.Errorf("%d scalings, want the hyphen's and its reset", n)
	}
	got := shown(t, page)
	if len(got) != 3 || got[0].text != "well" || got[1].text != "-" || got[2].text != "known" {
		t.Fatalf("shown %+v, want well, -, known", got)
	}
	if w := m.rawWidth(st, 10, "well") * ptPerMM; math.Abs(got[1].x-got[0].x-w) > 0.01 {
		t.Errorf("the hyphen starts %.2f pt after the word, want its width %.2f", got[1].x-got[0].x, w)
	}
	if w := m.rawWidth(st, 10, "-") * ptPerMM; math.Abs(got[2].x-got[1].x-w) > 0.01 {
		t.Errorf("the text after the hyphen starts %.2f pt after it, want its scaled width %.2f", got[2].x-got[1].x, w)
	}
}

func TestPDFText_UTF16(t *testing.T) {
	for in, want := range map[string]string{
		"":       "<FEFF>",
		"Aé":     "<FEFF004100E9>",
		"→🚀":     "<FEFF2192D83DDE80>",
		"\ufb50": "<FEFFFB50>",
	} {
		if got := pdfText(in); got != want {
			t.Errorf("pdfText(%q) = %s, want %s", in, got, want)
		}
	}
	if got := utf16Text("é🚀"); got != "\xFE\xFF\x00\xE9\xD8\x3D\xDE\x80" {
		t.Errorf("utf16Text = %q", got)
	}
}

// appendFixed2 writes what strconv does, for numbers of every size and
// near every rounding boundary.
func TestAppendFixed2_AsStrconv(t *testing.T) {
	vals := []float64{0, -0.0, 1, -1, 0.005, 0.015, 1.005, 2.675, -0.001, -0.004, -0.005, 0.125, 12345.675, 595.28, 841.89,
		28.346456692913385, 785.1968503937008, 1e15, -1e15, 1e300, math.Inf(1), math.NaN(), 9.995, -9.995, math.Copysign(0, -1)}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		vals = append(vals, (rng.Float64()-0.2)*1000, float64(rng.IntN(100000))/1000, float64(rng.IntN(200000))/200)
	}
	for _, v := range vals {
		if got, want := string(appendFixed2(nil, v)), strconv.FormatFloat(v, 'f', 2, 64); got != want {
			t.Errorf("appendFixed2(%v) = %s, strconv %s", v, got, want)
		}
	}
}

// hundredths reads back what appendFixed2 writes, and appendHundredths
// writes it again, near every rounding boundary too.
func TestHundredths_AsWritten(t *testing.T) {
	vals := []float64{0, 1, -1, 0.005, 0.015, 1.005, 2.675, -0.001, -0.004, -0.005, 12345.675, 595.28, 9.995, -9.995, 1e13, -1e13}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		vals = append(vals, (rng.Float64()-0.2)*1000, float64(rng.IntN(200000))/200-100)
	}
	for _, v := range vals {
		n, ok := hundredths(v)
		if !ok {
			t.Fatalf("hundredths(%v): not digits", v)
		}
		want := string(appendFixed2(nil, v))
		if want == "-0.00" {
			want = "0.00" // the sign of a zero is not kept, nor needed (a move of 0)
		}
		if got := string(appendHundredths(nil, n)); got != want {
			t.Fatalf("hundredths(%v) = %d, written again %s; appendFixed2 writes %s", v, n, got, want)
		}
	}
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 1e300, 1e15, -1e15} {
		if _, ok := hundredths(v); ok {
			t.Errorf("hundredths(%v) is digits", v)
		}
	}
}

// While text objects are shared, the words of a line in one face, size and
// colour are one object, each after a move from the one before that puts
// it where an object of its own would have: at the position written to
// the hundredth. Anything else drawn ends the object first, so the page
// keeps the order of drawing; a word on another line, in another face or
// scaled starts another; ending the sharing writes the object.
func TestShowText_WordsShareAnObject(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.AddPage()
	fs, err := loadFonts(Fonts{})
	if err != nil {
		t.Fatal(err)
	}
	c := &canvas{pdf: pdf, e: &env{fonts: fs}}
	c.textColor(RGB{})
	c.setFace(0, 10.5)
	xs := []float64{22.0, 29.5299, 41.004, 57.70999, 63.1}
	c.shareText(true)
	for i, x := range xs[:3] {
		c.showText(x, 50, "w"+strconv.Itoa(i)+" ")
	}
	c.fillRect(10, 60, 5, 5, RGB{200, 0, 0}) // ends the object
	c.textColor(RGB{})
	for i, x := range xs[3:] {
		c.showText(x, 50, "v"+strconv.Itoa(i)+" ")
	}
	c.showText(22, 55, "next") // another line
	c.setFace(1, 10.5)
	c.showText(40, 55, "bold") // another face
	c.shareText(false)
	c.showText(60, 55, "alone")
	var out bytes.Buffer
	if err := pdf.Output(&out); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	if n := strings.Count(page, "BT "); n != 5 {
		t.Errorf("%d text objects, want 5 (three words, two words, next, bold, alone):\n%s", n, page)
	}
	rect, second := strings.Index(page, " re f"), strings.Index(page, "(\x00v\x000")
	if first := strings.Index(page, "(\x00w\x002"); rect < 0 || first < 0 || second < 0 || !(first < rect && rect < second) {
		t.Errorf("the rectangle is not between the words drawn before and after it:\n%s", page)
	}
	got := shown(t, page)
	if len(got) != 8 {
		t.Fatalf("shown %+v, want 8 texts", got)
	}
	_, h := pdf.GetPageSize()
	for i, x := range xs {
		want := string(appendFixed2(nil, x*ptPerMM))
		if at := strconv.FormatFloat(got[i].x, 'f', 2, 64); at != want {
			t.Errorf("word %d (%q) at %s pt, want %s as an object of its own writes it", i, got[i].text, at, want)
		}
	}
	if !strings.Contains(page, "Td (\x00w\x000\x00 ) Tj ") || !strings.Contains(page, " 0 Td (\x00w\x001\x00 ) Tj") {
		t.Errorf("the first words do not share an object:\n%s", page)
	}
	y := string(appendFixed2(nil, (h-50)*ptPerMM))
	if n := strings.Count(page, " "+y+" Td"); n != 2 {
		t.Errorf("the line's y is written %d times, want once per object (2)", n)
	}
}
