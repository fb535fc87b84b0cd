package main

import (
	"bytes"
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

// A run over unchanged data takes what the analyses computed from the run
// before and makes the same briefing to the byte; once a data file is
// changed, that dataset's analyses count it again (the others are still
// taken), and the briefing is the one a run with no cache makes.
func TestGen_ResultsRememberedUntilTheDataChanges(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("report remembers hashes on Linux only")
	}
	dir := filepath.Join(t.TempDir(), "b")
	if code, out, errs := run(t, nil, "init", dir); code != exitOK {
		t.Fatalf("init: exit %d %s%s", code, out, errs)
	}
	time.Sleep(2100 * time.Millisecond) // its files were written just now: not remembered before (hashcache's racy window)
	cfg := filepath.Join(dir, "briefing.yaml")
	gen := func(cache, out string) (pdf []byte, log string) {
		t.Helper()
		env := []string{"REPORT_CACHE=" + cache, "SOURCE_DATE_EPOCH=1772409600"}
		code, _, errs := run(t, env, "gen", "--config", cfg, "--out", out, "--as-of", "2025-11-26", "-v")
		if code != exitOK {
			t.Fatalf("gen: exit %d %s", code, errs)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return b, errs
	}
	recalled := func(log string) (yes, no int) {
		return strings.Count(log, "results_remembered=true"), strings.Count(log, "results_remembered=false")
	}
	cache := filepath.Join(dir, "cache")
	first, log1 := gen(cache, filepath.Join(dir, "1.pdf"))
	second, log2 := gen(cache, filepath.Join(dir, "2.pdf"))
	if yes, no := recalled(log1); yes != 0 || no == 0 {
		t.Errorf("first run: %d datasets' results recalled, %d computed; want none recalled:\n%s", yes, no, log1)
	}
	if yes, no := recalled(log2); yes == 0 || no != 0 {
		t.Errorf("second run: %d datasets' results recalled, %d computed; want all recalled:\n%s", yes, no, log2)
	}
	if !bytes.Equal(first, second) {
		t.Error("the second run's briefing differs from the first's")
	}

	data := filepath.Join(dir, "data", "agreements.csv")
	b, err := os.ReadFile(data)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSuffix(string(b), "\n"), "\n")
	if err := os.WriteFile(data, []byte(strings.Join(lines[:len(lines)-1], "")), 0o644); err != nil { // a row fewer
		t.Fatal(err)
	}
	third, log3 := gen(cache, filepath.Join(dir, "3.pdf"))
	uncached, _ := gen("off", filepath.Join(dir, "4.pdf"))
	if yes, no := recalled(log3); yes == 0 || no != 1 || !strings.Contains(log3, "name=agreements files=1 hashes_remembered=0 results_remembered=false") {
		t.Errorf("after a change to agreements.csv: %d datasets' results recalled, %d computed; want all but agreements recalled:\n%s", yes, no, log3)
	}
	if bytes.Equal(third, second) || !bytes.Equal(third, uncached) {
		t.Errorf("after a change to the data: the briefing is the one before it (%v), the one a run without a cache makes (%v); want only the second",
			bytes.Equal(third, second), bytes.Equal(third, uncached))
	}
}
