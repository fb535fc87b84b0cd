package layouts

import (
	"bytes"
	"fmt"
	"io"
	"sort"

	"codeberg.org/go-pdf/fpdf"
)

// Layout paginates doc without drawing it: the plan says where every block
// goes. Render uses the same layout.
func Layout(doc Document) (*Plan, error) {
	e, err := newEnv(doc)
	if err != nil {
		return nil, err
	}
	return layout(e)
}

// layout builds the flowables and paginates them, once. The contents and
// the list of figures print the pages found, in a column of fixed width
// (tocLine.pageColumn): page numbers move nothing, so the one pass that
// finds them has placed everything where it stays, and the numbers are
// only filled in.
func layout(e *env) (*Plan, error) {
	wrap := startWrapper(e)
	front, body, _, err := build(e, wrap)
	wrap.finish()
	if err != nil {
		return nil, err
	}
	blocks := append(front, body...)
	plan, err := paginate(e, blocks)
	if err != nil {
		return nil, err
	}
	e.pages = make(map[string]int, len(plan.anchors))
	for name, a := range plan.anchors {
		e.pages[name] = a.page
	}
	plan.numberContents()
	checkLinks(e, blocks, plan)
	plan.truncated = append([]string(nil), e.truncated...)
	plan.Warnings = append([]Warning(nil), e.warns...)
	return plan, nil
}

// Render lays out doc and writes the PDF to w. Errors are returned, never
// drawn into the PDF; problems that do not stop the document (text no font
// can draw, unreferenced footnotes) are in Result.Warnings.
//
// The fpdf document (page size, logo, metadata) is set up on its own
// goroutine while the layout runs. It touches nothing the layout writes,
// and Render waits for it whatever happens.
func Render(doc Document, w io.Writer) (Result, error) {
	return RenderPrepared(doc, w, nil)
}

// RenderPrepared is Render with the PDF's set-up started by Prepare.
func RenderPrepared(doc Document, w io.Writer, prep *Prepared) (Result, error) {
	set, prepared := prep.take(doc)
	e, err := newEnvWith(doc, set)
	if err != nil {
		return Result{}, err
	}
	type setup struct {
		pdf *fpdf.Fpdf
		err error
	}
	ready := make(chan setup, 1)
	go func() {
		if prepared != nil {
			pdf, err := finishPDF(e, prepared)
			ready <- setup{pdf, err}
			return
		}
		pdf, err := newPDF(e)
		ready <- setup{pdf, err}
	}()
	plan, err := layout(e)
	s := <-ready
	if err != nil {
		return Result{}, err
	}
	if s.err != nil {
		return Result{}, s.err
	}
	if err := draw(e, plan, s.pdf); err != nil {
		return Result{}, err
	}
	// the fonts are subset while fpdf writes its output and the finishing
	// pass reads it
	subsets := startSubsets(e.fonts)
	plain, err := fpdfOutput(s.pdf)
	if err != nil {
		return Result{}, fmt.Errorf("write pdf: %w", err)
	}
	data, err := finishFile(plain, e.doc, e.tags, e.texts, e.fonts, subsets)
	if err != nil {
		return Result{}, err
	}
	if err := deliver(w, data); err != nil {
		return Result{}, fmt.Errorf("write pdf: %w", err)
	}
	plan.Warnings = append([]Warning(nil), e.warns...)
	plan.truncated = append([]string(nil), e.truncated...)
	return Result{Pages: len(plan.Pages), Warnings: plan.Warnings, Plan: plan}, nil
}

// deliver writes the finished file to w. An empty bytes.Buffer takes the
// file's bytes as its own (nothing else holds them) instead of a copy: the
// file is hundreds of kilobytes, each page of them touched afresh.
func deliver(w io.Writer, data []byte) error {
	if b, ok := w.(*bytes.Buffer); ok && b.Len() == 0 {
		*b = *bytes.NewBuffer(data)
		return nil
	}
	_, err := w.Write(data)
	return err
}

// newPDF makes the fpdf document: page size, logo and metadata. It reads
// the env's document and logo and writes nothing in the env.
func newPDF(e *env) (*fpdf.Fpdf, error) {
	return finishPDF(e, blankPDF(e.geo))
}

// finishPDF adds the logo and the metadata to a blank PDF.
func finishPDF(e *env, pdf *fpdf.Fpdf) (*fpdf.Fpdf, error) {
	if e.logo != nil {
		if err := e.logo.register(pdf); err != nil {
			return nil, err
		}
	}
	metadata(pdf, e.doc)
	return pdf, nil
}

// draw takes the plan to fpdf: link targets, then page by page the
// decoration, the placed blocks and the overlay, with bookmarks for
// headings.
func draw(e *env, plan *Plan, pdf *fpdf.Fpdf) error {
	c := &canvas{pdf: pdf, e: e, anchors: map[string]int{}, pages: len(plan.Pages), face: -1}
	names := make([]string, 0, len(plan.anchors))
	for n := range plan.anchors {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		a := plan.anchors[n]
		id := pdf.AddLink()
		pdf.SetLink(id, a.y, a.page)
		c.anchors[n] = id
	}

	level := -1
	for i := range plan.Pages {
		pg := &plan.Pages[i]
		pdf.AddPage()
		c.page, c.mcid = pg.Number, 0
		c.forget()
		c.beginTag("", "", "")
		if err := c.decorate(pg); err != nil {
			return err
		}
		c.endTag()
		for _, it := range pg.Items {
			if err := c.drawTagged(it.b, it.X, it.Y, it.W, ""); err != nil {
				return fmt.Errorf("page %d: %w", pg.Number, err)
			}
			c.flushText() // nothing open past a block (shareText ends it)
			if err := check(pdf, fmt.Sprintf("page %d: %s", pg.Number, it.Kind)); err != nil {
				return err
			}
		}
		c.beginTag("", "", "")
		if err := c.overlay(pg); err != nil {
			return err
		}
		c.endTag()
		for _, h := range plan.Headings {
			if h.Page != pg.Number {
				continue
			}
			// outline levels may rise by one at a time only
			l := min(h.Level-1, level+1)
			level = l
			label := h.Title
			if h.Number != "" {
				label = h.Number + " " + h.Title
			}
			// fpdf encodes a title as UTF-16 only under a font of its own
			pdf.Bookmark(utf16Text(label), l, h.Y)
		}
	}
	return check(pdf, "draw")
}

// metadata sets the document information, all deterministic.
func metadata(pdf *fpdf.Fpdf, d *Document) {
	m := archiveMetaOf(d) // the XMP of a PDF/A file says the same
	pdf.SetTitle(m.Title, true)
	pdf.SetAuthor(m.Author, true)
	pdf.SetSubject(m.Subject, true)
	pdf.SetKeywords(m.Keywords, true)
	pdf.SetCreator(m.Creator, true)
	pdf.SetProducer(m.Producer, true)
	pdf.SetCreationDate(m.Date)
	pdf.SetModificationDate(m.Date)
	pdf.SetCatalogSort(true)
	pdf.SetLang(d.language())
	pdf.SetDisplayMode("fullwidth", "continuous")
}
