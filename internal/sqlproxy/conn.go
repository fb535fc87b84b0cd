package sqlproxy

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"
)

// Connector connects to a database through helper processes, one a
// connection. Use it with sql.OpenDB.
type Connector struct {
	driverName, dsn string

	mu      sync.Mutex
	place   Place
	secrets []string
	spares  []*process // started ahead, not connected yet
}

// NewConnector returns a Connector to the database of driverName
// ("postgres" or "sqlite") at dsn.
func NewConnector(driverName, dsn string) *Connector {
	return &Connector{driverName: driverName, dsn: dsn}
}

// Described returns where a PostgreSQL DSN points and the parts of it no
// message may show, as the first helper that read the DSN said; ok is
// false before one did.
func (c *Connector) Described() (place Place, secrets []string, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.place, c.secrets, c.secrets != nil
}

// Prestart starts n helpers ahead, for the next connections to take:
// a helper takes 15-25 ms to start, and a query run ahead needs a second
// connection while the first is busy.
func (c *Connector) Prestart(n int) {
	for range n {
		p, err := start()
		if err != nil {
			return // Connect will say why
		}
		c.mu.Lock()
		c.spares = append(c.spares, p)
		c.mu.Unlock()
	}
}

// Close ends the helpers started ahead and not taken; database/sql calls
// it as the DB closes.
func (c *Connector) Close() error {
	c.mu.Lock()
	spares := c.spares
	c.spares = nil
	c.mu.Unlock()
	for _, p := range spares {
		p.close()
	}
	return nil
}

// Connect has a helper (one started ahead, or a new one) connect and
// ping, and returns the connection.
func (c *Connector) Connect(ctx context.Context) (driver.Conn, error) {
	p, err := c.take()
	if err != nil {
		return nil, err
	}
	rep, err := p.roundTrip(ctx, &Request{Op: OpOpen, Protocol: Protocol, Driver: c.driverName, DSN: c.dsn, Deadline: deadline(ctx)})
	if err != nil {
		return nil, err
	}
	if rep.Helper != HelperName {
		p.close()
		return nil, fmt.Errorf("%s is not %s (it does not answer as one): point $%s at %s, or install it beside report",
			p.cmd.Path, HelperName, HelperEnv, HelperName)
	}
	if rep.Protocol != Protocol {
		p.close()
		return nil, fmt.Errorf("%s is of another build than report (its messages are version %d, report's %d): install the two from the same checkout",
			HelperName, rep.Protocol, Protocol)
	}
	c.mu.Lock()
	if c.secrets == nil {
		c.place, c.secrets = rep.Place, append([]string{}, rep.Secrets...)
	}
	c.mu.Unlock()
	if rep.Err != nil {
		p.close()
		return nil, rep.Err
	}
	return &conn{p: p}, nil
}

// take takes a helper started ahead, or starts one.
func (c *Connector) take() (*process, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if n := len(c.spares); n > 0 {
		p := c.spares[n-1]
		c.spares = c.spares[:n-1]
		return p, nil
	}
	return start()
}

// Driver returns the driver, which opens nothing by name: use
// NewConnector.
func (c *Connector) Driver() driver.Driver { return proxyDriver{} }

type proxyDriver struct{}

func (proxyDriver) Open(string) (driver.Conn, error) {
	return nil, errors.New("sqlproxy: open a database with NewConnector and sql.OpenDB")
}

// deadline is ctx's deadline, zero for none.
func deadline(ctx context.Context) time.Time {
	d, _ := ctx.Deadline()
	return d
}

// conn is a connection: a helper holding one of the real driver's.
type conn struct {
	p   *process
	bad bool // the helper is gone
}

var (
	_ driver.QueryerContext                 = (*conn)(nil)
	_ driver.Pinger                         = (*conn)(nil)
	_ driver.Validator                      = (*conn)(nil)
	_ driver.SessionResetter                = (*conn)(nil)
	_ driver.RowsColumnTypeDatabaseTypeName = (*rows)(nil)
)

// errReadOnly answers what report never does through the helper.
var errReadOnly = errors.New("sqlproxy: report only queries: no prepared statements, no transactions")

func (c *conn) Prepare(string) (driver.Stmt, error) { return nil, errReadOnly }
func (c *conn) Begin() (driver.Tx, error)           { return nil, errReadOnly }
func (c *conn) Close() error                        { return c.p.close() }
func (c *conn) IsValid() bool                       { return !c.bad }

func (c *conn) ResetSession(context.Context) error {
	if c.bad {
		return driver.ErrBadConn
	}
	return nil
}

func (c *conn) Ping(ctx context.Context) error {
	rep, err := c.p.roundTrip(ctx, &Request{Op: OpPing, Deadline: deadline(ctx)})
	if err != nil {
		c.bad = true
		return err
	}
	if rep.Err != nil {
		return rep.Err
	}
	return nil
}

// QueryContext runs query in the helper and returns its rows, read from
// the helper as they are asked for.
func (c *conn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	req := &Request{Op: OpQuery, Query: query, Deadline: deadline(ctx), Args: make([]Value, len(args))}
	for i, a := range args {
		if a.Name != "" {
			return nil, fmt.Errorf("sqlproxy: named argument %q: report binds by position", a.Name)
		}
		v, err := ValueOf(a.Value)
		if err != nil {
			return nil, err
		}
		req.Args[i] = v
	}
	stop := context.AfterFunc(ctx, c.p.kill) // until the last row is read
	if err := c.p.send(req); err != nil {
		stop()
		return nil, c.broke(ctx, err)
	}
	rep, err := c.p.receive()
	if err != nil {
		stop()
		return nil, c.broke(ctx, err)
	}
	if rep.Err != nil {
		stop()
		return nil, rep.Err
	}
	return &rows{c: c, ctx: ctx, stop: stop, cols: rep.Columns}, nil
}

// broke marks the connection gone after the pipe broke, and says why.
func (c *conn) broke(ctx context.Context, err error) error {
	c.bad = true
	return c.p.failed(ctx, err)
}

// rows are a query's rows, read from the helper.
type rows struct {
	c    *conn
	ctx  context.Context
	stop func() bool
	cols []Column
	done bool
	err  error // how reading ended, once done
}

func (r *rows) Columns() []string {
	out := make([]string, len(r.cols))
	for i, c := range r.cols {
		out[i] = c.Name
	}
	return out
}

func (r *rows) ColumnTypeDatabaseTypeName(i int) string { return r.cols[i].Type }

func (r *rows) Next(dest []driver.Value) error {
	if r.done {
		return r.err
	}
	rep, err := r.c.p.receive()
	switch {
	case err != nil:
		return r.finish(r.c.broke(r.ctx, err))
	case rep.Done && rep.Err != nil:
		return r.finish(rep.Err)
	case rep.Done:
		return r.finish(io.EOF)
	case len(rep.Row) != len(dest):
		return r.finish(r.c.broke(r.ctx, fmt.Errorf("a row of %d values for %d columns", len(rep.Row), len(dest))))
	}
	for i, v := range rep.Row {
		dest[i] = v.Driver()
	}
	return nil
}

// finish ends the reading with err.
func (r *rows) finish(err error) error {
	r.done, r.err = true, err
	r.stop()
	return err
}

// Close reads the rows not read yet, so that the connection's next
// query finds its own reply first.
func (r *rows) Close() error {
	dest := make([]driver.Value, len(r.cols))
	for !r.done {
		_ = r.Next(dest)
	}
	return nil // an error was Next's to report
}
