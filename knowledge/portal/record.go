// Package portal reads the procedure records of the national public service
// portal (dichvucong.gov.vn) and maps them to knowledge documents, splitting
// the table cells that the portal's pages run together back into readable
// structure: channels with their time and fee, papers with their counts,
// legal documents with their numbers.
package portal

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/hoidap/hoidap/knowledge"
)

// Record is one procedure as the portal publishes it, with the portal's own
// JSON field names.
type Record struct {
	Code            string `json:"ma_thu_tuc"`
	Title           string `json:"ten_thu_tuc"`
	DetailURL       string `json:"detail_url"`
	FormalityID     string `json:"formality_id"`
	Decision        string `json:"so_quyet_dinh"`
	Level           string `json:"cap_thuc_hien"`
	Type            string `json:"loai_thu_tuc"`
	Field           string `json:"linh_vuc"`
	Audience        string `json:"doi_tuong_thuc_hien"`
	CompetentAgency string `json:"co_quan_co_tham_quyen"`
	Address         string `json:"dia_chi_tiep_nhan"`
	DelegatedAgency string `json:"co_quan_duoc_uy_quyen"`
	CoAgency        string `json:"co_quan_phoi_hop"`
	Related         string `json:"thu_tuc_lien_quan"`
	Steps           string `json:"trinh_tu_thuc_hien"`
	Methods         string `json:"cach_thuc_thuc_hien"`
	Papers          string `json:"thanh_phan_ho_so"`
	LegalBasis      string `json:"can_cu_phap_ly"`
	Agency          string `json:"co_quan_thuc_hien"`
	Conditions      string `json:"yeu_cau_dieu_kien"`
	Result          string `json:"ket_qua_xu_ly"`
	RawText         string `json:"raw_text"` // the whole page; repeats the other fields, ignored for mapping
	SourceFolder    string `json:"_source_folder"`
}

// maxLine bounds one JSON Lines record; the largest real record is ~200 KB.
const maxLine = 16 << 20

// Read calls fn for each record in r, in order. r may be gzip-compressed
// (detected by its magic bytes, not by a name) and may hold a JSON array of
// records, a single JSON object, or JSON Lines; blank lines are skipped.
//
// Read stops at the first bad record: malformed JSON, or a record without a
// code or a title. The error names the record number and line, and wraps
// knowledge.ErrInvalid; fn is not called for that record. A partial import
// is the caller's to keep or discard: records before the bad one were
// already passed to fn. An error returned by fn stops Read and is returned
// wrapped.
func Read(r io.Reader, fn func(Record) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("portal: read gzip: %w: %w", knowledge.ErrInvalid, err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(invalidOnError{zr}, 64<<10)
	}
	first, err := firstByte(br)
	if err == io.EOF {
		return nil // nothing to import
	}
	if err != nil {
		return fmt.Errorf("portal: read: %w", err)
	}
	if first == '[' {
		return readWhole(br, fn)
	}
	return readLines(br, fn)
}

// invalidOnError reports a compressed stream that is cut or corrupt as
// invalid input, like any other bad file, rather than as a read failure.
type invalidOnError struct{ r io.Reader }

func (e invalidOnError) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("gzip: %w: %w", knowledge.ErrInvalid, err)
	}
	return n, err
}

// firstByte returns the first byte that is neither white space nor a UTF-8
// byte order mark, without consuming it.
func firstByte(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.Peek(1)
		if err != nil {
			return 0, err
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			_, _ = br.ReadByte()
		case 0xEF:
			if bom, _ := br.Peek(3); bytes.Equal(bom, []byte{0xEF, 0xBB, 0xBF}) {
				_, _ = br.Discard(3)
				continue
			}
			return b[0], nil
		default:
			return b[0], nil
		}
	}
}

// readLines reads JSON Lines. A first line that is not a whole JSON value
// means one pretty-printed object (or several), read as a whole instead.
func readLines(br *bufio.Reader, fn func(Record) error) error {
	var (
		line, num int
		consumed  bytes.Buffer // lines read so far, kept only until the format is known
		jsonl     bool
	)
	for {
		text, err := readLine(br)
		if err != nil && err != io.EOF {
			return fmt.Errorf("portal: read line %d: %w", line+1, err)
		}
		if len(text) == 0 && err == io.EOF {
			return nil
		}
		line++
		trimmed := bytes.TrimSpace(text)
		if len(trimmed) > 0 {
			if !jsonl {
				if !json.Valid(trimmed) {
					consumed.Write(text)
					return readWhole(io.MultiReader(&consumed, br), fn)
				}
				jsonl = true
				consumed.Reset()
			}
			num++
			var rec Record
			if uerr := json.Unmarshal(trimmed, &rec); uerr != nil {
				return fmt.Errorf("portal: record %d (line %d): %w: %w", num, line, knowledge.ErrInvalid, uerr)
			}
			if cerr := deliver(rec, num, line, fn); cerr != nil {
				return cerr
			}
		} else if !jsonl {
			consumed.Write(text)
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine returns one line including its newline, however long, up to
// maxLine bytes.
func readLine(br *bufio.Reader) ([]byte, error) {
	var out []byte
	for {
		chunk, err := br.ReadSlice('\n')
		out = append(out, chunk...)
		if len(out) > maxLine {
			return nil, fmt.Errorf("line longer than %d bytes: %w", maxLine, knowledge.ErrInvalid)
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return out, err
		}
	}
}

// readWhole reads an array, a single object or a run of objects held in
// memory, so that errors can name a line.
func readWhole(r io.Reader, fn func(Record) error) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return fmt.Errorf("portal: read: %w", err)
	}
	lineAt := func(off int64) int { return 1 + bytes.Count(data[:min(int(off), len(data))], []byte("\n")) }
	dec := json.NewDecoder(bytes.NewReader(data))
	array := false
	if tok, terr := dec.Token(); terr == nil && tok == json.Delim('[') {
		array = true
	} else {
		dec = json.NewDecoder(bytes.NewReader(data))
	}
	num := 0
	for array && dec.More() || !array {
		start := dec.InputOffset()
		var rec Record
		derr := dec.Decode(&rec)
		if !array && derr == io.EOF {
			return nil
		}
		num++
		if derr != nil {
			var se *json.SyntaxError
			off := dec.InputOffset()
			if errors.As(derr, &se) {
				off = se.Offset
			}
			if errors.Is(derr, io.ErrUnexpectedEOF) {
				off = int64(len(data))
			}
			return fmt.Errorf("portal: record %d (line %d): %w: %w", num, lineAt(off), knowledge.ErrInvalid, derr)
		}
		if cerr := deliver(rec, num, lineAt(start)+leadingNewlines(data[start:]), fn); cerr != nil {
			return cerr
		}
	}
	if _, err := dec.Token(); err != nil {
		return fmt.Errorf("portal: record %d: unterminated array (line %d): %w: %w", num, lineAt(int64(len(data))), knowledge.ErrInvalid, err)
	}
	return nil
}

// leadingNewlines counts the line breaks before the first non-space byte,
// so that a record's line is where it starts, not where the last one ended.
func leadingNewlines(b []byte) int {
	n := 0
	for _, c := range b {
		switch c {
		case '\n':
			n++
		case ' ', '\t', '\r', ',':
		default:
			return n
		}
	}
	return n
}

// deliver checks a decoded record and hands it to fn.
func deliver(rec Record, num, line int, fn func(Record) error) error {
	switch {
	case cleanText(rec.Code) == "":
		return fmt.Errorf("portal: record %d (line %d): no ma_thu_tuc: %w", num, line, knowledge.ErrInvalid)
	case cleanText(rec.Title) == "":
		return fmt.Errorf("portal: record %d (line %d, %s): no ten_thu_tuc: %w", num, line, rec.Code, knowledge.ErrInvalid)
	}
	if err := fn(rec); err != nil {
		return fmt.Errorf("portal: record %d (%s): %w", num, rec.Code, err)
	}
	return nil
}
