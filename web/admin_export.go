package web

import (
	"encoding/csv"
	"log/slog"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/internal/fault"
	"github.com/hoidap/hoidap/internal/records"
)

// utf8BOM starts the CSV so that Excel reads it as UTF-8, Vietnamese intact.
const utf8BOM = "\ufeff"

// handleExport writes the answer records of a commune (or, for province
// administrators, of all communes) between two days, Vietnam time, as CSV:
// GET /admin/export.csv?commune=&from=YYYY-MM-DD&to=YYYY-MM-DD (to is
// included). Questions are already masked.
func (s *Server) handleExport(c *gin.Context) {
	slug, ok := s.adminCommune(c, c.Query("commune"), true)
	if !ok {
		return
	}
	r := records.Range{Commune: slug}
	var err error
	if r.From, err = exportDay(c.Query("from"), 0); err == nil {
		r.To, err = exportDay(c.Query("to"), 1)
	}
	if err != nil {
		s.failPage(c, err)
		return
	}
	name := "toan-tinh"
	if slug != "" {
		name = slug
	}
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Header("Content-Disposition", `attachment; filename="hoidap-`+name+`.csv"`)
	c.Header("Cache-Control", "no-store")
	c.Status(http.StatusOK)
	if _, err := c.Writer.WriteString(utf8BOM); err != nil {
		return
	}
	w := csv.NewWriter(c.Writer)
	_ = w.Write([]string{"time", "commune", "poster", "question", "mode", "grounded", "helpful", "sources"})
	err = s.admin.answers.ExportAnswers(c.Request.Context(), r, func(row records.ExportRow) error {
		helpful := ""
		if row.Helpful != nil {
			helpful = boolText(*row.Helpful)
		}
		return w.Write([]string{row.Time.In(vietnam).Format("2006-01-02 15:04:05"), cell(row.Commune), cell(row.Poster),
			cell(row.Question), cell(row.Mode), boolText(row.Grounded), helpful, cell(strings.Join(row.Sources, " "))})
	})
	w.Flush()
	if err == nil {
		err = w.Error()
	}
	if err != nil { // the header is sent: all that is left is to log it
		s.log.Error("export answers", slog.Any("error", err))
	}
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// cell keeps a spreadsheet from reading stored text as a formula: a cell
// that starts with a formula sign, after any white space, or with its
// full-width form, is quoted.
func cell(s string) string {
	t := strings.TrimLeft(s, " \t\r\n\u00a0\u3000")
	if t == "" {
		return s
	}
	if r, _ := utf8.DecodeRuneInString(t); strings.ContainsRune("=+-@\t\r＝＋－＠", r) || t != s {
		return "'" + s
	}
	return s
}

// exportDay reads a YYYY-MM-DD day as its midnight in Vietnam, plus
// addDays; "" is an open bound.
func exportDay(v string, addDays int) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation(time.DateOnly, v, vietnam)
	if err != nil {
		return time.Time{}, &fault.Error{Message: "Ngày phải có dạng YYYY-MM-DD, ví dụ 2026-11-27. (Dates: YYYY-MM-DD)"}
	}
	return t.AddDate(0, 0, addDays), nil
}
