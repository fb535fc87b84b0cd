package briefing

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// pdfText is the text of a PDF as pdftotext reads it, with no-break
// spaces as spaces.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("poppler-utils is not installed: .ci/run installs it")
		}
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	path := filepath.Join(t.TempDir(), "b.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(string(out), "\u00a0", " ")), " ")
}

// The sample in French and in Russian, read back from the PDF: the fixed
// words are the catalogue's, dates and numbers are written as each
// language writes them, and no character is drawn as the missing mark.
func TestEditions_InTheReadersLanguage(t *testing.T) {
	for _, c := range []struct {
		lang string
		want []string
	}{
		{"fr", []string{"Sommaire", "Table des figures", "PÉRIODE 4e trimestre 2025 (2025-Q4)", "PUBLIÉ LE 2 mars 2026",
			"Figure 1.", "Tableau 1.", "Source : SIPRI", "Page 4 sur 13", "Notes", "Données et méthodes", "Avertissement",
			"12 143", "30 755 TIV", "lignes lues", "données produites le 12 févr. 2026", "Chaque période indique son total", "T4 2025",
			"tables generated 28 juil. 2022", // a template's (dataset NAME).Generated
			"(figure 1, tableau 1)"}},        // a template's fig and tab
		{"ru", []string{"Содержание", "Список иллюстраций", "ПЕРИОД IV квартал 2025 г. (2025-Q4)", "ОПУБЛИКОВАНО 2 марта 2026 г.",
			"Рисунок 1.", "Таблица 1.", "Источник: SIPRI", "Страница 4 из 13", "Примечания", "Данные и методы", "Оговорка",
			"12 143", "30 755 TIV", "прочитано строк", "данные сформированы 12 февр. 2026 г.", "(рис. 1, табл. 1)"}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			r, err := Build(Options{Config: sample, Sets: []string{"report.language=" + c.lang}, Clock: fixedClock()})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Warnings) > 0 {
				t.Errorf("warnings: %v", r.Warnings)
			}
			text := pdfText(t, r.PDF)
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("%s: the PDF's text lacks %q", c.lang, w)
				}
			}
			for _, english := range []string{"Contents", "List of figures", "Page 4 of", "2 March 2026", "12,143"} {
				if strings.Contains(text, english) {
					t.Errorf("%s: the PDF still says %q", c.lang, english)
				}
			}
			if strings.Contains(text, "□") {
				t.Errorf("%s: a character is drawn as the missing mark", c.lang)
			}
		})
	}
}

// A chart whose last year is not complete says so in its caption in the
// briefing's language: the sample's chart of exercises by year, a quarter
// into 2025.
func TestEditions_PartialYearNotedInTheReadersLanguage(t *testing.T) {
	for lang, want := range map[string]string{
		"en": "2025 runs to the end of Q2 only and is drawn lighter.",
		"fr": "2025 ne va que jusqu’à la fin du T2 et est dessiné plus clair.",
		"ru": "2025 — только до конца 2-го квартала; показан светлее.",
	} {
		t.Run(lang, func(t *testing.T) {
			r, err := Build(Options{Config: sample, Clock: fixedClock(), Sets: []string{"report.language=" + lang, "report.period=2025-Q2"}})
			if err != nil {
				t.Fatal(err)
			}
			text := pdfText(t, r.PDF)
			if !strings.Contains(text, want) {
				t.Errorf("the caption lacks %q", want)
			}
			if lang != "en" && strings.Contains(text, "runs to the end of") {
				t.Error("the caption's note is still in English")
			}
		})
	}
}

// A language without a catalogue is written in English, with a warning
// that says which languages have one; report.labels sets any word.
func TestEditions_LabelsAndAMissingCatalogue(t *testing.T) {
	r, err := Build(Options{Config: sample, Clock: fixedClock(),
		Sets: []string{"report.language=pt-BR", "report.labels.contents=Sumário"}})
	if err != nil {
		t.Fatal(err)
	}
	warned := r.Warnings.Error()
	if !strings.Contains(warned, `no catalogue of fixed words for "pt-BR"`) || !strings.Contains(warned, "ar, de, en, fr, ru, zh") {
		t.Errorf("warnings: %s", warned)
	}
	text := pdfText(t, r.PDF)
	if !strings.Contains(text, "Sumário") || !strings.Contains(text, "List of figures") {
		t.Errorf("pt-BR with a label: %.300s", text)
	}
}

// The Arabic edition of a short briefing, read back: its words come out
// in logical order (Arabic, and English names and numbers inside it), the
// fixed words and dates are the catalogue's, no glyph is the missing mark,
// and a row of the bilingual table reads as its cells, mirrored.
func TestEditions_Arabic(t *testing.T) {
	if _, err := os.Stat("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("fonts-dejavu-core is not installed: .ci/run installs it")
		}
		t.Skip("DejaVu Sans is not installed")
	}
	r, err := Build(Options{Config: "../testdata/arabic/briefing.yaml", Clock: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Warnings) > 0 {
		t.Errorf("warnings: %v", r.Warnings)
	}
	// poppler marks the direction of runs and spaces them oddly at their
	// edges; the characters and their order are what counts
	bidiMarks := strings.NewReplacer("\u202a", "", "\u202b", "", "\u202c", "", "\u202d", "", "\u202e", "")
	text := bidiMarks.Replace(pdfText(t, r.PDF))
	squeezed := strings.Join(strings.Fields(text), "")
	for _, w := range []string{
		"الشراكة العسكرية الروسية الصينية", // the title
		"المحتويات",           // contents
		"الصفحة 3 من 4",       // page 3 of 4
		"2 مارس 2026",         // the date
		"الخلاصة",             // a ligature of lam and alef inside
		"معهد التحليل الأمني", // lam-alef with hamza
		"أجرت روسيا والصين 4 تدريبات ثنائية في عام", // a number from the analysis
		"مناورات Joint Sea البحرية",                 // an English name inside Arabic
		"دوريات جوية مشتركة قرب Alaska",
		"لا تترك مجالاً كبيراً لاستراتيجية أمريكية",
	} {
		if !strings.Contains(squeezed, strings.Join(strings.Fields(w), "")) {
			t.Errorf("the PDF's text lacks %q", w)
		}
	}
	for _, english := range []string{"Contents", "Page 3 of", "March", "Figure 1"} {
		if strings.Contains(text, english) {
			t.Errorf("the Arabic edition still says %q", english)
		}
	}
	if strings.Contains(text, "□") {
		t.Error("a character is drawn as the missing mark")
	}
	out, err := exec.Command("pdftotext", "-layout", writeTemp(t, r.PDF), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	row, toc := "", ""
	for _, l := range strings.Split(bidiMarks.Replace(string(out)), "\n") {
		if strings.Contains(l, "Peace Mission 2005") {
			row = strings.Join(strings.Fields(l), " ")
		}
		if strings.Contains(l, "البيانات والمنهجية") && strings.Contains(l, "..") {
			toc = strings.Join(strings.Fields(l), " ")
		}
	}
	// the contents mirrored: the page at the left, the section's number at the right
	if !regexp.MustCompile(`^[0-9]+ [. ]+ البيانات والمنهجية 2$`).MatchString(toc) {
		t.Errorf("the contents line reads %q, want its page at the left and its number at the right", toc)
	}
	// right to left: the year column at the right, then the English name,
	// the Arabic one and the format
	if want := "bilateral مهمة السلام 2005 Peace Mission 2005 2005"; row != want {
		t.Errorf("the bilingual row reads %q, want %q", row, want)
	}
}

// The Arabic edition with Arabic-Indic digits (ar-u-nu-arab): the page
// furniture's numbers are in them too — pages, sections, figures, tables,
// the contents, the period in the footer and the years on a chart's axis —
// as the narrative's and the tables' numbers are.
func TestEditions_ArabicIndicDigits(t *testing.T) {
	if _, err := os.Stat("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("fonts-dejavu-core is not installed: .ci/run installs it")
		}
		t.Skip("DejaVu Sans is not installed")
	}
	r, err := Build(Options{Config: "../testdata/arabic/briefing.yaml", Clock: fixedClock(), Sets: []string{"report.language=ar-u-nu-arab"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Warnings) > 0 {
		t.Errorf("warnings: %v", r.Warnings)
	}
	bidiMarks := strings.NewReplacer("\u202a", "", "\u202b", "", "\u202c", "", "\u202d", "", "\u202e", "")
	squeezed := strings.Join(strings.Fields(bidiMarks.Replace(pdfText(t, r.PDF))), "")
	// poppler gives a number inside Arabic in either order, and a label's
	// full stop on either side of its number
	for what, re := range map[string]string{
		"page 3 of 4":                `الصفحة٣من٤`,
		"figure 1":                   `الشكل\.?١`,
		"table 1":                    `الجدول\.?١`,
		"the first section's number": `١الخلاصة`,
		"the period in the footer":   `الربع(٤٢٠٢٥|٢٠٢٥٤)`,
		"years on the chart's axis":  `٢٠٠٦`,
		"the date":                   `٢مارس٢٠٢٦`,
		"a number from the analysis": `والصين٤تدريبات`,
	} {
		if !regexp.MustCompile(re).MatchString(squeezed) {
			t.Errorf("the PDF's text lacks %s (%s)", what, re)
		}
	}
	for _, latin := range []string{"الصفحة3", "الشكل1", "الشكل.1", "الربع42025", "الربع20254", "2006"} {
		if strings.Contains(squeezed, latin) {
			t.Errorf("the PDF's text still has %q", latin)
		}
	}
}

// writeTemp writes a PDF to a temporary file and returns its path.
func writeTemp(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "b.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A chart written alone (--charts-dir) sets its text as the page does:
// the Arabic of its legend shaped from the fallback font, in the PDF and
// on the PNG.
func TestWriteCharts_ArabicShaped(t *testing.T) {
	if _, err := os.Stat("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"); err != nil {
		t.Skip("DejaVu Sans is not installed")
	}
	r, err := Build(Options{Config: "../testdata/arabic/briefing.yaml", Clock: fixedClock()})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files, err := r.WriteCharts(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 {
		t.Fatalf("files %v, want the chart's PDF and PNG", files)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "exercises_chart.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pdf)
	for _, w := range []string{"ثنائي", "متعدد"} {
		if !strings.Contains(text, w) {
			t.Errorf("the chart's PDF lacks %q: %q", w, text)
		}
	}
	if !regexp.MustCompile(`/Subtype /Type0 /BaseFont /[A-Z]{6}\+DejaVuSans `).Match(pdf) {
		t.Error("the chart's PDF does not embed the fallback font")
	}
}
