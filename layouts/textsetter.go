package layouts

// TextSetter sets short texts (the labels of a chart painted on a bitmap)
// as a page sets them: in visual order, right-to-left text shaped, and cut
// into runs of one font each, the characters the regular face lacks from
// the fallbacks. It is not safe for use by several goroutines at once.
type TextSetter struct {
	fs *fontSet
}

// TextRun is a part of a text painted in one font.
type TextRun struct {
	Text string
	// Font is the TrueType file the run is painted in; the same bytes
	// (the same first byte) for every run of one font.
	Font []byte
}

// NewTextSetter reads fonts (the Go fonts for empty paths; each file is
// parsed once per process).
func NewTextSetter(fonts Fonts) (*TextSetter, error) {
	fs, err := loadFonts(fonts)
	if err != nil {
		return nil, err
	}
	return &TextSetter{fs: fs}, nil
}

// Runs cuts s, in regular style, into the runs it is painted in, left to
// right.
func (t *TextSetter) Runs(s string) []TextRun {
	var out []TextRun
	for _, r := range t.fs.runs(t.fs.visual(s, 0), 0) {
		out = append(out, TextRun{Text: r.text, Font: t.fs.faces[r.face].data})
	}
	return out
}
