//go:build !linux || !amd64

package fastexit

import "os"

// Exit exits the process with code: os.Exit (no keeper here).
func Exit(code int) { os.Exit(code) }
