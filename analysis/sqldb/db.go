package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/briefing/report/internal/sqlproxy"
)

// DB is an open database of a dataset.
type DB struct {
	*sql.DB
	Dialect Dialect
	// Where names the database for people: "postgres database briefing
	// on 127.0.0.1:5432", "sqlite file data/briefing.db". Never the DSN.
	Where string
	// Place is what Where says, in parts, for a reader's language.
	Place   Place
	Timeout time.Duration
	secrets []string // parts of the DSN no message may show
	pool    *pool
}

// MaxConns is how many connections a database holds open at most: its
// queries run on two at once (analysis prefetches them).
const MaxConns = 2

// pools are the databases open in the process, by driver and DSN: the
// datasets (and earlier exports) that read the same database share its
// connections, each a helper process that takes 15-25 ms to start.
var pools = struct {
	sync.Mutex
	m map[poolKey]*pool
}{m: map[poolKey]*pool{}}

type poolKey struct{ driver, dsn string }

// pool is a database open in the process, and how many DBs use it.
type pool struct {
	key       poolKey
	sdb       *sql.DB
	connector *sqlproxy.Connector
	refs      int
}

// acquire returns the pool of the database of driver at dsn, opened if it
// is not open yet.
func acquire(driver, dsn string) *pool {
	pools.Lock()
	defer pools.Unlock()
	key := poolKey{driver, dsn}
	p := pools.m[key]
	if p == nil {
		p = &pool{key: key, connector: sqlproxy.NewConnector(driver, dsn)}
		p.connector.Prestart(MaxConns - 1) // starts while the first connects
		p.sdb = sql.OpenDB(p.connector)
		p.sdb.SetMaxOpenConns(MaxConns)
		pools.m[key] = p
	}
	p.refs++
	return p
}

// release gives p back; the last DB to use it closes it.
func (p *pool) release() error {
	pools.Lock()
	defer pools.Unlock()
	if p.refs--; p.refs > 0 {
		return nil
	}
	delete(pools.m, p.key)
	return p.sdb.Close()
}

// Open opens the database of driver ("postgres" or "sqlite") at dsn and
// checks that it answers within timeout. Errors say where the database is
// as Where does, never with the DSN or its password. The queries run in
// the helper report-sql (package sqlproxy), which links the drivers.
func Open(driver, dsn string, timeout time.Duration) (*DB, error) {
	d, err := dialectOf(driver)
	if err != nil {
		return nil, err
	}
	db := &DB{Dialect: d, Timeout: timeout, secrets: secretsOf(dsn)}
	open := dsn
	if driver == "sqlite" && (strings.HasPrefix(dsn, "file:") || !strings.Contains(dsn, "?")) {
		// read only: report never writes to a dataset
		open = sqliteReadOnly(dsn)
	}
	p := acquire(driver, open)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	err = p.sdb.PingContext(ctx)
	// what the helper read in the DSN, whether it connected or not
	described, secrets, ok := p.connector.Described()
	db.secrets = append(db.secrets, secrets...)
	db.Place = placeOf(driver, dsn, described)
	db.Where = db.Place.String()
	if !ok && driver == "postgres" {
		db.Where = "postgres database" // no helper read the DSN
	}
	if err != nil {
		p.release()
		return nil, db.Err("connect", err)
	}
	db.DB, db.pool = p.sdb, p
	return db, nil
}

// Close closes the database, unless other DBs of the same database still
// use its connections.
func (db *DB) Close() error { return db.pool.release() }

// sqliteReadOnly opens a SQLite file read-only, so that a missing file is
// an error rather than a new empty database.
func sqliteReadOnly(dsn string) string {
	path := strings.TrimPrefix(dsn, "file:")
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return "file:" + path + sep + "mode=ro"
}

// Err wraps an error of the database: what report was doing, where, and
// the driver's message with every secret of the DSN blanked out.
func (db *DB) Err(doing string, err error) error {
	msg := err.Error()
	if errors.Is(err, context.DeadlineExceeded) {
		msg = fmt.Sprintf("no answer within %s (set timeout: to wait longer)", db.Timeout)
	}
	for _, s := range db.secrets {
		if s != "" {
			msg = strings.ReplaceAll(msg, s, "***")
		}
	}
	return fmt.Errorf("%s %s: %s", doing, db.Where, msg)
}

// Version is the server's version ("PostgreSQL 17.2", "SQLite 3.49.1").
func (db *DB) Version(ctx context.Context) string {
	var v string
	q := "SELECT version()"
	if db.Dialect.Name() == "sqlite" {
		q = "SELECT 'SQLite ' || sqlite_version()"
	}
	if err := db.QueryRowContext(ctx, q).Scan(&v); err != nil {
		return "unknown version"
	}
	if f := strings.Fields(v); len(f) >= 2 && db.Dialect.Name() == "postgres" {
		return f[0] + " " + f[1]
	}
	return v
}

// Place is where a database is, by host and name or file only: never
// its DSN.
type Place struct {
	Driver string // "postgres" or "sqlite"
	Name   string // the PostgreSQL database; "" when its DSN does not parse
	Host   string // host:port
	Path   string // the SQLite file
}

// String names the database in English: "postgres database briefing on
// 127.0.0.1:5432", "sqlite file data/briefing.db".
func (p Place) String() string {
	switch {
	case p.Driver == "sqlite":
		return "sqlite file " + p.Path
	case p.Host == "":
		return "postgres database (its DSN does not parse)"
	}
	return fmt.Sprintf("postgres database %s on %s", p.Name, p.Host)
}

// placeOf names a database by host and name only: a SQLite file by the
// path in its DSN, a PostgreSQL database as the helper described its DSN.
func placeOf(driver, dsn string, described sqlproxy.Place) Place {
	if driver == "sqlite" {
		path := strings.TrimPrefix(dsn, "file:")
		if i := strings.IndexByte(path, '?'); i >= 0 {
			path = path[:i]
		}
		return Place{Driver: driver, Path: path}
	}
	if !described.Parsed {
		return Place{Driver: "postgres"}
	}
	return Place{Driver: "postgres", Name: described.Name, Host: described.Host}
}

// secretsOf are the parts of a DSN no message may show that report finds
// itself: the DSN and a URL's password. The helper adds the password as
// pgx reads it (a keyword DSN's, $PGPASSWORD).
func secretsOf(dsn string) []string {
	out := []string{dsn}
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if p, ok := u.User.Password(); ok {
			out = append(out, p, url.QueryEscape(p))
		}
	}
	return out
}
