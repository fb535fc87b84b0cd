package layouts

import (
	"testing"
)

// tallDrawing prefers a height of perMM millimetres per millimetre of width.
type tallDrawing struct {
	fakeDrawing
	want   float64
	gotW   float64
	drawnH float64
}

func (d *tallDrawing) PreferredHeight(width float64) float64 {
	d.gotW = width
	return d.want
}

func (d *tallDrawing) Draw(_ Canvas, _, _, _, h float64) error {
	d.drawnH = h
	return nil
}

func TestFigure_PreferredHeight(t *testing.T) {
	tests := []struct {
		name         string
		config, want float64
		wantMax      bool
	}{
		{"DrawingChooses", 0, 120, false},
		{"ConfigWins", 60, 120, false},
		{"CappedAtThePage", 0, 900, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &tallDrawing{want: tc.want}
			doc := Document{Title: "T", Sections: []Section{{Title: "S", Blocks: []Content{
				Figure{ID: "f", Title: "Tall", Height: tc.config, Drawing: d},
			}}}}
			if _, err := Render(doc, discard{}); err != nil {
				t.Fatal(err)
			}
			switch {
			case tc.config > 0 && d.drawnH != tc.config:
				t.Errorf("drawn %.1f mm high, want the configured %.1f", d.drawnH, tc.config)
			case tc.config == 0 && !tc.wantMax && d.drawnH != tc.want:
				t.Errorf("drawn %.1f mm high, want the preferred %.1f", d.drawnH, tc.want)
			case tc.wantMax && (d.drawnH >= tc.want || d.drawnH < 150):
				t.Errorf("drawn %.1f mm high, want it capped to the page", d.drawnH)
			}
			if tc.config == 0 && d.gotW < 100 {
				t.Errorf("asked for the height at width %.1f, want the column width", d.gotW)
			}
		})
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
