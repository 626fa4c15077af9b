package main

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/hoidap/hoidap/internal/ssetest"
)

// postUpload posts a Markdown file to the admin API and returns the status.
func postUpload(tb testing.TB, base, token, name, text string) int {
	tb.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		tb.Fatal(err)
	}
	fw.Write([]byte(text))
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/admin/documents", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Error(err)
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// searchTitles returns the titles /api/v1/search finds for q.
func searchTitles(tb testing.TB, base, q string) []string {
	tb.Helper()
	var r struct{ Results []struct{ Title string } }
	if code := getJSON(tb, base+"/api/v1/search?"+url.Values{"q": {q}}.Encode(), &r); code != http.StatusOK {
		tb.Errorf("search %q: %d", q, code)
	}
	var titles []string
	for _, h := range r.Results {
		titles = append(titles, h.Title)
	}
	return titles
}

func TestUploadsAndQuestionsInParallel(t *testing.T) {
	const token = "tok-parallel-test-7f3a9c2e51d8"
	s := mustServe(t, map[string]string{"HOIDAP_ADMIN_TOKEN": token, "HOIDAP_ADMIN_PASSWORD": "Mat-khau-thu-nghiem-123", "HOIDAP_RATE_LIMIT": "0"})
	const uploaders, files = 3, 4
	var uploading sync.WaitGroup
	var asked, failed atomic.Int64
	stop := make(chan struct{})
	var askers sync.WaitGroup
	for a := range 3 {
		askers.Go(func() {
			questions := []string{"Đăng ký khai sinh cần giấy tờ gì?", "lam lai cccd o dau", "lịch tiếp dân của xã"}
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				q := questions[(a+i)%len(questions)]
				resp := ssetest.Ask(t, s.URL, fmt.Sprintf(`{"question":%q,"commune":"demo"}`, q), i%2 == 0)
				var buf bytes.Buffer
				buf.ReadFrom(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK || (i%2 == 0 && !strings.Contains(buf.String(), "event:done")) {
					failed.Add(1)
					t.Errorf("ask %q: %d %.200s", q, resp.StatusCode, buf.String())
				}
				searchTitles(t, s.URL, q)
				asked.Add(1)
			}
		})
	}
	for u := range uploaders {
		uploading.Go(func() {
			for i := range files {
				// A made-up word only this file holds.
				word := fmt.Sprintf("zqv%cw%c", 'a'+u, 'a'+i)
				title := fmt.Sprintf("Thông báo lịch tiếp dân %s", word)
				text := fmt.Sprintf("# %s\n\n## Lịch\n\nTiếp dân sáng thứ Năm tại Trung tâm phục vụ hành chính công, mã %s.\n", title, word)
				if code := postUpload(t, s.URL, token, word+".md", text); code != http.StatusCreated {
					t.Errorf("upload %s: %d", word, code)
					continue
				}
				// Searchable when the upload returns.
				if got := searchTitles(t, s.URL, word); len(got) == 0 || got[0] != title {
					t.Errorf("search %s right after its upload: %q", word, got)
				}
			}
		})
	}
	uploading.Wait()
	close(stop)
	askers.Wait()
	if asked.Load() == 0 {
		t.Fatal("no question was asked while uploading")
	}
	t.Logf("%d uploads, %d questions (%d failed) in parallel", uploaders*files, asked.Load(), failed.Load())
	if code := s.stop(t); code != 0 {
		t.Fatalf("exit %d", code)
	}
}
