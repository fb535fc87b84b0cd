package layouts

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var demo = flag.String("demo", "", "write the demo briefing PDF to this path")

// demoDoc is a realistic briefing, used for the visual check and tests.
func demoDoc() Document {
	var rows [][]string
	for i := 0; i < 64; i++ {
		y := 1992 + i%33
		rows = append(rows, []string{fmt.Sprint(y), []string{"Su-27 fighter aircraft", "S-400 SAM system", "Kilo-class submarine (Project 636)", "AL-31F turbofan"}[i%4],
			[]string{"Air", "Air defence", "Naval", "Engines"}[i%4], fmt.Sprintf("%d", 10+i*7%90), fmt.Sprintf("%.1f", float64(100+i*37%900)/3)})
	}
	return Document{
		Title:          "Russia–China Military-Security Partnership",
		Subtitle:       "Quarterly security briefing",
		Series:         "Insights",
		Authors:        []string{"Eurasia Security Desk", "A. N. Analyst"},
		Period:         "2025-Q3",
		Date:           time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC),
		Classification: "Unclassified",
		PageSize:       "A4",
		Keywords:       []string{"Russia", "China", "arms transfers", "exercises"},
		Brand: Brand{
			Organization: "Institute for Security Analysis",
			Primary:      RGB{0x0B, 0x3D, 0x5C},
			Accent:       RGB{0xC8, 0x10, 0x2E},
			Disclaimer:   "The views expressed are those of the authors and do not necessarily reflect those of the Institute. Data are drawn from public sources and are subject to revision.",
		},
		Sections: []Section{
			{Title: "Key judgments", Blocks: []Content{
				Markdown{Source: "narrative/key-judgments.md", Callout: true, Title: "Key judgments", Text: `- Russian arms deliveries to China have **fallen by about two thirds** since the early 2000s, as China's own industry matured.[^sipri]
- Joint exercises are now *more frequent and more complex*, with combined naval and air patrols near Japan and Alaska.
- Expect continued cooperation on early warning and engines — areas where Russia keeps an edge.`},
				Markdown{Source: "narrative/summary.md", Text: "This briefing reviews the quarter's developments in the military-security relationship between Russia and China. It draws on the SIPRI Arms Transfers Database,[^sipri] exercise announcements and official statements. Terms such as «стратегическое партнёрство» (strategic partnership) and «全面战略协作» are quoted as published; Greek letters (α, β, Ω) and arrows (→) are printed as in the source. An emoji 🚀 is not.\n\n[^sipri]: SIPRI Arms Transfers Database, data generated 12 February 2026. See https://www.sipri.org/databases/armstransfers/very/long/path/to/the/register/export?format=csv&from=1992&to=2024."},
			}},
			{Title: "Security and military dimension", Blocks: []Content{
				Markdown{Source: "narrative/security.md", Text: strings.Repeat("Arms transfers remain the oldest strand of the relationship. Deliveries peaked in 2005 and have declined since, as Chinese manufacturers replaced imported platforms with domestic designs. The remaining flows concentrate in a few high-value categories: aircraft engines, air-defence systems and submarine technology. ", 3) + `

## Arms transfers

Three trends stand out:

1. Engines remain the largest single category of deliveries.
2. Air-defence transfers (S-400) were completed by 2020.
   - The second regiment set was delivered in 2019.
   - Training was conducted in Russia.
3. Naval transfers have effectively ended.

> "The partnership has no limits, but it has a price list." — a Russian official, quoted in the press.

Code names such as ` + "`Project 636`" + ` follow Russian usage.[^names] A hard break follows here,  
and continues on the next line.

## Exercises

` + strings.Repeat("Joint exercises have grown in number and complexity since the first Peace Mission in 2005. Combined bomber patrols over the Sea of Japan and the East China Sea have become a routine signal, and the navies have sailed together near Alaska. ", 4) + `

[^names]: Project names follow the Russian designation; NATO reporting names are given where they are better known.`},
				Figure{ID: "arms_trend_chart", Title: "Russian arms deliveries to China, 2000–2024", Caption: "Deliveries of major conventional arms, trend-indicator values; five-year moving average.", Source: "SIPRI Arms Transfers Database, data generated 12 Feb 2026", Height: 70,
					Drawing: barChart([]string{"2000", "2004", "2008", "2012", "2016", "2020", "2024"}, []float64{2100, 2900, 1500, 700, 900, 1200, 400})},
				Markdown{Source: "sections[1].blocks[2]", Text: "Deliveries in 2024 amounted to about 400 million TIV, a fraction of the 2005 peak ([Figure 1](#fig:arms_trend_chart)). The table below lists the main items of the register for the period.[^sipri]"},
				Table{ID: "register", Title: "Main items of the arms-transfer register, 1992–2024", Source: "SIPRI Arms Transfers Database",
					Columns: []Column{{Header: "Year"}, {Header: "Weapon designation"}, {Header: "Category"}, {Header: "Number", Numeric: true}, {Header: "TIV (millions)", Numeric: true}}, Rows: rows},
			}},
			{Title: "Outlook", Blocks: []Content{
				Markdown{Source: "narrative/outlook.md", Text: "Over the next quarter, watch for:\n\n- a new joint bomber patrol;\n- announcements on engine co-production;\n- statements at the SCO summit.\n\nFor background, see the [Institute's earlier briefing](https://example.org/briefings/2025-q2)."},
			}},
		},
	}
}

func TestDemo(t *testing.T) {
	if *demo == "" {
		t.Skip("no -demo path")
	}
	doc := demoDoc()
	doc.Brand.Logo = writeLogo(t, filepath.Join(t.TempDir(), "logo.png"))
	doc.Draft = true
	renderTo(t, doc, *demo)
	letter := demoDoc()
	letter.PageSize, letter.Classification = "Letter", ""
	letter.Title = "A much longer title for a briefing that has to wrap over more than two lines on the cover page"
	renderTo(t, letter, strings.TrimSuffix(*demo, ".pdf")+"-letter.pdf")
	debug := demoDoc()
	debug.Debug, debug.ListOfFigures = true, true
	renderTo(t, debug, strings.TrimSuffix(*demo, ".pdf")+"-debug.pdf")
	stress := stressDoc()
	stress.Draft = true
	renderTo(t, stress, strings.TrimSuffix(*demo, ".pdf")+"-stress.pdf")
	sample := sampleDoc(t)
	sample.Draft = true
	renderTo(t, sample, strings.TrimSuffix(*demo, ".pdf")+"-sample.pdf")
}

func renderTo(t *testing.T, doc Document, path string) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := Render(doc, f)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d pages", path, res.Pages)
	for _, w := range res.Warnings {
		t.Log("warning:", w)
	}
	if testing.Verbose() {
		t.Log("\n" + res.Plan.Dump())
	}
}

// writeLogo writes a small PNG logo: a shield in two colours.
func writeLogo(tb testing.TB, path string) string {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 120, 140))
	for y := 0; y < 140; y++ {
		for x := 0; x < 120; x++ {
			half := 60 - y/3
			if y > 100 {
				half = 60 - y/3 - (y-100)*(y-100)/40
			}
			if x >= 60-half && x < 60+half {
				c := color.RGBA{11, 61, 92, 255}
				if x > 54 && x < 66 || y > 58 && y < 70 {
					c = color.RGBA{200, 16, 46, 255}
				}
				img.Set(x, y, c)
			}
		}
	}
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		tb.Fatal(err)
	}
	return path
}
