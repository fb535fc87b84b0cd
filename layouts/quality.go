package layouts

import "fmt"

// Quality is what a typesetter would mark on a proof of the plan, each a
// place in words ("page 7: ..."): the same measures as pagequality's from
// the finished PDF, read here from the plan itself.
type Quality struct {
	// Holes are pages that end more than 15% short of the frame's foot
	// although the next page does not open a top-level section.
	Holes []string
	// Loose are justified lines of six words or more whose spaces
	// stretch past 1.5 times their natural width.
	Loose []string
	// Stranded are headings with less than two lines after them at the
	// foot of a page.
	Stranded []string
	// Truncated are texts shortened with an ellipsis or cut to fit:
	// running heads, table words, chart labels (filled in by Render).
	Truncated []string
	// WorstSpace is the largest stretch of a justified line's spaces.
	WorstSpace float64
}

// The loose-line threshold, as pagequality measures it.
const looseRatio = 1.5

// Quality measures the plan. The cover and the last page are not judged
// for holes, as pagequality does not judge them.
func (p *Plan) Quality() Quality {
	q := Quality{Truncated: append([]string(nil), p.truncated...)}
	opens := map[int]float64{} // page → y of a top-level heading on it
	for _, h := range p.Headings {
		if h.Level == 1 {
			if _, ok := opens[h.Page]; !ok {
				opens[h.Page] = h.Y
			}
		}
	}
	for i, pg := range p.Pages {
		q.lines(pg)
		q.stranded(pg)
		if i == 0 || i == len(p.Pages)-1 || len(pg.Items) == 0 || pg.Template != "body" {
			continue
		}
		next := p.Pages[i+1]
		last := pg.Items[len(pg.Items)-1]
		fr := pg.Frame
		end := (last.Y + last.H - fr.Y) / fr.H
		if end >= 1-holeShare {
			continue
		}
		if y, ok := opens[next.Number]; ok && len(next.Items) > 0 && y <= next.Items[0].Y+eps {
			continue
		}
		q.Holes = append(q.Holes, fmt.Sprintf("page %d: the text ends at %.0f%% of the frame, before %s", pg.Number, end*100, describeItem(next.Items)))
	}
	return q
}

func describeItem(its []Item) string {
	if len(its) == 0 {
		return "an empty page"
	}
	return fmt.Sprintf("%s %q", its[0].Kind, its[0].Text)
}

// lines measures the spaces of the justified lines on pg.
func (q *Quality) lines(pg Page) {
	for _, it := range pg.Items {
		p, ok := it.b.(*paragraph)
		if !ok || p.ps.align != alignJustify {
			continue
		}
		tw := p.textWidth(it.W)
		for _, ln := range p.layout(it.W) {
			if ln.last || len(ln.words) < 6 {
				continue
			}
			space := ln.words[1].space
			if space <= 0 {
				continue
			}
			extra := (tw - ln.natural) / float64(len(ln.words)-1)
			r := (space + extra) / space
			if r > q.WorstSpace {
				q.WorstSpace = r
			}
			if r > looseRatio+0.01 { // a hundredth for rounding
				q.Loose = append(q.Loose, fmt.Sprintf("page %d: spaces at %.1f× in %q", pg.Number, r, excerpt(lineText(ln), 50)))
			}
		}
	}
}

// stranded finds headings on pg followed by less than two lines: the
// last item, or one before a last single line.
func (q *Quality) stranded(pg Page) {
	n := len(pg.Items)
	for i, it := range pg.Items {
		if it.Kind != "heading" && it.Kind != "subhead" {
			continue
		}
		after := n - 1 - i
		oneLine := after == 1 && pg.Items[n-1].Kind == "paragraph" && pg.Items[n-1].To == pg.Items[n-1].From
		if after == 0 || oneLine {
			q.Stranded = append(q.Stranded, fmt.Sprintf("page %d: %q", pg.Number, it.Text))
		}
	}
}
