// Package mdext is the parsing half of the four goldmark extensions report's
// Markdown uses: footnotes, tables, typographic punctuation and bare URLs
// made links. It is copied from github.com/yuin/goldmark v1.8.7's extension
// package (MIT, see LICENSE), whose HTML renderers report does not use.
//
// It is a copy because of what loading goldmark's package costs: it
// compiles its regular expressions as it loads, linkify's two with
// repetitions of up to 256 among them, 0.86 ms of every run of report
// (0.75 ms of `report version`'s 6.5, timed over 300 alternated runs), on
// the one core a Go program starts on, whatever the briefing. Here those
// two are matched by hand (urls.go) and the table's delimiter row's four
// are compiled when a table first turns up, and the typographer writes its
// quotes and dashes as characters instead of HTML entities (report reads
// text, and resolving one entity builds goldmark's table of all of them);
// the rest is goldmark's code as it was. TestSameTreeAsGoldmark parses the
// same Markdown with both and compares the trees as read; goldmark's
// extension package stays a dependency of the tests only.
//
// To move to a newer goldmark: diff its extension/footnote.go, table.go,
// typographer.go and linkify.go against v1.8.7's and carry the changes
// over.
package mdext
