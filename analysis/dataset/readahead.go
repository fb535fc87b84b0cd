package dataset

import (
	"fmt"
	"io"
	"runtime/debug"
)

// The rows of a table are read, split and checked in a second goroutine,
// batches of rows ahead of the callbacks, so that a caller doing real work
// per row gets both cores. Callbacks still run one at a time in the
// caller's goroutine, in file order; an error in the data is returned after
// the rows before it; a callback's error stops the reading within a batch.
const (
	batchRows  = 256      // most rows in a batch
	batchBytes = 64 << 10 // most bytes of field text in a batch, but for its first row
	batches    = 4        // batches in flight: the memory read ahead is bounded
)

// batch is a run of rows read ahead: row i is on line lines[i], and its
// fields are at spans[i*width : (i+1)*width] of text[i], carved from the
// batch's blocks. It holds no pointer but the texts': the goroutine filling
// it does not pay for the garbage collector's write barriers on each
// field. Once its rows are done, the batch is filled again, over the same
// blocks: reading allocates nothing per row.
type batch struct {
	lines  []int
	text   []string
	blocks arena // the texts are carved from these
	spans  []span
	size   int   // bytes of text
	err    error // what ended the reading after these rows, io.EOF at the end
}

// newBatch returns an empty batch, as large as last if there is one:
// batches are made as needed, the first small, the others at the size the
// first grew to.
func newBatch(last *batch) *batch {
	if last == nil {
		return new(batch)
	}
	return &batch{
		lines: make([]int, 0, cap(last.lines)),
		text:  make([]string, 0, cap(last.text)),
		spans: make([]span, 0, cap(last.spans)),
	}
}

// full reports whether the batch has as many rows as it may hold.
func (b *batch) full() bool { return len(b.lines) >= batchRows || b.size >= batchBytes }

// readAhead calls fill in a new goroutine to fill batches of rows of width
// fields, until it sets a batch's err, and calls s.emit with each row in
// this goroutine, as row with its Line and cells set (the batch's). It
// returns the first error of a callback, or fill's error that is not
// io.EOF; it returns once the goroutine is done, so s.src is free again.
func (s *scanner) readAhead(row Row, width int, fill func(*batch)) error {
	full := make(chan *batch, batches)
	free := make(chan *batch, batches)
	done := make(chan struct{})
	var panicked any // a panic in fill, raised again in this goroutine
	go func() {
		defer close(full)
		defer func() {
			if p := recover(); p != nil {
				panicked = fmt.Sprintf("%v\n\ngoroutine reading ahead:\n%s", p, debug.Stack())
			}
		}()
		made := 0
		var b *batch
		for {
			select {
			case <-done:
				return
			case b = <-free:
			default:
				if made < batches {
					made++
					b = newBatch(b)
				} else {
					select {
					case <-done:
						return
					case b = <-free:
					}
				}
			}
			b.blocks.reset() // its rows are done
			b.lines, b.text, b.spans, b.size, b.err = b.lines[:0], b.text[:0], b.spans[:0], 0, nil
			fill(b)
			full <- b // never blocks: there are only as many batches as room
			if b.err != nil {
				return
			}
		}
	}()
	defer func() {
		close(done)
		for range full {
		}
		if panicked != nil {
			panic(panicked)
		}
	}()
	for b := range full {
		for i, line := range b.lines {
			row.Line, row.Fields, row.text, row.spans = line, nil, b.text[i], b.spans[i*width:(i+1)*width:(i+1)*width]
			if err := s.emit(row); err != nil {
				return err
			}
		}
		if b.err != nil {
			if b.err == io.EOF {
				return nil
			}
			return b.err
		}
		free <- b
	}
	return nil // fill panicked: raised again by the deferred function
}
