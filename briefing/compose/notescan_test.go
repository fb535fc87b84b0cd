package compose

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

// The patterns the scans stand in for: layouts reads references with the
// first.
var (
	noteRefRe = regexp.MustCompile(`\[\^([^\]\s]+)\]`)
	noteDefRe = regexp.MustCompile(`(?m)^ {0,3}\[\^([^\]\s]+)\]:`)
)

func regexpMatches(re *regexp.Regexp, text string) [][4]int {
	var out [][4]int
	for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
		out = append(out, [4]int{m[0], m[1], m[2], m[3]})
	}
	return out
}

func checkNoteScans(t *testing.T, text string) {
	t.Helper()
	if got, want := noteRefs(text), regexpMatches(noteRefRe, text); !slices.Equal(got, want) {
		t.Errorf("noteRefs(%q) = %v, the regexp %v", text, got, want)
	}
	if got, want := noteDefs(text), regexpMatches(noteDefRe, text); !slices.Equal(got, want) {
		t.Errorf("noteDefs(%q) = %v, the regexp %v", text, got, want)
	}
}

var noteSeeds = []string{
	"", "[^", "[^]", "[^a]", "x[^a]y [^b]:", "[^a]: text\n  [^b]: more\n    [^c]: code",
	"[^a b] [^c]", "[^[^a]", "[^a [^b]", "[^é]: é\r\n[^f]:", "\n\n [^x]:\n[^y]", "[^a\tb]", "[^a]]:",
	"   [^a]:", "[^a][^b][^c]", "[^a\fb]", "[^\x00]",
}

func TestNoteScans_AsTheRegexps(t *testing.T) {
	for _, s := range noteSeeds {
		checkNoteScans(t, s)
	}
	files, _ := filepath.Glob("../../testdata/*/narrative/*.md")
	if len(files) == 0 {
		t.Fatal("no narrative files found")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		checkNoteScans(t, string(data))
	}
}

func FuzzNoteScans(f *testing.F) {
	for _, s := range noteSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkNoteScans(t, s) })
}
