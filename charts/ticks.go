package charts

import (
	"math"
	"strconv"
	"strings"
)

// minus is the true minus sign used in tick labels.
const minus = "\u2212"

// niceTicks returns round tick values covering [lo, hi] in steps of 1, 2 or
// 5 times a power of ten, with at most maxSteps steps, and the number of
// decimals their labels need. integral keeps the step at 1 or more (counts
// are never split). lo == hi gets a range around them.
func niceTicks(lo, hi float64, maxSteps int, integral bool) ([]float64, int) {
	if maxSteps < 1 {
		maxSteps = 1
	}
	if !(hi > lo) {
		switch {
		case lo == 0 && hi == 0:
			hi = 1
		case lo > 0:
			lo, hi = 0, lo
		default:
			lo, hi = hi, 0
		}
	}
	step := niceStep((hi - lo) / float64(maxSteps))
	if integral && step < 1 {
		step = 1
	}
	first := math.Floor(lo/step + 1e-9)
	last := math.Ceil(hi/step - 1e-9)
	ticks := make([]float64, 0, int(last-first)+1)
	for i := first; i <= last; i++ {
		v := i * step
		if v == 0 {
			v = 0 // no -0
		}
		ticks = append(ticks, v)
	}
	return ticks, decimalsFor(step)
}

// headroom widens a value range by 2% away from zero on the side(s) with
// data, so that the largest value (a flat line, the top of a bar) never
// sits on the frame of the plot: the axis then ends at the next tick.
func headroom(lo, hi float64) (float64, float64) {
	span := hi - lo
	if span == 0 {
		span = math.Max(math.Abs(hi), 1)
	}
	if hi > 0 {
		hi += 0.02 * span
	}
	if lo < 0 {
		lo -= 0.02 * span
	}
	return lo, hi
}

// niceStep returns the smallest 1, 2 or 5 times a power of ten not below raw.
func niceStep(raw float64) float64 {
	if !(raw > 0) || math.IsInf(raw, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if s := m * p; s >= raw*(1-1e-9) {
			return s
		}
	}
	return 10 * p
}

func decimalsFor(step float64) int {
	d := 0
	for s := step; d < 6 && math.Abs(s-math.Round(s)) > 1e-9*math.Max(1, s); s *= 10 {
		d++
	}
	return d
}

// formatNumber writes v with the given decimals, a comma between thousands
// and a true minus sign: 1500 → "1,500", -2.5 → "−2.5".
func formatNumber(v float64, decimals int) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	if v < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString(minus)
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	b.WriteString(frac)
	return b.String()
}
