package layouts

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"os"

	"codeberg.org/go-pdf/fpdf"
)

// logo is the brand's image, read and checked before layout.
type logo struct {
	path, name, typ string
	data            []byte
	w, h            int // pixels
}

// loadLogo reads a PNG or JPEG; an unreadable file is an error naming it.
func loadLogo(path string) (*logo, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("brand logo %q: %w", path, err)
	}
	var cfg image.Config
	var typ string
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		typ = "PNG"
		cfg, err = png.DecodeConfig(bytes.NewReader(data))
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8}):
		typ = "JPG"
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(data))
	default:
		return nil, fmt.Errorf("brand logo %q: not a PNG or JPEG image", path)
	}
	if err != nil {
		return nil, fmt.Errorf("brand logo %q: %w", path, err)
	}
	if cfg.Width == 0 || cfg.Height == 0 {
		return nil, fmt.Errorf("brand logo %q: empty image", path)
	}
	return &logo{path: path, name: "brand-logo", typ: typ, data: data, w: cfg.Width, h: cfg.Height}, nil
}

// fit is the size of the logo in mm inside maxW × maxH, keeping its shape.
func (l *logo) fit(maxW, maxH float64) (float64, float64) {
	w, h := maxH*float64(l.w)/float64(l.h), maxH
	if w > maxW {
		w, h = maxW, maxW*float64(l.h)/float64(l.w)
	}
	return w, h
}

func (l *logo) opts() fpdf.ImageOptions { return fpdf.ImageOptions{ImageType: l.typ} }

// register hands the image to fpdf; fpdf's own decoder may refuse some
// PNGs (16-bit, interlaced), which is reported with the file name.
func (l *logo) register(pdf *fpdf.Fpdf) error {
	pdf.RegisterImageOptionsReader(l.name, l.opts(), bytes.NewReader(l.data))
	return check(pdf, fmt.Sprintf("brand logo %q", l.path))
}
