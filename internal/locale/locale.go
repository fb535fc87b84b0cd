// Package locale is how a briefing in one language writes what its authors
// did not: the fixed words of the page ("Contents", "Figure 2.", "Page 3
// of 13"), dates, the period, and the digits and separators of numbers.
//
// Words come from a catalogue in the project, one YAML file per language
// (catalogue/LANG.yaml, English the reference every other falls back to);
// numbers from the CLDR data of golang.org/x/text. A translator adds a
// language with one file.
package locale

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

//go:embed catalogue/*.yaml
var embedded embed.FS

// files are the catalogues: the embedded ones (a test swaps them).
var files fs.FS = embedded

// Locale writes the fixed words, dates and numbers of one language.
type Locale struct {
	// Tag is the language asked for; Catalogue the catalogue's language
	// chosen for it (fr for fr-CA, en when none fits).
	Tag, Catalogue language.Tag
	words          map[string]string
	months         []string
	monthsShort    []string
	quarters       []string
	units          map[string][2]string // a unit of time: its name for one, and for many
	// number symbols: the digits 0–9, the thousands and decimal separators
	digits          []string
	group, decimal  string
	englishNumerals bool
	// Missing are the keys the language's catalogue lacks, written in
	// English.
	Missing []string
}

// Keys are the keys of the words of the English catalogue, sorted: every
// word report.labels may set (the lists of months, quarters and units are
// the catalogue's to set).
func Keys() []string {
	en, err := load("en")
	if err != nil {
		panic(err) // embedded: a broken file is a bug the tests catch
	}
	var out []string
	for k, v := range en {
		if _, ok := v.(string); ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// Languages are the languages with a catalogue, as their files name them.
func Languages() []string {
	entries, _ := fs.ReadDir(files, "catalogue")
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	return out
}

// New returns the locale of tag (BCP 47), its words from the best fitting
// catalogue, English for any it lacks, and overrides (report.labels) on
// top; an unknown key in overrides is an error.
func New(tag string, overrides map[string]string) (*Locale, error) {
	if len(overrides) > 0 {
		return newLocale(tag, overrides)
	}
	// without overrides a locale depends on its tag alone: every analysis
	// and edition of a run shares one (a Locale is read only)
	embeddedOnly := files == fs.FS(embedded) // a test may swap the catalogues
	if l, ok := shared.Load(tag); ok && embeddedOnly {
		return l.(*Locale), nil
	}
	l, err := newLocale(tag, nil)
	if err == nil && embeddedOnly {
		shared.Store(tag, l)
	}
	return l, err
}

// shared are the locales made without overrides, by tag.
var shared sync.Map

func newLocale(tag string, overrides map[string]string) (*Locale, error) {
	t, err := language.Parse(tag)
	if err != nil {
		return nil, err
	}
	var tags []language.Tag
	names := Languages()
	slices.SortFunc(names, func(a, b string) int { // English first: the matcher's default
		return boolInt(b == "en") - boolInt(a == "en")
	})
	for _, n := range names {
		tags = append(tags, language.MustParse(n))
	}
	_, i, conf := language.NewMatcher(tags).Match(t)
	if conf == language.No {
		i = 0
	}
	en, err := load("en")
	if err != nil {
		return nil, err
	}
	own, err := load(names[i])
	if err != nil {
		return nil, err
	}
	l := &Locale{Tag: t, Catalogue: tags[i], words: map[string]string{}, units: map[string][2]string{}}
	for k, v := range en {
		w, ok := own[k]
		if !ok {
			l.Missing = append(l.Missing, k)
			w = v
		}
		switch w := w.(type) {
		case string:
			l.words[k] = w
		case map[string]any:
			for unit, forms := range w {
				if f, ok := forms.([]any); ok && len(f) == 2 {
					l.units[unit] = [2]string{fmt.Sprint(f[0]), fmt.Sprint(f[1])}
				}
			}
		case []any:
			list := make([]string, len(w))
			for j, x := range w {
				list[j] = fmt.Sprint(x)
			}
			switch k {
			case "months":
				l.months = list
			case "months_short":
				l.monthsShort = list
			case "quarters":
				l.quarters = list
			}
		}
	}
	slices.Sort(l.Missing)
	for k, v := range overrides {
		if _, ok := en[k]; !ok {
			return nil, fmt.Errorf("unknown label %q", k)
		}
		l.words[k] = v
	}
	if len(l.months) != 12 || len(l.monthsShort) != 12 || len(l.quarters) != 4 {
		return nil, fmt.Errorf("catalogue %s: months and months_short must list 12 names and quarters 4", names[i])
	}
	l.numbers()
	return l, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// loaded are the catalogues read so far, by name: a batch's editions read
// each once.
var (
	loadedMu sync.Mutex
	loaded   = map[string]map[string]any{}
)

// load reads the catalogue of one language. The map is shared: read it
// only.
func load(name string) (map[string]any, error) {
	loadedMu.Lock()
	defer loadedMu.Unlock()
	if m, ok := loaded[name]; ok && files == fs.FS(embedded) {
		return m, nil
	}
	data, err := fs.ReadFile(files, path.Join("catalogue", name+".yaml"))
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := yaml.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("catalogue %s: %w", name, err)
	}
	if files == fs.FS(embedded) {
		loaded[name] = m
	}
	return m, nil
}

// numbers reads the language's digits and separators from CLDR, by
// printing numbers as the language writes them. Arabic is written with
// Latin digits (-u-nu-latn, as most Arabic newspapers and institutes
// print them; years and the numbers in names are in those digits too),
// unless its tag asks for others: ar-u-nu-arab.
func (l *Locale) numbers() {
	t := l.Tag
	if b, _ := t.Base(); b.String() == "ar" && t.TypeForKey("nu") == "" {
		t, _ = t.SetTypeForKey("nu", "latn")
	}
	p := message.NewPrinter(t)
	l.digits = make([]string, 10)
	l.englishNumerals = true
	for d := range 10 {
		l.digits[d] = p.Sprint(number.Decimal(d))
		l.englishNumerals = l.englishNumerals && l.digits[d] == strconv.Itoa(d)
	}
	// 1234.5 is "1", the group separator, "234", the decimal one, "5"
	s := []rune(p.Sprint(number.Decimal(1234.5, number.Scale(1))))
	one, two, five := []rune(l.digits[1])[0], []rune(l.digits[2])[0], []rune(l.digits[5])[0]
	i2 := slices.Index(s, two)
	i5 := slices.Index(s, five)
	if i2 < 0 || i5 < 0 || s[0] != one {
		l.group, l.decimal = ",", "."
		return
	}
	l.group = string(s[1:i2])
	l.decimal = string(s[i2+3 : i5])
}

// RightToLeft reports whether the language is written right to left
// (Arabic, Hebrew, Persian, Urdu, ...).
func (l *Locale) RightToLeft() bool { return rightToLeft(l.Tag) }

// WrittenRightToLeft reports whether the language of tag, a BCP 47 tag
// ("ar-u-nu-arab"), is written right to left, as Locale.RightToLeft does,
// without making its Locale; false for a tag that does not parse.
func WrittenRightToLeft(tag string) bool {
	t, err := language.Parse(tag)
	return err == nil && rightToLeft(t)
}

// rightToLeft reports whether t's script, or the script its language is
// most likely written in, runs right to left.
func rightToLeft(t language.Tag) bool {
	s, _ := t.Script()
	switch s.String() {
	case "Arab", "Hebr", "Syrc", "Thaa", "Nkoo":
		return true
	}
	return false
}

// Word is the fixed word of key, its {name} placeholders replaced by the
// pairs of args ("n", 2).
func (l *Locale) Word(key string, args ...any) string {
	w, ok := l.words[key]
	if !ok {
		return key
	}
	for i := 0; i+1 < len(args); i += 2 {
		w = strings.ReplaceAll(w, "{"+fmt.Sprint(args[i])+"}", fmt.Sprint(args[i+1]))
	}
	return w
}

// Digits is the language's digits 0 to 9 ("٠١٢٣٤٥٦٧٨٩" for ar-u-nu-arab),
// "" when they are 0 to 9.
func (l *Locale) Digits() string {
	if l.englishNumerals {
		return ""
	}
	return strings.Join(l.digits, "")
}

// Numerals is s with its digits 0 to 9 written in the language's digits,
// and nothing else changed: a label such as "Q4 2025".
func (l *Locale) Numerals(s string) string {
	if l.englishNumerals {
		return s
	}
	return l.rewrite(s, false)
}

// Number writes an English-formatted number ("−1,234.5", "12%") as the
// language does ("−1 234,5"): its separators and digits.
func (l *Locale) Number(s string) string {
	if l.group == "," && l.decimal == "." && l.englishNumerals {
		return s
	}
	return l.rewrite(s, true)
}

// rewrite writes s's digits in the language's, and with separators its
// English separators "," and "." too.
func (l *Locale) rewrite(s string, separators bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteString(l.digits[r-'0'])
		case separators && r == ',':
			b.WriteString(l.group)
		case separators && r == '.':
			b.WriteString(l.decimal)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Date writes a day: "2 March 2026", "2 mars 2026", "2 марта 2026 г.".
func (l *Locale) Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.UTC()
	n := func(i int) string { return l.Number(strconv.Itoa(i)) }
	return l.Word("date", "day", n(t.Day()), "month", l.months[t.Month()-1], "monthnum", n(int(t.Month())), "year", n(t.Year()))
}

// ShortDate writes a day briefly, as a source line does: "12 Feb 2026",
// "12 févr. 2026".
func (l *Locale) ShortDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.UTC()
	n := func(i int) string { return l.Number(strconv.Itoa(i)) }
	return l.Word("date_short", "day", n(t.Day()), "mon", l.monthsShort[t.Month()-1], "monthnum", n(int(t.Month())), "year", n(t.Year()))
}

// ShortDateOf rewrites a date that analyses write in English ("12 Feb
// 2026") as ShortDate does; any other text is returned as it is.
func (l *Locale) ShortDateOf(s string) string {
	t, err := time.Parse("2 Jan 2006", s)
	if err != nil {
		return s
	}
	return l.ShortDate(t)
}

// Period writes a quarter: "Fourth quarter 2025 (2025-Q4)".
func (l *Locale) Period(year, quarter int) string {
	if quarter < 1 || quarter > 4 {
		return ""
	}
	return l.Word("period", "quarter", l.quarters[quarter-1], "year", l.Number(strconv.Itoa(year)), "code", fmt.Sprintf("%d-Q%d", year, quarter))
}

// Unit is the name of a unit of time ("year", "quarter") in the language:
// for one, or for many. A unit the catalogue does not name is written as
// given.
func (l *Locale) Unit(unit string, many bool) string {
	f, ok := l.units[unit]
	switch {
	case !ok && many:
		return unit + "s"
	case !ok:
		return unit
	case many:
		return f[1]
	}
	return f[0]
}
