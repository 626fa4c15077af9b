package upload_test

import (
	"bytes"
	"compress/gzip"
	"os"
	"testing"

	"github.com/hoidap/hoidap/knowledge"
	"github.com/hoidap/hoidap/knowledge/upload"
)

func TestParsePortalRecords(t *testing.T) {
	jsonl, err := os.ReadFile("testdata/portal.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, _ = zw.Write(jsonl)
	_ = zw.Close()
	array := append(append([]byte("[\n"), bytes.Replace(bytes.TrimSpace(jsonl), []byte("}\n{"), []byte("},\n{"), 1)...), ']')
	for _, tc := range []struct {
		name string
		data []byte
	}{{"jsonl", jsonl}, {"jsonl.gz", gz.Bytes()}, {"json array", array}} {
		t.Run(tc.name, func(t *testing.T) {
			docs := mustParse(t, upload.File{Name: "dvc." + tc.name, Data: tc.data})
			if len(docs) != 2 {
				t.Fatalf("got %d documents, want 2", len(docs))
			}
			d := docs[1]
			if d.Kind != knowledge.KindProcedure || d.ID != "" || d.Source != "dvc."+tc.name {
				t.Errorf("kind, id, source = %q, %q, %q", d.Kind, d.ID, d.Source)
			}
			if want := "Huỷ tài khoản điện tử trong trường hợp cơ quan, tổ chức có tài khoản đề nghị bằng văn bản"; d.Title != want {
				t.Errorf("title = %q, want %q", d.Title, want)
			}
			if d.Procedure == nil || d.Procedure.Code == "" {
				t.Errorf("procedure fields missing: %+v", d.Procedure)
			}
		})
	}
}
