package exact

import (
	"math"
	"math/big"
	"math/bits"
)

// maxScale is the most digits after the point of the fast path.
const maxScale = 18

// pow10 holds 10^0 .. 10^18, all of which fit an int64.
var pow10 = func() [maxScale + 1]int64 {
	var p [maxScale + 1]int64
	p[0] = 1
	for i := 1; i <= maxScale; i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// Number is an exact rational number, or NaN ("no number": a gap, or a
// quotient by zero). The zero value is 0.
type Number struct {
	c   int64    // coefficient, when r == nil: the value is c / 10^s
	s   int8     // scale, 0..maxScale
	nan bool     // not a number
	r   *big.Rat // the value, when it is not a short decimal; never mutated
}

// NaN returns the Number that stands for "no number".
func NaN() Number { return Number{nan: true} }

// Int returns n as a Number.
func Int(n int64) Number { return Number{c: n} }

// Dec returns c / 10^scale; scale must be 0..18.
func Dec(c int64, scale int) Number {
	if scale < 0 || scale > maxScale {
		panic("exact.Dec: scale out of range")
	}
	return Number{c: c, s: int8(scale)}
}

// FromFloat returns the shortest decimal that reads back as f (0.1 is 1/10,
// not the binary double nearest to it); NaN and infinities give NaN.
func FromFloat(f float64) Number {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return NaN()
	}
	n, err := Parse(formatFloat(f))
	if err != nil {
		return NaN()
	}
	return n
}

// IsNaN reports whether x is "no number".
func (x Number) IsNaN() bool { return x.nan }

// Rat returns x as a new big.Rat; NaN returns nil.
func (x Number) Rat() *big.Rat {
	if x.nan {
		return nil
	}
	if x.r != nil {
		return new(big.Rat).Set(x.r)
	}
	return new(big.Rat).SetFrac(big.NewInt(x.c), big.NewInt(pow10[x.s]))
}

// Float64 returns the float64 nearest to x, for drawing; NaN for NaN.
func (x Number) Float64() float64 {
	switch {
	case x.nan:
		return math.NaN()
	case x.r != nil:
		f, _ := x.r.Float64()
		return f
	case x.s == 0:
		return float64(x.c)
	}
	// c / 10^s is correctly rounded when both are exact in a float64.
	if x.c > -(1<<53) && x.c < 1<<53 && x.s <= 22 {
		return float64(x.c) / float64(pow10[x.s])
	}
	f, _ := x.Rat().Float64()
	return f
}

// Sign returns -1, 0 or +1; 0 for NaN.
func (x Number) Sign() int {
	switch {
	case x.nan:
		return 0
	case x.r != nil:
		return x.r.Sign()
	case x.c < 0:
		return -1
	case x.c > 0:
		return 1
	}
	return 0
}

// IsZero reports whether x is 0 (NaN is not).
func (x Number) IsZero() bool { return !x.nan && x.Sign() == 0 }

// IsInt reports whether x is a whole number.
func (x Number) IsInt() bool {
	switch {
	case x.nan:
		return false
	case x.r != nil:
		return x.r.IsInt()
	}
	return x.c%pow10[x.s] == 0
}

// Cmp compares x and y: -1, 0 or +1. NaN compares below every number and
// equal to NaN, so that sorting is total.
func (x Number) Cmp(y Number) int {
	switch {
	case x.nan && y.nan:
		return 0
	case x.nan:
		return -1
	case y.nan:
		return 1
	}
	if x.r == nil && y.r == nil {
		if a, b, ok := align(x, y); ok {
			switch {
			case a < b:
				return -1
			case a > b:
				return 1
			}
			return 0
		}
	}
	return x.Rat().Cmp(y.Rat())
}

// Neg returns -x.
func (x Number) Neg() Number {
	switch {
	case x.nan:
		return x
	case x.r != nil:
		return Number{r: new(big.Rat).Neg(x.r)}
	case x.c == math.MinInt64:
		return Number{r: new(big.Rat).Neg(x.Rat())}
	}
	return Number{c: -x.c, s: x.s}
}

// Abs returns |x|.
func (x Number) Abs() Number {
	if x.Sign() < 0 {
		return x.Neg()
	}
	return x
}

// Add returns x + y; NaN when either is NaN.
func (x Number) Add(y Number) Number {
	if x.nan || y.nan {
		return NaN()
	}
	if x.r == nil && y.r == nil {
		if a, b, ok := align(x, y); ok {
			if sum, ok := add64(a, b); ok {
				return Number{c: sum, s: max(x.s, y.s)}
			}
		}
	}
	return normal(new(big.Rat).Add(x.Rat(), y.Rat()))
}

// Sub returns x - y; NaN when either is NaN.
func (x Number) Sub(y Number) Number { return x.Add(y.Neg()) }

// Mul returns x × y; NaN when either is NaN.
func (x Number) Mul(y Number) Number {
	if x.nan || y.nan {
		return NaN()
	}
	if x.r == nil && y.r == nil && int(x.s)+int(y.s) <= maxScale {
		hi, lo := bits.Mul64(uabs(x.c), uabs(y.c))
		if hi == 0 && lo <= math.MaxInt64 {
			p := int64(lo)
			if (x.c < 0) != (y.c < 0) {
				p = -p
			}
			return Number{c: p, s: x.s + y.s}
		}
	}
	return normal(new(big.Rat).Mul(x.Rat(), y.Rat()))
}

// Quo returns x / y; NaN when either is NaN or y is 0.
func (x Number) Quo(y Number) Number {
	if x.nan || y.nan || y.Sign() == 0 {
		return NaN()
	}
	if x.r == nil && y.r == nil && y.s == 0 && y.c != 0 && x.c%y.c == 0 {
		return Number{c: x.c / y.c, s: x.s}
	}
	return normal(new(big.Rat).Quo(x.Rat(), y.Rat()))
}

// align returns x and y's coefficients at their common scale.
func align(x, y Number) (int64, int64, bool) {
	a, b := x.c, y.c
	var ok bool
	switch {
	case x.s < y.s:
		a, ok = mul64(a, pow10[y.s-x.s])
	case x.s > y.s:
		b, ok = mul64(b, pow10[x.s-y.s])
	default:
		ok = true
	}
	return a, b, ok
}

func add64(a, b int64) (int64, bool) {
	s := a + b
	if (a >= 0) == (b >= 0) && (s >= 0) != (a >= 0) {
		return 0, false
	}
	return s, true
}

func mul64(a, m int64) (int64, bool) {
	hi, lo := bits.Mul64(uabs(a), uint64(m))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if a < 0 {
		return -int64(lo), true
	}
	return int64(lo), true
}

func uabs(a int64) uint64 {
	if a < 0 {
		return uint64(-a) // MinInt64 wraps to 1<<63, which is its magnitude
	}
	return uint64(a)
}

// normal returns r as a Number, on the fast path when r is a short decimal.
func normal(r *big.Rat) Number {
	den := r.Denom()
	if den.IsInt64() {
		d := den.Int64()
		for s := 0; s <= maxScale; s++ {
			if pow10[s] == d {
				if num := r.Num(); num.IsInt64() {
					return Number{c: num.Int64(), s: int8(s)}
				}
				break
			}
			if pow10[s] > d {
				break
			}
		}
	}
	return Number{r: r}
}
