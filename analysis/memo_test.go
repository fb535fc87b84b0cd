package analysis

import (
	"crypto/sha256"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/exact"
	"github.com/briefing/report/internal/hashcache"
	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/internal/resultcache"
)

// openCaches opens the hash and results caches in a new folder for the
// test, closed after it, and remembers the hash of each file of c's
// datasets (as a run would have, long enough after they were written).
func openCaches(t *testing.T, c *config.Config) string {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("report remembers files' hashes on Linux only")
	}
	dir := t.TempDir()
	hashcache.Open(dir)
	resultcache.Open(dir)
	t.Cleanup(func() { hashcache.Open(""); resultcache.Open("") })
	for _, name := range c.DatasetNames() {
		d := c.Data[name]
		for _, path := range []string{d.Path, d.Previous} {
			if path != "" && !d.IsSQL() {
				rememberHash(t, path)
			}
		}
	}
	return dir
}

// rememberHash has hashcache remember the file at path as it is now.
func rememberHash(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	hashcache.Remember(path, st, sha256.Sum256(b), time.Now().Add(time.Hour)) // past the racy window
}

func mustLoad(t *testing.T, file string, sets ...string) *config.Config {
	t.Helper()
	c, err := config.Load(file, config.Options{Sets: sets})
	if err != nil && len(err.(config.Problems).Errors()) > 0 {
		t.Fatalf("load %s: %v", file, err)
	}
	return c
}

// Every dataset of the project's briefings, computed for one period and
// for a backfill of three, reads back from its binary form the same to
// the last field, unexported ones included.
func TestMemoCodec_RoundTripOfTheBriefings(t *testing.T) {
	var changes, tables, partial, gaps int
	for _, file := range []string{"../testdata/russia-china/briefing.yaml", "../testdata/arabic/briefing.yaml",
		"../testdata/gallery/gallery.yaml", "../testdata/backfill/briefing.yaml"} {
		c := mustLoad(t, file)
		q := mustPeriod(t, "2025-Q4")
		for _, periods := range [][]period.Period{{q}, {q.Previous().Previous(), q.Previous(), q}} {
			for _, name := range c.DatasetNames() {
				for _, cfg := range []*config.Config{c, previousConfig(c, name)} {
					if cfg == nil || cfg.Data[name].IsSQL() {
						continue
					}
					parts := make([]*Results, len(periods))
					for i, p := range periods {
						parts[i] = &Results{Period: p, Analyses: map[string]*Result{}, Datasets: map[string]*DatasetSummary{}, Tables: map[string]*Table{}}
					}
					for _, ps := range computeDatasetMany(cfg, name, periods, parts, Options{}) {
						if len(ps) > 0 {
							t.Fatalf("%s %s: %v", file, name, ps)
						}
					}
					b, ok := encodeParts(name, parts)
					if !ok {
						t.Fatalf("%s %s: not encoded", file, name)
					}
					got, ok := decodeParts(name, b)
					if !ok || !reflect.DeepEqual(got, parts) {
						t.Fatalf("%s %s: read back (ok %v) differs:\n%+v\nwant\n%+v", file, name, ok, got[0], parts[0])
					}
					for _, r := range parts {
						tables += len(r.Tables)
						for _, a := range r.Analyses {
							if a.Changes != nil {
								changes++
							}
							for _, k := range a.Keys {
								if k.Partial {
									partial++
								}
							}
							for _, s := range a.Series {
								gaps += slices.IndexFunc(s.Values, IsGap) + 1
							}
						}
					}
				}
			}
		}
	}
	if changes == 0 || tables == 0 || partial == 0 || gaps == 0 {
		t.Errorf("the briefings no longer hold every kind of result (changes %d, tables %d, partial keys %d, gaps %d): add one to this test", changes, tables, partial, gaps)
	}
}

// A result with every field set, nil and empty slices and maps among
// them, numbers of every form, reads back the same.
func TestMemoCodec_RoundTripOfEveryField(t *testing.T) {
	year := period.YearOf(2024)
	q := period.Period{Interval: period.Interval{Unit: period.Quarter, Start: time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)}}
	third := exact.Int(1).Quo(exact.Int(3))
	long := exact.Int(1).Quo(exact.Int(7)).Mul(exact.Dec(123456789012345678, 3))
	if third.Rat().Cmp(long.Rat()) == 0 || new(big.Rat).SetFrac64(1, 3).Cmp(third.Rat()) != 0 {
		t.Fatal("the test's numbers are not what it meant")
	}
	parts := []*Results{{
		Period: q,
		Analyses: map[string]*Result{
			"a": {Name: "a", Kind: "trend", Timed: true, Measure: "TIV", Source: "Source: SIPRI", Unit: "year",
				Keys: []Key{{Label: "2024", Interval: year, Partial: true, Through: q, Other: true, upto: "à T3"}, {Label: "x"}},
				Series: []Series{{Label: "s", Values: []exact.Number{exact.Dec(-125, 2), Gap, third, long, {}}, AverageOf: "t", Through: year, Other: true},
					{Label: "empty", Values: []exact.Number{}}, {Label: "nil"}},
				Changes: &ChangeSet{Columns: []string{"c"}, Rows: []map[string]string{{"c": "v", "d": ""}, nil, {}}, Count: 2, PreviousCount: -1, Empty: "none"}},
			"b": {Name: "b", Keys: []Key{}, Series: []Series{}, Changes: &ChangeSet{}},
		},
		Datasets: map[string]*DatasetSummary{"d": {Name: "d", Title: "T", Labels: map[string]map[string]string{"x": {"a": "A"}, "y": nil, "z": {}},
			Format: "csv", Files: []dataset.FileInfo{{Path: "p", SHA256: "ab", Remembered: true, Generated: "12 Feb 2026",
				GeneratedDate: time.Date(2026, 2, 12, 0, 0, 0, 0, time.UTC), Rows: 7}, {}},
			RowsRead: 7, RowsUsed: 6, Generated: "12 Feb 2026", Through: year}},
		Tables: map[string]*Table{"sections[0].blocks[1]": {Dataset: "d", Columns: []string{"a"}, Rows: [][]string{{"1"}, {}, nil},
			Places: []Place{{File: "p", Line: 3}}}, "t2": {}},
	}, {
		Period: q.Previous(), Analyses: map[string]*Result{}, Datasets: map[string]*DatasetSummary{"d": {}}, Tables: map[string]*Table{},
	}}
	b, ok := encodeParts("d", parts)
	if !ok {
		t.Fatal("not encoded")
	}
	got, ok := decodeParts("d", b)
	if !ok || !reflect.DeepEqual(got, parts) {
		t.Fatalf("read back (ok %v) differs:\n%+v\nwant\n%+v", ok, got[0].Analyses["a"], parts[0].Analyses["a"])
	}
	for n := range len(b) {
		if _, ok := decodeParts("d", b[:n]); ok {
			t.Fatalf("the first %d of %d bytes read as a whole", n, len(b))
		}
	}
}

// What a pass over files never holds is not encoded: it is not
// remembered.
func TestMemoCodec_LeavesOutWhatIsNotAFilesPass(t *testing.T) {
	for name, r := range map[string]*Results{
		"Compare":   {Analyses: map[string]*Result{"a": {Compare: []CompareRow{}}}, Datasets: map[string]*DatasetSummary{"d": {}}},
		"Revisions": {Analyses: map[string]*Result{"a": {Revisions: &RevisionSet{}}}, Datasets: map[string]*DatasetSummary{"d": {}}},
		"Query":     {Datasets: map[string]*DatasetSummary{"d": {Queries: []Query{{}}}}},
		"Database":  {Datasets: map[string]*DatasetSummary{"d": {Version: "PostgreSQL 15"}}},
		"Previous":  {Datasets: map[string]*DatasetSummary{"d": {Previous: &DatasetSummary{}}}},
		"NoSummary": {Datasets: map[string]*DatasetSummary{}},
	} {
		if _, ok := encodeParts("d", []*Results{r}); ok {
			t.Errorf("%s: encoded", name)
		}
	}
}

// The codec writes every field of the types it writes: a field added to
// one of them must be added to memocodec.go (and here).
func TestMemoCodec_EveryField(t *testing.T) {
	for _, tc := range []struct {
		v any
		n int
	}{
		{Results{}, 4}, {Result{}, 11}, {Key{}, 6}, {Series{}, 5}, {ChangeSet{}, 5}, {Table{}, 4}, {Place{}, 2},
		{DatasetSummary{}, 14}, {dataset.FileInfo{}, 6}, {period.Interval{}, 2}, {period.Period{}, 1},
	} {
		if got := reflect.TypeOf(tc.v).NumField(); got != tc.n {
			t.Errorf("%T has %d fields, the codec knows %d: write and read the new one in memocodec.go", tc.v, got, tc.n)
		}
	}
}

// The key of a dataset's results changes with everything they are
// computed from, and with nothing else: a briefing's text, charts and
// brand edited, its data is not counted again.
func TestMemoKey_ChangesWithWhatTheResultsDependOn(t *testing.T) {
	const file = "../testdata/russia-china/briefing.yaml"
	c := mustLoad(t, file)
	openCaches(t, c)
	periods := []period.Period{c.Period}
	key := func(c *config.Config, name string, periods []period.Period, opts Options) [32]byte {
		t.Helper()
		k, _, ok := newKeyMaker().key(c, name, periods, opts)
		if !ok {
			t.Fatalf("no key for %s", name)
		}
		return k
	}
	base := key(c, "exercises", periods, Options{})
	if again := key(mustLoad(t, file), "exercises", periods, Options{}); again != base {
		t.Fatal("the same config and files gave two keys")
	}
	differ := map[string][32]byte{
		"OtherDataset":  key(c, "agreements", periods, Options{}),
		"OtherPeriod":   key(c, "exercises", []period.Period{c.Period.Previous()}, Options{}),
		"Backfill":      key(c, "exercises", []period.Period{c.Period.Previous(), c.Period}, Options{}),
		"CheckOnly":     key(c, "exercises", periods, Options{CheckOnly: true}),
		"AnAnalysis":    key(mustLoad(t, file, "analyses.exercise_frequency.interval=quarter"), "exercises", periods, Options{}),
		"ADatasetField": key(mustLoad(t, file, "data.exercises.title=Other"), "exercises", periods, Options{}),
		"Language":      key(mustLoad(t, file, "report.language=fr"), "exercises", periods, Options{}),
		"ALabel":        key(mustLoad(t, file, "report.labels.source=Quelle: "), "exercises", periods, Options{}),
	}
	tabled := mustLoad(t, file)
	tabled.Sections = slices.Clone(tabled.Sections)
	tabled.Sections[0].Blocks = append(slices.Clone(tabled.Sections[0].Blocks), config.Block{Kind: config.BlockTable, Path: "sections[0].blocks[9]", Dataset: "exercises"})
	differ["ATable"] = key(tabled, "exercises", periods, Options{})
	for name, k := range differ {
		if k == base {
			t.Errorf("%s: the key did not change", name)
		}
	}
	same := map[string]*config.Config{
		"Title":   mustLoad(t, file, "report.title=Another title"),
		"Brand":   mustLoad(t, file, "brand.primary_color=#000000"),
		"AChart":  mustLoad(t, file, "charts.arms_trend_chart.title=Another"),
		"Outfile": mustLoad(t, file, "report.output=elsewhere.pdf"),
	}
	text := mustLoad(t, file)
	text.Sections = slices.Clone(text.Sections)
	text.Sections[0].Blocks = append(slices.Clone(text.Sections[0].Blocks), config.Block{Kind: config.BlockText, Markdown: "More."})
	same["Text"] = text
	for name, c := range same {
		if k := key(c, "exercises", periods, Options{}); k != base {
			t.Errorf("%s: the key changed", name)
		}
	}
}

// A file whose hash is not remembered as it is now has no key: its
// results are computed, never taken from a run that read other bytes.
func TestMemoKey_NoneWithoutTheFilesHashes(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "d.csv")
	cfgFile := filepath.Join(dir, "briefing.yaml")
	os.WriteFile(data, []byte("Year,Value\n2024,1\n"), 0o644)
	os.WriteFile(cfgFile, []byte("report: {title: T, period: 2025-Q4}\ndata:\n  d: {path: d.csv, time: Year}\nanalyses:\n  a: {kind: trend, dataset: d, value: Value}\nsections:\n  - title: S\n    blocks: [{text: x}]\n"), 0o644)
	c := mustLoad(t, cfgFile)
	openCaches(t, c)
	first, _, ok := newKeyMaker().key(c, "d", []period.Period{c.Period}, Options{})
	if !ok {
		t.Fatal("no key with the file's hash remembered")
	}
	os.WriteFile(data, []byte("Year,Value\n2024,2\n"), 0o644) // the same size, other bytes
	if _, _, ok := newKeyMaker().key(c, "d", []period.Period{c.Period}, Options{}); ok {
		t.Error("a key for a file written since its hash was remembered")
	}
	rememberHash(t, data)
	if second, _, ok := newKeyMaker().key(c, "d", []period.Period{c.Period}, Options{}); !ok || second == first {
		t.Errorf("other bytes, their hash remembered: key %x (ok %v), the first bytes' %x", second, ok, first)
	}
	sql := *c
	d := c.Data["d"]
	d.Driver, d.DSN, d.Table = "sqlite", filepath.Join(dir, "d.db"), "t" // its path kept: a file's hash remembered
	sql.Data = map[string]config.Dataset{"d": d}
	if _, _, ok := newKeyMaker().key(&sql, "d", []period.Period{c.Period}, Options{}); ok {
		t.Error("a key for a dataset in a database")
	}
}

// A second computation over the same files takes each dataset's results
// from the first, and they are what computing them gives, problems (none)
// included; the sample's revisions and compares, made from them, too.
func TestMemo_RecalledResultsAreTheComputedOnes(t *testing.T) {
	for _, file := range []string{"../testdata/russia-china/briefing.yaml", "../testdata/backfill/briefing.yaml"} {
		c := mustLoad(t, file)
		periods := []period.Period{mustPeriod(t, "2025-Q3"), mustPeriod(t, "2025-Q4")}
		want, wantPs := ComputeMany(c, periods, Options{}) // no cache open
		dir := openCaches(t, c)
		for run := range 2 {
			if run == 1 {
				resultcache.Open(dir) // as the next run: the entries read from their files
			}
			got, ps := ComputeMany(c, periods, Options{})
			if !reflect.DeepEqual(ps, wantPs) {
				t.Fatalf("%s run %d: problems %v, want %v", file, run, ps, wantPs)
			}
			for k := range periods {
				for name, d := range got[k].Datasets {
					if d.Recalled != (run == 1) {
						t.Errorf("%s run %d: dataset %s recalled: %v", file, run, name, d.Recalled)
					}
					for i, f := range d.Files {
						if !f.Remembered {
							t.Errorf("%s run %d: %s's file %s: hash not remembered", file, run, name, f.Path)
						}
						if d.Recalled {
							// what a computing run gives but for these two
							w := want[k].Datasets[name]
							w.Recalled, w.Files[i].Remembered = true, true
							if w.Previous != nil {
								w.Previous.Recalled, w.Previous.Files[i].Remembered = true, true
							}
						}
					}
				}
				if run == 1 && !reflect.DeepEqual(got[k], want[k]) {
					t.Errorf("%s: period %v: recalled results differ from computed ones", file, periods[k])
				}
			}
		}
		entries, _ := os.ReadDir(filepath.Join(dir, "results"))
		if len(entries) == 0 {
			t.Errorf("%s: nothing remembered", file)
		}
	}
}

// A dataset pass that found a problem, even a warning, is not remembered:
// the next run finds and says it again.
func TestMemo_ProblemsAreNotRemembered(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "d.csv"), []byte("Year,Value\n2024,1\n2025,x\n"), 0o644)
	cfgFile := filepath.Join(dir, "briefing.yaml")
	os.WriteFile(cfgFile, []byte("report: {title: T, period: 2025-Q4}\ndata:\n  d: {path: d.csv, time: Year}\nanalyses:\n  a: {kind: trend, dataset: d, value: Value}\nsections:\n  - title: S\n    blocks: [{text: x}]\n"), 0o644)
	c := mustLoad(t, cfgFile)
	cache := openCaches(t, c)
	for run := range 2 {
		res, ps := Compute(c, c.Period)
		if len(ps) == 0 || res.Datasets["d"] != nil && res.Datasets["d"].Recalled {
			t.Errorf("run %d: problems %v, recalled %v", run, ps, res.Datasets["d"] != nil && res.Datasets["d"].Recalled)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(cache, "results")); len(entries) != 0 {
		t.Errorf("%d entries remembered for a dataset with a problem", len(entries))
	}
}

// Results remembered by the run that hashed the files are recalled with
// the files' hashes marked remembered, as a run that finds them does.
func TestMemo_RecalledFilesAreMarkedRemembered(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "d.csv")
	os.WriteFile(data, []byte("Year,Value\n2024,1\n2025,2\n"), 0o644)
	cfgFile := filepath.Join(dir, "briefing.yaml")
	os.WriteFile(cfgFile, []byte("report: {title: T, period: 2025-Q4}\ndata:\n  d: {path: d.csv, time: Year}\nanalyses:\n  a: {kind: trend, dataset: d, value: Value}\nsections:\n  - title: S\n    blocks: [{text: x}]\n"), 0o644)
	c := mustLoad(t, cfgFile)
	periods := []period.Period{mustPeriod(t, "2025-Q4")}
	parts := []*Results{{Period: periods[0], Analyses: map[string]*Result{}, Datasets: map[string]*DatasetSummary{}, Tables: map[string]*Table{}}}
	if ps := computeDatasetMany(c, "d", periods, parts, Options{}); len(ps[0]) > 0 {
		t.Fatal(ps)
	}
	if parts[0].Datasets["d"].Files[0].Remembered {
		t.Fatal("hashed, yet marked remembered")
	}
	openCaches(t, c)
	newKeyMaker().remember(c, "d", periods, Options{}, parts)
	got, ok := newKeyMaker().recall(c, "d", periods, Options{})
	if !ok {
		t.Fatal("not recalled")
	}
	if d := got[0].Datasets["d"]; !d.Recalled || !d.Files[0].Remembered {
		t.Errorf("recalled %v, its file's hash remembered %v: want both", d.Recalled, d.Files[0].Remembered)
	}
}

// Whatever bytes an entry holds, reading them never panics: it gives
// results that read back the same bytes, or false.
func FuzzDecodeParts(f *testing.F) {
	q := period.Period{Interval: period.Interval{Unit: period.Quarter, Start: time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)}}
	seed, _ := encodeParts("d", []*Results{{Period: q,
		Analyses: map[string]*Result{"a": {Name: "a", Keys: []Key{{Label: "2024", Interval: period.YearOf(2024)}},
			Series:  []Series{{Label: "s", Values: []exact.Number{exact.Dec(15, 1), Gap, exact.Int(1).Quo(exact.Int(3))}}},
			Changes: &ChangeSet{Columns: []string{"c"}, Rows: []map[string]string{{"c": "v"}}}}},
		Datasets: map[string]*DatasetSummary{"d": {Name: "d", Files: []dataset.FileInfo{{Path: "p"}}}},
		Tables:   map[string]*Table{"t": {Rows: [][]string{{"x"}}, Places: []Place{{File: "p", Line: 2}}}},
	}})
	f.Add(seed)
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		parts, ok := decodeParts("d", b)
		if !ok {
			return
		}
		again, ok := encodeParts("d", parts)
		if !ok {
			return // a summary of another dataset's name, say: never written
		}
		if back, ok := decodeParts("d", again); !ok || !reflect.DeepEqual(back, parts) {
			t.Fatalf("read, written and read again, results differ:\n%+v\n%+v", parts, back)
		}
	})
}
