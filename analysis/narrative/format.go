package narrative

import (
	"fmt"
	"math"
	"strings"

	"github.com/briefing/report/internal/exact"
)

const minus = "\u2212" // a true minus sign

// Num formats x with thousands separators, rounded once, half away from
// zero, to the given decimals; "n/a" for NaN.
func Num(x exact.Number, decimals int) string {
	if x.IsNaN() {
		return "n/a"
	}
	s := x.Text(decimals)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteString(minus)
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// Pct formats a fraction as a percentage: -0.64 -> "−64%".
func Pct(x exact.Number, decimals int) string {
	if x.IsNaN() {
		return "n/a"
	}
	return Num(x.Mul(exact.Int(100)), decimals) + "%"
}

// Signed formats x with a leading "+" when it prints above zero.
func Signed(x exact.Number, decimals int) string {
	s := Num(x, decimals)
	if x.Sign() > 0 && strings.Trim(s, "0.,") != "" {
		return "+" + s
	}
	return s
}

// SignedPct formats a fraction as a percentage with a sign: "+12%".
func SignedPct(x exact.Number, decimals int) string {
	if x.IsNaN() {
		return "n/a"
	}
	return Signed(x.Mul(exact.Int(100)), decimals) + "%"
}

// argsNum splits a formatting function's arguments: the last is the value,
// an optional first is the number of decimals ({{ x | num 1 }}).
func argsNum(name string, args []any) (exact.Number, int, error) {
	switch len(args) {
	case 1:
		v, err := toNumber(args[0])
		return v, 0, err
	case 2:
		d, err := toNumber(args[0])
		if err != nil || !d.IsInt() || d.Sign() < 0 || d.Cmp(exact.Int(10)) > 0 {
			return exact.Number{}, 0, fmt.Errorf("%s: decimals must be a whole number 0-10, found %v", name, args[0])
		}
		v, err := toNumber(args[1])
		return v, int(d.Float64()), err
	}
	return exact.Number{}, 0, fmt.Errorf("%s takes a value and optional decimals, found %d arguments", name, len(args))
}

// toNumber reads a template value as an exact number: a Number, a Go
// number (a float as the shortest decimal that reads back as it), a
// numeric string ("1,234.5") or a Point's value.
func toNumber(v any) (exact.Number, error) {
	switch x := v.(type) {
	case exact.Number:
		return x, nil
	case float64:
		if math.IsNaN(x) {
			return exact.NaN(), nil
		}
		return exact.FromFloat(x), nil
	case float32:
		return exact.FromFloat(float64(x)), nil
	case int:
		return exact.Int(int64(x)), nil
	case int64:
		return exact.Int(x), nil
	case int32:
		return exact.Int(int64(x)), nil
	case uint:
		return exact.Int(int64(x)), nil
	case string:
		n, err := exact.Parse(strings.ReplaceAll(strings.TrimSpace(x), ",", ""))
		if err != nil {
			return exact.Number{}, fmt.Errorf("expected a number, found %q", x)
		}
		return n, nil
	case Point:
		return x.Value, nil
	}
	return exact.Number{}, fmt.Errorf("expected a number, found %v (%T)", v, v)
}
