package sqlserve

import (
	"bytes"
	"encoding/gob"
	"strings"
	"testing"

	"github.com/briefing/report/internal/sqlproxy"
)

// serve runs Serve on the requests and returns its replies.
func serve(t *testing.T, reqs ...sqlproxy.Request) []sqlproxy.Reply {
	t.Helper()
	var in, out bytes.Buffer
	enc := gob.NewEncoder(&in)
	for i := range reqs {
		if err := enc.Encode(&reqs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := Serve(&in, &out); err != nil {
		t.Fatal(err)
	}
	var reps []sqlproxy.Reply
	dec := gob.NewDecoder(&out)
	for out.Len() > 0 {
		var rep sqlproxy.Reply
		if err := dec.Decode(&rep); err != nil {
			t.Fatal(err)
		}
		reps = append(reps, rep)
	}
	return reps
}

func TestServe_Refuses(t *testing.T) {
	tests := []struct {
		name string
		reqs []sqlproxy.Request
		want string
	}{
		{"OtherProtocol", []sqlproxy.Request{{Op: sqlproxy.OpOpen, Protocol: sqlproxy.Protocol + 1, Driver: "sqlite", DSN: ":memory:"}},
			"report is of another build than report-sql"},
		{"UnknownDriver", []sqlproxy.Request{{Op: sqlproxy.OpOpen, Protocol: sqlproxy.Protocol, Driver: "oracle", DSN: "x"}},
			`unknown driver "oracle"`},
		{"QueryBeforeOpen", []sqlproxy.Request{{Op: sqlproxy.OpQuery, Query: "SELECT 1"}}, "no database open"},
		{"OpenTwice", []sqlproxy.Request{
			{Op: sqlproxy.OpOpen, Protocol: sqlproxy.Protocol, Driver: "sqlite", DSN: ":memory:"},
			{Op: sqlproxy.OpOpen, Protocol: sqlproxy.Protocol, Driver: "sqlite", DSN: ":memory:"}},
			"a database is open already"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reps := serve(t, tc.reqs...)
			last := reps[len(reps)-1]
			if last.Err == nil || !strings.Contains(last.Err.Msg, tc.want) {
				t.Fatalf("replies %+v, want an error saying %q", reps, tc.want)
			}
		})
	}
}

// A query is answered by its columns, a reply a row and the end.
func TestServe_Query(t *testing.T) {
	reps := serve(t,
		sqlproxy.Request{Op: sqlproxy.OpOpen, Protocol: sqlproxy.Protocol, Driver: "sqlite", DSN: ":memory:"},
		sqlproxy.Request{Op: sqlproxy.OpQuery, Query: "SELECT ?1 AS a UNION ALL SELECT 'b'", Args: []sqlproxy.Value{{Kind: sqlproxy.KindText, Text: "a"}}})
	if len(reps) != 5 {
		t.Fatalf("%d replies, want open, columns, 2 rows, end: %+v", len(reps), reps)
	}
	if reps[0].Err != nil || reps[0].Protocol != sqlproxy.Protocol {
		t.Fatalf("open: %+v", reps[0])
	}
	if len(reps[1].Columns) != 1 || reps[1].Columns[0].Name != "a" {
		t.Fatalf("columns: %+v", reps[1])
	}
	if reps[2].Row[0].Text != "a" || reps[3].Row[0].Text != "b" || !reps[4].Done || reps[4].Err != nil {
		t.Fatalf("rows: %+v", reps[2:])
	}
}
