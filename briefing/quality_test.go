package briefing

import (
	"strings"
	"testing"
	"time"

	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/layouts"
)

// TestPages_ProofClean builds the sample in four editions and the gallery
// and reads their plans as a typesetter reads a proof: no hole, no loose
// line, no stranded heading, nothing shortened to fit.
// ../shared/tools/pagequality gives the same counts from the finished PDF.
func TestPages_ProofClean(t *testing.T) {
	type build1 struct{ name, config, edition string }
	cases := []build1{
		{"Gallery", "../testdata/gallery/gallery.yaml", "2025-Q3"},
		{"Charts30", "../testdata/bench/charts30.yaml", "2025-Q3"}, // .ci/bench's
	}
	for _, e := range []string{"2024-Q3", "2024-Q4", "2025-Q3", "2025-Q4"} {
		cases = append(cases, build1{"Sample" + e, sample, e})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b, err := Build(Options{Config: tc.config, Sets: []string{"report.period=" + tc.edition},
				Clock: period.FixedClock(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC))})
			if err != nil {
				t.Fatal(err)
			}
			q := b.Plan.Quality()
			for what, places := range map[string][]string{"hole": q.Holes, "loose line": q.Loose, "stranded heading": q.Stranded, "truncated text": q.Truncated} {
				if len(places) > 0 {
					t.Errorf("%d %s(s):\n  %s", len(places), what, strings.Join(places, "\n  "))
				}
			}
			if q.WorstSpace == 0 {
				t.Error("no justified line measured: the check would pass on anything")
			}
			t.Logf("%d pages, worst space %.2f×", b.Pages, q.WorstSpace)
		})
	}
}

// TestGallery_EveryMarkingScheme builds the gallery under a marking of
// each scheme: each banner has the scheme's colour.
func TestGallery_EveryMarkingScheme(t *testing.T) {
	for marking, want := range map[string]layouts.RGB{
		"UNCLASSIFIED":       {R: 0x00, G: 0x7A, B: 0x33},
		"TOP SECRET":         {R: 0xFF, G: 0x8C, B: 0x00},
		"OFFICIAL-SENSITIVE": {R: 0xE4, G: 0xE4, B: 0xE4},
		"NATO SECRET":        {R: 0xE4, G: 0xE4, B: 0xE4},
		"INTERNAL":           {R: 0xC8, G: 0x10, B: 0x2E},
	} {
		b, err := Build(Options{Config: "../testdata/gallery/gallery.yaml", Sets: []string{"report.classification=" + marking},
			Clock: period.FixedClock(time.Date(2025, 11, 26, 0, 0, 0, 0, time.UTC)), CheckOnly: true})
		if err != nil {
			t.Fatalf("%s: %v", marking, err)
		}
		if b.Doc.BannerColor != want {
			t.Errorf("%s: banner %v, want %v", marking, b.Doc.BannerColor, want)
		}
	}
}
