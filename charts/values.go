package charts

import (
	"math"
	"sort"
)

// gapMark stands for a missing value in value labels.
const gapMark = "–"

// valueFormat returns how a chart prints its values next to bars and in
// legends: whole numbers when every value is one, else with the decimals a
// value of that size needs (none from 100, one from 10, else two); with
// thousands separators, a true minus sign and the unit. A gap prints as an
// en dash.
func valueFormat(vals []float64, unit string) func(float64) string {
	maxAbs, integral := 0.0, true
	for _, v := range vals {
		if isGap(v) {
			continue
		}
		maxAbs = math.Max(maxAbs, math.Abs(v))
		if v != math.Trunc(v) {
			integral = false
		}
	}
	dec := 0
	if !integral {
		switch {
		case maxAbs >= 100:
		case maxAbs >= 10:
			dec = 1
		default:
			dec = 2
		}
	}
	return func(v float64) string {
		if isGap(v) {
			return gapMark
		}
		return formatNumber(v, dec) + unit
	}
}

// valueFormat is valueFormat in the chart's unit and its style's language.
func (m *model) valueFormat(vals []float64) func(float64) string {
	f := valueFormat(vals, m.unit)
	return func(v float64) string { return m.style.number(f(v)) }
}

// percents returns the values' shares of their sum as whole percentages
// that add up to 100: each rounded down, then the largest remainders
// rounded up (the earlier value first on a tie).
func percents(vals []float64) []int {
	var sum float64
	for _, v := range vals {
		sum += v
	}
	out := make([]int, len(vals))
	if sum <= 0 {
		return out
	}
	rest := make([]int, len(vals))
	left := 100
	for i, v := range vals {
		p := v / sum * 100
		out[i] = int(math.Floor(p + 1e-9))
		left -= out[i]
		rest[i] = i
	}
	sort.SliceStable(rest, func(a, b int) bool {
		ra := vals[rest[a]]/sum*100 - float64(out[rest[a]])
		rb := vals[rest[b]]/sum*100 - float64(out[rest[b]])
		return ra > rb
	})
	for i := 0; i < left && i < len(rest); i++ {
		out[rest[i]]++
	}
	return out
}

// formatPercent prints a whole percentage; a share of more than nothing
// that rounds to zero reads "<1%".
func formatPercent(p int, v float64) string {
	if p == 0 && v > 0 {
		return "<1%"
	}
	return formatNumber(float64(p), 0) + "%"
}
