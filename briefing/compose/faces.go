package compose

import (
	"os"
	"strings"

	"github.com/briefing/report/config"
	"github.com/briefing/report/layouts"
)

// Faces guesses, from the config alone, the faces the document will draw
// text in, so that they are registered with the PDF while the data is
// read (layouts.Prepare). Body, headings, captions and the annex's code
// (Go Mono) are in every briefing; bold italic only where a text marks
// it. A wrong guess costs time, never text: a face first drawn later is
// registered then.
func Faces(c *config.Config) layouts.Faces {
	faces := layouts.CommonFaces | layouts.FaceMono // the annex sets file hashes in code
	for _, s := range c.Sections {
		for _, b := range s.Blocks {
			text := b.Markdown
			if b.File != "" {
				data, err := os.ReadFile(b.File)
				if err != nil {
					continue // reported where the text is read
				}
				text = string(data)
			}
			if marksBoldItalic(text) {
				return faces | layouts.FaceBoldItalic
			}
		}
	}
	return faces
}

// marksBoldItalic reports whether Markdown text has the usual marks of
// bold italic (***a***, **_a_**, _**a**_).
func marksBoldItalic(text string) bool {
	for _, m := range []string{"***", "___", "**_", "_**", "__*", "*__"} {
		if strings.Contains(text, m) {
			return true
		}
	}
	return false
}
