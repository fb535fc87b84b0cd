package lazyregexp

import "testing"

func TestNew_CompilesOnceOnFirstUse(t *testing.T) {
	re := New(`^(\d+)-Q([1-4])$`)
	first := re()
	if m := first.FindStringSubmatch("2025-Q3"); len(m) != 3 || m[1] != "2025" || m[2] != "3" {
		t.Fatalf("match = %q, want [2025-Q3 2025 3]", m)
	}
	if re() != first {
		t.Error("a second call compiled the expression again")
	}
}

func TestNew_InvalidPanicsOnUseNotOnNew(t *testing.T) {
	re := New(`(`) // must not panic here
	defer func() {
		if recover() == nil {
			t.Error("an invalid expression did not panic on first use")
		}
	}()
	re()
}
