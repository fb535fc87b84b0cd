package analysis

import (
	"cmp"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
)

// appendValue appends v, a part of the config, to b in a form in which
// two values are written the same only if they are equal: every field of
// a struct by name (unexported ones too, so that a field added to the
// config is in the key without anyone remembering to add it), a map's
// entries in the order of their keys' forms, a pointer's target, nil and
// empty told apart. It fails on what a config does not hold (a function,
// a channel). It is what encoding/json would give for the key, without
// the 0.3 ms its first use of a type costs a run (December 2026).
func appendValue(b []byte, v reflect.Value) ([]byte, error) {
	switch v.Kind() {
	case reflect.Bool:
		return strconv.AppendBool(b, v.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(b, v.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.AppendUint(b, v.Uint(), 10), nil
	case reflect.Float32, reflect.Float64:
		return strconv.AppendUint(b, math.Float64bits(v.Float()), 16), nil
	case reflect.String:
		return strconv.AppendQuote(b, v.String()), nil
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return append(b, "nil"...), nil
		}
		if v.Kind() == reflect.Interface {
			b = append(b, v.Elem().Type().String()...)
		}
		return appendValue(append(b, '&'), v.Elem())
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return append(b, "nil"...), nil
		}
		b = append(strconv.AppendInt(b, int64(v.Len()), 10), '[')
		for i := range v.Len() {
			var err error
			if b, err = appendValue(b, v.Index(i)); err != nil {
				return nil, err
			}
			b = append(b, ',')
		}
		return append(b, ']'), nil
	case reflect.Map:
		if v.IsNil() {
			return append(b, "nil"...), nil
		}
		type entry struct{ key, value []byte }
		entries := make([]entry, 0, v.Len())
		for it := v.MapRange(); it.Next(); {
			k, err := appendValue(nil, it.Key())
			if err != nil {
				return nil, err
			}
			val, err := appendValue(nil, it.Value())
			if err != nil {
				return nil, err
			}
			entries = append(entries, entry{k, val})
		}
		slices.SortFunc(entries, func(x, y entry) int { return cmp.Compare(string(x.key), string(y.key)) })
		b = append(strconv.AppendInt(b, int64(len(entries)), 10), '{')
		for _, e := range entries {
			b = append(append(append(append(b, e.key...), ':'), e.value...), ',')
		}
		return append(b, '}'), nil
	case reflect.Struct:
		t := v.Type()
		b = append(append(b, t.String()...), '{')
		for i := range t.NumField() {
			b = append(append(b, t.Field(i).Name...), ':')
			var err error
			if b, err = appendValue(b, v.Field(i)); err != nil {
				return nil, err
			}
			b = append(b, ',')
		}
		return append(b, '}'), nil
	}
	return nil, fmt.Errorf("a %s cannot be part of a key", v.Type())
}
