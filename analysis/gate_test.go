package analysis

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/config"
	"github.com/briefing/report/internal/period"
)

// computeBothWays computes c for p with the row gates and without them.
func computeBothWays(tb testing.TB, c *config.Config, p period.Period) (gated, all *Results, gatedPs, allPs config.Problems) {
	tb.Helper()
	gated, gatedPs = Compute(c, p)
	gateRows = false
	defer func() { gateRows = true }()
	all, allPs = Compute(c, p)
	return gated, all, gatedPs, allPs
}

func sameResults(tb testing.TB, name string, gated, all *Results, gatedPs, allPs config.Problems) {
	tb.Helper()
	if !reflect.DeepEqual(gatedPs, allPs) {
		tb.Errorf("%s: problems with gates:\n%v\nwithout:\n%v", name, gatedPs, allPs)
	}
	if !reflect.DeepEqual(gated, all) {
		for an, r := range all.Analyses {
			if !reflect.DeepEqual(gated.Analyses[an], r) {
				tb.Errorf("%s: analysis %s with gates:\n%+v\nwithout:\n%+v", name, an, gated.Analyses[an], r)
			}
		}
		tb.Errorf("%s: results differ with and without the row gates", name)
	}
}

// The sample briefing's analyses come out the same, to the last digit and
// problem, whether its registers' rows pass through the gates or are all
// offered to every analysis; and the gates do skip most of them.
func TestRowGate_SampleSameAsOfferingEveryRow(t *testing.T) {
	c, err := config.Load("../testdata/russia-china/briefing.yaml", config.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := period.ParsePeriod("2025-Q4", period.YearOf(2026).Start)
	if err != nil {
		t.Fatal(err)
	}
	gated, all, gatedPs, allPs := computeBothWays(t, c, p)
	sameResults(t, "sample", gated, all, gatedPs, allPs)

	run := &datasetRun{cfg: c, name: "transfers", cut: p, timers: map[config.Time]*timer{}}
	run.own = run.timerFor("data.transfers.time", c.Data["transfers"].Time)
	if ps := run.addAnalyses(); len(ps) > 0 {
		t.Fatal(ps)
	}
	h := registerHeader(t)
	for _, cons := range run.consumers {
		if ps := cons.bind(h); len(ps) > 0 {
			t.Fatal(ps)
		}
	}
	g := newRowGate(run.consumers)
	if g == nil {
		t.Fatal("the register's analyses have no gate: each names a supplier or a recipient")
	}
	read, passed := 0, 0
	spec := dataset.Spec{Name: "transfers", Path: "../testdata/sipri/registers/trade-register-generated-2026-02-12.csv", Format: dataset.FormatSIPRIRegister}
	if _, err := dataset.Scan(spec, func(*dataset.Header) error { return nil }, func(r dataset.Row) error {
		read++
		if g.pass(&r) {
			passed++
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if read < 20000 || passed*4 > read {
		t.Errorf("the gate passes %d of %d rows, want fewer than one in four", passed, read)
	}
	t.Logf("the gate passes %d of %d rows", passed, read)
}

// registerHeader is the header of the sample's SIPRI register.
func registerHeader(tb testing.TB) *dataset.Header {
	tb.Helper()
	return &dataset.Header{Columns: []string{"SIPRI AT Database ID", "Supplier", "Recipient", "Designation", "Description",
		"Armament category", "Order date", "Order date is estimate", "Numbers delivered", "Numbers delivered is estimate",
		"Delivery year", "Delivery year is estimate", "Status", "SIPRI estimate", "TIV deal unit", "TIV delivery values", "Local production"}}
}

// Analyses of every shape the gates look at (trends, frequencies, counts
// and changes; a where:, series with and without filters, a by:, not:s,
// several values, a typo that matches nothing, an analysis of every row
// beside filtered ones) give the same results and problems, hints
// included, with the gates and without, over rows in random orders and
// sorted by supplier or by recipient.
func TestRowGate_SameAsOfferingEveryRow(t *testing.T) {
	analyses := map[string]string{
		"where":        `{kind: trend, dataset: d, value: Value, where: {Supplier: Russia}}`,
		"whereMany":    `{kind: trend, dataset: d, value: Value, where: {Supplier: [Russia, France], Recipient: [China, India]}}`,
		"series":       `{kind: trend, dataset: d, value: Value, series: [{label: a, where: {Supplier: Russia, Recipient: China}}, {label: b, where: {Recipient: India}}]}`,
		"seriesAll":    `{kind: trend, dataset: d, value: Value, where: {Recipient: China}, series: [{label: a, where: {Supplier: Russia}}, {label: all, where: {}}]}`,
		"by":           `{kind: frequency, dataset: d, by: Category, where: {Recipient: Egypt}}`,
		"byAll":        `{kind: frequency, dataset: d, by: Category}`,
		"not":          `{kind: trend, dataset: d, value: Value, where: {Supplier: Russia, not: {Category: Ships}}}`,
		"notAlone":     `{kind: trend, dataset: d, value: Value, where: {not: {Category: Ships}}, series: [{label: a, where: {Supplier: China}}]}`,
		"typoWhere":    `{kind: trend, dataset: d, value: Value, where: {Supplier: Rusia}}`,
		"typoSeries":   `{kind: trend, dataset: d, value: Value, series: [{label: a, where: {Supplier: Russia, Recipient: Chine}}]}`,
		"seriesUnder":  `{kind: trend, dataset: d, value: Value, where: {Recipient: China}, series: [{label: a, where: {Supplier: India}}]}`,
		"absentColumn": `{kind: trend, dataset: d, value: Value, where: {Supplier: Ukraine}}`,
		"count":        `{kind: count, dataset: d, by: Category, where: {Supplier: China}}`,
		"countTypo":    `{kind: count, dataset: d, by: Category, where: {Supplier: Chna}}`,
		"changes":      `{kind: changes, dataset: d, where: {Supplier: France}}`,
		"changesTypo":  `{kind: changes, dataset: d, where: {Recipient: Egipt}}`,
	}
	suppliers := []string{"Russia", "China", "France", "United States", "India"}
	recipients := []string{"China", "India", "Egypt", "Viet Nam", "Russia"}
	categories := []string{"Ships", "Aircraft", "Engines"}
	rng := rand.New(rand.NewPCG(3, 4))
	var rows []string
	for range 600 {
		s, r := suppliers[rng.IntN(len(suppliers))], recipients[rng.IntN(len(recipients))]
		if s == r || s == "India" && r == "China" {
			continue // India never supplies China: seriesUnder matches nothing
		}
		rows = append(rows, fmt.Sprintf("%s,%s,%s,%d,%d", s, r, categories[rng.IntN(len(categories))], 2010+rng.IntN(15), rng.IntN(100)))
	}
	p, err := period.ParsePeriod("2025-Q4", period.YearOf(2026).Start)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for round := range 8 {
		rng.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
		if round >= 6 {
			// sorted by a column, as SIPRI sorts its registers by supplier:
			// runs of one value, which the gate does not offer again
			col := round - 6
			slices.SortStableFunc(rows, func(a, b string) int {
				return strings.Compare(strings.Split(a, ",")[col], strings.Split(b, ",")[col])
			})
		}
		data := "Supplier,Recipient,Category,Year,Value\n" + strings.Join(rows, "\n") + "\n"
		if err := os.WriteFile(filepath.Join(dir, "d.csv"), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		// each analysis alone (its gate is its own), and all together
		sets := [][]string{}
		for name := range analyses {
			sets = append(sets, []string{name})
		}
		all := []string{}
		for name := range analyses {
			all = append(all, name)
		}
		sets = append(sets, all)
		for _, set := range sets {
			var b strings.Builder
			b.WriteString("report: {title: T, period: 2025-Q4}\ndata:\n  d: {path: d.csv, time: Year}\nanalyses:\n")
			for _, name := range set {
				fmt.Fprintf(&b, "  %s: %s\n", strings.ToLower(name), analyses[name])
			}
			b.WriteString("sections:\n  - title: S\n    blocks: [{text: \"x\"}]\n")
			file := filepath.Join(dir, "briefing.yaml")
			if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			c, err := config.Load(file, config.Options{})
			if err != nil && len(err.(config.Problems).Errors()) > 0 {
				t.Fatalf("%v: %v", set, err)
			}
			gated, ungated, gatedPs, allPs := computeBothWays(t, c, p)
			sameResults(t, fmt.Sprintf("round %d %v", round, set), gated, ungated, gatedPs, allPs)
		}
	}
}

// A row the gate fails is offered to no filter when it holds, in every
// column some filter still notes, the values of the failed row before it;
// a value new in any such column is still noted, in the middle of a run
// of one value in another: China turns up only within France's rows, and
// Russia only within Egypt's. The typo's hint names China, and Russia is
// not said to be missing, with the gates as without.
func TestRowGate_NotesAValueInTheMiddleOfARun(t *testing.T) {
	dir := t.TempDir()
	data := "Supplier,Recipient,Year,Value\nFrance,Egypt,2020,1\nFrance,Egypt,2020,1\nFrance,China,2021,2\nFrance,India,2022,3\n" +
		"Germany,Egypt,2020,4\nRussia,Egypt,2021,5\nItaly,Egypt,2021,6\n"
	cfg := "report: {title: T, period: 2025-Q4}\ndata:\n  d: {path: d.csv, time: Year}\nanalyses:\n" +
		"  typo: {kind: trend, dataset: d, value: Value, where: {Supplier: Russia, Recipient: Chine}}\n" +
		"sections:\n  - title: S\n    blocks: [{text: \"x\"}]\n"
	for name, text := range map[string]string{"d.csv": data, "briefing.yaml": cfg} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := config.Load(filepath.Join(dir, "briefing.yaml"), config.Options{})
	if err != nil && len(err.(config.Problems).Errors()) > 0 {
		t.Fatal(err)
	}
	p, err := period.ParsePeriod("2025-Q4", period.YearOf(2026).Start)
	if err != nil {
		t.Fatal(err)
	}
	gated, all, gatedPs, allPs := computeBothWays(t, c, p)
	sameResults(t, "typo", gated, all, gatedPs, allPs)
	if msg := gatedPs.Error(); !strings.Contains(msg, `did you mean "China"`) || strings.Contains(msg, `"Russia"`) {
		t.Errorf("want a hint that names China and nothing of Russia:\n%v", gatedPs)
	}
}
