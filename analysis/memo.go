package analysis

import (
	"crypto/sha256"
	"fmt"
	"reflect"
	"slices"
	"sync"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/internal/resultcache"
)

// A dataset read from files is counted once for all the runs that read it
// unchanged: what its pass computed is remembered (internal/resultcache)
// under a key made of all it depends on, and a later run whose key is the
// same takes it instead of reading the files. Only a pass that found no
// problem at all is remembered, so a run that takes one has nothing to say
// that it would not have said.

// memoVersion names the key's and the entry's form: changing either
// changes it.
const memoVersion = "report analysis results 1"

// memoShared is the part of the config every dataset's key holds: every
// analysis (those of other datasets too: a key a little too wide costs a
// run its counting, a key too narrow would cost a briefing its numbers),
// and the language and labels the results' words come from.
type memoShared struct {
	Analyses map[string]config.Analysis
	Language string
	Labels   map[string]string
}

// memoInput is the part of the config one dataset's key holds besides:
// the dataset and the table blocks listing it.
type memoInput struct {
	Dataset config.Dataset
	Tables  []config.Block
}

// keyMaker makes the keys of one computation's datasets (one set of
// periods and options), encoding the part of a config they share once for
// each config (a dataset's earlier export is read under one of its own),
// and the rest of a dataset's key but its files once for each dataset: a
// key is made before the files are read, and again after.
type keyMaker struct {
	mu       sync.Mutex
	shared   map[*config.Config][]byte
	prefixes map[memoID][]byte
}

// memoID is a dataset read under a config.
type memoID struct {
	cfg  *config.Config
	name string
}

// newKeyMaker returns a keyMaker, or nil when no results cache is open:
// then nothing is recalled or remembered.
func newKeyMaker() *keyMaker {
	if !resultcache.Enabled() || resultcache.Identity() == "" {
		return nil
	}
	return &keyMaker{shared: map[*config.Config][]byte{}, prefixes: map[memoID][]byte{}}
}

// key is the key of dataset name's results for periods under config c,
// with the files it reads as they are now: false when it has none (a
// database, a file whose hash is not remembered).
func (m *keyMaker) key(c *config.Config, name string, periods []period.Period, opts Options) ([32]byte, []dataset.FileSum, bool) {
	d := c.Data[name]
	if d.IsSQL() {
		return [32]byte{}, nil, false
	}
	sums, ok := dataset.RememberedSums(specOf(name, d))
	if !ok {
		return [32]byte{}, nil, false
	}
	prefix, err := m.prefix(c, name, periods, opts)
	if err != nil {
		return [32]byte{}, nil, false
	}
	h := sha256.New()
	h.Write(prefix)
	for _, f := range sums {
		fmt.Fprintf(h, "%q %s\n", f.Path, f.SHA256)
	}
	var key [32]byte
	h.Sum(key[:0])
	return key, sums, true
}

// prefix is all of dataset name's key but its files: the program, the
// dataset, what of config c its pass reads, the periods and the options.
func (m *keyMaker) prefix(c *config.Config, name string, periods []period.Period, opts Options) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	id := memoID{c, name}
	if b, ok := m.prefixes[id]; ok {
		return b, nil
	}
	shared, ok := m.shared[c]
	if !ok {
		var err error
		shared, err = appendValue(nil, reflect.ValueOf(memoShared{Analyses: c.Analyses, Language: c.Report.Language, Labels: c.Report.Labels}))
		if err != nil {
			return nil, err
		}
		m.shared[c] = shared
	}
	in := memoInput{Dataset: c.Data[name]}
	for _, s := range c.Sections {
		for _, b := range s.Blocks {
			if b.Kind == config.BlockTable && b.Dataset == name {
				in.Tables = append(in.Tables, b)
			}
		}
	}
	own, err := appendValue(nil, reflect.ValueOf(in))
	if err != nil {
		return nil, err
	}
	b := fmt.Appendf(nil, "%s\n%s\n%q\n%s\n%s\n%d\n%t\n", memoVersion, resultcache.Identity(), name, shared, own, len(periods), opts.CheckOnly)
	for _, p := range periods {
		b = fmt.Appendf(b, "%d %d\n", p.Unit, p.Start.Unix())
	}
	m.prefixes[id] = b
	return b, nil
}

// recall returns the results of dataset name for periods under config c
// that an earlier run computed from the files as they are now; false if
// there are none.
func (m *keyMaker) recall(c *config.Config, name string, periods []period.Period, opts Options) ([]*Results, bool) {
	if m == nil {
		return nil, false
	}
	key, _, ok := m.key(c, name, periods, opts)
	if !ok {
		return nil, false
	}
	b, ok := resultcache.Get(key)
	if !ok {
		return nil, false
	}
	parts, ok := decodeParts(name, b)
	if !ok || len(parts) != len(periods) {
		return nil, false
	}
	for k, r := range parts {
		if r.Period != periods[k] {
			return nil, false
		}
		sum := r.Datasets[name]
		sum.Recalled = true
		files := sum.Files
		for i := range files {
			files[i].Remembered = true // as they were found: by their identity
		}
	}
	return parts, true
}

// remember keeps parts, the results of dataset name for periods under
// config c just computed without a problem, for the runs after, if the
// files they were computed from are still those whose hashes the run
// remembered.
func (m *keyMaker) remember(c *config.Config, name string, periods []period.Period, opts Options, parts []*Results) {
	if m == nil || len(parts) == 0 {
		return
	}
	key, sums, ok := m.key(c, name, periods, opts)
	if !ok {
		return
	}
	sum := parts[0].Datasets[name]
	if sum == nil || !slices.EqualFunc(sum.Files, sums, func(f dataset.FileInfo, s dataset.FileSum) bool {
		return f.Path == s.Path && f.SHA256 == s.SHA256
	}) {
		return // a file changed since it was read
	}
	if b, ok := encodeParts(name, parts); ok {
		resultcache.Put(key, b)
	}
}

// specOf is what dataset.Scan reads for dataset name.
func specOf(name string, d config.Dataset) dataset.Spec {
	return dataset.Spec{Name: name, Path: d.Path, Format: d.Format, Decimal: d.Decimal, Skip: d.Skip, Sheet: d.Sheet, HeaderRow: d.HeaderRow}
}
