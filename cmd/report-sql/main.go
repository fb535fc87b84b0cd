// Command report-sql runs the queries of report's SQL datasets: report
// starts it, one process a database connection, and talks to it over its
// standard input and output (package sqlproxy). It links the database
// drivers so that report does not; install it beside report. It is not
// meant to be run by hand.
package main

import (
	"fmt"
	"os"

	"github.com/briefing/report/internal/sqlproxy/sqlserve"
)

func main() {
	if len(os.Args) > 1 {
		fmt.Fprintln(os.Stderr, "report-sql runs the queries of report's SQL datasets; report starts it, with no arguments. Install it beside report.")
		os.Exit(2)
	}
	if err := sqlserve.Serve(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "report-sql:", err)
		os.Exit(1)
	}
}
