package locale

import "testing"

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New("en-GB", nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkKeys(b *testing.B) {
	for b.Loop() {
		Keys()
	}
}
