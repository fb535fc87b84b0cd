package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// hugeheap and codestart, which set the process up, initialise before
// package syscall, right after the runtime's own packages, hugeheap first
// (codestart imports it): they import nothing that syscall's
// initialisation comes before (rawsys, procfs). An import of syscall,
// strings or os in any of the four would move them after it. The test
// binary, which links them as report does, is run again with the
// runtime's trace of the initialisation.
func TestInit_BeforeSyscallHugeheapFirst(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run", "^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	at := map[string]int{}
	n := 0
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) > 1 && f[0] == "init" {
			at[f[1]] = n
			n++
		}
	}
	const (
		hugeheap  = "github.com/briefing/report/internal/hugeheap"
		codestart = "github.com/briefing/report/internal/codestart"
	)
	sys, ok := at["syscall"]
	if !ok {
		t.Skipf("no trace of package syscall's initialisation:\n%s", out)
	}
	h, okH := at[hugeheap]
	c, okC := at[codestart]
	if !okH || !okC {
		t.Fatalf("no trace of hugeheap's or codestart's initialisation:\n%s", out)
	}
	if !(h < c && c < sys) {
		t.Errorf("initialised hugeheap at %d, codestart at %d, syscall at %d (of the packages with an initialisation): want hugeheap, then codestart, before syscall", h+1, c+1, sys+1)
	}
}
