// Package sqldb is report's adapter to SQL databases through database/sql:
// PostgreSQL through pgx and SQLite through modernc.org/sqlite (pure Go),
// both in the helper process report-sql (package sqlproxy), so that report
// itself links neither. It opens a database without ever printing its
// DSN, finds the columns of a table or query, and writes the few SQL
// expressions whose spelling differs between the two dialects. The
// queries themselves are built by package analysis, which knows what
// each analysis needs.
package sqldb
