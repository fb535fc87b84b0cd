package layouts

import (
	"sync"

	"github.com/briefing/report/internal/hyphen"
)

// minPrewrap is the fewest body paragraphs worth a second goroutine.
const minPrewrap = 8

// prewrap breaks the lines of the body's paragraphs at the body frame's
// width before pagination, which then finds them broken: every other
// paragraph on a second goroutine. Breaking lines is most of the layout's
// time, and each paragraph's lines depend on its words and the width
// alone. The second goroutine measures with its own metrics, shaping and
// hyphenation (each keeps what it found, so none is shared), which give
// the same numbers: the lines are the ones pagination would break.
func prewrap(e *env, body []block) {
	var ps []*paragraph
	for _, b := range body {
		if p, ok := b.(*paragraph); ok && p.lines == nil {
			ps = append(ps, p)
		}
	}
	if len(ps) < minPrewrap {
		return
	}
	other, err := e.forGoroutine()
	if err != nil {
		return
	}
	w := e.geo.frameW
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		// A panic here is a bug; the paragraphs left are broken again on
		// the caller's goroutine, where it is reported.
		defer func() { _ = recover() }()
		for i := 1; i < len(ps); i += 2 {
			ps[i].layoutIn(other, w)
		}
	}()
	for i := 0; i < len(ps); i += 2 {
		ps[i].layoutIn(e, w)
	}
	wg.Wait()
}

// forGoroutine returns a copy of e that measures text with caches of its
// own (metrics, the fonts' glyph and shaping caches, hyphenation), for
// breaking lines on another goroutine while e is used. It writes nothing
// that e reads.
func (e *env) forGoroutine() (*env, error) {
	fs := e.fonts.fresh()
	m, err := newMetrics(fs)
	if err != nil {
		return nil, err
	}
	other := &env{doc: e.doc, fonts: fs, m: m, th: e.th, geo: e.geo}
	if e.hy != nil {
		if other.hy, err = hyphen.New(e.doc.language(), e.doc.NoHyphenate); err != nil {
			return nil, err
		}
	}
	return other, nil
}
