package sqlserve

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/briefing/report/internal/sqlproxy"
	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"
)

// Serve answers the requests read from in on out until in ends: an open,
// then pings and queries on the one connection it opened.
func Serve(in io.Reader, out io.Writer) error {
	w := bufio.NewWriter(out)
	s := &session{enc: gob.NewEncoder(w), w: w}
	defer s.close()
	dec := gob.NewDecoder(bufio.NewReader(in))
	for {
		var req sqlproxy.Request
		if err := dec.Decode(&req); err != nil {
			if err == io.EOF {
				return nil
			}
			return fmt.Errorf("read a request: %w", err)
		}
		if err := s.handle(&req); err != nil {
			return fmt.Errorf("answer a request: %w", err)
		}
	}
}

// ServeIfAsked serves on the standard input and output and exits when
// the process was started as report-sql (sqlproxy.ServeEnv set): a test
// binary that calls it first in its TestMain stands in for report-sql.
// Otherwise it points $REPORT_SQL at the running executable, for the
// test's connections to start, and returns.
func ServeIfAsked() {
	if os.Getenv(sqlproxy.ServeEnv) == "1" {
		if err := Serve(os.Stdin, os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, sqlproxy.HelperName+":", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	if exe, err := os.Executable(); err == nil {
		os.Setenv(sqlproxy.HelperEnv, exe)
	}
}

// session is the connection a helper holds.
type session struct {
	enc *gob.Encoder
	w   *bufio.Writer
	db  *sql.DB // nil until opened
}

func (s *session) handle(req *sqlproxy.Request) error {
	switch {
	case req.Op == sqlproxy.OpOpen:
		return s.open(req)
	case s.db == nil:
		return s.send(&sqlproxy.Reply{Err: &sqlproxy.Error{Msg: "no database open"}})
	case req.Op == sqlproxy.OpPing:
		ctx, cancel := contextFor(req.Deadline)
		defer cancel()
		return s.send(&sqlproxy.Reply{Err: wireError(ctx, s.db.PingContext(ctx))})
	case req.Op == sqlproxy.OpQuery:
		return s.query(req)
	}
	return s.send(&sqlproxy.Reply{Err: &sqlproxy.Error{Msg: fmt.Sprintf("unknown request %q", req.Op)}})
}

// open connects to the database and pings it; the reply says where a
// PostgreSQL DSN points either way.
func (s *session) open(req *sqlproxy.Request) error {
	rep := &sqlproxy.Reply{Protocol: sqlproxy.Protocol, Helper: sqlproxy.HelperName, Secrets: []string{}}
	name := ""
	switch req.Driver {
	case "postgres":
		name = "pgx"
		rep.Place, rep.Secrets = describe(req.DSN)
	case "sqlite":
		name = "sqlite"
	}
	switch {
	case req.Protocol != sqlproxy.Protocol:
		rep.Err = &sqlproxy.Error{Msg: fmt.Sprintf("report is of another build than %s (its messages are version %d, %s's %d): install the two from the same checkout",
			sqlproxy.HelperName, req.Protocol, sqlproxy.HelperName, sqlproxy.Protocol)}
	case s.db != nil:
		rep.Err = &sqlproxy.Error{Msg: "a database is open already"}
	case name == "":
		rep.Err = &sqlproxy.Error{Msg: fmt.Sprintf("unknown driver %q (expected postgres or sqlite)", req.Driver)}
	}
	if rep.Err != nil {
		return s.send(rep)
	}
	ctx, cancel := contextFor(req.Deadline)
	defer cancel()
	db, err := sql.Open(name, req.DSN)
	if err != nil {
		rep.Err = wireError(ctx, err)
		return s.send(rep)
	}
	db.SetMaxOpenConns(1)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		rep.Err = wireError(ctx, err)
		return s.send(rep)
	}
	s.db = db
	return s.send(rep)
}

// describe is where a PostgreSQL DSN points, and its password: pgx's
// reading of it, with its environment variables and defaults.
func describe(dsn string) (sqlproxy.Place, []string) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return sqlproxy.Place{}, []string{}
	}
	place := sqlproxy.Place{Parsed: true, Name: cfg.Database, Host: fmt.Sprintf("%s:%d", cfg.Host, cfg.Port)}
	if cfg.Password != "" {
		return place, []string{cfg.Password}
	}
	return place, []string{}
}

// query runs a query and sends its columns, its rows and the end.
func (s *session) query(req *sqlproxy.Request) error {
	ctx, cancel := contextFor(req.Deadline)
	defer cancel()
	args := make([]any, len(req.Args))
	for i, v := range req.Args {
		args[i] = v.Driver()
	}
	rows, err := s.db.QueryContext(ctx, req.Query, args...)
	if err != nil {
		return s.send(&sqlproxy.Reply{Err: wireError(ctx, err)})
	}
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		return s.send(&sqlproxy.Reply{Err: wireError(ctx, err)})
	}
	cols := make([]sqlproxy.Column, len(types))
	for i, t := range types {
		cols[i] = sqlproxy.Column{Name: t.Name(), Type: t.DatabaseTypeName()}
	}
	if err := s.enc.Encode(&sqlproxy.Reply{Columns: cols}); err != nil {
		return err
	}
	vals, ptrs := make([]any, len(cols)), make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return s.send(&sqlproxy.Reply{Done: true, Err: wireError(ctx, err)})
		}
		row := make([]sqlproxy.Value, len(vals))
		for i, v := range vals {
			if row[i], err = sqlproxy.ValueOf(v); err != nil {
				return s.send(&sqlproxy.Reply{Done: true, Err: wireError(ctx, err)})
			}
		}
		if err := s.enc.Encode(&sqlproxy.Reply{Row: row}); err != nil {
			return err
		}
	}
	return s.send(&sqlproxy.Reply{Done: true, Err: wireError(ctx, rows.Err())})
}

// send sends rep and flushes what is buffered.
func (s *session) send(rep *sqlproxy.Reply) error {
	if err := s.enc.Encode(rep); err != nil {
		return err
	}
	return s.w.Flush()
}

func (s *session) close() {
	if s.db != nil {
		s.db.Close()
	}
}

// contextFor is a context that ends at deadline, if it is not zero.
func contextFor(deadline time.Time) (context.Context, context.CancelFunc) {
	if deadline.IsZero() {
		return context.WithCancel(context.Background())
	}
	return context.WithDeadline(context.Background(), deadline)
}

// wireError is err on the wire, nil for nil; a timeout when the error
// is the deadline's or came after it (a driver may say "interrupted").
func wireError(ctx context.Context, err error) *sqlproxy.Error {
	if err == nil {
		return nil
	}
	timeout := errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded)
	return &sqlproxy.Error{Msg: err.Error(), Timeout: timeout}
}
