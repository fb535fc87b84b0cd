package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestCacheDir(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("report remembers hashes on Linux only")
	}
	tests := []struct {
		env  []string
		want string
	}{
		{[]string{"HOME=/home/ana"}, "/home/ana/.cache/report"},
		{[]string{"HOME=/home/ana", "XDG_CACHE_HOME=/var/cache/ana"}, "/var/cache/ana/report"},
		{[]string{"HOME=/home/ana", "XDG_CACHE_HOME=relative"}, "/home/ana/.cache/report"}, // as the XDG spec says: ignored
		{[]string{"HOME=/home/ana", "REPORT_CACHE=/tmp/c"}, "/tmp/c"},
		{[]string{"HOME=/home/ana", "REPORT_CACHE=off"}, ""},
		{nil, ""},
	}
	for _, tc := range tests {
		if got := cacheDir(tc.env); got != tc.want {
			t.Errorf("cacheDir(%q) = %q, want %q", tc.env, got, tc.want)
		}
	}
}

// A second run over unchanged data takes the files' SHA-256 from the cache
// the first one wrote, and writes the same manifest.
func TestGen_SecondRunRemembersHashes(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("report remembers hashes on Linux only")
	}
	dir := filepath.Join(t.TempDir(), "b")
	if code, out, errs := run(t, nil, "init", dir); code != exitOK {
		t.Fatalf("init: exit %d %s%s", code, out, errs)
	}
	time.Sleep(2100 * time.Millisecond) // its files were written just now: not remembered before (hashcache's racy window)
	env := []string{"REPORT_CACHE=" + filepath.Join(dir, "cache")}
	cfg := filepath.Join(dir, "briefing.yaml")
	var manifests []string
	for i := range 2 {
		out := filepath.Join(dir, "out.pdf")
		code, _, errs := run(t, env, "gen", "--config", cfg, "--out", out, "--as-of", "2025-11-26", "-v")
		if code != exitOK {
			t.Fatalf("gen: exit %d %s", code, errs)
		}
		remembered := strings.Count(errs, "hashes_remembered=1")
		if read := strings.Count(errs, `msg="dataset read"`); read == 0 || (i == 0) != (remembered == 0) || i == 1 && remembered != read {
			t.Errorf("run %d: %d of %d datasets' files remembered:\n%s", i+1, remembered, read, errs)
		}
		m, err := os.ReadFile(filepath.Join(dir, "out.manifest.json"))
		if err != nil {
			t.Fatal(err)
		}
		manifests = append(manifests, string(m))
	}
	if manifests[0] != manifests[1] {
		t.Errorf("the manifests differ:\n%s\n%s", manifests[0], manifests[1])
	}
	if _, err := os.Stat(filepath.Join(dir, "cache", "file-hashes")); err != nil {
		t.Error(err)
	}
}
