package dataset

import (
	"errors"
	"io/fs"
	"testing"
)

func TestError_Error(t *testing.T) {
	tests := []struct {
		err  Error
		want string
	}{
		{Error{File: "a.csv", Line: 3, Column: 2, Msg: "bad"}, "a.csv:3:2: bad"},
		{Error{File: "a.csv", Line: 3, Column: 2, ColumnName: "TIV", Msg: "bad"}, `a.csv:3:2: column "TIV": bad`},
		{Error{File: "a.csv", Line: 3, Msg: "bad"}, "a.csv:3: bad"},
		{Error{File: "a.csv", Column: 2, Msg: "bad"}, "a.csv: bad"},
		{Error{File: "a.csv", Msg: "bad"}, "a.csv: bad"},
		{Error{Line: 3, Column: 2, Msg: "bad"}, ":3:2: bad"},
		{Error{Msg: "bad"}, "bad"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("%+v.Error() = %q, want %q", tt.err, got, tt.want)
		}
	}
}

func TestError_Unwrap(t *testing.T) {
	e := &Error{File: "a.csv", Msg: "no such file", err: fs.ErrNotExist}
	if !errors.Is(e, fs.ErrNotExist) {
		t.Error("errors.Is(e, fs.ErrNotExist) = false")
	}
	if (&Error{}).Unwrap() != nil {
		t.Error("Unwrap of an Error without a cause is not nil")
	}
}
