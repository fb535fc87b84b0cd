// Package sqlserve is the helper's side of package sqlproxy: it reads
// report's requests, runs them with the real drivers (pgx for
// PostgreSQL, modernc.org/sqlite) and sends back the answers. It is
// report-sql's main, and a test binary's when it stands in for
// report-sql (ServeIfAsked). report itself must not import it: it would
// link the drivers again (cmd/report's TestReport_LinksNoSQLDriver).
package sqlserve
