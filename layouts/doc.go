// Package layouts turns a briefing's blocks into pages and writes the PDF.
//
// The model is ReportLab's platypus. A Document is a cover, a table of
// contents and a list of sections; each section is a list of Content blocks
// (Markdown narrative, Figures, Tables). Internally every piece of content
// becomes one or more flowables: a flowable measures itself for a width
// (wrap), may split at the end of a page (split) and draws itself at the
// position the frame gives it (draw). Flowables never know where they sit.
//
// Pagination is pure: Layout packs the flowables into the frames of page
// templates and returns a Plan — pages with the coordinates of every placed
// block — without drawing anything. Text is measured with the metrics of the
// very fonts that are embedded, read from the same font files, so what is
// measured is what is drawn. The table of contents (and the
// optional list of figures) keeps a column of fixed width for page numbers,
// so the numbers move nothing: one pass places every block, and the pages
// it finds for the headings and figures are filled into the contents.
//
// Render takes the Plan to fpdf: page decorations (classification banners,
// running header, "Page N of M" footer) first, then each placed block, then
// what lies above the content — the layout outlines when debugging and the
// translucent DRAFT watermark — then links, bookmarks and metadata. The
// output depends only on the Document: the same inputs give the same bytes.
//
// Problems that stop the document are errors (a footnote used but defined
// nowhere is a *SourceError naming its file); problems that do not (text no
// font can draw, an unused footnote) are Warnings.
package layouts
