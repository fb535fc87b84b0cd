package config

import (
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/go-viper/mapstructure/v2"
)

// rawAnalysis is an analysis as written, before where: and time: are read.
type rawAnalysis struct {
	Analysis `mapstructure:",squash"`
	Where    any
	Time     any
	Series   []map[string]any
}

type rawChart struct {
	Chart       `mapstructure:",squash"`
	Annotations []map[string]any
}

type rawDataset struct {
	Dataset `mapstructure:",squash"`
	Time    any
	Timeout any
}

// decode fills c from viper's merged settings, collecting a problem for
// every value of the wrong type.
func (c *Config) decode(all map[string]any) Problems {
	var ps Problems
	if report, ok := all["report"].(map[string]any); ok {
		c.decodeClassification(report, &ps)
	}
	c.decodeParams(all["params"], &ps)
	c.decodeForeach(all["foreach"], &ps)
	c.decodeInto("report", all["report"], &c.Report, &ps)
	c.decodeInto("brand", all["brand"], &c.Brand, &ps)

	c.Data = map[string]Dataset{}
	for name, v := range asMap(all["data"]) {
		path := "data." + name
		var raw rawDataset
		c.decodeInto(path, v, &raw, &ps)
		raw.Dataset.Time = c.decodeTime(path+".time", raw.Time, &ps)
		raw.Dataset.Timeout = c.decodeTimeout(path+".timeout", raw.Timeout, &ps)
		raw.Dataset.DSN = c.expandEnv(path+".dsn", raw.Dataset.DSN, &ps)
		c.Data[name] = raw.Dataset
	}
	c.Analyses = map[string]Analysis{}
	for name, v := range asMap(all["analyses"]) {
		path := "analyses." + name
		var raw rawAnalysis
		c.decodeInto(path, v, &raw, &ps)
		a := raw.Analysis
		a.Where = c.decodeFilter(path+".where", raw.Where, &ps)
		a.Time = c.decodeTime(path+".time", raw.Time, &ps)
		a.Series = nil
		for i, s := range raw.Series {
			sp := fmt.Sprintf("%s.series[%d]", path, i)
			var spec SeriesSpec
			c.decodeInto(sp, withoutKey(s, "where"), &spec, &ps)
			spec.Where = c.decodeFilter(sp+".where", s["where"], &ps)
			a.Series = append(a.Series, spec)
		}
		c.Analyses[name] = a
	}
	c.inheritLabels()
	c.Charts = map[string]Chart{}
	for name, v := range asMap(all["charts"]) {
		path := "charts." + name
		var raw rawChart
		c.decodeInto(path, v, &raw, &ps)
		ch := raw.Chart
		for i, a := range raw.Annotations {
			var ann Annotation
			c.decodeInto(fmt.Sprintf("%s.annotations[%d]", path, i), a, &ann, &ps)
			ch.Annotations = append(ch.Annotations, ann)
		}
		c.Charts[name] = ch
	}
	c.Sections = c.decodeSections(all["sections"], &ps)
	return ps
}

// decodeInto decodes one config entry, turning each type error into a
// problem at the key path of the value that failed, saying what was
// expected and what was found.
func (c *Config) decodeInto(path string, in any, out any, ps *Problems) {
	if in == nil {
		return
	}
	dec, err := mapstructure.NewDecoder(&mapstructure.DecoderConfig{
		Result:           out,
		WeaklyTypedInput: true,
		DecodeHook:       decodeHook(),
	})
	if err != nil {
		panic(err) // a programming error: the decoder config is static
	}
	if err := dec.Decode(in); err != nil {
		for _, de := range decodeErrors(err) {
			field := path
			if name := keyPath(de.Name()); name != "" {
				field = joinPath(path, name)
			}
			*ps = append(*ps, c.Problemf(field, "%s", typeMessage(de, in)))
		}
	}
}

// decodeHook is the hook of every decodeInto: lists written as one
// string, dates kept as written. Composed once (composing looks the hooks'
// types up), shared by the decoders: a composed hook keeps no state.
var decodeHook = sync.OnceValue(func() mapstructure.DecodeHookFunc {
	return mapstructure.ComposeDecodeHookFunc(mapstructure.StringToSliceHookFunc(","), datesAsText)
})

// decodeErrors lists the innermost field errors of a mapstructure error.
func decodeErrors(err error) []*mapstructure.DecodeError {
	var out []*mapstructure.DecodeError
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case interface{ Unwrap() []error }:
			for _, x := range e.Unwrap() {
				walk(x)
			}
			return
		case *mapstructure.DecodeError:
			before := len(out)
			walk(e.Unwrap())
			if len(out) == before {
				out = append(out, e)
			}
			return
		case interface{ Unwrap() error }:
			walk(e.Unwrap())
		}
	}
	walk(err)
	return out
}

// keyPath turns mapstructure's field name ("Fonts.bold_italic",
// "Authors[0]") into the config's key path ("fonts.bold_italic").
func keyPath(name string) string {
	var b strings.Builder
	for i, r := range name {
		if unicode.IsUpper(r) {
			if i > 0 && name[i-1] != '.' && name[i-1] != '[' {
				b.WriteByte('_')
			}
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// typeMessage says what a field expected and what it found.
// in is the whole entry, for an error about the entry itself.
func typeMessage(de *mapstructure.DecodeError, in any) string {
	var pe *mapstructure.ParseError
	var ue *mapstructure.UnconvertibleTypeError
	var want reflect.Type
	var found any
	switch {
	case errors.As(de, &pe):
		want, found = pe.Expected.Type(), pe.Value
	case errors.As(de, &ue):
		want, found = ue.Expected.Type(), ue.Value
	default:
		msg := de.Unwrap().Error()
		if strings.Contains(msg, "expected a map") {
			return "expected a map of keys, found " + describe(in)
		}
		return "wrong type: " + msg
	}
	return "expected " + expectation(want) + ", found " + describe(found)
}

func expectation(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "text"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "a map of keys"
	case reflect.Pointer:
		return expectation(t.Elem())
	}
	return t.String()
}

// datesAsText is a decode hook: a date the config's format reads as one
// (YAML's unquoted 2026-02-12, TOML's local dates) fills a text field as it
// was written, as `generated: 2026-02-12` is meant; a field that wants
// something else says it found the date.
func datesAsText(_ reflect.Type, to reflect.Type, data any) (any, error) {
	if to.Kind() != reflect.String {
		return data, nil
	}
	if text, ok := dateText(data); ok {
		return text, nil
	}
	return data, nil
}

// dateText is a decoded date or time as the user wrote it: "2026-02-12"
// for a date alone, RFC 3339 for a moment.
func dateText(v any) (string, bool) {
	switch x := v.(type) {
	case time.Time:
		if h, m, s := x.Clock(); h == 0 && m == 0 && s == 0 && x.Nanosecond() == 0 && x.Location() == time.UTC {
			return x.Format(time.DateOnly), true
		}
		return x.Format(time.RFC3339Nano), true
	case encoding.TextMarshaler: // TOML's local date, time and date-time
		if b, err := x.MarshalText(); err == nil {
			return string(b), true
		}
	}
	return "", false
}

// describe names a decoded value the way the user wrote it.
func describe(v any) string {
	if text, ok := dateText(v); ok {
		return text
	}
	switch x := v.(type) {
	case nil:
		return "nothing"
	case string:
		return strconv.Quote(x)
	case []any:
		return "a list"
	case map[string]any:
		return "a map"
	}
	return fmt.Sprint(v)
}

// decodeTime reads `time:` as a column name or as {date, year, month}.
func (c *Config) decodeTime(path string, in any, ps *Problems) Time {
	switch v := in.(type) {
	case nil:
		return Time{}
	case string:
		return Time{Column: strings.TrimSpace(v)}
	case map[string]any:
		var t Time
		c.decodeInto(path, v, &t, ps)
		if t.IsZero() {
			*ps = append(*ps, c.Problemf(path, "expected a column name or {date, year, month}, found an empty map"))
		}
		return t
	}
	*ps = append(*ps, c.Problemf(path, "expected a column name or {date, year, month}, found %s", describe(in)))
	return Time{}
}

// decodeFilter reads a `where:` map: column: value | [values], not: {...}.
func (c *Config) decodeFilter(path string, in any, ps *Problems) Filter {
	var f Filter
	if in == nil {
		return f
	}
	m, ok := in.(map[string]any)
	if !ok {
		*ps = append(*ps, c.Problemf(path, "expected a map of column: value, found %s", describe(in)))
		return f
	}
	for _, col := range sortedKeys(m) {
		v := m[col]
		if col == "not" {
			not := c.decodeFilter(path+".not", v, ps)
			f.Not = &not
			continue
		}
		cl := Clause{Column: col}
		switch vv := v.(type) {
		case []any:
			for _, x := range vv {
				cl.Values = append(cl.Values, scalarText(x))
			}
		case map[string]any:
			*ps = append(*ps, c.Problemf(path+"."+col, "expected a value or a list of values, found a map"))
			continue
		default:
			cl.Values = []string{scalarText(vv)}
		}
		f.Clauses = append(f.Clauses, cl)
	}
	return f
}

func scalarText(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case nil:
		return ""
	}
	return strings.TrimSpace(fmt.Sprint(v))
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func withoutKey(m map[string]any, key string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if k != key {
			out[k] = v
		}
	}
	return out
}

// inheritLabels gives an analysis by a column the labels its dataset has
// for that column, under the analysis's own.
func (c *Config) inheritLabels() {
	for name, a := range c.Analyses {
		d, ok := c.Data[a.Dataset]
		if !ok || a.By == "" {
			continue
		}
		for col, m := range d.Labels {
			if !strings.EqualFold(col, a.By) {
				continue
			}
			merged := make(map[string]string, len(m)+len(a.Labels))
			for k, v := range m {
				merged[strings.ToLower(k)] = v
			}
			for k, v := range a.Labels {
				merged[strings.ToLower(k)] = v
			}
			a.Labels = merged
		}
		c.Analyses[name] = a
	}
}

// DefaultLanguage is report.language when the config sets none.
const DefaultLanguage = "en-GB"

// DefaultTimeout bounds each query of a SQL dataset.
const DefaultTimeout = 60 * time.Second

// decodeTimeout reads a timeout: "90s", "2m", or a number of seconds.
func (c *Config) decodeTimeout(path string, in any, ps *Problems) time.Duration {
	switch v := in.(type) {
	case nil:
		return DefaultTimeout
	case int, int64, float64:
		secs, _ := strconv.ParseFloat(fmt.Sprint(v), 64)
		if secs > 0 {
			return time.Duration(secs * float64(time.Second))
		}
	case string:
		if d, err := time.ParseDuration(strings.TrimSpace(v)); err == nil && d > 0 {
			return d
		}
		if secs, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil && secs > 0 {
			return time.Duration(secs * float64(time.Second))
		}
	}
	*ps = append(*ps, c.Problemf(path, "expected a duration such as 60s or 2m, found %s", describe(in)))
	return DefaultTimeout
}

// envRef is a reference ${NAME} to an environment variable.
var envRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// expandEnv replaces ${NAME} in s by the environment variable NAME, so
// that a password stays out of the config file. A variable that is not
// set is a problem naming it; the value itself is never printed.
func (c *Config) expandEnv(path, s string, ps *Problems) string {
	return envRef.ReplaceAllStringFunc(s, func(ref string) string {
		name := envRef.FindStringSubmatch(ref)[1]
		v, ok := LookupEnv(c.env, name)
		if !ok {
			*ps = append(*ps, c.Problemf(path, "the environment variable %s is not set", name))
		}
		return v
	})
}

// LookupEnv finds name in "KEY=value" pairs (as os.Environ gives them),
// the last one winning.
func LookupEnv(env []string, name string) (string, bool) {
	val, found := "", false
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok && k == name {
			val, found = v, true
		}
	}
	return val, found
}
