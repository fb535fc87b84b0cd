package sqlproxy

import (
	"bytes"
	"context"
	"database/sql/driver"
	"encoding/gob"
	"errors"
	"reflect"
	"testing"
	"time"
)

// Every kind of driver.Value crosses the wire as itself: an int64 stays
// an int64, a NULL a nil, an empty []byte an empty
// one and a nil []byte nil.
func TestValue_RoundTrip(t *testing.T) {
	when := time.Date(2024, 7, 15, 10, 30, 0, 0, time.FixedZone("X", 3600))
	tests := []struct {
		name string
		v    driver.Value
	}{
		{"Null", nil},
		{"Int", int64(-2025)},
		{"IntZero", int64(0)},
		{"Float", 1234.5},
		{"Bool", true},
		{"Text", " Russia → China "},
		{"Bytes", []byte("SU-35")},
		{"EmptyBytes", []byte{}},
		{"NilBytes", []byte(nil)},
		{"Time", when},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, err := ValueOf(tc.v)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := gob.NewEncoder(&buf).Encode(&Reply{Row: []Value{v}}); err != nil {
				t.Fatal(err)
			}
			var got Reply
			if err := gob.NewDecoder(&buf).Decode(&got); err != nil {
				t.Fatal(err)
			}
			back := got.Row[0].Driver()
			if tm, ok := back.(time.Time); ok {
				if !tm.Equal(when) {
					t.Fatalf("got %v, want %v", tm, when)
				}
				return
			}
			if !reflect.DeepEqual(back, tc.v) {
				t.Fatalf("got %#v (%T), want %#v (%T)", back, back, tc.v, tc.v)
			}
		})
	}
}

func TestValue_ErrUnknownType(t *testing.T) {
	if _, err := ValueOf(struct{}{}); err == nil {
		t.Fatal("a struct went on the wire")
	}
}

// A timeout the helper saw is context.DeadlineExceeded to errors.Is, so
// that report says "no answer within".
func TestError_TimeoutIsDeadlineExceeded(t *testing.T) {
	if !errors.Is(&Error{Msg: "interrupted", Timeout: true}, context.DeadlineExceeded) {
		t.Fatal("timeout not DeadlineExceeded")
	}
	if errors.Is(&Error{Msg: "syntax error"}, context.DeadlineExceeded) {
		t.Fatal("other error DeadlineExceeded")
	}
}
