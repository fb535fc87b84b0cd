package narrative

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

const minus = "\u2212" // a true minus sign

// Num formats x with thousands separators and the given decimals.
func Num(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "n/a"
	}
	s := strconv.FormatFloat(math.Abs(x), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
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
	out := b.String()
	if x < 0 && strings.Trim(out, "0.,") != "" {
		out = minus + out
	}
	return out
}

// Pct formats a fraction as a whole percentage: -0.64 -> "−64%".
func Pct(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "n/a"
	}
	return Num(x*100, decimals) + "%"
}

// Signed formats x with a leading "+" when positive.
func Signed(x float64, decimals int) string {
	s := Num(x, decimals)
	if x > 0 && s != "0" {
		return "+" + s
	}
	return s
}

// argsNum splits a formatting function's arguments: the last is the value,
// an optional first is the number of decimals ({{ x | num 1 }}).
func argsNum(name string, args []any) (float64, int, error) {
	switch len(args) {
	case 1:
		v, err := toFloat(args[0])
		return v, 0, err
	case 2:
		d, err := toFloat(args[0])
		if err != nil || d < 0 || d > 10 || d != math.Trunc(d) {
			return 0, 0, fmt.Errorf("%s: decimals must be a whole number 0-10, found %v", name, args[0])
		}
		v, err := toFloat(args[1])
		return v, int(d), err
	}
	return 0, 0, fmt.Errorf("%s takes a value and optional decimals, found %d arguments", name, len(args))
}

func toFloat(v any) (float64, error) {
	switch x := v.(type) {
	case float64:
		return x, nil
	case float32:
		return float64(x), nil
	case int:
		return float64(x), nil
	case int64:
		return float64(x), nil
	case string:
		f, err := strconv.ParseFloat(strings.ReplaceAll(x, ",", ""), 64)
		if err != nil {
			return 0, fmt.Errorf("expected a number, found %q", x)
		}
		return f, nil
	case Point:
		return x.Value, nil
	}
	return 0, fmt.Errorf("expected a number, found %v (%T)", v, v)
}
