package pdfrender

import (
	"reflect"

	"codeberg.org/go-pdf/fpdf"
)

// callerState is the part of fpdf's state a chart changes. fpdf has getters
// for colours, line width, font size and position but none for the font
// family and style, the dash pattern or the line cap and join; those are read
// from fpdf's fields by reflection (read-only), and left as they are if a
// later fpdf renames them (TestFinish_RestoresCallerState catches that).
type callerState struct {
	draw, fill, text [3]int
	lineWidth        float64
	fontSizePt       float64
	x, y             float64

	family      string
	style       string
	underline   bool
	strikeout   bool
	dash        []float64 // in points, as fpdf keeps it
	dashPhase   float64
	cap, join   int
	hasCapJoin  bool
	hasDash     bool
	hasFontName bool
}

func capture(pdf *fpdf.Fpdf) callerState {
	var s callerState
	s.draw[0], s.draw[1], s.draw[2] = pdf.GetDrawColor()
	s.fill[0], s.fill[1], s.fill[2] = pdf.GetFillColor()
	s.text[0], s.text[1], s.text[2] = pdf.GetTextColor()
	s.lineWidth = pdf.GetLineWidth()
	s.fontSizePt, _ = pdf.GetFontSize()
	s.x, s.y = pdf.GetXY()

	v := reflect.ValueOf(pdf).Elem()
	str := func(name string) (string, bool) {
		f := v.FieldByName(name)
		if !f.IsValid() || f.Kind() != reflect.String {
			return "", false
		}
		return f.String(), true
	}
	boolean := func(name string) bool {
		f := v.FieldByName(name)
		return f.IsValid() && f.Kind() == reflect.Bool && f.Bool()
	}
	integer := func(name string) (int, bool) {
		f := v.FieldByName(name)
		if !f.IsValid() || f.Kind() != reflect.Int {
			return 0, false
		}
		return int(f.Int()), true
	}
	var ok1, ok2 bool
	s.family, ok1 = str("fontFamily")
	s.style, ok2 = str("fontStyle")
	s.hasFontName = ok1 && ok2
	s.underline, s.strikeout = boolean("underline"), boolean("strikeout")

	if f := v.FieldByName("dashArray"); f.IsValid() && f.Kind() == reflect.Slice {
		if p := v.FieldByName("dashPhase"); p.IsValid() && p.Kind() == reflect.Float64 {
			for i := 0; i < f.Len(); i++ {
				s.dash = append(s.dash, f.Index(i).Float())
			}
			s.dashPhase = p.Float()
			s.hasDash = true
		}
	}
	s.cap, ok1 = integer("capStyle")
	s.join, ok2 = integer("joinStyle")
	s.hasCapJoin = ok1 && ok2
	return s
}

// restore sets fpdf's state back to s. The content stream already holds the
// caller's state again (the chart was drawn inside q ... Q); calling the
// setters brings fpdf's cache, which still holds the chart's last values, in
// line with it.
func (s callerState) restore(pdf *fpdf.Fpdf) {
	pdf.SetDrawColor(s.draw[0], s.draw[1], s.draw[2])
	pdf.SetFillColor(s.fill[0], s.fill[1], s.fill[2])
	pdf.SetTextColor(s.text[0], s.text[1], s.text[2])
	pdf.SetLineWidth(s.lineWidth)
	if s.hasFontName && s.family != "" {
		style := s.style
		if s.underline {
			style += "U"
		}
		if s.strikeout {
			style += "S"
		}
		pdf.SetFont(s.family, style, s.fontSizePt)
	}
	if s.hasDash {
		k := pdf.GetConversionRatio()
		dash := make([]float64, len(s.dash))
		for i, d := range s.dash {
			dash[i] = d / k
		}
		pdf.SetDashPattern(dash, s.dashPhase/k)
	}
	if s.hasCapJoin {
		pdf.SetLineCapStyle([...]string{"butt", "round", "square"}[clamp3(s.cap)])
		pdf.SetLineJoinStyle([...]string{"miter", "round", "bevel"}[clamp3(s.join)])
	}
	pdf.SetY(s.y)
	pdf.SetX(s.x)
}

func clamp3(i int) int {
	if i < 0 || i > 2 {
		return 0
	}
	return i
}
