package mdext

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/util"
)

// goldmark's linkify finds a URL with one of two regular expressions,
//
//	^(?:http|https|ftp)://[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-z]+(?::\d+)?(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=\(\);,'">\^{}\[\]`]*)?
//	^www\.[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-z]+(?:[/#?][-a-zA-Z0-9@:%_\+.~#!?&/=\(\);,'">\^{}\[\]`]*)?
//
// whose repetitions of up to 256 made compiling them most of the time
// goldmark's extension package took to load, on every run. urlEnd and
// wwwEnd match them by hand, with Go's leftmost-first semantics: the host
// takes as many characters as it may, then gives them back one by one
// until a dot followed by a lower-case letter ends it; the top-level
// domain, port and path take all they may, and being last or optional
// never give any back. TestURLEnd_AsTheExpressions and FuzzURLEnd hold
// them to the expressions.

// maxHost is the host's most characters before its top-level domain.
const maxHost = 256

// urlEnd returns the end of the URL line starts with, or -1.
func urlEnd(line []byte) int {
	var i int
	switch {
	case bytes.HasPrefix(line, []byte("http://")):
		i = len("http://")
	case bytes.HasPrefix(line, []byte("https://")):
		i = len("https://")
	case bytes.HasPrefix(line, []byte("ftp://")):
		i = len("ftp://")
	default:
		return -1
	}
	i = hostEnd(line, i)
	if i < 0 {
		return -1
	}
	if i+1 < len(line) && line[i] == ':' && util.IsNumeric(line[i+1]) {
		for i += 2; i < len(line) && util.IsNumeric(line[i]); i++ {
		}
	}
	return pathEnd(line, i, true)
}

// wwwEnd returns the end of the address line starts with ("www." and a
// host with its domain, no scheme), or -1.
func wwwEnd(line []byte) int {
	if !bytes.HasPrefix(line, []byte("www.")) {
		return -1
	}
	i := hostEnd(line, len("www."))
	if i < 0 {
		return -1
	}
	return pathEnd(line, i, false)
}

// hostEnd returns the end of the host and top-level domain starting at
// line[from], or -1: the longest run of host characters (at most
// maxHost) cut back to its last dot followed by a lower-case letter, then
// those letters.
func hostEnd(line []byte, from int) int {
	run := 0
	for from+run < len(line) && run < maxHost && isHostByte(line[from+run]) {
		run++
	}
	for k := run; k >= 1; k-- {
		dot := from + k
		if dot+1 < len(line) && line[dot] == '.' && isLower(line[dot+1]) {
			i := dot + 2
			for i < len(line) && isLower(line[i]) {
				i++
			}
			return i
		}
	}
	return -1
}

// pathEnd returns the end of the path, query or fragment starting at
// line[i] (one of / # ?, then path characters), i when there is none.
// The address after "www." has no '$' in its path.
func pathEnd(line []byte, i int, dollar bool) int {
	if i >= len(line) || (line[i] != '/' && line[i] != '#' && line[i] != '?') {
		return i
	}
	for i++; i < len(line) && isPathByte(line[i], dollar); i++ {
	}
	return i
}

func isLower(b byte) bool { return 'a' <= b && b <= 'z' }

// isHostByte reports whether b is in [-a-zA-Z0-9@:%._\+~#=].
func isHostByte(b byte) bool {
	return util.IsAlphaNumeric(b) || strings.IndexByte("-@:%._+~#=", b) >= 0
}

// isPathByte reports whether b is in [-a-zA-Z0-9@:%_+.~#$!?&/=\(\);,'">\^{}\[\]`],
// without the '$' unless dollar.
func isPathByte(b byte, dollar bool) bool {
	if b == '$' {
		return dollar
	}
	return util.IsAlphaNumeric(b) || strings.IndexByte("-@:%_+.~#!?&/=();,'\">^{}[]`", b) >= 0
}
