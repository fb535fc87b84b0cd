package briefing

import (
	"bytes"
	"fmt"
	"path/filepath"

	"github.com/briefing/report/charts"
	"github.com/briefing/report/internal/atomicfile"
	"github.com/briefing/report/layouts"
)

// WriteCharts writes each figure's chart into dir as ID.pdf (one vector
// page) and ID.png (slide resolution), drawn by the same code as in the
// briefing and in the brand's fonts, and returns the files written.
func (b *Result) WriteCharts(dir string) ([]string, error) {
	doc := b.Doc
	fonts := doc.Brand.Fonts
	var written []string
	for _, s := range doc.Sections {
		for _, block := range s.Blocks {
			fig, ok := block.(layouts.Figure)
			if !ok {
				continue
			}
			ch, ok := fig.Drawing.(*charts.Chart)
			if !ok {
				continue
			}
			var pdf, png bytes.Buffer
			if err := ch.WritePDF(&pdf, 170, fig.Height, fonts); err != nil {
				return written, err
			}
			if err := ch.WritePNG(&png, 0, 0, fonts); err != nil {
				return written, err
			}
			for _, f := range []struct {
				ext  string
				data []byte
			}{{".pdf", pdf.Bytes()}, {".png", png.Bytes()}} {
				path := filepath.Join(dir, fig.ID+f.ext)
				if err := atomicfile.Write(path, f.data); err != nil {
					return written, fmt.Errorf("write chart: %w", err)
				}
				written = append(written, path)
			}
		}
	}
	return written, nil
}

// chartsOf is the charts of doc's figures by ID.
func chartsOf(doc layouts.Document) map[string]*charts.Chart {
	out := map[string]*charts.Chart{}
	for _, s := range doc.Sections {
		for _, block := range s.Blocks {
			if fig, ok := block.(layouts.Figure); ok {
				if ch, ok := fig.Drawing.(*charts.Chart); ok && fig.ID != "" {
					out[fig.ID] = ch
				}
			}
		}
	}
	return out
}
