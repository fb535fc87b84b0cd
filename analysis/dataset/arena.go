package dataset

import "unsafe"

// arenaSize is the size of a block of record text: the largest size class
// of Go's allocator, so a block is a small allocation.
const arenaSize = 32 << 10

// arena hands out the text of records as strings carved from blocks: a
// line is appended to a block and returned as a string of those bytes.
// That is one allocation per block instead of one per line, and none once
// a batch's blocks are reused (reset).
type arena struct {
	blocks [][]byte
	cur    int // the block being filled
}

// poison writes '#' over the text of a reset arena, so that a string kept
// past its row's callback without strings.Clone shows as garbage: set by
// builds with -tags reportpoison (see poison.go), which CI tests with.
var poison bool

// text returns b as a string, valid until the next reset.
func (a *arena) text(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) > arenaSize/4 {
		return string(b) // a long line gets a string of its own
	}
	for a.cur < len(a.blocks) && len(b) > cap(a.blocks[a.cur])-len(a.blocks[a.cur]) {
		a.cur++
	}
	if a.cur == len(a.blocks) {
		a.blocks = append(a.blocks, make([]byte, 0, arenaSize))
	}
	block := a.blocks[a.cur]
	n := len(block)
	block = append(block, b...)
	a.blocks[a.cur] = block
	return unsafe.String(&block[n], len(b))
}

// reset makes the blocks free for new text. The strings handed out before
// must no longer be in use: their bytes will be written over.
func (a *arena) reset() {
	for i, block := range a.blocks {
		if poison {
			for k := range block {
				block[k] = '#'
			}
		}
		a.blocks[i] = block[:0]
	}
	a.cur = 0
}
