package web

import (
	"fmt"
	"html"
	"html/template"
	"strconv"
	"strings"
	"time"
)

// chartPoint is one bar of a chart: a day and its count.
type chartPoint struct {
	Day   time.Time
	Value int
}

// chart is a bar chart drawn on the server as inline SVG: no script, no
// chart library, no style attributes (the CSP allows none), readable by a
// screen reader through its <title> and <desc>.
type chart struct {
	ID     string // unique on the page: the title and desc ids
	Title  string // "Câu hỏi mỗi ngày"
	Unit   string // "câu hỏi", for each bar's tooltip
	Points []chartPoint
	Small  bool // a sparkline: no axes, 240×48
}

// Chart geometry in SVG user units.
const (
	chartW, chartH         = 720, 240
	chartLeft, chartBottom = 56, 28
	chartTop, chartRight   = 12, 8
	sparkW, sparkH         = 240, 48
)

// SVG renders the chart.
func (ch chart) SVG() template.HTML {
	w, h, left, bottom, top, right := chartW, chartH, chartLeft, chartBottom, chartTop, chartRight
	if ch.Small {
		w, h, left, bottom, top, right = sparkW, sparkH, 0, 0, 2, 0
	}
	peak, total := 0, 0
	for _, p := range ch.Points {
		peak, total = max(peak, p.Value), total+p.Value
	}
	scale := niceMax(peak)
	plotW, plotH := float64(w-left-right), float64(h-top-bottom)
	var b strings.Builder
	esc := html.EscapeString
	spark := ""
	if ch.Small {
		spark = " spark"
	}
	desc := fmt.Sprintf("%d %s trong %d ngày, nhiều nhất %d một ngày.", total, ch.Unit, len(ch.Points), peak)
	if len(ch.Points) > 0 {
		desc = fmt.Sprintf("Từ %s đến %s: ", dm(ch.Points[0].Day), dm(ch.Points[len(ch.Points)-1].Day)) + desc
	}
	fmt.Fprintf(&b, `<svg class="chart%s" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%s-t %s-d" xmlns="http://www.w3.org/2000/svg">`,
		spark, w, h, w, h, esc(ch.ID), esc(ch.ID))
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, esc(ch.ID), esc(ch.Title), esc(ch.ID), esc(desc))
	if !ch.Small {
		// Horizontal grid lines at 0, half and the top, labelled.
		fracs := []float64{0, 0.5, 1}
		if scale%2 != 0 { // no half-way line at 0.5 of 1 or 2.5 of 5
			fracs = []float64{0, 1}
		}
		for _, f := range fracs {
			y := float64(top) + plotH*(1-f)
			fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#d0d7de" stroke-width="1"/>`, left, y, w-right, y)
			fmt.Fprintf(&b, `<text x="%d" y="%.1f" font-size="12" text-anchor="end" fill="#444">%s</text>`,
				left-6, y+4, strconv.Itoa(int(float64(scale)*f)))
		}
		mid := top + int(plotH)/2
		fmt.Fprintf(&b, `<text x="12" y="%d" font-size="12" text-anchor="middle" fill="#444" transform="rotate(-90 12 %d)">%s</text>`,
			mid, mid, esc(ch.Unit))
	}
	n := max(len(ch.Points), 1)
	slot := plotW / float64(n)
	bar := max(slot*0.7, 1)
	for i, p := range ch.Points {
		x := float64(left) + slot*float64(i) + (slot-bar)/2
		bh := 0.0
		if scale > 0 {
			bh = plotH * float64(p.Value) / float64(scale)
		}
		y := float64(top) + plotH - bh
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#1d6b4f"><title>%s: %d %s</title></rect>`,
			x, y, bar, bh, dm(p.Day), p.Value, esc(ch.Unit))
		// A date under the last bar (today) and every seventh one before.
		if !ch.Small && (len(ch.Points)-1-i)%7 == 0 {
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" font-size="12" text-anchor="middle" fill="#444">%s</text>`,
				x+bar/2, h-bottom+18, dm(p.Day))
		}
	}
	if !ch.Small {
		fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#444" stroke-width="1"/>`, left, h-bottom, w-right, h-bottom)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // every text inside is escaped above
}

// niceMax rounds a peak up to 1, 2 or 5 times a power of ten, so the
// axis labels are round numbers.
func niceMax(v int) int {
	if v <= 0 {
		return 0
	}
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if m*p >= v {
				return m * p
			}
		}
	}
}

// dm writes a day as "27/11".
func dm(t time.Time) string { return t.Format("02/01") }

// daySeries returns one point per day for the n days ending on the day of
// end (in end's zone), with the counts of counts keyed YYYY-MM-DD; days
// without any count are 0.
func daySeries(counts map[string]int, end time.Time, n int) []chartPoint {
	start := time.Date(end.Year(), end.Month(), end.Day(), 0, 0, 0, 0, end.Location()).AddDate(0, 0, -(n - 1))
	out := make([]chartPoint, n)
	for i := range out {
		d := start.AddDate(0, 0, i)
		out[i] = chartPoint{Day: d, Value: counts[d.Format(time.DateOnly)]}
	}
	return out
}
