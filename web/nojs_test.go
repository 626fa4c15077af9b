package web

import (
	"html"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestChatFormWithoutJavaScript(t *testing.T) {
	srv, kb := mustChatServer(t)
	tests := []struct {
		name   string
		form   url.Values
		status int
		want   []string
	}{
		{"typed question", url.Values{"q": {"làm giấy khai sinh cho con cần gì"}, "lang": {"vi"}}, 200, []string{`class="card"`, "khai sinh"}},
		{"suggested question", url.Values{"q": {""}, "s": {"Đăng ký kết hôn cần những gì?"}}, 200, []string{`class="card"`, "kết hôn"}},
		{"script payload shown as text", url.Values{"q": {`<script>alert(1)</script> khai sinh`}}, 200, []string{"&lt;script&gt;alert(1)&lt;/script&gt;"}},
		{"empty", url.Values{"q": {"  "}}, 400, []string{"Bạn hãy nhập câu hỏi"}},
		{"too long", url.Values{"q": {strings.Repeat("khai sinh ", 60)}}, 400, []string{"tối đa 500 ký tự"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := http.PostForm(srv.URL+"/x/demo", tt.form)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			body := string(b)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tt.status)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) && !strings.Contains(strings.ToLower(html.UnescapeString(body)), w) {
					t.Errorf("page lacks %q", w)
				}
			}
			if strings.Contains(body, "<script>alert") {
				t.Error("payload rendered as markup")
			}
		})
	}
	var n int
	if err := recordsOf(t, kb).DB().QueryRow(`SELECT COUNT(*) FROM answers WHERE commune = 'demo'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n < 3 {
		t.Errorf("%d answers recorded, want the 3 given", n)
	}
}
