package procfs

import (
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

const sampleMaps = `00400000-00fcd000 r-xp 00000000 fe:00 9978109                            /usr/bin/report
01e4a000-03e97000 rw-p 00000000 00:00 0 
7fae80000000-7fae80001000 r-xp 00000000 fe:00 11                         /opt/my report/report
7ffc46da8000-7ffc46dc9000 rw-p 00000000 00:00 0                          [stack]`

func TestMappings(t *testing.T) {
	want := []Mapping{
		{0x400000, 0xfcd000, "r-xp", "/usr/bin/report"},
		{0x1e4a000, 0x3e97000, "rw-p", ""},
		{0x7fae80000000, 0x7fae80001000, "r-xp", "/opt/my report/report"},
		{0x7ffc46da8000, 0x7ffc46dc9000, "rw-p", "[stack]"},
	}
	if got := Mappings(sampleMaps); !reflect.DeepEqual(got, want) {
		t.Errorf("Mappings =\n%+v\nwant\n%+v", got, want)
	}
	t.Run("Malformed", func(t *testing.T) {
		bad := "zz400000-00fcd000 r-xp 0 fe:00 1 /r\n00fcd000 r--p 0 fe:00 1 /r\n01000000-00fcd000 r--p 0 fe:00 1 /r\n01000000-02000000 r--p\n\n"
		if got := Mappings(bad); got != nil {
			t.Errorf("malformed lines gave %+v", got)
		}
	})
}

func TestBracketed(t *testing.T) {
	for in, want := range map[string]string{
		"always [madvise] never\n": "madvise",
		"[always] madvise never":   "always",
		"always madvise [never]":   "never",
		"always madvise never":     "",
		"always [madvise":          "",
		"":                         "",
	} {
		if got := Bracketed(in); got != want {
			t.Errorf("Bracketed(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDecimal(t *testing.T) {
	for in, want := range map[string]int{"2097152\n": 2097152, "0": 0, "536870912 \n": 536870912} {
		if got, ok := Decimal(in); !ok || got != want {
			t.Errorf("Decimal(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "\n", "2M", "-1", "0x200000", strings.Repeat("9", 19)} {
		if got, ok := Decimal(in); ok {
			t.Errorf("Decimal(%q) = %d, want not ok", in, got)
		}
	}
}

// The test reads its own process: the mapping of its code, and a setting
// of /proc.
func TestReadFile_TheProcessItself(t *testing.T) {
	ms := Mappings(ReadFile("/proc/self/maps"))
	if len(ms) == 0 {
		t.Skip("no /proc/self/maps here")
	}
	exec := 0
	for _, m := range ms {
		if strings.Contains(m.Perms, "x") && m.Path != "" {
			exec++
		}
	}
	if exec == 0 {
		t.Errorf("no executable mapping with a path among %d", len(ms))
	}
	if ReadFile("/proc/self/no-such-file") != "" {
		t.Error("a missing file read as text")
	}
}

// Getenv reads the environment the process started with: the test is run
// again with a variable set, a second that its name begins, and an empty
// one.
func TestGetenv_AsTheProcessStarted(t *testing.T) {
	if os.Getenv("PROCFS_GETENV_CHILD") == "" {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestGetenv_AsTheProcessStarted$")
		cmd.Env = append(os.Environ(), "PROCFS_GETENV_CHILD=1", "PROCFS_X=a=b", "PROCFS_XY=c", "PROCFS_EMPTY=")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return
	}
	for _, tc := range []struct {
		key, want string
		ok        bool
	}{
		{"PROCFS_X", "a=b", true},
		{"PROCFS_XY", "c", true},
		{"PROCFS_EMPTY", "", true},
		{"PROCFS", "", false},
		{"PROCFS_MISSING", "", false},
	} {
		if got, ok := Getenv(tc.key); got != tc.want || ok != tc.ok {
			t.Errorf("Getenv(%q) = %q, %v; want %q, %v", tc.key, got, ok, tc.want, tc.ok)
		}
	}
}
