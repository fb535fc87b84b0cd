package locale

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestLocale_DatesPeriodsNumbers(t *testing.T) {
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		tag, date, period, number, pageOf string
	}{
		{"en-GB", "2 March 2026", "Fourth quarter 2025 (2025-Q4)", "−1,234.5", "Page 3 of 13"},
		{"en-US", "2 March 2026", "Fourth quarter 2025 (2025-Q4)", "−1,234.5", "Page 3 of 13"},
		{"fr", "2 mars 2026", "4e trimestre 2025 (2025-Q4)", "−1\u00a0234,5", "Page 3 sur 13"},
		{"fr-CA", "2 mars 2026", "4e trimestre 2025 (2025-Q4)", "−1\u00a0234,5", "Page 3 sur 13"},
		{"de", "2. März 2026", "4. Quartal 2025 (2025-Q4)", "−1.234,5", "Seite 3 von 13"},
		{"ru", "2 марта 2026 г.", "IV квартал 2025 г. (2025-Q4)", "−1\u00a0234,5", "Страница 3 из 13"},
		{"zh", "2026年3月2日", "2025年第四季度（2025-Q4）", "−1,234.5", "第 3 页，共 13 页"},
		{"ar", "2 مارس 2026", "الربع الرابع 2025 (2025-Q4)", "−1,234.5", "الصفحة 3 من 13"}, // Latin digits unless asked
		{"ar-u-nu-arab", "٢ مارس ٢٠٢٦", "الربع الرابع ٢٠٢٥ (2025-Q4)", "−١٬٢٣٤٫٥", "الصفحة 3 من 13"},
	} {
		l, err := New(c.tag, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := l.Date(day); got != c.date {
			t.Errorf("%s: Date %q, want %q", c.tag, got, c.date)
		}
		if got := l.Period(2025, 4); got != c.period {
			t.Errorf("%s: Period %q, want %q", c.tag, got, c.period)
		}
		if got := l.Number("−1,234.5"); got != c.number {
			t.Errorf("%s: Number %q, want %q", c.tag, got, c.number)
		}
		if got := l.Word("page_of", "page", 3, "pages", 13); got != c.pageOf {
			t.Errorf("%s: page_of %q, want %q", c.tag, got, c.pageOf)
		}
	}
}

func TestLocale_Digits(t *testing.T) {
	for tag, want := range map[string]string{"en-GB": "", "fr": "", "ar": "", "ar-u-nu-arab": "٠١٢٣٤٥٦٧٨٩"} {
		l, err := New(tag, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := l.Digits(); got != want {
			t.Errorf("%s: Digits %q, want %q", tag, got, want)
		}
		wantLabel := "Q4, 2025"
		if want != "" {
			wantLabel = "Q٤, ٢٠٢٥"
		}
		if got := l.Numerals("Q4, 2025"); got != wantLabel {
			t.Errorf("%s: Numerals %q, want %q", tag, got, wantLabel)
		}
	}
}

// Every catalogue has every key of the English one, with the same
// placeholders, and nothing else.
func TestCatalogues_Complete(t *testing.T) {
	en, _ := load("en")
	placeholders := regexp.MustCompile(`\{[a-z]+\}`)
	for _, name := range Languages() {
		own, err := load(name)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range en {
			w, ok := own[k]
			if !ok {
				t.Errorf("%s lacks %q", name, k)
				continue
			}
			if s, ok := v.(string); ok {
				want := slices.Sorted(slices.Values(placeholders.FindAllString(s, -1)))
				got := slices.Sorted(slices.Values(placeholders.FindAllString(w.(string), -1)))
				if !strings.HasPrefix(k, "date") && !slices.Equal(got, want) { // a date may use {monthnum} for {month}
					t.Errorf("%s %s: placeholders %v, want %v", name, k, got, want)
				}
			}
		}
		for k := range own {
			if _, ok := en[k]; !ok {
				t.Errorf("%s has %q, which English has not", name, k)
			}
		}
	}
}

func TestNew_FallbackAndOverrides(t *testing.T) {
	l, err := New("pt-BR", nil) // no Portuguese catalogue: English
	if err != nil || l.Catalogue.String() != "en" || l.Word("contents") != "Contents" {
		t.Errorf("pt-BR: %v, catalogue %v", err, l)
	}
	l, err = New("fr", map[string]string{"contents": "Table des matières"})
	if err != nil || l.Word("contents") != "Table des matières" || l.Word("endnotes") != "Notes" {
		t.Errorf("fr with an override: %v %q", err, l.Word("contents"))
	}
	if _, err := New("fr", map[string]string{"contnets": "x"}); err == nil || !strings.Contains(err.Error(), "contnets") {
		t.Errorf("an unknown label: %v", err)
	}
	if _, err := New("not a tag!", nil); err == nil {
		t.Error("a bad tag is not an error")
	}
	if keys := Keys(); !slices.Contains(keys, "page_of") || !slices.IsSorted(keys) {
		t.Errorf("Keys: %v", keys)
	}
}

// A key a catalogue lacks is written in English, and named in Missing for
// a warning.
func TestNew_MissingKeysFallBackToEnglish(t *testing.T) {
	en, err := fs.ReadFile(embedded, "catalogue/en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fr, _ := fs.ReadFile(embedded, "catalogue/fr.yaml")
	partial := regexp.MustCompile(`(?m)^(contents|endnotes):.*\n`).ReplaceAll(fr, nil)
	files = fstest.MapFS{"catalogue/en.yaml": {Data: en}, "catalogue/fr.yaml": {Data: partial}}
	defer func() { files = embedded }()
	l, err := New("fr", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(l.Missing, []string{"contents", "endnotes"}) || l.Word("contents") != "Contents" || l.Word("disclaimer") != "Avertissement" {
		t.Errorf("missing %v, contents %q", l.Missing, l.Word("contents"))
	}
}

func TestLocale_Units(t *testing.T) {
	en, _ := New("en", nil)
	fr, _ := New("fr", nil)
	ru, _ := New("ru", nil)
	for _, c := range []struct {
		l         *Locale
		one, many string
	}{{en, "year", "years"}, {fr, "an", "ans"}, {ru, "год", "лет"}} {
		if got := c.l.Unit("year", false) + "/" + c.l.Unit("year", true); got != c.one+"/"+c.many {
			t.Errorf("%v: %s", c.l.Tag, got)
		}
	}
	if got := en.Unit("fortnight", true); got != "fortnights" {
		t.Errorf("an unknown unit: %s", got)
	}
}

func TestLocale_RightToLeft(t *testing.T) {
	for tag, want := range map[string]bool{"ar": true, "he": true, "fa": true, "ur": true, "en": false, "ru": false, "zh": false} {
		l, err := New(tag, nil)
		if err != nil {
			t.Fatal(err)
		}
		if l.RightToLeft() != want {
			t.Errorf("%s: RightToLeft %v", tag, !want)
		}
	}
	for _, k := range Keys() {
		if k == "months" || k == "quarters" || k == "units" {
			t.Errorf("Keys lists %q, which report.labels cannot set", k)
		}
	}
}

func TestLocale_ShortDates(t *testing.T) {
	for tag, want := range map[string]string{"en": "12 Feb 2026", "fr": "12 févr. 2026", "de": "12. Feb. 2026", "ru": "12 февр. 2026 г.", "zh": "2026年2月12日"} {
		l, _ := New(tag, nil)
		if got := l.ShortDateOf("12 Feb 2026"); got != want {
			t.Errorf("%s: %q, want %q", tag, got, want)
		}
	}
	en, _ := New("en", nil)
	if got := en.ShortDateOf("sometime in 2024"); got != "sometime in 2024" {
		t.Errorf("not a date: %q", got)
	}
}

// WrittenRightToLeft answers from the tag alone what a Locale's
// RightToLeft answers: by the script, given or likely.
func TestWrittenRightToLeft(t *testing.T) {
	for tag, want := range map[string]bool{
		"ar": true, "ar-u-nu-arab": true, "he": true, "fa": true, "ur": true, "az-Arab": true,
		"en": false, "en-GB": false, "fr": false, "ru": false, "zh": false, "az": false, "": false, "not a tag!": false,
	} {
		if got := WrittenRightToLeft(tag); got != want {
			t.Errorf("WrittenRightToLeft(%q) = %v, want %v", tag, got, want)
		}
		if l, err := New(tag, nil); err == nil && l.RightToLeft() != want {
			t.Errorf("%q: the Locale says RightToLeft %v", tag, l.RightToLeft())
		}
	}
}
