package config

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"regexp"
	"strings"
	"text/template"

	"github.com/briefing/report/internal/fontfile"
	"github.com/briefing/report/internal/lazyregexp"
)

// MaxLogoPixels is the largest logo accepted, in pixels (width × height),
// read from the image's header before anything is decoded: a logo prints a
// few centimetres wide, and decoding a huge image would take gigabytes.
const MaxLogoPixels = 25_000_000

// maxFontSize bounds a brand font file (the Go fonts are 60–150 KB; large
// CJK fonts reach 20 MB).
const maxFontSize = 64 << 20

// checkLogo checks that the logo is a PNG or JPEG of a sensible size,
// reading only its header.
func checkLogo(path string) error {
	if err := fileExists(path); err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot read %s: %v", path, pathErr(err))
	}
	defer f.Close()
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("cannot read %s: %v", path, err)
	}
	var cfg image.Config
	switch {
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		cfg, err = png.DecodeConfig(f)
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8}):
		cfg, err = jpeg.DecodeConfig(f)
	default:
		return fmt.Errorf("%s is not a PNG or JPEG image%s", path, sniffKind(head))
	}
	if err != nil {
		return fmt.Errorf("%s: unreadable image header: %v", path, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return fmt.Errorf("%s: empty image (%d × %d pixels)", path, cfg.Width, cfg.Height)
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > MaxLogoPixels {
		return fmt.Errorf("%s is %d × %d pixels; a logo may have at most %d million pixels: scale it down (1,000 pixels across is plenty)",
			path, cfg.Width, cfg.Height, MaxLogoPixels/1_000_000)
	}
	return nil
}

// sniffKind names a few common formats that are not PNG or JPEG.
func sniffKind(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("GIF8")):
		return " (it is a GIF)"
	case bytes.HasPrefix(head, []byte("<svg")), bytes.HasPrefix(head, []byte("<?xml")):
		return " (it looks like SVG; export it as PNG)"
	case bytes.HasPrefix(head, []byte("%PDF")):
		return " (it is a PDF)"
	case bytes.HasPrefix(head, []byte("RIFF")):
		return " (it is a WebP or other RIFF file)"
	}
	return ""
}

// checkFont checks that a brand font is a TrueType file (OpenType with
// TrueType outlines). The file is read and parsed once for the process
// (fontfile): the layout embeds it from the same parse.
func checkFont(path string) error {
	if err := fileExists(path); err != nil {
		return err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if fi.Size() > maxFontSize {
		return fmt.Errorf("%s is %d MB; a font file has at most %d MB", path, fi.Size()>>20, maxFontSize>>20)
	}
	_, err = fontfile.Open(path)
	var fe *fontfile.FormatError
	switch {
	case err == nil:
		return nil
	case !errors.As(err, &fe):
		return fmt.Errorf("cannot read %s: %v", path, pathErr(err))
	case fe.Stage == fontfile.NotSFNT:
		return fmt.Errorf("%s is not a TrueType font: %v", path, fe.Err)
	case fe.Stage == fontfile.CFFOutlines:
		return fmt.Errorf("%s is an OpenType font with PostScript (CFF) outlines, which the PDF writer cannot embed: use a TrueType version of it (.ttf; Noto fonts, for one, come as both)", path)
	}
	return fmt.Errorf("%s cannot be embedded in a PDF: %v", path, fe.Err)
}

// OutputData is what an output path template can use: {{ .Period }},
// {{ .Year }}, {{ .Quarter }}.
type OutputData struct {
	Period  string
	Year    int
	Quarter int
	Params  map[string]string
}

// outputParam is a parameter an output template names.
var outputParam = regexp.MustCompile(`\.Params\.([A-Za-z0-9_]+)`)

// OutputParams returns the parameters an output path template names: a
// briefing per value of a parameter needs it in its path.
func OutputParams(tmpl string) []string {
	var out []string
	for _, m := range outputParam.FindAllStringSubmatch(tmpl, -1) {
		out = append(out, m[1])
	}
	return out
}

// CheckOutput checks an output path template (report.output or --out): it
// must parse and may use only .Period, .Year and .Quarter.
func CheckOutput(tmpl string) error {
	params := map[string]string{}
	for _, p := range OutputParams(tmpl) {
		params[p] = "x"
	}
	_, err := ExpandOutput(tmpl, OutputData{Period: "2025-Q3", Year: 2025, Quarter: 3, Params: params})
	return err
}

// ExpandOutput expands an output path template.
func ExpandOutput(tmpl string, d OutputData) (string, error) {
	t, err := template.New("output").Option("missingkey=error").Parse(tmpl)
	if err != nil {
		return "", fmt.Errorf("output path %q: %s", tmpl, trimTemplateErr(err))
	}
	var b bytes.Buffer
	if err := t.Execute(&b, d); err != nil {
		return "", fmt.Errorf("output path %q: %s; it may use {{ .Period }}, {{ .Year }}, {{ .Quarter }} and {{ .Params.NAME }}", tmpl, trimTemplateErr(err))
	}
	if b.Len() == 0 {
		return "", errors.New("output path is empty")
	}
	return b.String(), nil
}

var fieldErrRe = lazyregexp.New(`can't evaluate field (\w+)`)

// trimTemplateErr keeps the part of a text/template error a user needs.
func trimTemplateErr(err error) string {
	msg := err.Error()
	if m := fieldErrRe().FindStringSubmatch(msg); m != nil {
		return "unknown field ." + m[1]
	}
	if i := strings.LastIndex(msg, ": "); i >= 0 {
		msg = msg[i+2:]
	}
	return msg
}
