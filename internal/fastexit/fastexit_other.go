//go:build !linux || !amd64

package fastexit

import "os"

// Exit exits the process with code: os.Exit (no keeper here; keep close
// with the process).
func Exit(code int, keep ...*os.File) { os.Exit(code) }
