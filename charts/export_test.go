package charts

import (
	"bytes"
	"flag"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefing/report/layouts"
	"golang.org/x/image/font/gofont/goregular"
)

var galleryDir = flag.String("gallery", "", "write every chart type and edge case as PDF and PNG into this folder, to look at")

func TestExport_Gallery(t *testing.T) {
	if *galleryDir == "" {
		t.Skip("no -gallery folder")
	}
	if err := os.MkdirAll(*galleryDir, 0o755); err != nil {
		t.Fatal(err)
	}
	cases := edgeCases()
	cases["compare"] = compareResult()
	for name, res := range cases {
		for _, typ := range SupportedTypes() {
			if rejects(typ, res) {
				continue
			}
			c := mustNew(t, Spec{ID: name, Type: typ, YLabel: "TIV (millions)"}, res, testStyle())
			base := filepath.Join(*galleryDir, strings.ReplaceAll(name, " ", "-")+"_"+typ)
			var pdf, img bytes.Buffer
			if err := c.WritePDF(&pdf, 170, 0, layouts.Fonts{}); err != nil {
				t.Fatal(err)
			}
			if err := c.WritePNG(&img, 0, 0, layouts.Fonts{}); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(base+".pdf", pdf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(base+".png", img.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestWritePDF_VectorAndValid(t *testing.T) {
	font := bytes.Clone(goregular.TTF)
	for _, typ := range SupportedTypes() {
		res := exercises()
		c := mustNew(t, Spec{ID: "exercise_chart", Type: typ, YLabel: "Events"}, res, testStyle())
		var a, b bytes.Buffer
		if err := c.WritePDF(&a, 170, 0, layouts.Fonts{}); err != nil {
			t.Fatalf("%s: %v", typ, err)
		}
		if err := c.WritePDF(&b, 170, 0, layouts.Fonts{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: the same chart gave different PDF bytes", typ)
		}
		out := a.String()
		if strings.Contains(out, "/Subtype /Image") {
			t.Errorf("%s: the PDF has an image XObject", typ)
		}
		if !strings.Contains(out, "/FontFile2") {
			t.Errorf("%s: no embedded TrueType font", typ)
		}
		if _, err := exec.LookPath("qpdf"); err == nil {
			f := filepath.Join(t.TempDir(), typ+".pdf")
			if err := os.WriteFile(f, a.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			if msg, err := exec.Command("qpdf", "--check", f).CombinedOutput(); err != nil {
				t.Errorf("%s: qpdf --check: %v\n%s", typ, err, msg)
			}
		}
	}
	if !bytes.Equal(font, goregular.TTF) {
		t.Error("WritePDF changed the caller's font bytes")
	}
}

func TestWritePNG_SizeAndBytes(t *testing.T) {
	for _, tc := range []struct {
		name       string
		w, h       int
		wantW, wnt int
	}{
		{"Default", 0, 0, 1920, 1080},
		{"Asked", 800, 450, 800, 450},
		{"Square", 600, 600, 600, 600},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := mustNew(t, Spec{ID: "arms", YLabel: "TIV"}, armsTrend(), testStyle())
			var a, b bytes.Buffer
			if err := c.WritePNG(&a, tc.w, tc.h, layouts.Fonts{}); err != nil {
				t.Fatal(err)
			}
			if err := c.WritePNG(&b, tc.w, tc.h, layouts.Fonts{}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("the same chart gave different PNG bytes")
			}
			img, err := png.Decode(&a)
			if err != nil {
				t.Fatal(err)
			}
			if got := img.Bounds().Size(); got.X != tc.wantW || got.Y != tc.wnt {
				t.Errorf("PNG is %v, want %dx%d", got, tc.wantW, tc.wnt)
			}
		})
	}
}

func BenchmarkWritePNG(b *testing.B) {
	c := mustNew(b, Spec{ID: "arms", YLabel: "TIV"}, armsTrend(), testStyle())
	b.ReportAllocs()
	for b.Loop() {
		if err := c.WritePNG(io.Discard, 0, 0, layouts.Fonts{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWritePDF(b *testing.B) {
	c := mustNew(b, Spec{ID: "arms", YLabel: "TIV"}, armsTrend(), testStyle())
	fonts := layouts.Fonts{}
	b.ReportAllocs()
	for b.Loop() {
		if err := c.WritePDF(io.Discard, 170, 80, fonts); err != nil {
			b.Fatal(err)
		}
	}
}

// The slide is the chart drawn by the same code as the page: the series'
// colours and dark text are on it, in proportion.
func TestWritePNG_DrawsTheChart(t *testing.T) {
	st := testStyle()
	st.Colors = map[string]RGB{"Russia → China": {R: 200, G: 16, B: 46}}
	c := mustNew(t, Spec{ID: "arms", YLabel: "TIV"}, armsTrend(), st)
	var b bytes.Buffer
	if err := c.WritePNG(&b, 800, 450, layouts.Fonts{}); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	red, dark := 0, 0
	for y := 0; y < 450; y++ {
		for x := 0; x < 800; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			switch {
			case r>>8 > 170 && g>>8 < 60 && bl>>8 < 80:
				red++
			case r>>8 < 90 && g>>8 < 90 && bl>>8 < 90:
				dark++
			}
		}
	}
	if red < 200 || dark < 200 {
		t.Errorf("%d pixels of the series' red and %d of dark text: the chart is not drawn", red, dark)
	}
}
