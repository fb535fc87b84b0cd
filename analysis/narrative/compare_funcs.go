package narrative

import (
	"fmt"
	"reflect"

	"github.com/briefing/report/internal/exact"
)

// comparisons returns eq, ne, lt, le, gt and ge for templates. They replace
// text/template's own so that exact numbers compare by value with each
// other and with Go numbers ({{ if gt (value "a" "*" 2024) 100 }});
// anything else compares as text/template compares it: basic kinds of the
// same kind, and eq with several arguments is true if the first equals any.
func comparisons() map[string]any {
	return map[string]any{
		"eq": func(a any, bs ...any) (bool, error) {
			if len(bs) == 0 {
				return false, fmt.Errorf("eq: missing argument for comparison")
			}
			for _, b := range bs {
				c, err := compare("eq", a, b, true)
				if err != nil {
					return false, err
				}
				if c == 0 {
					return true, nil
				}
			}
			return false, nil
		},
		"ne": func(a, b any) (bool, error) {
			c, err := compare("ne", a, b, true)
			return c != 0, err
		},
		"lt": func(a, b any) (bool, error) {
			c, err := compare("lt", a, b, false)
			return c < 0, err
		},
		"le": func(a, b any) (bool, error) {
			c, err := compare("le", a, b, false)
			return c <= 0, err
		},
		"gt": func(a, b any) (bool, error) {
			c, err := compare("gt", a, b, false)
			return c > 0, err
		},
		"ge": func(a, b any) (bool, error) {
			c, err := compare("ge", a, b, false)
			return c >= 0, err
		},
	}
}

// compare returns -1, 0 or +1. Numbers (exact or Go) compare by value; NaN
// is an error for an ordering, and equal to nothing. Strings compare as
// strings, and, when equality is all that is asked, any two comparable
// values of one type compare with ==.
func compare(name string, a, b any, equality bool) (int, error) {
	x, xNum := number(a)
	y, yNum := number(b)
	if xNum && yNum {
		if x.IsNaN() || y.IsNaN() {
			if equality {
				return 1, nil
			}
			return 0, fmt.Errorf("%s: cannot order n/a (a gap or a change from zero)", name)
		}
		return x.Cmp(y), nil
	}
	if s, ok := a.(string); ok {
		if t, ok := b.(string); ok {
			switch {
			case s < t:
				return -1, nil
			case s > t:
				return 1, nil
			}
			return 0, nil
		}
	}
	if equality && a != nil && b != nil && reflect.TypeOf(a) == reflect.TypeOf(b) && reflect.TypeOf(a).Comparable() {
		if a == b {
			return 0, nil
		}
		return 1, nil
	}
	return 0, fmt.Errorf("%s: cannot compare %v (%T) with %v (%T)", name, a, b, a, b)
}

// number reads a and reports whether it is a number at all.
func number(a any) (exact.Number, bool) {
	switch a.(type) {
	case exact.Number, float64, float32, int, int64, int32, uint:
		n, err := toNumber(a)
		return n, err == nil
	}
	return exact.Number{}, false
}
