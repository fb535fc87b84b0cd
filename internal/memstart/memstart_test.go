package memstart

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/briefing/report/internal/hugeheap"
)

func TestBuilds_TheCommandNamed(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want bool
	}{
		{"Gen", []string{"gen", "--config", "b.yaml"}, true},
		{"Validate", []string{"validate", "--config", "b.yaml"}, true},
		{"Values", []string{"values", "--config", "b.yaml"}, true},
		{"HelpFlagFirst", []string{"--help", "gen"}, true},
		{"Version", []string{"version"}, false},
		{"Init", []string{"init", "gen"}, false},
		{"Help", []string{"help", "gen"}, false},
		{"None", nil, false},
		{"FlagsOnly", []string{"--help"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := builds(tc.args); got != tc.want {
				t.Errorf("builds(%q) = %v, want %v", tc.args, got, tc.want)
			}
		})
	}
}

func TestSetUp(t *testing.T) {
	restore := func() {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
	}
	t.Cleanup(restore)
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}

	t.Run("GOGCSetLeavesTheRuntimeAlone", func(t *testing.T) {
		restore()
		if setUp([]string{"gen"}, env(map[string]string{"GOGC": "100"})) {
			t.Error("asked for huge pages with GOGC set")
		}
		if p := debug.SetGCPercent(100); p != 100 {
			t.Errorf("GOGC = %d with GOGC set to 100, want 100", p)
		}
		if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
			t.Errorf("memory limit %d with GOGC set, want none", l)
		}
	})
	t.Run("GOMEMLIMITSetIsKept", func(t *testing.T) {
		restore()
		setUp([]string{"version"}, env(map[string]string{"GOMEMLIMIT": "2GiB"}))
		if p := debug.SetGCPercent(100); p != gcPercent {
			t.Errorf("GOGC = %d, want %d", p, gcPercent)
		}
		if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
			t.Errorf("memory limit %d with GOMEMLIMIT set, want the runtime's", l)
		}
	})
	t.Run("VersionGetsNoHugePages", func(t *testing.T) {
		restore()
		if setUp([]string{"version"}, env(nil)) {
			t.Error("version asked for huge pages")
		}
		if l := debug.SetMemoryLimit(-1); l != memoryLimit {
			t.Errorf("memory limit %d, want %d", l, memoryLimit)
		}
		if p := debug.SetGCPercent(100); p != gcPercent {
			t.Errorf("GOGC = %d, want %d", p, gcPercent)
		}
	})
	t.Run("GenGetsHugePagesWhereTheKernelGivesThem", func(t *testing.T) {
		restore()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		huge := setUp([]string{"gen", "--config", "b.yaml"}, env(nil))
		hugeheap.Wait()
		if huge && !hugeheap.Backed() {
			t.Error("setUp reported huge pages asked for, hugeheap.Backed does not")
		}
		if !huge && hugeheap.Prepare() {
			t.Error("gen did not ask for huge pages, though the kernel gives them on request")
		}
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		if after.NumGC != before.NumGC {
			t.Errorf("setUp ran %d collections, want none: the block is freed without one", after.NumGC-before.NumGC)
		}
		if p := debug.SetGCPercent(100); p != gcPercent {
			t.Errorf("GOGC = %d after setUp, want %d", p, gcPercent)
		}
	})
}
