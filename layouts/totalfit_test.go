package layouts

import (
	"math"
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
		for _, ln := range breakLines(e.m, words(e.m, []span{{text: prose}}, 10, false), width) {
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

// Chinese is cut between characters, but no line starts with a closing
// mark ("，", "。", "」", "）") nor ends with an opening one ("「", "（"),
// at any width; the text is all there, in order.
func TestBreakLines_Kinsoku(t *testing.T) {
	text := "中俄两国的联合军事演习在过去十年中显著增加，这反映了双方在安全领域日益密切的合作。" +
		"根据公开资料（包括「官方声明」与媒体报道）整理的数据，两国海军、空军和陆军的联合行动已经覆盖太平洋、波罗的海以及中亚地区。"
	for width := 20.0; width <= 80; width += 0.7 {
		_, lines := setJustified(t, baseDoc(), text, width)
		var all strings.Builder
		for i, ln := range lines {
			lt := []rune(lineText(ln))
			all.WriteString(string(lt))
			if i > 0 && noLineStart(lt[0]) {
				t.Errorf("width %.1f: line %d starts with %q: %q", width, i+1, lt[0], string(lt))
			}
			if !ln.last && noLineEnd(lt[len(lt)-1]) {
				t.Errorf("width %.1f: line %d ends with %q: %q", width, i+1, lt[len(lt)-1], string(lt))
			}
		}
		if all.String() != text {
			t.Fatalf("width %.1f: set %q", width, all.String())
		}
	}
}

// A justified line of Chinese cut inside its run of text has no spaces to
// stretch: the room left is spread over its characters, so that it ends
// flush (unless they would stand more than a quarter of a character
// apart); a last line, and a line of Latin text, are not spread.
func TestSpread_ChineseLinesEndFlush(t *testing.T) {
	text := "中俄两国的联合军事演习在过去十年中显著增加，这反映了双方在安全领域日益密切的合作。" +
		"根据公开资料（包括「官方声明」与媒体报道）整理的数据，两国海军、空军和陆军的联合行动已经覆盖太平洋、波罗的海以及中亚地区。"
	spread := 0
	for width := 20.0; width <= 80; width += 0.7 {
		_, lines := setJustified(t, baseDoc(), text, width)
		for i, ln := range lines {
			extra := ln.spread(width, alignJustify)
			n := len([]rune(lineText(ln)))
			switch {
			case ln.last && extra != 0:
				t.Errorf("width %.1f: the last line spread by %.3f", width, extra)
			case !ln.last && extra == 0 && (width-ln.natural)/float64(n-1) > ln.natural/float64(n)/4:
				// a narrow column, a line short by more than a character
				// or two: left ragged
			case !ln.last && math.Abs(ln.natural+extra*float64(n-1)-width) > 1e-9:
				t.Errorf("width %.1f: line %d ends at %.3f of %.1f (spread %.3f)", width, i+1, ln.natural+extra*float64(n-1), width, extra)
			}
			if extra > 0 {
				spread++
			}
		}
	}
	if spread == 0 {
		t.Error("no line was spread")
	}
	_, lines := setJustified(t, baseDoc(), strings.Repeat("https://www.sipri.org/databases/armstransfers/", 4), 40)
	for _, ln := range lines {
		if extra := ln.spread(40, alignJustify); extra != 0 {
			t.Errorf("a Latin line spread by %.3f: %q", extra, lineText(ln))
		}
	}
}

// A word too long for a line (a URL) is cut, and each line it goes on
// from says so (cont): no space then follows it in the page's text, so a
// URL copied from the page is one word.
func TestBreakLines_CutWordContinues(t *testing.T) {
	e, err := newEnv(baseDoc())
	if err != nil {
		t.Fatal(err)
	}
	url := "https://www.sipri.org/databases/armstransfers/background/registers/long/path?x=1&y=2"
	p := newParagraph(e, []span{{text: "see " + url + " now"}}, paraStyle{size: 10, leading: 1.35, align: alignLeft}, "p1")
	lines := p.breakLines(e, 30)
	var cut int
	for _, ln := range lines {
		last := ln.words[len(ln.words)-1]
		text := ""
		for _, f := range last.frags {
			text += f.text
		}
		inURL := strings.Contains(url, text) && !strings.HasSuffix(url, text)
		if inURL && endsWord(ln) {
			t.Errorf("line %q ends inside the URL but ends a word", lineText(ln))
		}
		if inURL {
			cut++
		}
	}
	if cut == 0 {
		t.Fatalf("the URL was not cut: %q", texts(lines))
	}
}

// Chinese with Latin words between spaces: a run of Chinese that does not
// fit the rest of a line is cut there (it used to go down whole, leaving
// the line half empty), never inside the Latin word, and the justified
// lines end flush.
func TestBreakLines_ChineseAmongLatinWords(t *testing.T) {
	run := "两国在安全领域的合作日益密切并且不断深化扩展到"
	text := strings.Repeat(run+" SIPRI ", 7) + run
	for width := 40.0; width <= 120; width += 3.1 {
		_, lines := setJustified(t, baseDoc(), text, width)
		var all []string
		for i, ln := range lines {
			lt := lineText(ln)
			all = append(all, lt)
			if strings.HasSuffix(lt, "SIP") || strings.HasSuffix(lt, "SIPR") || strings.HasSuffix(lt, "S") {
				t.Errorf("width %.1f: line %d breaks inside SIPRI: %q", width, i+1, lt)
			}
			if ln.last {
				continue
			}
			n := 0
			for _, w := range ln.words {
				for _, f := range w.frags {
					n += len([]rune(f.text))
				}
			}
			extra := ln.spread(width, alignJustify)
			if end := ln.natural + extra*float64(n-1); math.Abs(end-width) > 1e-9 && extra > 0 || ln.natural < width*0.75 {
				t.Errorf("width %.1f: line %d ends at %.2f (natural %.2f): %q", width, i+1, end, ln.natural, lt)
			}
		}
		joined := ""
		for _, l := range all {
			joined += l
		}
		if strings.ReplaceAll(joined, " ", "") != strings.ReplaceAll(text, " ", "") {
			t.Fatalf("width %.1f: text changed: %q", width, all)
		}
	}
}

// Latin text set in Chinese without spaces (a file name, a number) is not
// cut where the Chinese around it can be.
func TestBreakLines_LatinInsideChinese(t *testing.T) {
	text := "读取的每个文件及其 SHA-256、执行的每个查询均列于本 PDF 旁的清单（.manifest.json）中。清单本身的 SHA-256：共计2024条记录。"
	for width := 30.0; width <= 90; width += 1.3 {
		_, lines := setJustified(t, baseDoc(), text, width)
		for i, ln := range lines[:len(lines)-1] {
			lt := lineText(ln)
			for _, latin := range []string{".manifest.json", "2024"} {
				for k := 1; k < len(latin); k++ {
					if strings.HasSuffix(lt, latin[:k]) && strings.HasPrefix(lineText(lines[i+1]), latin[k:]) {
						t.Errorf("width %.1f: %q cut after %q: %q", width, latin, latin[:k], lt)
					}
				}
			}
		}
	}
}
