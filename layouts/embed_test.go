package layouts

import (
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
