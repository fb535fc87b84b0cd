// Command scalegen makes the large datasets of report's scale
// measurements from a real one: the SIPRI register repeated N times, as a
// CSV file, a PostgreSQL table (through COPY) and an Excel sheet, rows
// streamed so that its own memory stays small. See .ci/scale.
//
//	scalegen -copies 400 -csv out.csv -pg DSN -table transfers_10m
//	scalegen -copies 40 -xlsx out.xlsx
package main

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/briefing/report/analysis/dataset"
	"github.com/briefing/report/analysis/sqldb"
	"github.com/briefing/report/internal/sqlfixture"
	"github.com/jackc/pgx/v5"
	"github.com/xuri/excelize/v2"
)

func main() {
	src := flag.String("register", "testdata/sipri/registers/trade-register-generated-2026-02-12.csv", "the register to repeat")
	copies := flag.Int("copies", 400, "how many times to repeat it")
	csvOut := flag.String("csv", "", "write the rows as a plain CSV file here")
	xlsxOut := flag.String("xlsx", "", "write the rows as an Excel sheet here")
	pgDSN := flag.String("pg", "", "load the rows into this PostgreSQL database")
	table := flag.String("table", "transfers_scale", "the table to load")
	flag.Parse()
	t, err := sqlfixture.Read(dataset.Spec{Path: *src, Format: dataset.FormatSIPRIRegister})
	if err != nil {
		fail(err)
	}
	n := len(t.Rows) * *copies
	if *csvOut != "" {
		fail(writeCSV(*csvOut, t, *copies))
	}
	if *xlsxOut != "" {
		fail(writeXLSX(*xlsxOut, t, *copies))
	}
	if *pgDSN != "" {
		fail(loadPG(*pgDSN, *table, t, *copies))
	}
	fmt.Printf("%d rows\n", n)
}

func fail(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "scalegen:", err)
		os.Exit(1)
	}
}

func cell(v any) string {
	if v == nil {
		return ""
	}
	return v.(string)
}

func writeCSV(path string, t *sqlfixture.Table, copies int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	w.Write(t.Columns)
	rec := make([]string, len(t.Columns))
	for range copies {
		for _, r := range t.Rows {
			for i, v := range r {
				rec[i] = cell(v)
			}
			w.Write(rec)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return f.Close()
}

func writeXLSX(path string, t *sqlfixture.Table, copies int) error {
	f := excelize.NewFile()
	defer f.Close() // removes the stream writer's temporary file
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	head := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c
	}
	sw.SetRow("A1", head)
	row := 2
	vals := make([]any, len(t.Columns))
	for range copies {
		for _, r := range t.Rows {
			for i, v := range r {
				vals[i] = cellValue(cell(v), t.Types[i])
			}
			name, _ := excelize.CoordinatesToCellName(1, row)
			if err := sw.SetRow(name, vals); err != nil {
				return err
			}
			row++
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// cellValue is a number cell for a number column, text otherwise.
func cellValue(s, typ string) any {
	var f float64
	if (typ == "INTEGER" || typ == "NUMERIC") && s != "" {
		if _, err := fmt.Sscan(s, &f); err == nil {
			return f
		}
	}
	return s
}

func loadPG(dsn, table string, t *sqlfixture.Table, copies int) error {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = sqldb.Quote(c) + " " + t.Types[i]
	}
	if _, err := conn.Exec(ctx, "DROP TABLE IF EXISTS "+sqldb.QuoteTable(table)); err != nil {
		return err
	}
	if _, err := conn.Exec(ctx, fmt.Sprintf("CREATE TABLE %s (%s)", sqldb.QuoteTable(table), strings.Join(cols, ", "))); err != nil {
		return err
	}
	k, i := 0, 0
	src := pgx.CopyFromFunc(func() ([]any, error) {
		if k == copies {
			return nil, nil
		}
		r := t.Rows[i]
		if i++; i == len(t.Rows) {
			i, k = 0, k+1
		}
		return sqlfixture.PGValues(r, t.Types)
	})
	_, err = conn.CopyFrom(ctx, pgx.Identifier(strings.Split(table, ".")), t.Columns, src)
	if err != nil {
		return err
	}
	_, err = conn.Exec(ctx, "ANALYZE "+sqldb.QuoteTable(table))
	return err
}
