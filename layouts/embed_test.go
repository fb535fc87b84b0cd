package layouts

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/briefing/report/internal/truetype"
	"golang.org/x/image/font/gofont/goregular"
)

// Each character drawn has a CID of its own, so two that share a glyph (a
// space and a no-break space, in many fonts) copy as themselves; a
// presentation form copies as its letters.
func TestToUnicode_ACIDPerCharacter(t *testing.T) {
	cmap := string(toUnicode([]rune{' ', '\u00a0', '\ufefb'}))
	for _, want := range []string{"<0020> <0020>", "<00A0> <00A0>", "<FEFB> <06270644>"} {
		if !strings.Contains(cmap, want) {
			t.Errorf("ToUnicode lacks %q:\n%s", want, cmap)
		}
	}
}

func TestWidthArray_RunsOfCIDs(t *testing.T) {
	tt, err := truetype.Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	// a space and a no-break space drawn with one glyph: both get its width
	got := widthArray(tt, []rune{32, 33, 160}, []uint16{3, 4, 3})
	w3, w4 := tt.Width(3), tt.Width(4)
	if want := "[32 [" + strconv.Itoa(w3) + " " + strconv.Itoa(w4) + "] 160 [" + strconv.Itoa(w3) + "]]"; got != want {
		t.Errorf("widthArray = %s, want %s", got, want)
	}
}

// A subset's tag is six capital letters, the same for the same font and
// glyphs, another for other glyphs, and never one a file has used.
func TestSubsetTag(t *testing.T) {
	tagged := regexp.MustCompile(`^[A-Z]{6}$`)
	a := subsetTag("GoRegular", []uint16{3, 4, 5}, map[string]bool{})
	if !tagged.MatchString(a) {
		t.Fatalf("tag %q, want six capital letters", a)
	}
	if again := subsetTag("GoRegular", []uint16{3, 4, 5}, map[string]bool{}); again != a {
		t.Errorf("the same subset tagged %q, then %q", a, again)
	}
	if other := subsetTag("GoRegular", []uint16{3, 4}, map[string]bool{}); other == a {
		t.Errorf("another subset tagged %q too", a)
	}
	used := map[string]bool{}
	first := subsetTag("GoRegular", []uint16{3, 4, 5}, used)
	second := subsetTag("GoRegular", []uint16{3, 4, 5}, used)
	if first == second || !tagged.MatchString(second) || !used[first] || !used[second] {
		t.Errorf("two subsets in one file tagged %q and %q (used %v)", first, second, used)
	}
}

// Every font embedded is named as a subset, its Type 0 font, CIDFont and
// descriptor by the same tagged name, each face by a tag of its own, and
// the same tags again for the same document.
func TestRender_SubsetNamesTagged(t *testing.T) {
	render := func() []byte {
		t.Helper()
		doc := baseDoc(Section{Title: "Text", Blocks: []Content{Markdown{Source: "t.md", Text: "Plain, *italic* and `code`."}}})
		var buf bytes.Buffer
		if _, err := Render(doc, &buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	pdf := render()
	names := regexp.MustCompile(`/(?:BaseFont|FontName) /([^ /]+) `).FindAllSubmatch(pdf, -1)
	count := map[string]int{}
	tags := map[string]string{}
	for _, m := range names {
		name := string(m[1])
		tag, font, ok := strings.Cut(name, "+")
		if !ok || !regexp.MustCompile(`^[A-Z]{6}$`).MatchString(tag) {
			t.Errorf("font %q is not named as a subset (ABCDEF+Name)", name)
			continue
		}
		if other, seen := tags[tag]; seen && other != font {
			t.Errorf("fonts %s and %s share the tag %s", other, font, tag)
		}
		tags[tag] = font
		count[name]++
	}
	if len(count) < 3 {
		t.Fatalf("fonts %v, want regular, bold (the heading), italic and mono", count)
	}
	for name, n := range count {
		if n != 3 {
			t.Errorf("%s named %d times, want 3 (Type 0 font, CIDFont, descriptor)", name, n)
		}
	}
	if again := render(); !bytes.Equal(again, pdf) {
		t.Error("the same document rendered twice differs")
	}
}

// embeds reports whether pdf embeds a subset of the font called name.
func embeds(pdf []byte, name string) bool {
	return regexp.MustCompile(`/Subtype /Type0 /BaseFont /[A-Z]{6}\+` + regexp.QuoteMeta(name) + ` `).Match(pdf)
}
