package sqlproxy

import (
	"context"
	"database/sql/driver"
	"fmt"
	"time"
)

// Protocol is the version of the messages below. report and report-sql
// from different builds refuse each other when theirs differ.
const Protocol = 1

// The operations of a Request.
const (
	OpOpen  = "open"  // connect to Driver at DSN, and ping
	OpPing  = "ping"  // ping the connection
	OpQuery = "query" // run Query with Args and send its rows
)

// Request is a message from report to the helper.
type Request struct {
	Op       string
	Protocol int       // open: the sender's Protocol
	Driver   string    // open: "postgres" or "sqlite"
	DSN      string    // open
	Deadline time.Time // the caller's deadline; zero for none
	Query    string    // query
	Args     []Value   // query: its bound arguments, in order
}

// Reply is a message from the helper. An open or a ping is answered by
// one; a query by one with its Columns (or Err), then one a row, then one
// with Done (and Err if reading the rows failed).
type Reply struct {
	Err      *Error
	Place    Place    // open
	Secrets  []string // open: parts of the DSN no message may show
	Columns  []Column // query
	Row      []Value  // query: a row
	Done     bool     // query: no more rows
	Protocol int      // open: the helper's Protocol
	Helper   string   // open: HelperName, so that report knows it talks to one
}

// Place is where a PostgreSQL DSN points, as pgx reads it (its
// environment variables and defaults included).
type Place struct {
	Parsed bool   // the DSN parsed
	Name   string // the database
	Host   string // host:port
}

// Column is a column of a query's rows.
type Column struct {
	Name string
	Type string // the driver's name of its type: INT4, TEXT, DATE
}

// Error is an error of the database or the helper, as its text.
type Error struct {
	Msg     string
	Timeout bool // the deadline passed first
}

func (e *Error) Error() string { return e.Msg }

// Unwrap makes an error of a passed deadline context.DeadlineExceeded to
// errors.Is, as the driver's own error was in the helper.
func (e *Error) Unwrap() error {
	if e.Timeout {
		return context.DeadlineExceeded
	}
	return nil
}

// Value is a driver.Value on the wire: gob cannot send a nil inside an
// interface, and the kind keeps an int64 from turning into a float64.
type Value struct {
	Kind  byte // one of the kinds below
	Int   int64
	Float float64
	Bool  bool
	Text  string
	Bytes []byte
	Time  time.Time
}

// The kinds of a Value.
const (
	KindNull byte = iota
	KindInt
	KindFloat
	KindBool
	KindText
	KindBytes
	KindEmptyBytes // []byte{}, which gob would send as a nil []byte
	KindTime
)

// ValueOf is v on the wire. v is one of the types driver.Value allows.
func ValueOf(v driver.Value) (Value, error) {
	switch x := v.(type) {
	case nil:
		return Value{Kind: KindNull}, nil
	case int64:
		return Value{Kind: KindInt, Int: x}, nil
	case float64:
		return Value{Kind: KindFloat, Float: x}, nil
	case bool:
		return Value{Kind: KindBool, Bool: x}, nil
	case string:
		return Value{Kind: KindText, Text: x}, nil
	case []byte:
		if x != nil && len(x) == 0 {
			return Value{Kind: KindEmptyBytes}, nil
		}
		return Value{Kind: KindBytes, Bytes: x}, nil
	case time.Time:
		return Value{Kind: KindTime, Time: x}, nil
	}
	return Value{}, fmt.Errorf("a value of type %T cannot be sent to report-sql", v)
}

// Driver is the value v stands for.
func (v Value) Driver() driver.Value {
	switch v.Kind {
	case KindInt:
		return v.Int
	case KindFloat:
		return v.Float
	case KindBool:
		return v.Bool
	case KindText:
		return v.Text
	case KindBytes:
		return v.Bytes
	case KindEmptyBytes:
		return []byte{}
	case KindTime:
		return v.Time
	}
	return nil
}
