package briefing

import (
	"testing"
	"time"

	"github.com/briefing/report/internal/hugeheap"
	"github.com/briefing/report/internal/period"
)

// forcedCollections waits for a collection collectData started to end
// and returns how many collectData has run so far.
func forcedCollections(t *testing.T) int64 {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); collecting.Load(); {
		if time.Now().After(deadline) {
			t.Fatal("the collection started after the analyses did not end in 10 s")
		}
		time.Sleep(time.Millisecond)
	}
	return collected.Load()
}

func TestBuild_CollectsOnceTheDataIsAnalysed(t *testing.T) {
	if hugeheap.Backed() {
		t.Skip("the heap's fresh memory comes in huge pages here: no collection is started")
	}
	before := forcedCollections(t)
	if _, err := Build(Options{Config: sample, Clock: fixedClock()}); err != nil {
		t.Fatal(err)
	}
	if n := forcedCollections(t) - before; n != 1 {
		t.Errorf("a build forced %d collections, want 1 (after the analyses)", n)
	}

	q, err := period.ParsePeriod("2025-Q4", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	before = forcedCollections(t)
	shared := Backfill(Options{Config: sample, Clock: fixedClock()}, []period.Period{q, q.Previous()})
	if shared == nil {
		t.Fatal("backfill: no results")
	}
	if n := forcedCollections(t) - before; n != 1 {
		t.Errorf("a backfill forced %d collections, want 1 (after its analyses)", n)
	}
	before = forcedCollections(t)
	for _, sh := range shared {
		if _, err := Build(Options{Config: sample, Clock: fixedClock(), Shared: sh}); err != nil {
			t.Fatal(err)
		}
	}
	if n := forcedCollections(t) - before; n != 0 {
		t.Errorf("builds of a backfill's editions forced %d collections, want none (the backfill's analyses did)", n)
	}
}
