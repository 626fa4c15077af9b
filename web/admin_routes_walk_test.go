package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// notCommuneData are the admin routes that act on the caller's own session
// only, so the walk below leaves them out (logging out would end it).
var notCommuneData = map[string]bool{
	"GET /admin/login": true, "POST /admin/login": true, "POST /admin/logout": true,
	"GET /admin/password": true, "POST /admin/password": true, "GET /admin": true,
}

// TestAdminContentEveryRouteStaysInCommune walks every /admin route the
// engine has, as new ones are added, as an officer of demo aiming at
// commune B by every parameter, query and form field: nothing of B shows
// and nothing of B changes.
func TestAdminContentEveryRouteStaysInCommune(t *testing.T) {
	f := mustContentFixture(t)
	before := f.snapshotB(t)
	o := f.officer
	ids := []string{strconv.FormatInt(f.approvedB.ID, 10), strconv.FormatInt(f.approvedP.ID, 10), f.docB, "1"}
	seen := map[string]bool{}
	walked := 0
	for _, rt := range f.srv.router.Routes() {
		key := rt.Method + " " + rt.Path
		if !strings.HasPrefix(rt.Path, "/admin") || notCommuneData[key] {
			seen[key] = true
			continue
		}
		targets := []string{rt.Path}
		if strings.Contains(rt.Path, ":id") {
			targets = nil
			for _, id := range ids {
				targets = append(targets, strings.ReplaceAll(rt.Path, ":id", id))
			}
		}
		for _, path := range targets {
			path = strings.NewReplacer(":commune", communeB, ":poster", f.posterB.ID).Replace(path)
			if strings.Contains(path, ":") || strings.Contains(path, "*") {
				t.Errorf("%s: a parameter the walk does not know; add it", key)
				continue
			}
			t.Run(rt.Method+" "+path, func(t *testing.T) {
				o.get("/admin/communes/demo") // a fresh CSRF token
				var r reply
				switch rt.Method {
				case http.MethodGet:
					r = o.get(path + "?commune=" + communeB)
				case http.MethodPost:
					r = o.post(path, url.Values{"commune": {communeB}, "name": {"chiếm"}, "slug": {communeB},
						"question": {"chiếm"}, "answer": {"chiếm"}, "address": {"chiếm"}})
				default:
					req, err := http.NewRequest(rt.Method, o.base+path, nil)
					if err != nil {
						t.Fatal(err)
					}
					req.Header.Set("X-CSRF-Token", o.csrf)
					r = o.do(req)
				}
				walked++
				if r.status >= 500 {
					t.Errorf("status %d", r.status)
				}
				for _, s := range f.secretsOfB {
					if strings.Contains(r.body, s) || strings.Contains(r.location, s) {
						t.Errorf("shows %q of commune B (status %d)", s, r.status)
					}
				}
			})
		}
	}
	for key := range notCommuneData {
		if !seen[key] {
			t.Errorf("%s is excluded from the walk but is no route", key)
		}
	}
	if walked < 20 {
		t.Errorf("walked %d requests: the admin routes are missing", walked)
	}
	if after := f.snapshotB(t); after != before {
		t.Errorf("commune B changed:\n%s\n%s", before, after)
	}
}
