package main

import (
	"fmt"
	"path/filepath"

	"github.com/briefing/report/internal/scaffold"
	"github.com/spf13/cobra"
)

func newInitCmd(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "init DIR",
		Short: "Create a new briefing project that `report gen` builds as is",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			files, err := scaffold.Write(dir)
			if err != nil {
				return inputErr(fmt.Errorf("init: %w", err))
			}
			fmt.Fprintf(s.Out, "created %s with %d files; build it with:\n  report gen --config %s\n",
				dir, len(files), filepath.Join(dir, "briefing.yaml"))
			return nil
		},
	}
}
