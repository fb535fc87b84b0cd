package exact

import (
	"errors"
	"math/big"
	"strconv"
	"strings"
)

// ErrSyntax is returned by Parse for text that is not a decimal number.
var ErrSyntax = errors.New("not a decimal number")

// maxExponent bounds the exponent Parse accepts, so that "1e999999999" is
// an error rather than a number with a billion digits.
const maxExponent = 400

// Parse reads a decimal number written with ASCII digits, an optional sign,
// an optional '.' and an optional exponent: "-1234.50", "1.5e3", ".5".
func Parse(s string) (Number, error) {
	mant, exp, hasExp := s, 0, false
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, hasExp = s[:i], true
		e, err := strconv.Atoi(strings.TrimPrefix(s[i+1:], "+"))
		if err != nil || s[i+1:] == "" || e > maxExponent || e < -maxExponent {
			return Number{}, ErrSyntax
		}
		exp = e
	}
	neg := false
	if mant != "" && (mant[0] == '+' || mant[0] == '-') {
		neg = mant[0] == '-'
		mant = mant[1:]
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	if intPart == "" && frac == "" || hasExp && mant == "" || !digitsOnly(intPart) || !digitsOnly(frac) {
		return Number{}, ErrSyntax
	}
	scale := len(frac) - exp
	if n, ok := shortDecimal(intPart, frac, scale, neg); ok {
		return n, nil
	}
	digits := strings.TrimLeft(intPart+frac, "0")
	if digits == "" {
		return Number{}, nil
	}
	// Drop trailing zeros after the point: 1.50 is 1.5.
	for scale > 0 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
		scale--
	}
	if scale >= 0 && scale <= maxScale && len(digits) <= 18 {
		c, _ := strconv.ParseInt(digits, 10, 64)
		if neg {
			c = -c
		}
		return Number{c: c, s: int8(scale)}, nil
	}
	num, _ := new(big.Int).SetString(digits, 10)
	if neg {
		num.Neg(num)
	}
	r := new(big.Rat)
	if scale >= 0 {
		r.SetFrac(num, pow10Big(scale))
	} else {
		r.SetInt(num.Mul(num, pow10Big(-scale)))
	}
	return normal(r), nil
}

// shortDecimal reads the digits of intPart and frac as a coefficient
// without allocating, when they fit an int64 at a scale of 0..18.
func shortDecimal(intPart, frac string, scale int, neg bool) (Number, bool) {
	if scale < 0 || scale > maxScale {
		return Number{}, false
	}
	var c uint64
	n := 0
	for _, part := range [2]string{intPart, frac} {
		for i := 0; i < len(part); i++ {
			if c == 0 && part[i] == '0' {
				continue
			}
			if n++; n > 18 {
				return Number{}, false
			}
			c = c*10 + uint64(part[i]-'0')
		}
	}
	s := scale
	for s > 0 && c%10 == 0 && c != 0 {
		c /= 10
		s--
	}
	if c == 0 {
		return Number{}, true
	}
	v := int64(c)
	if neg {
		v = -v
	}
	return Number{c: v, s: int8(s)}, true
}

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func pow10Big(n int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

// Round returns x rounded to the given number of digits after the point,
// half away from zero: 2.345 → 2.35, −3538.95 → −3539.0 at one place.
func (x Number) Round(places int) Number {
	if x.nan {
		return x
	}
	if places < 0 {
		places = 0
	}
	if x.r == nil {
		if int(x.s) <= places {
			return x
		}
		d := pow10[int(x.s)-places]
		q, rem := x.c/d, x.c%d
		if rem < 0 {
			rem = -rem
		}
		if rem >= d-rem { // rem >= d/2 without overflow
			if x.c < 0 {
				q--
			} else {
				q++
			}
		}
		return Number{c: q, s: int8(places)}
	}
	num := new(big.Int).Abs(x.r.Num())
	num.Mul(num, pow10Big(places))
	q, rem := new(big.Int).QuoRem(num, x.r.Denom(), new(big.Int))
	if rem.Lsh(rem, 1).Cmp(x.r.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if x.r.Sign() < 0 {
		q.Neg(q)
	}
	return normal(new(big.Rat).SetFrac(q, pow10Big(places)))
}

// Text returns x rounded to places digits after the point (half away from
// zero) in plain ASCII: "-1234.50", "0" for a negative that rounds to
// zero, "NaN" for NaN.
func (x Number) Text(places int) string {
	if x.nan {
		return "NaN"
	}
	if places < 0 {
		places = 0
	}
	r := x.Round(places)
	var digits string
	neg := r.Sign() < 0
	if r.r == nil {
		digits = strconv.FormatUint(uabs(r.c), 10)
		digits += strings.Repeat("0", places-int(r.s))
	} else {
		n := new(big.Int).Mul(r.r.Num(), pow10Big(places))
		n.Quo(n, r.r.Denom()).Abs(n)
		digits = n.String()
	}
	if len(digits) <= places {
		digits = strings.Repeat("0", places-len(digits)+1) + digits
	}
	out := digits
	if places > 0 {
		out = digits[:len(digits)-places] + "." + digits[len(digits)-places:]
	}
	if neg {
		out = "-" + out
	}
	return out
}

// String returns x exactly when it is a decimal ("1656.05", trailing zeros
// dropped), else rounded to 12 digits after the point (a third).
func (x Number) String() string {
	switch {
	case x.nan:
		return "NaN"
	case x.r == nil:
		return trimZeros(x.Text(int(x.s)))
	}
	if s := decimalPlaces(x.r.Denom()); s >= 0 {
		return trimZeros(x.Text(s))
	}
	return trimZeros(x.Text(12))
}

func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}

// decimalPlaces returns the least s such that den divides 10^s, or -1 when
// there is none up to maxExponent (den has a prime factor other than 2, 5).
func decimalPlaces(den *big.Int) int {
	d := new(big.Int).Set(den)
	ten := big.NewInt(10)
	m := new(big.Int)
	for s := 0; s <= 2*maxExponent; s++ {
		if d.IsInt64() && d.Int64() == 1 {
			return s
		}
		g := new(big.Int).GCD(nil, nil, d, ten)
		if g.IsInt64() && g.Int64() == 1 {
			return -1
		}
		d.QuoRem(d, g, m)
	}
	return -1
}

// Scale returns the digits after the point x needs to print exactly, or
// -1 when x is not a short decimal (a third) or NaN.
func (x Number) Scale() int {
	if x.nan || x.r != nil {
		return -1
	}
	return int(x.s)
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
