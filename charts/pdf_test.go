package charts

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefing/report/analysis"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"
)

// newPDF returns an A4 document in mm with the Go font registered as "Body"
// and a first page.
func newPDF(tb testing.TB) *fpdf.Fpdf {
	tb.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("Body", "", goregular.TTF)
	pdf.AddPage()
	if err := pdf.Error(); err != nil {
		tb.Fatal(err)
	}
	return pdf
}

func TestDraw_EveryTypeIntoARealPDF(t *testing.T) {
	pdf := newPDF(t)
	y := 15.0
	annotations := []Annotation{{X: 2014, Label: "Crimea"}, {X: 2022, Label: "Invasion of Ukraine"}}
	for name, res := range edgeCases() {
		for _, typ := range SupportedTypes() {
			if rejects(typ, res) {
				continue
			}
			spec := Spec{ID: name, Type: typ, YLabel: "TIV (millions)"}
			if res.Timed && slices.Contains(axesTypes(), typ) {
				spec.Annotations = annotations
			}
			c := mustNew(t, spec, res, testStyle())
			h := max(60, c.PreferredHeight(170))
			if y+h+10 > 280 {
				pdf.AddPage()
				y = 15
			}
			pdf.SetFont("Body", "", 10)
			pdf.SetTextColor(0, 0, 0)
			if err := c.Draw(pdf, 20, y, 170, h); err != nil {
				t.Fatalf("%s/%s: %v", name, typ, err)
			}
			// The caller's font is in place again.
			if size, _ := pdf.GetFontSize(); size != 10 {
				t.Fatalf("%s/%s: font size %v after the chart, want 10", name, typ, size)
			}
			pdf.Text(20, y+h+5, name+" "+typ)
			y += h + 10
		}
	}
	if pdf.Err() {
		t.Fatal(pdf.Error())
	}
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "/Subtype /Image") {
		t.Error("the PDF has an image XObject; charts must be vector")
	}
	if !strings.Contains(out, "/FontFile2") {
		t.Error("no embedded TrueType font")
	}
}

func TestDraw_SameBytes(t *testing.T) {
	render := func() []byte {
		pdf := newPDF(t)
		when := time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)
		pdf.SetCreationDate(when)
		pdf.SetModificationDate(when)
		st := testStyle()
		st.Colors = AssignColors(nil, nil, armsTrend(), exercises())
		for i, res := range []*analysis.Result{armsTrend(), exercises(), agreements()} {
			if err := mustNew(t, Spec{YLabel: "Count"}, res, st).Draw(pdf, 20, 20+float64(i)*85, 170, 80); err != nil {
				t.Fatal(err)
			}
		}
		var b bytes.Buffer
		if err := pdf.Output(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	if !bytes.Equal(render(), render()) {
		t.Error("the same charts gave different bytes")
	}
}

func TestDraw_Errors(t *testing.T) {
	c := mustNew(t, Spec{ID: "arms", Type: "line"}, armsTrend(), testStyle())
	t.Run("ErrTooSmall", func(t *testing.T) {
		pdf := newPDF(t)
		err := c.Draw(pdf, 10, 10, 30, 8)
		if err == nil || !strings.Contains(err.Error(), `draw chart "arms"`) {
			t.Fatalf("Draw into 30×8 mm: %v", err)
		}
		if pdf.Err() {
			t.Errorf("a chart that does not fit failed the document: %v", pdf.Error())
		}
	})
	t.Run("ErrUnknownFont", func(t *testing.T) {
		st := testStyle()
		st.FontFamily = "Missing"
		err := mustNew(t, Spec{Type: "bar"}, agreements(), st).Draw(newPDF(t), 10, 10, 170, 80)
		if err == nil || !strings.Contains(err.Error(), "Missing") {
			t.Fatalf("Draw: %v", err)
		}
	})
	t.Run("ErrNoFamily", func(t *testing.T) {
		err := mustNew(t, Spec{Type: "bar"}, agreements(), Style{}).Draw(newPDF(t), 10, 10, 170, 80)
		if err == nil || !strings.Contains(err.Error(), "no font family") {
			t.Fatalf("Draw: %v", err)
		}
	})
	t.Run("ErrFailedDocument", func(t *testing.T) {
		pdf := newPDF(t)
		pdf.SetError(errors.New("disk full"))
		if err := c.Draw(pdf, 10, 10, 170, 80); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Fatalf("Draw: %v", err)
		}
	})
}

func BenchmarkDrawLine(b *testing.B) {
	spec := Spec{ID: "arms", Type: "line", YLabel: "TIV (millions)", Annotations: []Annotation{{X: 2014, Label: "Crimea"}, {X: 2022, Label: "Invasion of Ukraine"}}}
	c := mustNew(b, spec, armsTrend(), testStyle())
	var pdf *fpdf.Fpdf
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if i%20 == 0 {
			b.StopTimer()
			pdf = newPDF(b)
			b.StartTimer()
		}
		if err := c.Draw(pdf, 20, 20, 170, 80); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLayoutLine(b *testing.B) {
	c := mustNew(b, Spec{Type: "line", YLabel: "TIV"}, armsTrend(), testStyle())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.render(newRecorder(), testW, testH); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLayout(b *testing.B) {
	for _, tc := range []struct {
		typ string
		res *analysis.Result
	}{{"grouped-bar", compareResult()}, {"hbar", manyCategories(34)}, {"donut", manyCategories(34)}} {
		b.Run(tc.typ, func(b *testing.B) {
			c := mustNew(b, Spec{Type: tc.typ, YLabel: "Count"}, tc.res, testStyle())
			h := preferredPx(c, testW, testH)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.render(newRecorder(), testW, h); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
