package sqldb

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefing/report/internal/sqlproxy"
	"github.com/briefing/report/internal/sqlproxy/sqlserve"
)

// TestMain makes this test binary report-sql (sqlserve.ServeIfAsked).
func TestMain(m *testing.M) {
	sqlserve.ServeIfAsked()
	os.Exit(m.Run())
}

// Datasets of the same database share its connections (helper
// processes); the last to close it closes them.
func TestOpen_SharesTheDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	direct, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := direct.Exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (7)"); err != nil {
		t.Fatal(err)
	}
	direct.Close()
	a, err := Open("sqlite", path, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open("sqlite", path, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if a.DB != b.DB {
		t.Fatal("two opens of one database hold two pools")
	}
	a.Close()
	var x int
	if err := b.QueryRow("SELECT x FROM t").Scan(&x); err != nil || x != 7 {
		t.Fatalf("after the other closed: %v, %v", x, err)
	}
	b.Close()
	if err := b.Ping(); err == nil {
		t.Fatal("the database stayed open after its last close")
	}
	if n := len(pools.m); n != 0 {
		t.Fatalf("%d pools left", n)
	}
}

// The errors of opening say where the database is, never its DSN.
func TestOpen_Errors(t *testing.T) {
	tests := []struct {
		name, driver, dsn, helper string
		want                      []string
	}{
		{"ErrRefused", "postgres", "host=127.0.0.1 port=1 dbname=archive user=analyst password=kw-pw sslmode=disable connect_timeout=2", "",
			[]string{"connect postgres database archive on 127.0.0.1:1: "}},
		{"ErrDSNDoesNotParse", "postgres", "postgres://analyst:pw@[::1", "",
			[]string{"connect postgres database (its DSN does not parse): "}},
		{"ErrNoFile", "sqlite", filepath.Join(t.TempDir(), "missing.db"), "",
			[]string{"connect sqlite file ", "missing.db: "}},
		{"ErrHelperMissing", "postgres", "postgres://analyst:pw@127.0.0.1:1/intel", filepath.Join(t.TempDir(), "none"),
			[]string{"connect postgres database: SQL datasets need report-sql"}},
		{"ErrDriver", "oracle", "x", "", []string{`unknown driver "oracle"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.helper != "" {
				t.Setenv(sqlproxy.HelperEnv, tc.helper)
			}
			db, err := Open(tc.driver, tc.dsn, 10*time.Second)
			if err == nil {
				db.Close()
				t.Fatal("opened")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%q lacks %q", err, w)
				}
			}
			for _, secret := range []string{tc.dsn, "kw-pw", ":pw@"} {
				if tc.driver == "postgres" && strings.Contains(err.Error(), secret) {
					t.Errorf("%q shows %q", err, secret)
				}
			}
		})
	}
}
