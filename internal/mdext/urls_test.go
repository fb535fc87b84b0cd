package mdext

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// The expressions goldmark v1.8.7's linkify compiles, which urlEnd and
// wwwEnd stand for.
var (
	urlRegexp   = regexp.MustCompile(`^(?:http|https|ftp)://[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-z]+(?::\d+)?(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=\(\);,'">\^{}\[\]` + "`" + `]*)?`)
	wwwURLRegxp = regexp.MustCompile(`^www\.[-a-zA-Z0-9@:%._\+~#=]{1,256}\.[a-z]+(?:[/#?][-a-zA-Z0-9@:%_\+.~#!?&/=\(\);,'">\^{}\[\]` + "`" + `]*)?`)
)

// regexpEnd is what goldmark's linkify takes from re: the end of its
// match at the start of line, or -1.
func regexpEnd(re *regexp.Regexp, line []byte) int {
	m := re.FindSubmatchIndex(line)
	if m == nil || m[0] != 0 {
		return -1
	}
	return m[1]
}

// checkEnds fails t where urlEnd or wwwEnd disagrees with its expression.
func checkEnds(t *testing.T, line string) {
	t.Helper()
	if got, want := urlEnd([]byte(line)), regexpEnd(urlRegexp, []byte(line)); got != want {
		t.Errorf("urlEnd(%q) = %d, the expression %d", line, got, want)
	}
	if got, want := wwwEnd([]byte(line)), regexpEnd(wwwURLRegxp, []byte(line)); got != want {
		t.Errorf("wwwEnd(%q) = %d, the expression %d", line, got, want)
	}
}

var urlCases = []string{
	"", "http", "http:", "http://", "http://a", "http://a.", "http://a.b", "http://a.B", "http://.b",
	"https://example.com", "https://example.com.", "ftp://ftp.example.org/pub/file.txt",
	"httpx://example.com", "Http://example.com", "https//example.com",
	"https://www.sipri.org/databases/armstransfers?x=1&y=2#top",
	"https://example.com:8080/path", "https://example.com:/path", "https://example.com:x",
	"https://example.com:80:90", "https://a.b:80", "https://a.bc:80/x",
	"https://a.b.c.d", "https://a.b-c.d", "https://a..b", "https://a.b..c", "https://a.1b.c",
	"https://user@host.example.com/~me", "https://host.example.com/a(b)c)", "https://e.com/$x",
	"https://e.com/a b", "https://e.com/ä", "https://bücher.example.com/x", "https://e.com/\xff",
	"https://e.com\x00/x", "http://e.com#frag", "http://e.com?q", "http://e.com/a;b,c'd\"e>f^g{h}i[j]k`l",
	"www.example.com", "www.example.com/$path", "www.e.com:80/x", "www.", "www.a", "www..com",
	"www.example.COM", "www.example.c0m", "wwwexample.com", "WWW.example.com",
	"http://" + strings.Repeat("a", 255) + ".com", "http://" + strings.Repeat("a", 256) + ".com",
	"http://" + strings.Repeat("a", 257) + ".com", "http://" + strings.Repeat("a.", 200) + "com",
	"http://" + strings.Repeat("a", 250) + ".b" + strings.Repeat("c", 10) + ".de/x",
	"www." + strings.Repeat("b", 256) + ".org", "www." + strings.Repeat("b", 255) + ".org",
	"http://" + strings.Repeat("x", 256) + ".y.z",
}

func TestURLEnd_AsTheExpressions(t *testing.T) {
	for _, line := range urlCases {
		checkEnds(t, line)
	}
	// random lines from the characters that matter, after each prefix
	const alphabet = "aZ09.-:/#?$()_~@%+=&;,'\"!>^{}[]` \tÄ\xff"
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		b.WriteString([]string{"http://", "https://", "ftp://", "www.", "http:/", ""}[r.IntN(6)])
		for n := r.IntN(40); n > 0; n-- {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		checkEnds(t, b.String())
	}
}

func FuzzURLEnd(f *testing.F) {
	for _, line := range urlCases {
		f.Add(line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		checkEnds(t, line)
		checkEnds(t, "http://"+line)
		checkEnds(t, "www."+line)
	})
}
