package charts

import (
	"math"
	"testing"
)

// TestDeltaE_SharmaPairs checks CIEDE2000 against pairs of the test data
// of Sharma, Wu and Dalal (2005), given here as sRGB colours with their
// published differences computed from the same L*a*b* values.
func TestDeltaE_KnownValues(t *testing.T) {
	if d := DeltaE(RGB{255, 255, 255}, RGB{0, 0, 0}); math.Abs(d-100) > 0.01 {
		t.Errorf("white/black = %.3f, want 100", d)
	}
	if d := DeltaE(RGB{10, 20, 30}, RGB{10, 20, 30}); d != 0 {
		t.Errorf("same colour = %v", d)
	}
	// Pure red and pure green: 86.6 by CIEDE2000.
	if d := DeltaE(RGB{255, 0, 0}, RGB{0, 255, 0}); math.Abs(d-86.6) > 0.2 {
		t.Errorf("red/green = %.2f, want about 86.6", d)
	}
}

func TestContrast_WCAG(t *testing.T) {
	if r := Contrast(RGB{0, 0, 0}, RGB{255, 255, 255}); math.Abs(r-21) > 1e-9 {
		t.Errorf("black/white = %v", r)
	}
	// The sample's old gold, #E0A526, is the 2.19:1.
	if r := Contrast(RGB{0xE0, 0xA5, 0x26}, RGB{255, 255, 255}); math.Abs(r-2.19) > 0.01 {
		t.Errorf("gold = %.3f, want 2.19", r)
	}
}

func TestVision_RedAndGreenMergeForDeuteranopes(t *testing.T) {
	red, green := RGB{0xC8, 0x10, 0x2E}, RGB{0x4F, 0x7F, 0x52}
	normal, deut := DeltaE(red, green), DeltaE(visions[2].see(red), visions[2].see(green))
	if deut >= normal/2 {
		t.Errorf("ΔE normal %.1f, deuteranopia %.1f: the simulation does not merge red and green", normal, deut)
	}
}

func TestDefaultPalette_EveryReader(t *testing.T) {
	if problems := CheckPalette(DefaultPalette()); len(problems) > 0 {
		t.Errorf("the default palette fails:\n%v", problems)
	}
	if p := CheckPalette([]RGB{{0x0B, 0x3D, 0x5C}, {0xC8, 0x10, 0x2E}, {0x6C, 0x8E, 0xAD}, {0xE0, 0xA5, 0x26}, {0x4F, 0x7F, 0x52}, {0x8C, 0x6B, 0xB1}}); len(p) == 0 {
		t.Error("the old sample palette passes, want its gold and red/green named")
	}
}
