package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/period"
	"github.com/fsnotify/fsnotify"
)

// debounce is how long a burst of saves is waited out before a rebuild:
// an editor writes a file in several steps, a spreadsheet in more.
const debounce = 300 * time.Millisecond

// runWatch builds the briefing, then again whenever one of its inputs
// changes — the config, a narrative file, a data file, the earlier export,
// the logo, a font — until stop is closed (or Ctrl-C ends the process,
// which removes any PDF half-written). Problems are printed and the
// watch goes on; each PDF is written atomically, so a viewer that reloads
// on change shows the new edition whole.
func runWatch(o *genOptions, clock period.Clock, log *logger) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return inputErr(fmt.Errorf("--watch: %w", err))
	}
	defer w.Close()
	in := watchSet{}
	watch := func() {
		next := inputsOf(o)
		if len(next.files)+len(next.globs) <= 1 && len(in.files) > 1 {
			next = in.with(o.Config) // the config does not load: keep watching what it read
		}
		in = next
		for _, d := range in.dirs() {
			_ = w.Add(d) // a folder that is gone is watched again once back
		}
	}
	rebuild := func() {
		watch() // first, so that a save during the build is seen
		if err := genOnce(o, clock, log); err != nil {
			printError(o.Streams.Err, err)
		}
		saveCache() // a watch ends by an interrupt: Main does not save
		watch()
		if !o.Quiet {
			fmt.Fprintf(o.Streams.Out, "watching %d inputs for changes (Ctrl-C to stop)\n", len(in.files)+len(in.globs))
		}
	}
	rebuild()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-o.Stop:
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Rename|fsnotify.Remove) != 0 && in.has(ev.Name) {
				timer.Reset(debounce)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			fmt.Fprintf(o.Streams.Err, "report: --watch: %v\n", err)
		case <-timer.C:
			rebuild()
		}
	}
}

// watchSet is the inputs of a briefing: files, and glob patterns whose
// matches come and go.
type watchSet struct {
	files map[string]bool
	globs []string
}

// inputsOf loads the config, problems or not, and lists what it reads.
func inputsOf(o *genOptions) watchSet {
	s := watchSet{files: map[string]bool{}}
	s.add(o.Config)
	c, _ := config.Load(o.Config, config.Options{Env: o.Env, Sets: o.Sets, Params: o.Params})
	if c == nil {
		return s
	}
	for _, p := range c.Inputs() {
		s.add(p)
	}
	return s
}

func (s *watchSet) add(path string) {
	if path == "" {
		return
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return
	}
	if strings.ContainsAny(abs, "*?[") {
		s.globs = append(s.globs, abs)
		return
	}
	s.files[abs] = true
}

// with is the set with one more file.
func (s watchSet) with(path string) watchSet {
	out := watchSet{files: map[string]bool{}, globs: s.globs}
	for f := range s.files {
		out.files[f] = true
	}
	out.add(path)
	return out
}

// has reports whether path is one of the inputs.
func (s watchSet) has(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	if s.files[abs] {
		return true
	}
	for _, g := range s.globs {
		if ok, _ := filepath.Match(g, abs); ok {
			return true
		}
	}
	return false
}

// dirs are the folders to watch: an editor that saves by writing a new
// file and renaming it over the old one replaces the file, so the folder
// is watched rather than the file.
func (s watchSet) dirs() []string {
	set := map[string]bool{}
	for f := range s.files {
		set[filepath.Dir(f)] = true
	}
	for _, g := range s.globs {
		d := filepath.Dir(g)
		for strings.ContainsAny(d, "*?[") {
			d = filepath.Dir(d)
		}
		set[d] = true
	}
	var out []string
	for d := range set {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			out = append(out, d)
		}
	}
	sort.Strings(out)
	return out
}
