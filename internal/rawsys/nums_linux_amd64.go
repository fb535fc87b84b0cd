package rawsys

// The system calls' numbers on linux/amd64.
const (
	sysRead       = 0
	sysClose      = 3
	sysMincore    = 27
	sysMadvise    = 28
	sysOpenat     = 257
	sysReadlinkat = 267
)
