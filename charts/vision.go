package charts

import (
	"fmt"
	"math"
)

// Colour checks for charts that every reader can read: WCAG contrast
// against the page, and the CIEDE2000 colour difference between series
// colours as people with the three dichromacies see them (Machado,
// Oliveira and Fernandes 2009, severity 1).

// Vision is a way of seeing colour.
type Vision struct {
	Name string
	m    [3][3]float64 // on linear RGB; nil matrix is normal vision
}

var visions = []Vision{
	{Name: "normal vision"},
	{Name: "protanopia", m: [3][3]float64{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}},
	{Name: "deuteranopia", m: [3][3]float64{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}},
	{Name: "tritanopia", m: [3][3]float64{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}},
}

// MinContrast is the least contrast ratio of a series colour against the
// white page (WCAG 2.1, 1.4.11 non-text contrast); MinDistance the least
// CIEDE2000 difference between two series colours, in every vision.
const (
	MinContrast = 3.0
	MinDistance = 10.0
)

// CheckPalette returns what makes a palette hard to read: each colour below
// MinContrast against white, and each pair closer than MinDistance for
// some vision, named by their hex codes.
func CheckPalette(p []RGB) []string {
	var out []string
	white := RGB{255, 255, 255}
	for _, c := range p {
		if r := Contrast(c, white); r < MinContrast {
			out = append(out, fmt.Sprintf("%s has a contrast of %.2f:1 against the page (at least %.0f:1 is needed to see it)", c.Hex(), r, MinContrast))
		}
	}
	for i := range p {
		for j := i + 1; j < len(p); j++ {
			for _, v := range visions {
				if d := DeltaE(v.see(p[i]), v.see(p[j])); d < MinDistance {
					out = append(out, fmt.Sprintf("%s and %s are hard to tell apart with %s (ΔE2000 %.1f, at least %.0f)", p[i].Hex(), p[j].Hex(), v.Name, d, MinDistance))
					break
				}
			}
		}
	}
	return out
}

// see returns c as someone with vision v sees it.
func (v Vision) see(c RGB) RGB {
	if v.m == ([3][3]float64{}) {
		return c
	}
	lin := [3]float64{toLinear(c.R), toLinear(c.G), toLinear(c.B)}
	var out [3]uint8
	for i := range 3 {
		x := v.m[i][0]*lin[0] + v.m[i][1]*lin[1] + v.m[i][2]*lin[2]
		out[i] = fromLinear(math.Min(1, math.Max(0, x)))
	}
	return RGB{out[0], out[1], out[2]}
}

func toLinear(c uint8) float64 {
	v := float64(c) / 255
	if v <= 0.04045 {
		return v / 12.92
	}
	return math.Pow((v+0.055)/1.055, 2.4)
}

func fromLinear(v float64) uint8 {
	if v <= 0.0031308 {
		v *= 12.92
	} else {
		v = 1.055*math.Pow(v, 1/2.4) - 0.055
	}
	return uint8(math.Round(v * 255))
}

// luminance is the WCAG relative luminance of c.
func luminance(c RGB) float64 {
	return 0.2126*toLinear(c.R) + 0.7152*toLinear(c.G) + 0.0722*toLinear(c.B)
}

// Contrast is the WCAG contrast ratio of a and b, 1 to 21.
func Contrast(a, b RGB) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// lab converts c to CIE L*a*b* (D65).
func lab(c RGB) (l, a, b float64) {
	r, g, bl := toLinear(c.R), toLinear(c.G), toLinear(c.B)
	x := (0.4124564*r + 0.3575761*g + 0.1804375*bl) / 0.95047
	y := 0.2126729*r + 0.7151522*g + 0.0721750*bl
	z := (0.0193339*r + 0.1191920*g + 0.9503041*bl) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	fx, fy, fz := f(x), f(y), f(z)
	return 116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)
}

// DeltaE is the CIEDE2000 colour difference of a and b (Sharma, Wu and
// Dalal 2005).
func DeltaE(c1, c2 RGB) float64 {
	l1, a1, b1 := lab(c1)
	l2, a2, b2 := lab(c2)
	rad := math.Pi / 180
	cab := (math.Hypot(a1, b1) + math.Hypot(a2, b2)) / 2
	g := 0.5 * (1 - math.Sqrt(math.Pow(cab, 7)/(math.Pow(cab, 7)+math.Pow(25, 7))))
	a1p, a2p := (1+g)*a1, (1+g)*a2
	c1p, c2p := math.Hypot(a1p, b1), math.Hypot(a2p, b2)
	hue := func(b, ap float64) float64 {
		if b == 0 && ap == 0 {
			return 0
		}
		h := math.Atan2(b, ap) / rad
		if h < 0 {
			h += 360
		}
		return h
	}
	h1p, h2p := hue(b1, a1p), hue(b2, a2p)
	dl, dc := l2-l1, c2p-c1p
	var dh float64
	switch {
	case c1p*c2p == 0:
		dh = 0
	case math.Abs(h2p-h1p) <= 180:
		dh = h2p - h1p
	case h2p-h1p > 180:
		dh = h2p - h1p - 360
	default:
		dh = h2p - h1p + 360
	}
	dH := 2 * math.Sqrt(c1p*c2p) * math.Sin(dh/2*rad)
	lp, cp := (l1+l2)/2, (c1p+c2p)/2
	var hp float64
	switch {
	case c1p*c2p == 0:
		hp = h1p + h2p
	case math.Abs(h1p-h2p) <= 180:
		hp = (h1p + h2p) / 2
	case h1p+h2p < 360:
		hp = (h1p + h2p + 360) / 2
	default:
		hp = (h1p + h2p - 360) / 2
	}
	t := 1 - 0.17*math.Cos((hp-30)*rad) + 0.24*math.Cos(2*hp*rad) + 0.32*math.Cos((3*hp+6)*rad) - 0.20*math.Cos((4*hp-63)*rad)
	dtheta := 30 * math.Exp(-math.Pow((hp-275)/25, 2))
	rc := 2 * math.Sqrt(math.Pow(cp, 7)/(math.Pow(cp, 7)+math.Pow(25, 7)))
	sl := 1 + 0.015*math.Pow(lp-50, 2)/math.Sqrt(20+math.Pow(lp-50, 2))
	sc := 1 + 0.045*cp
	sh := 1 + 0.015*cp*t
	rt := -math.Sin(2*dtheta*rad) * rc
	return math.Sqrt(math.Pow(dl/sl, 2) + math.Pow(dc/sc, 2) + math.Pow(dH/sh, 2) + rt*(dc/sc)*(dH/sh))
}

// DefaultPalette returns the series colours charts use when Style.Palette
// is empty, strongest first: each at least MinContrast against white, and
// every pair, and each with OtherColor, at least MinDistance apart in
// every vision (chosen by a search over Paul Tol's, Okabe and Ito's and
// ColorBrewer's colours under these checks).
func DefaultPalette() []RGB { return append([]RGB(nil), defaultPalette...) }

var defaultPalette = []RGB{
	{0x1F, 0x78, 0xB4}, // blue
	{0xD1, 0x49, 0x5B}, // rose red
	{0x11, 0x77, 0x33}, // green
	{0x5D, 0x3A, 0x9B}, // purple
	{0x88, 0x22, 0x55}, // wine
	{0x66, 0x99, 0xCC}, // light blue
}

// OtherColor is the grey of the "Other" series or slice, which folds the
// smaller categories: it should not compete with them.
var OtherColor = RGB{0x8C, 0x8C, 0x8C}
