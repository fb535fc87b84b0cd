package codestart

// hugeheap initialises first: its advice on the heap's first mapping
// takes the address space's lock for writing, which the mapping ahead
// holds for reading a millisecond at a time.
import _ "github.com/briefing/report/internal/hugeheap"
