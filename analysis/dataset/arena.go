package dataset

import "unsafe"

// arenaSize is the size of a block of record text: the largest size class
// of Go's allocator, so a block is a small allocation.
const arenaSize = 32 << 10

// arena hands out the text of records as strings carved from blocks: a
// line is appended to the current block and returned as a string of those
// bytes, which are never written again. That is one allocation per block
// instead of one per line. A string kept keeps its whole block: code that
// keeps a few values of many rows clones them (strings.Clone).
type arena struct{ block []byte }

// text returns b as a string.
func (a *arena) text(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > cap(a.block)-len(a.block) {
		if len(b) > arenaSize/4 {
			return string(b) // a long line gets a string of its own
		}
		a.block = make([]byte, 0, arenaSize)
	}
	n := len(a.block)
	a.block = append(a.block, b...)
	return unsafe.String(&a.block[n], len(b))
}
