package main

import (
	"path/filepath"
	"testing"

	"github.com/briefing/report/internal/hugeheap"
)

// TestGen_AsksForHugePages: once gen has run, the process has asked for
// huge pages wherever the kernel gives them on request, so a Prepare after
// it has nothing left to do.
func TestGen_AsksForHugePages(t *testing.T) {
	if !tuned {
		t.Skip("GOGC is set: report leaves the runtime's memory as the user set it")
	}
	code, out, errs := run(t, nil, "gen", "--config", sample, "--out", filepath.Join(t.TempDir(), "b.pdf"), "--as-of", "2026-03-02", "-q")
	if code != exitOK {
		t.Fatalf("exit %d: %s%s", code, out, errs)
	}
	if hugeheap.Prepare(heapBlock) {
		t.Error("gen did not ask for huge pages, though the kernel gives them on request")
	}
}
