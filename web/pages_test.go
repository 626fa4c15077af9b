package web

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hoidap/hoidap/internal/records"
)

func TestEveryCommuneHasAChatPage(t *testing.T) {
	s, _ := mustServer(t, nil)
	slugs := []string{"demo"}
	names := map[string]string{"demo": "Xã Mẫu (dữ liệu mẫu)"}
	for _, c := range mustPlaces(t).Communes() {
		slugs = append(slugs, c.Slug)
		names[c.Slug] = c.FullName
	}
	if len(slugs) != 3322 {
		t.Fatalf("%d communes + demo, want 3,321 + 1", len(slugs))
	}
	for _, slug := range slugs {
		rec := get(t, s, "/x/"+slug)
		if rec.Code != http.StatusOK {
			t.Fatalf("/x/%s: status %d", slug, rec.Code)
		}
		body := html.UnescapeString(rec.Body.String())
		if !strings.Contains(body, "<h1>"+names[slug]+"</h1>") {
			t.Fatalf("/x/%s: no heading with %q", slug, names[slug])
		}
		if slug != "demo" && !strings.Contains(body, "Thông tin văn phòng chưa được cập nhật") {
			t.Fatalf("/x/%s: no word that the office details are coming", slug)
		}
	}
}

func TestChatPageBasics(t *testing.T) {
	s, _ := mustServer(t, nil)
	tests := []struct {
		name, target string
		status       int
		want         []string
	}{
		{"demo marked as sample", "/x/demo", 200, []string{`<html lang="vi">`, "Dữ liệu mẫu", "Đường dây nóng", `href="tel:0000000000"`}},
		{"english", "/x/demo?lang=en", 200, []string{`<html lang="en">`, "Large text", "Answers are in Vietnamese"}},
		{"merged commune lists former ones", "/x/thuan-my-tay-ninh", 200, []string{"Xã Thuận Mỹ", "Tây Ninh", "Xã Thanh Phú Long"}},
		{"unknown commune", "/x/khong-co-xa-nay", 404, []string{"Không tìm thấy xã, phường này", `href="/"`}},
		{"unknown route", "/nowhere", 404, []string{`href="/"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, s, tt.target)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d", rec.Code, tt.status)
			}
			body := html.UnescapeString(rec.Body.String())
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
			if strings.Contains(body, "<script>") || strings.Contains(body, "onclick") || strings.Contains(body, "style=") {
				t.Error("inline script or style: the CSP forbids it")
			}
		})
	}
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	s, _ := mustServer(t, nil)
	for _, target := range []string{"/", "/x/demo", "/x/nope", "/api/v1/communes?q=hue", "/qr/demo.png", "/healthz", s.site.assets.URL("app.js")} {
		h := get(t, s, target).Header()
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q", target, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
			t.Errorf("%s: headers %v", target, h)
		}
	}
}

func TestStaticAssetsHashedCachedGzipped(t *testing.T) {
	s, _ := mustServer(t, nil)
	u := s.site.assets.URL("app.js")
	if !strings.HasPrefix(u, "/static/app.") || len(u) != len("/static/app.123456.js") {
		t.Fatalf("asset URL %q: want a content hash in the name", u)
	}
	req := httptest.NewRequest(http.MethodGet, u, nil)
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if got := rec.Header().Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
		t.Errorf("Cache-Control %q", got)
	}
	if rec.Header().Get("Content-Encoding") != "gzip" {
		t.Fatal("not gzipped")
	}
	zr, err := gzip.NewReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	js, _ := io.ReadAll(zr)
	if !strings.Contains(string(js), "textContent") {
		t.Error("gzipped body is not app.js")
	}
	if rec := get(t, s, "/static/app.000000.js"); rec.Code != http.StatusNotFound {
		t.Errorf("stale hash: status %d, want 404", rec.Code)
	}
}

func TestCommunesAPI(t *testing.T) {
	s, _ := mustServer(t, nil)
	tests := []struct{ q, slug string }{
		{"Thuận Mỹ", "thuan-my-tay-ninh"},
		{"thanh phu long", "thuan-my-tay-ninh"},     // former name, no diacritics
		{"xã Thanh Vĩnh Đông", "thuan-my-tay-ninh"}, // former name with its type
		{"binh lu", "binh-lu-lai-chau"},
		{"demo", "demo"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			rec := get(t, s, "/api/v1/communes?q="+url.QueryEscape(tt.q))
			var got struct {
				Results []records.CommuneMatch `json:"results"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if len(got.Results) == 0 || got.Results[0].Slug != tt.slug {
				t.Fatalf("results %+v, want %s first", got.Results, tt.slug)
			}
			if r := got.Results[0]; r.Name == "" || r.Province == "" || r.Former == nil {
				t.Errorf("result %+v lacks name, province or former", r)
			}
		})
	}
	rec := get(t, s, "/api/v1/communes?q=")
	if strings.TrimSpace(rec.Body.String()) != `{"results":[]}` {
		t.Errorf("empty query: %s", rec.Body)
	}
}

func TestLandingFindsFormerName(t *testing.T) {
	s, _ := mustServer(t, nil)
	body := html.UnescapeString(get(t, s, "/?q=thi+tran+tam+duong").Body.String())
	if !strings.Contains(body, `href="/x/binh-lu-lai-chau"`) || !strings.Contains(body, "Thị trấn Tam Đường") {
		t.Errorf("landing search for a former town: %s", body)
	}
	if rec := get(t, s, "/?q=thuan+my+tay+ninh&go=1"); rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/x/thuan-my-tay-ninh" {
		t.Errorf("single match: status %d to %q", rec.Code, rec.Header().Get("Location"))
	}
}

func TestPosterScanCounted(t *testing.T) {
	s, kb := mustServer(t, nil)
	s.site.now = func() time.Time { return time.Date(2026, 11, 27, 20, 0, 0, 0, time.UTC) } // 28th in Vietnam
	poster, err := recordsOf(t, kb).CreatePoster(context.Background(), "demo", "cổng chính", "admin")
	if err != nil {
		t.Fatal(err)
	}
	// Only a poster the commune made counts: an id nobody made, however
	// well formed ("goi-0912345678"), is free text, not a scan.
	for _, target := range []string{"/x/demo?p=" + poster.ID, "/x/demo?p=" + poster.ID, "/x/demo?p=<bad>", "/x/demo?p=goi-0912345678", "/x/demo"} {
		get(t, s, target)
	}
	got, err := recordsOf(t, kb).Scans(context.Background(), "demo", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Poster != poster.ID || got[0].Count != 2 || got[0].Day != "2026-11-28" {
		t.Errorf("scans %+v, want 2 of poster %s on 2026-11-28", got, poster.ID)
	}
}

func TestPosterPage(t *testing.T) {
	s, _ := mustServer(t, nil)
	body := html.UnescapeString(get(t, s, "/poster/thuan-my-tay-ninh?p=bang-tin").Body.String())
	for _, w := range []string{"Quét mã để hỏi về thủ tục hành chính — 24/7, bằng chữ hoặc giọng nói", "Xã Thuận Mỹ",
		"http://hoidap.test/x/thuan-my-tay-ninh?p=bang-tin",
		"Thông tin văn phòng chưa được cập nhật", "bang-tin"} {
		if !strings.Contains(body, w) {
			t.Errorf("poster lacks %q", w)
		}
	}
	img := regexp.MustCompile(`src="(/qr/thuan-my-tay-ninh\.png\?[^"]+)"`).FindStringSubmatch(body)
	if img == nil {
		t.Fatal("poster has no QR image of the commune")
	}
	if u, err := url.Parse(img[1]); err != nil || u.Query().Get("p") != "bang-tin" || u.Query().Get("size") != "print" {
		t.Errorf("QR image %q: want the poster's id at print size", img[1])
	}
	if rec := get(t, s, "/poster/demo?p=a%20b"); rec.Code != http.StatusBadRequest {
		t.Errorf("bad poster id: status %d", rec.Code)
	}
}

func BenchmarkCommuneLookup(b *testing.B) {
	s, _ := mustServer(b, nil)
	qs := []string{"thanh phu long", "Thuận Mỹ", "binh lu", "phuong 1", "xa tan thanh long an", "hoa", "Hòa Bình"}
	durs := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := httptest.NewRequest(http.MethodGet, "/api/v1/communes?q="+url.QueryEscape(qs[i%len(qs)]), nil)
		rec := httptest.NewRecorder()
		start := time.Now()
		s.ServeHTTP(rec, req)
		durs = append(durs, time.Since(start))
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
	b.StopTimer()
	if len(durs) > 0 {
		sortDurations(durs)
		p50 := durs[len(durs)/2]
		b.ReportMetric(float64(p50.Microseconds()), "p50-µs")
		if b.N >= 100 && p50 > time.Millisecond {
			b.Errorf("p50 %v, want under 1 ms", p50)
		}
	}
}
