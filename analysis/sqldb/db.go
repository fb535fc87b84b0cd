package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"
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
}

// MaxConns is how many connections a dataset holds open at most: its
// queries run on two at once (analysis prefetches them).
const MaxConns = 2

// Open opens the database of driver ("postgres" or "sqlite") at dsn and
// checks that it answers within timeout. Errors say where the database is
// as Where does, never with the DSN or its password.
func Open(driver, dsn string, timeout time.Duration) (*DB, error) {
	d, err := dialectOf(driver)
	if err != nil {
		return nil, err
	}
	db := &DB{Dialect: d, Timeout: timeout, secrets: secretsOf(dsn)}
	db.Place = placeOf(driver, dsn)
	db.Where = db.Place.String()
	name := "pgx"
	if driver == "sqlite" {
		name = "sqlite"
		if strings.HasPrefix(dsn, "file:") || !strings.Contains(dsn, "?") {
			// read only: report never writes to a dataset
			dsn = sqliteReadOnly(dsn)
		}
	}
	sdb, err := sql.Open(name, dsn)
	if err != nil {
		return nil, db.Err("open", err)
	}
	sdb.SetMaxOpenConns(MaxConns)
	db.DB = sdb
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := sdb.PingContext(ctx); err != nil {
		sdb.Close()
		return nil, db.Err("connect", err)
	}
	return db, nil
}

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

// placeOf names a database by host and name only.
func placeOf(driver, dsn string) Place {
	if driver == "sqlite" {
		path := strings.TrimPrefix(dsn, "file:")
		if i := strings.IndexByte(path, '?'); i >= 0 {
			path = path[:i]
		}
		return Place{Driver: driver, Path: path}
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return Place{Driver: "postgres"}
	}
	return Place{Driver: "postgres", Name: cfg.Database, Host: fmt.Sprintf("%s:%d", cfg.Host, cfg.Port)}
}

// secretsOf are the parts of a DSN no message may show: the DSN itself and
// its password.
func secretsOf(dsn string) []string {
	out := []string{dsn}
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if p, ok := u.User.Password(); ok {
			out = append(out, p, url.QueryEscape(p))
		}
	}
	if cfg, err := pgx.ParseConfig(dsn); err == nil && cfg.Password != "" {
		out = append(out, cfg.Password)
	}
	return out
}
