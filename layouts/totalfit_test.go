package layouts

import (
	"strings"
	"testing"
)

// setJustified breaks text as a justified paragraph of the test document
// in width mm and returns its lines.
func setJustified(t *testing.T, doc Document, text string, width float64) (*env, []line) {
	t.Helper()
	e, err := newEnv(doc)
	if err != nil {
		t.Fatal(err)
	}
	p := newParagraph(e, []span{{text: text}}, paraStyle{size: 10, leading: 1.35, align: alignJustify}, "p1")
	return e, p.breakLines(e, width)
}

// stretch is how far the spaces of a justified line are from their
// natural width, as a factor (1.5: half as wide again).
func stretch(ln line, width float64) float64 {
	if ln.last || len(ln.words) < 2 {
		return 1
	}
	gaps := 0.0
	for _, w := range ln.words[1:] {
		gaps += w.space
	}
	return (gaps + width - ln.natural) / gaps
}

const prose = "The maritime turn came with the Joint Sea series, launched in 2012 with twenty-five warships " +
	"in the Yellow Sea. After 2014, the year of Russia's annexation of Crimea, naval drills spread to the " +
	"Mediterranean in 2015, to the South China Sea in 2016 and to the Baltic in 2017. Naval events account " +
	"for twenty-seven of the fifty-seven in the dataset. Cooperation also entered sensitive fields: " +
	"computer-simulated missile-defence exercises began in 2016, and in 2018 some 3,200 troops of the " +
	"People's Liberation Army joined Russia's Vostok strategic exercise, followed by Tsentr 2019 and " +
	"Kavkaz 2020, to which the PLA for the first time sent army, navy and air force units together."

// Total fit with hyphens sets no line looser than first fit without
// them, and at the width of the body text no line's spaces stretch past
// 1.5 times their width.
func TestTotalFit_NoLooseLines(t *testing.T) {
	for _, width := range []float64{60, 80, 120, 166} {
		e, lines := setJustified(t, baseDoc(), prose, width)
		worst, loose, hyphens := 0.0, 0, 0
		for i, ln := range lines {
			k := stretch(ln, width)
			worst = maxf(worst, k)
			if k > 1.5 {
				loose++
			}
			if k < 1-shrinkRatio-1e-9 || !canShrink(ln, width) {
				t.Errorf("width %.0f, line %d shrunk too far (%.2f×): %q", width, i+1, k, lineText(ln))
			}
			if ln.hyphen {
				hyphens++
			}
		}
		ffWorst, ffLoose := 0.0, 0
		for _, ln := range breakLines(e.m, words(e.m, []span{{text: prose}}, 10, false), width, false) {
			k := stretch(ln, width)
			ffWorst = maxf(ffWorst, k)
			if k > 1.5 {
				ffLoose++
			}
		}
		if worst > ffWorst+1e-9 {
			t.Errorf("width %.0f: worst line %.2f×, %d loose; first fit %.2f×, %d loose", width, worst, loose, ffWorst, ffLoose)
		}
		if width >= 166 && loose > 0 {
			t.Errorf("width %.0f: %d lines looser than 1.5×", width, loose)
		}
		if width <= 80 && hyphens == 0 {
			t.Errorf("width %.0f: no word hyphenated in %d lines", width, len(lines))
		}
	}
}

// canShrink reports whether the spaces of ln can shrink enough to fit width.
func canShrink(ln line, width float64) bool {
	gaps := 0.0
	for _, w := range ln.words[1:] {
		gaps += w.space
	}
	return ln.natural-gaps*shrinkRatio <= width+1e-6
}

func TestTotalFit_Breaks(t *testing.T) {
	doc := baseDoc()
	doc.NoHyphenate = []string{"Mediterranean"}
	cases := []struct {
		name, text string
		width      float64
		never      []string // line ends that must not appear
		some       string   // a line end that must appear ("" = none asked)
	}{
		{"numbers", "2,000,000,000 3,200.50 1,234,567,890 99,999,999.99 12,345,678 7,654,321 2018–2024", 30, nil, ""},
		{"no_hyphenate", strings.Repeat("Mediterranean ", 12), 40, []string{"Medi-", "Mediter-", "Mediterra-"}, ""},
		{"url", "see https://www.sipri.org/databases/armstransfers/background/registers/long/path?x=1&y=2 for the register", 40,
			[]string{"ht-", "sip-", "databa-"}, ""},
		{"compound", strings.Repeat("missile-defence counter-terrorism ", 6), 45, []string{"mis-", "ter-rorism"}, ""},
		{"acronym", strings.Repeat("SIPRI NORAD ", 20), 30, []string{"SIP-", "NO-"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, lines := setJustified(t, doc, c.text, c.width)
			for _, ln := range lines {
				lt := lineText(ln)
				last := lt[strings.LastIndexByte(lt, ' ')+1:]
				for _, n := range c.never {
					if last == n || strings.HasSuffix(lt, " "+n) {
						t.Errorf("line ends %q: %q", n, lt)
					}
				}
				if c.name == "numbers" && strings.HasSuffix(lt, "-") {
					t.Errorf("a number was hyphenated: %q", lt)
				}
				if c.name == "url" && strings.Contains(lt, "sipri") && strings.HasSuffix(lt, "-") {
					t.Errorf("a URL was hyphenated: %q", lt)
				}
			}
			if strings.Join(texts(lines), " ") == "" {
				t.Fatal("no lines")
			}
		})
	}
}

// The text of the lines, put together again, is the text that was set:
// a break inside a word loses and adds nothing but the hyphen.
func TestTotalFit_KeepsText(t *testing.T) {
	for _, width := range []float64{40, 50, 70} {
		_, lines := setJustified(t, baseDoc(), prose, width)
		var b strings.Builder
		hyphens := 0
		for i, ln := range lines {
			s := lineText(ln)
			if ln.hyphen {
				s = strings.TrimSuffix(s, "-")
				hyphens++
			}
			b.WriteString(s)
			if !ln.cont && i+1 < len(lines) {
				b.WriteByte(' ')
			}
		}
		if got := b.String(); got != prose {
			t.Errorf("width %.0f: text changed:\n got %q\nwant %q", width, got, prose)
		}
		if hyphens == 0 {
			t.Errorf("width %.0f: nothing hyphenated", width)
		}
	}
}

func texts(lines []line) []string {
	var out []string
	for _, l := range lines {
		out = append(out, lineText(l))
	}
	return out
}
