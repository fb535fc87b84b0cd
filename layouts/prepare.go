package layouts

import (
	"regexp"
	"slices"

	"github.com/briefing/report/internal/hyphen"
	"github.com/briefing/report/internal/locale"

	"codeberg.org/go-pdf/fpdf"
)

// Prepared is a PDF being set up ahead of its layout: the font files read
// and parsed, and the language's hyphenation patterns loaded, while the
// caller reads the data. Render uses it when the document asks for the
// same fonts and page size, and sets the PDF up itself otherwise.
type Prepared struct {
	fonts    Fonts
	pageSize string
	done     chan struct{}
	set      *fontSet
	pdf      *fpdf.Fpdf
	err      error
}

// Prepare starts setting up the PDF of a document with fonts and page
// size in language (a Document's Language); it returns at once.
func Prepare(fonts Fonts, pageSize, language string) *Prepared {
	p := &Prepared{fonts: fonts, pageSize: pageSize, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		g, err := newGeometry(pageSize, "")
		if err != nil {
			p.err = err
			return
		}
		if p.set, p.err = loadFonts(fonts); p.err != nil {
			return
		}
		if locale.WrittenRightToLeft(language) {
			go warmShapers(p.set)
		}
		p.pdf = blankPDF(g)
		loadPatterns(language)
	}()
	return p
}

// warmShapers parses for shaping the fallback faces of a document written
// right to left, whose words they draw shaped (Arabic joins its letters):
// go-text's parse of a font's layout tables (1.6 ms for DejaVu Sans, its
// outlines left out: ForShaping), which the layout would otherwise wait
// for at its first such word. The parse is kept for the process
// (shapingFontOf), so the layout finds it made, or waits for the one
// under way.
func warmShapers(fs *fontSet) {
	for i := bodyFaces; i < fs.n; i++ {
		shapingFontOf(fs.faces[i].data, fs.faces[i].tt)
	}
}

// Preload reads and parses doc's fonts, loads the hyphenation patterns
// of its language and compiles the finishing pass's expressions, if not
// done yet. All are kept for the process: the document's rendering finds
// them ready. An error is reported there, not here.
func Preload(doc Document) {
	_, _ = loadFonts(doc.Brand.Fonts)
	loadPatterns(doc.Language)
	for _, re := range finishingExprs {
		re()
	}
}

// finishingExprs are the regular expressions the finishing pass and the
// cover use. Each is compiled on its first use, not as the package
// initialises (0.2 ms of every start, before main, in December 2026):
// Preload compiles them while the config is read.
var finishingExprs = []func() *regexp.Regexp{
	startxrefRE, trailerRE, trailerSize, emptyEmbedded, outlineRoot, outlinesRef, infoDate, plainStream, kidsRE, quarterRE,
}

// loadPatterns loads the hyphenation patterns of language (a Document's
// Language), once per process: the document's hyphenator finds them
// ready, and reports an error.
func loadPatterns(language string) {
	_, _ = hyphen.New((&Document{Language: language}).language(), nil)
}

// take waits for the set-up and returns it if it fits doc: the parsed
// fonts, and the PDF; nil when it does not fit or
// failed (Render then does the work itself and reports the error).
func (p *Prepared) take(doc Document) (*fontSet, *fpdf.Fpdf) {
	if p == nil {
		return nil, nil
	}
	<-p.done
	if p.err != nil || !sameFonts(p.fonts, doc.Brand.Fonts) || !samePageSize(p.pageSize, doc.PageSize) {
		return nil, nil
	}
	set, pdf := p.set, p.pdf
	p.set, p.pdf = nil, nil // one document each
	return set, pdf
}

func samePageSize(a, b string) bool {
	ga, errA := newGeometry(a, "")
	gb, errB := newGeometry(b, "")
	return errA == nil && errB == nil && ga.w == gb.w && ga.h == gb.h
}

// blankPDF is an fpdf document of the page size, without fonts.
func blankPDF(g geometry) *fpdf.Fpdf {
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm",
		Size: fpdf.SizeType{Wd: g.w, Ht: g.h}})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCompression(false) // compressed afterwards, in parallel: see finishFile
	return pdf
}

func sameFonts(a, b Fonts) bool {
	return a.Regular == b.Regular && a.Bold == b.Bold && a.Italic == b.Italic && a.BoldItalic == b.BoldItalic &&
		slices.Equal(a.Fallback, b.Fallback)
}
