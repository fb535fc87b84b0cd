package dataset

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestArena_ResetReusesTheBlocks(t *testing.T) {
	defer func(was bool) { poison = was }(poison)
	poison = true
	var a arena
	kept := a.text([]byte("Russia"))
	cloned := strings.Clone(kept)
	a.reset()
	if kept != "######" {
		t.Errorf("after reset, a string not cloned reads %q, want it written over", kept)
	}
	again := a.text([]byte("Israel"))
	if kept != "Israel" || again != "Israel" {
		t.Errorf("after reset, the block is not reused: old %q, new %q", kept, again)
	}
	if cloned != "Russia" {
		t.Errorf("a cloned string changed: %q", cloned)
	}
	long := strings.Repeat("x", arenaSize)
	if got := a.text([]byte(long)); got != long || len(a.blocks) != 1 {
		t.Errorf("a line longer than a quarter block: %d bytes, %d blocks; want its own string", len(got), len(a.blocks))
	}
}

// Reading a file allocates per batch of rows at most, not per row: once
// the batches are made, their blocks of text are filled again.
func TestScan_AllocatesNothingPerRow(t *testing.T) {
	dir := t.TempDir()
	write := func(rows int) string {
		var b strings.Builder
		b.WriteString("id,supplier,recipient,year,tiv\n")
		for i := range rows {
			fmt.Fprintf(&b, "%d,Russia,China,%d,%d.5\n", i, 1990+i%35, i%97)
		}
		path := filepath.Join(dir, fmt.Sprintf("r%d.csv", rows))
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	allocs := func(path string) float64 {
		return testing.AllocsPerRun(5, func() {
			if _, err := Scan(Spec{Path: path}, nil, nil); err != nil {
				t.Fatal(err)
			}
		})
	}
	small, large := allocs(write(2_000)), allocs(write(40_000))
	if large-small > 20 {
		t.Errorf("reading 38,000 more rows took %.0f more allocations (%.0f against %.0f): the reading allocates per row", large-small, large, small)
	}
}
