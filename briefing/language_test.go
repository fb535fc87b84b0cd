package briefing

import (
	"os"
	"os/exec"
	"path/filepath"
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
			"12 143", "30 755 TIV", "lignes lues", "données produites le 12 févr. 2026", "Chaque période indique son total", "T4 2025"}},
		{"ru", []string{"Содержание", "Список иллюстраций", "ПЕРИОД IV квартал 2025 г. (2025-Q4)", "ОПУБЛИКОВАНО 2 марта 2026 г.",
			"Рисунок 1.", "Таблица 1.", "Источник: SIPRI", "Страница 4 из 13", "Примечания", "Данные и методы", "Оговорка",
			"12 143", "30 755 TIV", "прочитано строк", "данные сформированы 12 февр. 2026 г."}},
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

// A language written right to left, which report cannot set yet, gets an
// English edition and a warning, not a page of missing marks.
func TestEditions_RightToLeftFallsBackToEnglish(t *testing.T) {
	r, err := Build(Options{Config: sample, Clock: fixedClock(), Sets: []string{"report.language=ar"}})
	if err != nil {
		t.Fatal(err)
	}
	warned := r.Warnings.Error()
	if !strings.Contains(warned, `report.language: "ar" is written right to left`) || !strings.Contains(warned, "report.language: no hyphenation patterns") {
		t.Errorf("warnings: %s", warned)
	}
	text := pdfText(t, r.PDF)
	if !strings.Contains(text, "Contents") || !strings.Contains(text, "12,143") || strings.Contains(text, "□") {
		t.Errorf("the Arabic edition is not the English one: %.300s", text)
	}
}
