// Package truetype reads the tables of a TrueType font file and writes
// subsets of it, for embedding in a PDF: the numbers a PDF font descriptor
// and width array need, and a copy of the font with only the glyphs a
// document draws.
//
// A subset keeps every glyph ID where it is (the unused glyphs are made
// empty): a PDF's CIDToGIDMap points at the glyphs by their IDs in the
// full font, and one parse of a file serves every document made from it.
package truetype
