package layouts

import (
	"math"
	"strings"
	"testing"
)

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

// A run of Chinese that starts with a number ("2024年…") and finds room
// only for part of the number goes down whole, rather than cut inside it.
func TestBreakLines_ChineseStartingWithANumber(t *testing.T) {
	text := strings.Repeat("根据 2024年中俄两国的联合军事演习数据 ", 6)
	for width := 20.0; width <= 70; width += 0.9 {
		_, lines := setJustified(t, baseDoc(), text, width)
		joined := ""
		for i, ln := range lines {
			lt := lineText(ln)
			joined += lt
			for _, part := range []string{"2", "20", "202"} {
				if strings.HasSuffix(lt, " "+part) && i+1 < len(lines) && strings.HasPrefix(lineText(lines[i+1]), "2024"[len(part):]) {
					t.Errorf("width %.1f: 2024 cut after %q: %q", width, part, lt)
				}
			}
		}
		if strings.ReplaceAll(joined, " ", "") != strings.ReplaceAll(text, " ", "") {
			t.Fatalf("width %.1f: text changed: %q", width, joined)
		}
	}
}
