package layouts

import (
	"sync"

	"github.com/briefing/report/internal/hyphen"
)

// A wrapper breaks the lines of the body's paragraphs at the body frame's
// width before pagination, which then finds them broken: on a second
// goroutine while the body is still being built (parsing the Markdown and
// measuring the words of what follows), then on both goroutines for the
// ones left. Breaking lines is most of the layout's time, and each
// paragraph's lines depend on its words and the width alone. The second
// goroutine measures with its own metrics, shaping and hyphenation (each
// keeps what it found, so none is shared), which give the same numbers:
// the lines are the ones pagination would break, whichever goroutine
// breaks them.
type wrapper struct {
	e     *env
	width float64
	queue chan *paragraph // offered, not yet taken by either goroutine
	done  sync.WaitGroup
}

// wrapQueue is how many paragraphs may wait for the second goroutine: the
// builder breaks one itself rather than wait for room.
const wrapQueue = 512

// startWrapper starts the second goroutine.
func startWrapper(e *env) *wrapper {
	w := &wrapper{e: e, width: e.geo.frameW, queue: make(chan *paragraph, wrapQueue)}
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
	for p := range w.queue {
		p.layoutIn(other, w.width)
	}
}

// offer queues the paragraphs among blocks, which the builder has
// finished and will not change, to be broken.
func (w *wrapper) offer(blocks ...block) {
	for _, b := range blocks {
		p, ok := b.(*paragraph)
		if !ok || p.lines != nil {
			continue
		}
		select {
		case w.queue <- p:
		default:
			p.layoutIn(w.e, w.width)
		}
	}
}

// finish breaks the paragraphs left, on this goroutine and the second,
// and returns once both are done.
func (w *wrapper) finish() {
	close(w.queue)
	for p := range w.queue {
		p.layoutIn(w.e, w.width)
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
