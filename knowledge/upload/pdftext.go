package upload

import (
	"fmt"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
)

// textSink collects the text a page's content stream shows, with line
// breaks where the text moves to a new line and spaces where it jumps
// along one, checking its deadline and size as it goes.
type textSink struct {
	b        strings.Builder
	deadline time.Time
	max      int64
	ops      int
}

// page interprets the content of p. Text inside form XObjects is not
// followed.
func (t *textSink) page(p pdf.Page) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if r == errStop { //nolint:errorlint // panicked value, not a wrapped error
				err = errStop
				return
			}
			err = fmt.Errorf("pdf content: %v", r)
		}
	}()
	contents := p.V.Key("Contents")
	if contents.IsNull() {
		return nil
	}
	fonts := map[string]pdf.TextEncoding{}
	var enc pdf.TextEncoding
	decode := func(raw string) string {
		if enc == nil {
			return raw
		}
		return enc.Decode(raw)
	}
	pdf.Interpret(contents, func(stk *pdf.Stack, op string) {
		t.check()
		n := stk.Len()
		args := make([]pdf.Value, n)
		for i := n - 1; i >= 0; i-- {
			args[i] = stk.Pop()
		}
		switch op {
		case "BT", "T*":
			t.newline()
		case "Td", "TD":
			if len(args) == 2 {
				t.move(args[0].Float64(), args[1].Float64())
			}
		case "Tm":
			if len(args) == 6 {
				t.newline() // a new text matrix mostly starts a new line
			}
		case "Tf":
			if len(args) == 2 {
				name := args[0].Name()
				e, ok := fonts[name]
				if !ok {
					f := p.Font(name)
					e = f.Encoder()
					fonts[name] = e
				}
				enc = e
			}
		case "'", "\"":
			t.newline()
			if len(args) > 0 {
				t.write(decode(args[len(args)-1].RawString()))
			}
		case "Tj":
			if len(args) == 1 {
				t.write(decode(args[0].RawString()))
			}
		case "TJ":
			if len(args) == 1 {
				v := args[0]
				for i := 0; i < v.Len(); i++ {
					x := v.Index(i)
					if x.Kind() == pdf.String {
						t.write(decode(x.RawString()))
					} else if x.Float64() < -200 { // a gap wider than a space
						t.space()
					}
				}
			}
		}
	})
	return nil
}

func (t *textSink) check() {
	t.ops++
	if int64(t.b.Len()) > t.max || (t.ops%256 == 0 && time.Now().After(t.deadline)) {
		panic(errStop)
	}
}

func (t *textSink) write(s string) {
	t.b.WriteString(strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0xfffd {
			return -1
		}
		return r
	}, s))
}

func (t *textSink) move(dx, dy float64) {
	switch {
	case dy != 0:
		t.newline()
	case dx > 0:
		t.space()
	}
}

func (t *textSink) newline() {
	s := t.b.String()
	if s != "" && !strings.HasSuffix(s, "\n") {
		t.b.WriteString("\n")
	}
}

func (t *textSink) space() {
	s := t.b.String()
	if s != "" && !strings.HasSuffix(s, " ") && !strings.HasSuffix(s, "\n") {
		t.b.WriteString(" ")
	}
}

// tidyLines trims each line and keeps at most one blank line in a row.
func tidyLines(s string) string {
	var out []string
	blank := false
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			if !blank && len(out) > 0 {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, line)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}
