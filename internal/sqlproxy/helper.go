package sqlproxy

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// HelperName is the helper's file name, without ".exe".
const HelperName = "report-sql"

// HelperEnv names the helper's path when set.
const HelperEnv = "REPORT_SQL"

// ServeEnv is set to "1" in the helper's environment: a test binary that
// stands in for the helper serves when it sees it (sqlserve.ServeIfAsked).
const ServeEnv = "REPORT_SQL_SERVE"

// MissingError says that the helper is not where report looks for it.
type MissingError struct {
	Looked []string // where report looked, in order
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("SQL datasets need %s, installed beside report (go install ./cmd/...), or its path in $%s: not found (looked at %s)",
		HelperName, HelperEnv, strings.Join(e.Looked, ", "))
}

// HelperPath finds the helper, as each connection does: $REPORT_SQL if
// set, else beside the running executable, else on PATH. The error is a
// *MissingError when it is nowhere.
func HelperPath() (string, error) {
	if p := os.Getenv(HelperEnv); p != "" {
		if isFile(p) {
			return p, nil
		}
		return "", &MissingError{Looked: []string{p + " ($" + HelperEnv + ")"}}
	}
	name := HelperName
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	var looked []string
	if exe, err := os.Executable(); err == nil {
		beside := filepath.Join(filepath.Dir(exe), name)
		if isFile(beside) {
			return beside, nil
		}
		looked = append(looked, beside)
	}
	p, err := exec.LookPath(name)
	if err == nil {
		return p, nil
	}
	if !errors.Is(err, exec.ErrNotFound) {
		return "", err
	}
	return "", &MissingError{Looked: append(looked, "PATH")}
}

// isFile reports whether a regular file is at path.
func isFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}
