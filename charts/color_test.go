package charts

import (
	"testing"

	"github.com/briefing/report/analysis"
)

func TestParseHex(t *testing.T) {
	tests := []struct {
		in   string
		want RGB
		err  bool
	}{
		{"#0B3D5C", RGB{0x0B, 0x3D, 0x5C}, false},
		{"#c8102e", RGB{0xC8, 0x10, 0x2E}, false},
		{"0B3D5C", RGB{0x0B, 0x3D, 0x5C}, false},
		{"#abc", RGB{0xAA, 0xBB, 0xCC}, false},
		{" #FFFFFF ", RGB{255, 255, 255}, false},
		{"#12345", RGB{}, true},
		{"#GGGGGG", RGB{}, true},
		{"", RGB{}, true},
		{"#+12345", RGB{}, true},
	}
	for _, tc := range tests {
		got, err := ParseHex(tc.in)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("ParseHex(%q) = %v, %v", tc.in, got, err)
		}
	}
	if h := (RGB{0x0B, 0x3D, 0x5C}).Hex(); h != "#0B3D5C" {
		t.Errorf("Hex = %s", h)
	}
}

func TestSeriesColors(t *testing.T) {
	red, blue, green := RGB{200, 0, 0}, RGB{0, 0, 200}, RGB{0, 150, 0}
	series := []analysis.Series{
		{Label: "A"}, {Label: "B"}, {Label: "A avg", AverageOf: "A"}, {Label: "C"},
	}
	t.Run("MapWinsOverPalette", func(t *testing.T) {
		got := seriesColors(plotSeriesOf(series), Style{Palette: []RGB{red, blue, green}, Colors: map[string]RGB{"B": red}})
		want := []RGB{blue, red, blue, green}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("series %d: %v, want %v (all %v)", i, got[i], want[i], got)
			}
		}
	})
	t.Run("DefaultPaletteWhenNone", func(t *testing.T) {
		got := seriesColors(plotSeriesOf(series), Style{})
		if got[0] != defaultPalette[0] || got[1] != defaultPalette[1] || got[2] != got[0] || got[3] != defaultPalette[2] {
			t.Errorf("colours %v", got)
		}
	})
	t.Run("AverageOfMissingBaseUsesMap", func(t *testing.T) {
		got := seriesColors(plotSeriesOf([]analysis.Series{{Label: "X avg", AverageOf: "X"}}), Style{Colors: map[string]RGB{"X": green}})
		if got[0] != green {
			t.Errorf("colour %v, want X's %v", got[0], green)
		}
	})
}

func TestAssignColors_StableAcrossCharts(t *testing.T) {
	m := AssignColors(nil, nil, armsTrend(), exercises(), armsTrend())
	if len(m) != 5 {
		t.Fatalf("%d labels coloured, want 5 (averages left out): %v", len(m), m)
	}
	// The largest series of a chart takes the strongest colour: India's
	// deliveries are larger than China's in the fixture.
	if m["Russia → India"] != defaultPalette[0] || m["Russia → China"] != defaultPalette[1] || m["Naval"] != defaultPalette[2] {
		t.Errorf("colours %v", m)
	}
	a := seriesColors(plotSeriesOf(armsTrend().Series), Style{Colors: m})
	b := seriesColors(plotSeriesOf(exercises().Series), Style{Colors: m})
	if a[0] != m["Russia → China"] || b[0] != m["Naval"] {
		t.Errorf("charts ignore the shared map: %v %v", a, b)
	}
}

func TestAssignColors_NoSharedColourInAChart(t *testing.T) {
	red, blue, green := RGB{200, 0, 0}, RGB{0, 0, 200}, RGB{0, 150, 0}
	palette := []RGB{red, blue, green}
	chart := func(labels ...string) *analysis.Result {
		res := &analysis.Result{}
		for _, l := range labels {
			res.Series = append(res.Series, analysis.Series{Label: l})
		}
		return res
	}
	// Four labels cycle the palette; the fifth joins a chart with B (blue)
	// and D (red): it takes green, the least used colour that chart lacks.
	m := AssignColors(palette, map[string]RGB{"Fixed": blue},
		chart("A", "B"), chart("C", "D"), chart("B", "D", "E"), chart("Fixed", "F"))
	want := map[string]RGB{"Fixed": blue, "A": red, "B": green, "C": red, "D": blue, "E": red, "F": green}
	for l, c := range want {
		if m[l] != c {
			t.Errorf("%s: %v, want %v (all %v)", l, m[l], c, m)
		}
	}
	for _, labels := range [][]string{{"A", "B"}, {"C", "D"}, {"B", "D", "E"}, {"Fixed", "F"}} {
		seen := map[RGB]string{}
		for _, l := range labels {
			if o, ok := seen[m[l]]; ok {
				t.Errorf("%s and %s share %v in one chart", o, l, m[l])
			}
			seen[m[l]] = l
		}
	}
}

func TestSeriesColors_MapCollisionGetsAFreeColour(t *testing.T) {
	red, blue := RGB{200, 0, 0}, RGB{0, 0, 200}
	got := seriesColors(plotSeriesOf([]analysis.Series{{Label: "A"}, {Label: "B"}}), Style{Palette: []RGB{red, blue}, Colors: map[string]RGB{"A": red, "B": red}})
	if got[0] != red || got[1] != blue {
		t.Errorf("colours %v, want A red and B the free blue", got)
	}
}

func TestAssignColors_OtherIsGrey(t *testing.T) {
	res := exercises()
	res.Series[2].Label = "Other"
	m := AssignColors(nil, nil, res)
	if m["Other"] != OtherColor {
		t.Errorf("Other = %v, want grey %v", m["Other"], OtherColor)
	}
	if got := seriesColors(plotSeriesOf(res.Series), Style{}); got[2] != OtherColor {
		t.Errorf("Other drawn in %v", got[2])
	}
}
