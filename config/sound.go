package config

import (
	"maps"
	"strings"

	"github.com/briefing/report/internal/lazyregexp"
)

// Removed names what Sound left out of a config: datasets, analyses and
// charts by name, blocks by key path (sections[1].blocks[2]).
type Removed struct {
	Datasets, Analyses, Charts, Blocks map[string]bool
}

var blockRe = lazyregexp.New(`^sections\[\d+\]\.blocks\[\d+\]`)

// Sound returns a copy of c without the parts that ps (c's problems) are
// about, and without what depends on them (an analysis of a dataset left
// out, a compare of an analysis left out, a chart of either), so that the
// data and templates of the rest can still be checked in the same run. It
// returns nil when a problem concerns the whole briefing (the report or
// brand block, the file itself) and nothing can be checked further.
func (c *Config) Sound(ps Problems) (*Config, *Removed) {
	rm := &Removed{Datasets: map[string]bool{}, Analyses: map[string]bool{}, Charts: map[string]bool{}, Blocks: map[string]bool{}}
	for _, p := range ps.Errors() {
		head, rest, _ := strings.Cut(p.Path, ".")
		name, _, _ := strings.Cut(rest, ".")
		switch {
		case head == "data" && name != "":
			rm.Datasets[name] = true
		case head == "analyses" && name != "":
			rm.Analyses[name] = true
		case head == "charts" && name != "":
			rm.Charts[name] = true
		case blockRe().MatchString(p.Path):
			rm.Blocks[blockRe().FindString(p.Path)] = true
		default:
			return nil, nil
		}
	}
	out := *c
	out.Data = maps.Clone(c.Data)
	out.Analyses = maps.Clone(c.Analyses)
	out.Charts = maps.Clone(c.Charts)
	for name := range rm.Datasets {
		delete(out.Data, name)
	}
	// Follow the dependencies until nothing more falls out.
	for changed := true; changed; {
		changed = false
		for name, a := range out.Analyses {
			_, ds := out.Data[a.Dataset]
			_, of := out.Analyses[a.Of]
			if rm.Analyses[name] || a.Kind == "compare" && !of || a.Kind != "compare" && !ds {
				rm.Analyses[name] = true
				delete(out.Analyses, name)
				changed = true
			}
		}
	}
	for name, ch := range out.Charts {
		if _, ok := out.Analyses[ch.Analysis]; rm.Charts[name] || !ok {
			rm.Charts[name] = true
			delete(out.Charts, name)
		}
	}
	for _, s := range c.Sections {
		for _, b := range s.Blocks {
			_, chart := out.Charts[b.Chart]
			_, an := out.Analyses[b.Analysis]
			_, ds := out.Data[b.Dataset]
			if b.Kind == BlockChart && !chart || b.Kind == BlockTable && (b.Analysis != "" && !an || b.Dataset != "" && !ds) {
				rm.Blocks[b.Path] = true
			}
		}
	}
	return &out, rm
}
