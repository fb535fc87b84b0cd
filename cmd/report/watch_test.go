package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer two goroutines may share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor polls cond for up to ten seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("waited 10 s for %s", what)
}

// --watch rebuilds when a narrative file is saved (as editors do, by
// renaming a new file over it), prints a broken config's problems and
// goes on, builds again once it is fixed, and stops leaving no temporary
// file behind.
func TestGen_WatchRebuildsOnSave(t *testing.T) {
	dir := t.TempDir()
	reg, _ := filepath.Abs("../../testdata/sipri/registers/trade-register-generated-2026-02-12.csv")
	cfg := filepath.Join(dir, "briefing.yaml")
	good := strings.Replace(strings.Replace(eachBriefing, "REGISTER", reg, 1), "FOREACH", "", 1)
	good = strings.Replace(good, "      - text: \"Russia delivered", "      - text: story.md\n      - text: \"Russia delivered", 1)
	os.WriteFile(cfg, []byte(good), 0o644)
	story := filepath.Join(dir, "story.md")
	os.WriteFile(story, []byte("First draft.\n"), 0o644)
	out := filepath.Join(dir, "b.pdf")
	var stdout, stderr syncBuffer
	stop := make(chan struct{})
	o := &genOptions{Config: cfg, Out: out, AsOf: "2026-03-02", Watch: true, Streams: Streams{Out: &stdout, Err: &stderr}, Now: time.Now, Stop: stop}
	done := make(chan error, 1)
	go func() { done <- runGen(o) }()

	waitFor(t, "the first build", func() bool { return strings.Contains(stdout.String(), "watching") })
	first, _ := os.ReadFile(out)
	// an editor saves by writing a new file and renaming it over the old
	tmp := filepath.Join(dir, ".story.md.swp")
	os.WriteFile(tmp, []byte("Second draft, much longer than the first.\n"), 0o644)
	os.Rename(tmp, story)
	waitFor(t, "a rebuild after the save", func() bool { b, _ := os.ReadFile(out); return len(b) > 0 && !bytes.Equal(b, first) })

	second, _ := os.ReadFile(out)
	os.WriteFile(cfg, []byte(strings.Replace(good, "period: 2025-Q3", "period: 2025-Q9", 1)), 0o644)
	waitFor(t, "the problem printed", func() bool { return strings.Contains(stderr.String(), `"2025-Q9" is not a period`) })
	if b, _ := os.ReadFile(out); !bytes.Equal(b, second) {
		t.Error("a broken config replaced the PDF")
	}
	os.WriteFile(cfg, []byte(strings.Replace(good, "period: 2025-Q3", "period: 2025-Q2", 1)), 0o644)
	waitFor(t, "a rebuild once fixed", func() bool { b, _ := os.ReadFile(out); return len(b) > 0 && !bytes.Equal(b, second) })

	close(stop)
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("watch ended with %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("watch did not stop")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	if !strings.Contains(stdout.String(), "watching 3 inputs") {
		t.Errorf("stdout: %s", stdout.String())
	}
}
