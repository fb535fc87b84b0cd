package charts

import (
	"math"
	"slices"
	"testing"
)

func TestNiceTicks(t *testing.T) {
	tests := []struct {
		name     string
		lo, hi   float64
		steps    int
		integral bool
		want     []float64
		decimals int
	}{
		{"Thousands", 0, 3910, 5, false, []float64{0, 1000, 2000, 3000, 4000}, 0},
		{"TwoSteps", 0, 9, 5, true, []float64{0, 2, 4, 6, 8, 10}, 0},
		{"CountsStayWhole", 0, 3, 8, true, []float64{0, 1, 2, 3}, 0},
		{"Fractions", 0, 0.034, 4, false, []float64{0, 0.01, 0.02, 0.03, 0.04}, 2},
		{"Halves", 0, 2.2, 5, false, []float64{0, 0.5, 1, 1.5, 2, 2.5}, 1},
		{"Negative", -1500, 1500, 6, false, []float64{-1500, -1000, -500, 0, 500, 1000, 1500}, 0},
		{"AllZero", 0, 0, 5, true, []float64{0, 1}, 0},
		{"Equal", 5, 5, 5, true, []float64{0, 1, 2, 3, 4, 5}, 0},
		{"EqualNegative", -5, -5, 5, true, []float64{-5, -4, -3, -2, -1, 0}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, dec := niceTicks(tc.lo, tc.hi, tc.steps, tc.integral)
			for i := range got {
				got[i] = math.Round(got[i]*1e9) / 1e9
			}
			if !slices.Equal(got, tc.want) || dec != tc.decimals {
				t.Errorf("niceTicks = %v, %d decimals; want %v, %d", got, dec, tc.want, tc.decimals)
			}
		})
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		v    float64
		dec  int
		want string
	}{
		{0, 0, "0"},
		{1500, 0, "1,500"},
		{1234567, 0, "1,234,567"},
		{-2500, 0, "−2,500"},
		{0.5, 1, "0.5"},
		{-0.25, 2, "−0.25"},
		{999, 0, "999"},
		{100000, 0, "100,000"},
		{-0.0001, 1, "0.0"},
	}
	for _, tc := range tests {
		if got := formatNumber(tc.v, tc.dec); got != tc.want {
			t.Errorf("formatNumber(%v, %d) = %q, want %q", tc.v, tc.dec, got, tc.want)
		}
	}
}

// TestHeadroom_TopValueNeverOnTheFrame: the largest value of a chart is
// below its top tick, whatever it is.
func TestHeadroom_TopValueNeverOnTheFrame(t *testing.T) {
	for _, tc := range []struct {
		lo, hi   float64
		integral bool
	}{{0, 5, true}, {0, 4000, false}, {0, 3, true}, {-1500, 1500, false}, {0, 100, false}, {0, 0.04, false}, {-20, 0, true}} {
		lo, hi := headroom(tc.lo, tc.hi)
		ticks, _ := niceTicks(lo, hi, 6, tc.integral)
		if top := ticks[len(ticks)-1]; tc.hi > 0 && top <= tc.hi {
			t.Errorf("range %v..%v: top tick %v is on the largest value", tc.lo, tc.hi, top)
		}
		if bottom := ticks[0]; tc.lo < 0 && bottom >= tc.lo {
			t.Errorf("range %v..%v: bottom tick %v is on the smallest value", tc.lo, tc.hi, bottom)
		}
	}
}
