package exact

import (
	"math"
	"testing"
)

func mustParse(tb testing.TB, s string) Number {
	tb.Helper()
	n, err := Parse(s)
	if err != nil {
		tb.Fatalf("Parse(%q): %v", s, err)
	}
	return n
}

func sum(tb testing.TB, vals ...string) Number {
	tb.Helper()
	var t Number
	for _, v := range vals {
		t = t.Add(mustParse(tb, v))
	}
	return t
}

func TestParse(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0", "0"}, {"-0", "0"}, {"1656.05", "1656.05"}, {"1.50", "1.5"}, {".5", "0.5"},
		{"+12", "12"}, {"1.5e3", "1500"}, {"15e-1", "1.5"}, {"007.250", "7.25"},
		{"123456789012345678901234567890", "123456789012345678901234567890"},
		{"0.0000000000000000000001", "0.0000000000000000000001"},
	}
	for _, tt := range tests {
		if got := mustParse(t, tt.in).String(); got != tt.want {
			t.Errorf("Parse(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
	for _, bad := range []string{"", ".", "+", "-", "1e", "e5", "1.2.3", "1,5", "NaN", "Inf", "0x10", "1e99999", " 1"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", bad)
		}
	}
}

// TestAdd_ExactWhereFloatsDrift uses sums that float64 gets wrong.
func TestAdd_ExactWhereFloatsDrift(t *testing.T) {
	tests := []struct {
		vals []string
		want string
	}{
		{[]string{"0.1", "0.2"}, "0.3"},
		{[]string{"1869.25", "-5408.2"}, "-3538.95"},
		{[]string{"4700.1", "3191.9", "2410.45", "1707.05", "2000"}, "14009.5"},
		{[]string{"9223372036854775807", "1"}, "9223372036854775808"},
		{[]string{"-9223372036854775808", "-1"}, "-9223372036854775809"},
		{[]string{"0.000000000000000001", "9"}, "9.000000000000000001"},
	}
	for _, tt := range tests {
		if got := sum(t, tt.vals...).String(); got != tt.want {
			t.Errorf("sum %v = %s, want %s", tt.vals, got, tt.want)
		}
	}
	// The float sum of the same values is off: that is why this type exists.
	if x, y := 0.1, 0.2; x+y == 0.3 {
		t.Fatal("float64 arithmetic unexpectedly exact")
	}
}

func TestRound_HalfAwayFromZero(t *testing.T) {
	tests := []struct {
		in     string
		places int
		want   string
	}{
		{"14009.5", 0, "14010"}, {"-3538.95", 1, "-3539.0"}, {"2.345", 2, "2.35"},
		{"-2.345", 2, "-2.35"}, {"2.5", 0, "3"}, {"3.5", 0, "4"}, {"-0.5", 0, "-1"},
		{"0.04", 1, "0.0"}, {"-0.04", 1, "0.0"}, {"1869.25", 1, "1869.3"}, {"7", 2, "7.00"},
		{"123456789012345678901234567890.05", 1, "123456789012345678901234567890.1"},
	}
	for _, tt := range tests {
		if got := mustParse(t, tt.in).Text(tt.places); got != tt.want {
			t.Errorf("%s.Text(%d) = %s, want %s", tt.in, tt.places, got, tt.want)
		}
	}
	// A third is not a decimal: it goes through big.Rat.
	third := Int(1).Quo(Int(3))
	if got := third.Text(4); got != "0.3333" {
		t.Errorf("1/3 = %s", got)
	}
	twoThirds := Int(-2).Quo(Int(3))
	if got := twoThirds.Text(0); got != "-1" {
		t.Errorf("-2/3 to 0 places = %s, want -1", got)
	}
	if got := Int(5).Quo(Int(2)).Text(0); got != "3" {
		t.Errorf("5/2 to 0 places = %s, want 3", got)
	}
}

func TestArithmetic(t *testing.T) {
	a, b := mustParse(t, "5408.2"), mustParse(t, "1869.25")
	if got := b.Sub(a).String(); got != "-3538.95" {
		t.Errorf("sub = %s", got)
	}
	if got := a.Mul(mustParse(t, "0.5")).String(); got != "2704.1" {
		t.Errorf("mul = %s", got)
	}
	if got := b.Sub(a).Quo(a).Text(4); got != "-0.6544" {
		t.Errorf("change pct = %s", got)
	}
	if !a.Quo(Int(0)).IsNaN() || !NaN().Add(a).IsNaN() {
		t.Error("NaN does not propagate")
	}
	if a.Cmp(b) != 1 || b.Cmp(a) != -1 || a.Cmp(mustParse(t, "5408.20")) != 0 || NaN().Cmp(a) != -1 {
		t.Error("Cmp is wrong")
	}
	if got := mustParse(t, "-9223372036854775808").Neg().String(); got != "9223372036854775808" {
		t.Errorf("neg of MinInt64 = %s", got)
	}
	if !mustParse(t, "12.000").IsInt() || mustParse(t, "12.5").IsInt() {
		t.Error("IsInt is wrong")
	}
}

func TestFloat64(t *testing.T) {
	for _, s := range []string{"1656.05", "0.1", "-3538.95", "1e300", "123456789012345678901234567890"} {
		want, _ := parseFloat(s)
		if got := mustParse(t, s).Float64(); got != want {
			t.Errorf("%s.Float64() = %v, want %v", s, got, want)
		}
	}
	if !math.IsNaN(NaN().Float64()) {
		t.Error("NaN.Float64 is a number")
	}
	if got := FromFloat(0.1).String(); got != "0.1" {
		t.Errorf("FromFloat(0.1) = %s", got)
	}
}

func BenchmarkAdd_Decimal(b *testing.B) {
	x := Dec(165605, 2)
	var t Number
	for b.Loop() {
		t = t.Add(x)
	}
	_ = t
}

func FuzzRoundTrip(f *testing.F) {
	f.Add("1656.05", "-5408.2")
	f.Add("9223372036854775807", "0.5")
	f.Fuzz(func(t *testing.T, a, b string) {
		x, err1 := Parse(a)
		y, err2 := Parse(b)
		if err1 != nil || err2 != nil {
			return
		}
		if r, ok := ratOf(a); ok && x.Rat().Cmp(r) != 0 {
			t.Fatalf("Parse(%q) = %s, want %s", a, x, r.FloatString(20))
		}
		sum := x.Add(y)
		if sum.Rat().Cmp(newRatSum(x, y)) != 0 {
			t.Fatalf("%s + %s = %s", a, b, sum)
		}
		if back, err := Parse(sum.String()); err == nil && sum.Scale() >= 0 && back.Cmp(sum) != 0 {
			t.Fatalf("%s does not read back", sum)
		}
		if sum.Sub(y).Cmp(x) != 0 {
			t.Fatalf("(%s + %s) - %s != %s", a, b, b, a)
		}
	})
}
