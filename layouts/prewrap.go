package layouts

import (
	"sync"

	"github.com/briefing/report/internal/hyphen"
)

// A wrapper breaks the lines of the body's paragraphs at the body frame's
// width (a callout's at the box's) before pagination, which then finds
// them broken: on a second goroutine while the body is still being built
// (parsing the Markdown and measuring the words of what follows), then on
// both goroutines for the ones left. Breaking lines is most of the layout's time, and each
// paragraph's lines depend on its words and the width alone. The second
// goroutine measures with its own metrics, shaping and hyphenation (each
// keeps what it found, so none is shared), which give the same numbers:
// the lines are the ones pagination would break, whichever goroutine
// breaks them.
type wrapper struct {
	e     *env
	width float64
	queue chan wrapJob // offered, not yet taken by either goroutine
	done  sync.WaitGroup
}

// wrapJob is a paragraph to break at a width.
type wrapJob struct {
	p     *paragraph
	width float64
}

// wrapQueue is how many paragraphs may wait for the second goroutine: the
// builder breaks one itself rather than wait for room.
const wrapQueue = 512

// startWrapper starts the second goroutine.
func startWrapper(e *env) *wrapper {
	w := &wrapper{e: e, width: e.geo.frameW, queue: make(chan wrapJob, wrapQueue)}
	w.done.Add(1)
	go w.run()
	return w
}

// run breaks the paragraphs offered until the queue is closed and empty.
func (w *wrapper) run() {
	defer w.done.Done()
	// A panic here is a bug: the paragraph it broke off is left unbroken
	// and broken again on the caller's goroutine, where it is reported;
	// the others are taken from the queue by finish.
	defer func() { _ = recover() }()
	other, err := w.e.forGoroutine() // reads only what the builder never writes
	if err != nil {
		return
	}
	for j := range w.queue {
		j.p.layoutIn(other, j.width)
	}
}

// offer queues the paragraphs among blocks, which the builder has
// finished and will not change, to be broken.
func (w *wrapper) offer(blocks ...block) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *paragraph:
			w.offerOne(b, w.width)
		case *box:
			for _, in := range b.heads() {
				if p, ok := in.(*paragraph); ok {
					w.offerOne(p, b.innerW(w.width))
				}
			}
		}
	}
}

// offerOne queues p to be broken at width, or breaks it when the queue is
// full.
func (w *wrapper) offerOne(p *paragraph, width float64) {
	if p.lines != nil {
		return
	}
	select {
	case w.queue <- wrapJob{p, width}:
	default:
		p.layoutIn(w.e, width)
	}
}

// finish breaks the paragraphs left, on this goroutine and the second,
// and returns once both are done.
func (w *wrapper) finish() {
	close(w.queue)
	for j := range w.queue {
		j.p.layoutIn(w.e, j.width)
	}
	w.done.Wait()
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
