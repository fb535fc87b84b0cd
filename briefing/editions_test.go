package briefing

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefing/report/internal/csvtest"

	"github.com/briefing/report/internal/period"
	"github.com/briefing/report/layouts"
)

// TestSample_EditionsCarryTheirNumbers builds four editions of the sample
// and checks the numbers its prose prints against counts made here,
// independently of report's readers and analyses: encoding/csv and
// math/big over the same files.
func TestSample_EditionsCarryTheirNumbers(t *testing.T) {
	ex := readExercises(t, "../testdata/russia-china/data/exercises.csv")
	reg := readRegister(t, "../testdata/sipri/registers/trade-register-generated-2026-02-12.csv")
	for _, edition := range []string{"2024-Q3", "2024-Q4", "2025-Q2", "2025-Q3"} {
		t.Run(edition, func(t *testing.T) {
			p, err := period.ParsePeriod(edition, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			end := p.End()        // the first day after the period
			label := p.Format("") // as the prose prints it: "Q3 2024"
			in := func(e exercise) bool { return !e.end.After(end) }
			count := func(keep func(exercise) bool) int {
				n := 0
				for _, e := range ex {
					if in(e) && keep(e) {
						n++
					}
				}
				return n
			}
			all := count(func(exercise) bool { return true })
			patrol := func(domain string) func(exercise) bool {
				return func(e exercise) bool { return e.kind == "patrol" && (domain == "" || e.domain == domain) }
			}
			// The register's rows are timed by year: a year is in an
			// edition once it is over.
			lastYear := p.LastFullYear()
			rc15 := reg.sum("Russia", "China", 2015, 2019)
			fromRussia := reg.sum("Russia", "China", 2020, min(lastYear, 2024))
			allToChina := reg.sum("", "China", 2020, min(lastYear, 2024))
			want := []string{
				fmt.Sprintf("records %d joint exercises and patrols up to the end of %s", all, label),
				fmt.Sprintf("Naval events account for %d of the %d in the dataset, %d of them since 2014", count(domain("naval")), all,
					count(func(e exercise) bool { return e.domain == "naval" && e.year >= 2014 })),
				fmt.Sprintf("most events are bilateral (%d of %d)", count(func(e exercise) bool { return e.format == "bilateral" }), all),
				fmt.Sprintf("By the end of %s the partners had flown %d", label, count(patrol("air"))),
				fmt.Sprintf("%d joint naval patrols had followed by the end of %s", count(patrol("naval")), label),
				fmt.Sprintf("%d of the %d joint patrols in our dataset", count(func(e exercise) bool { return e.kind == "patrol" && e.year >= 2022 }), count(patrol(""))),
				fmt.Sprintf("and %d in 2019–", count(func(e exercise) bool { return e.year >= 2019 })),
				fmt.Sprintf("from %s TIV in 2015–19", rounded(rc15, 0)),
				fmt.Sprintf("about %s%% of China’s major-arms imports", rounded(new(big.Rat).Quo(new(big.Rat).Mul(fromRussia, big.NewRat(100, 1)), allToChina), 0)),
				fmt.Sprintf("but %s in the register generated 12 Feb 2026", rounded(reg.sum("Russia", "China", 2021, 2021), 1)),
			}
			if lastYear < 2024 {
				want = append(want, "2020–2023 (2024 not yet in the data)", "a year on average")
			} else {
				want = append(want, "TIV in 2020–2024")
			}
			text := sampleText(t, edition)
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("the %s edition does not say %q", edition, w)
				}
			}
		})
	}
}

func domain(d string) func(exercise) bool { return func(e exercise) bool { return e.domain == d } }

// sampleText builds an edition of the sample and returns its narrative.
func sampleText(t *testing.T, edition string) string {
	t.Helper()
	b, err := Build(Options{Config: sample, Sets: []string{"report.period=" + edition},
		Clock: period.FixedClock(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)), CheckOnly: true})
	if err != nil {
		t.Fatalf("build %s: %v", edition, err)
	}
	var sb strings.Builder
	for _, s := range b.Doc.Sections {
		for _, blk := range s.Blocks {
			if md, ok := blk.(layouts.Markdown); ok {
				sb.WriteString(strings.Join(strings.Fields(md.Text), " "))
				sb.WriteString("\n")
			}
		}
	}
	return sb.String()
}

type exercise struct {
	kind, domain, format string
	year                 int
	end                  time.Time // the end of the row's time: its day, month or year
}

func readExercises(t *testing.T, path string) []exercise {
	t.Helper()
	rows := csvtest.Read(t, path, 0)
	col := csvtest.Index(rows[0])
	var out []exercise
	for _, r := range rows[1:] {
		e := exercise{kind: r[col["kind"]], domain: r[col["domain"]], format: r[col["format"]]}
		e.year, _ = strconv.Atoi(r[col["year"]])
		switch {
		case r[col["start_date"]] != "":
			d, err := time.Parse("2006-01-02", r[col["start_date"]])
			if err != nil {
				t.Fatal(err)
			}
			e.end = d.AddDate(0, 0, 1)
		case r[col["month"]] != "":
			m, _ := strconv.Atoi(r[col["month"]])
			e.end = time.Date(e.year, time.Month(m)+1, 1, 0, 0, 0, 0, time.UTC)
		default:
			e.end = time.Date(e.year+1, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		out = append(out, e)
	}
	return out
}

// register holds TIV delivery values by supplier, recipient and year.
type register map[[2]string]map[int]*big.Rat

func readRegister(t *testing.T, path string) register {
	t.Helper()
	rows := csvtest.Read(t, path, 11)
	col := csvtest.Index(rows[0])
	reg := register{}
	for _, r := range rows[1:] {
		if len(r) <= col["TIV delivery values"] || r[col["TIV delivery values"]] == "" {
			continue
		}
		y, err := strconv.Atoi(r[col["Delivery year"]])
		if err != nil {
			continue
		}
		v, ok := new(big.Rat).SetString(r[col["TIV delivery values"]])
		if !ok {
			t.Fatalf("not a number: %q", r[col["TIV delivery values"]])
		}
		for _, k := range [][2]string{{r[col["Supplier"]], r[col["Recipient"]]}, {"", r[col["Recipient"]]}} {
			if reg[k] == nil {
				reg[k] = map[int]*big.Rat{}
			}
			if reg[k][y] == nil {
				reg[k][y] = new(big.Rat)
			}
			reg[k][y].Add(reg[k][y], v)
		}
	}
	return reg
}

func (reg register) sum(supplier, recipient string, from, to int) *big.Rat {
	s := new(big.Rat)
	for y := from; y <= to; y++ {
		if v := reg[[2]string{supplier, recipient}][y]; v != nil {
			s.Add(s, v)
		}
	}
	return s
}

// rounded prints r rounded half away from zero with thousands separators.
func rounded(r *big.Rat, places int) string {
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil))
	x := new(big.Rat).Mul(new(big.Rat).Abs(r), scale)
	x.Add(x, big.NewRat(1, 2))
	q := new(big.Int).Quo(x.Num(), x.Denom())
	digits := q.String()
	for len(digits) <= places {
		digits = "0" + digits
	}
	intPart, frac := digits[:len(digits)-places], digits[len(digits)-places:]
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if places > 0 {
		b.WriteString("." + frac)
	}
	return b.String()
}
