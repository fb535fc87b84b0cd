// Package sqlproxy is a database/sql driver that runs a SQL dataset's
// queries in a helper process, report-sql, which links the database
// drivers (pgx for PostgreSQL, modernc.org/sqlite) so that report does
// not: linked in, their packages' initialisation and size cost every run
// of report 4-5 ms (December 2026: `report version` 19.6 against 15.2 ms,
// the sample 4.2 ms), SQL datasets or not. git keeps its HTTP transport
// in a helper for the same reason.
//
// Each connection is a helper process holding one connection of the real
// driver; report and the helper exchange gob messages over its standard
// input and output (wire.go). The helper is found through $REPORT_SQL,
// beside report's own executable, or on PATH (helper.go). A test binary
// can stand in for it: see sqlserve.ServeIfAsked.
package sqlproxy
