package web

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/hoidap/hoidap/internal/records"
	"github.com/hoidap/hoidap/knowledge/vietnamese"
)

// Administrators choose a commune by typing its name, with or without
// diacritics, or its code, wherever the admin pages ask for one; the
// server finds it, so no JavaScript is needed.

// maxPicks bounds the communes offered when a name fits several.
const maxPicks = 12

// slugInLabel reads the code at the end of a label the pages offer,
// "Xã Tân Phú, Đồng Nai (tan-phu-dong-nai)".
var slugInLabel = regexp.MustCompile(`\(([a-z0-9]+(?:-[a-z0-9]+)*)\)\s*$`)

// communePick is a commune offered for a typed name.
type communePick struct {
	records.CommuneMatch
	Label string // "Name, Province (slug)": typed back, it names the one commune
	URL   string // the page asked for, with this commune
}

// resolveCommune finds the commune typed: its code, a label the pages
// offered, or a name (new or former) that fits one commune only or one
// exactly. Otherwise it returns the communes that fit, none when nothing
// does.
func (s *Server) resolveCommune(typed string) (string, []records.CommuneMatch) {
	typed = strings.TrimSpace(typed)
	if _, ok := s.site.communes.Lookup(typed); ok {
		return typed, nil
	}
	if m := slugInLabel.FindStringSubmatch(typed); m != nil {
		if _, ok := s.site.communes.Lookup(m[1]); ok {
			return m[1], nil
		}
	}
	found := s.site.communes.Find(typed, maxPicks)
	if len(found) == 1 {
		return found[0].Slug, nil
	}
	want := vietnamese.Fold(typed)
	var exact []records.CommuneMatch
	for _, r := range found {
		name := vietnamese.Fold(r.Name)
		full := name + ", " + vietnamese.Fold(r.Province)
		for _, prefix := range []string{"", "xa ", "phuong ", "dac khu "} {
			if prefix+want == name || prefix+want == full || prefix+want == strings.ReplaceAll(full, ",", "") {
				exact = append(exact, r)
				break
			}
		}
	}
	if len(exact) == 1 {
		return exact[0].Slug, nil
	}
	return "", found
}

// communeLabel is how a pick is shown and typed back.
func communeLabel(r records.CommuneMatch) string {
	l := r.Name
	if r.Province != "" {
		l += ", " + r.Province
	}
	return l + " (" + r.Slug + ")"
}

// picks turns communes into choices that link to the current page.
func picks(c *gin.Context, found []records.CommuneMatch) []communePick {
	out := make([]communePick, 0, len(found))
	for _, r := range found {
		u := *c.Request.URL
		q := u.Query()
		q.Set("commune", r.Slug)
		u.RawQuery = q.Encode()
		out = append(out, communePick{CommuneMatch: r, Label: communeLabel(r), URL: u.RequestURI()})
	}
	return out
}

// pickPage is the data of admin_pick.html.
type pickPage struct {
	adminPage
	Path  string // the page asked for
	Typed string
	Picks []communePick
}

// communeByName reads ?commune= on the admin pages as a name when it is
// not a commune's code: one commune fits, and the page is asked for again
// with its code; several fit, and a page offers them; none, and the page
// says so.
func (s *Server) communeByName(c *gin.Context) {
	typed := strings.TrimSpace(c.Query("commune"))
	if c.Request.Method != http.MethodGet || typed == "" || typed == "-" {
		return
	}
	if _, ok := s.site.communes.Lookup(typed); ok {
		return
	}
	slug, found := s.resolveCommune(typed)
	if slug != "" {
		u := *c.Request.URL
		q := u.Query()
		q.Set("commune", slug)
		u.RawQuery = q.Encode()
		c.Redirect(http.StatusSeeOther, u.RequestURI())
		c.Abort()
		return
	}
	p := pickPage{adminPage: s.adminPage(c, "Chọn xã, phường"), Path: c.Request.URL.Path, Typed: typed, Picks: picks(c, found)}
	status := http.StatusOK
	if len(found) == 0 {
		status = http.StatusNotFound
		p.Error = fmt.Sprintf("Không tìm thấy xã, phường nào tên «%s». Gõ tên khác (có dấu hay không dấu đều được), tên cũ trước khi sáp nhập, hoặc mã xã.", typed)
	}
	s.renderAdmin(c, status, "admin_pick.html", p)
	c.Abort()
}

// postedCommune reads a commune typed in a form that is posted: its code,
// or "" for the province when nothing is typed. When the name fits no
// commune or several, it returns a message for the form and the choices.
func (s *Server) postedCommune(typed string) (slug, msg string, offer []communePick) {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return "", "", nil
	}
	slug, found := s.resolveCommune(typed)
	if slug != "" {
		return slug, "", nil
	}
	if len(found) == 0 {
		return "", fmt.Sprintf("Không tìm thấy xã, phường nào tên «%s». Gõ tên khác (có dấu hay không dấu), tên cũ, hoặc mã xã.", typed), nil
	}
	for _, r := range found {
		offer = append(offer, communePick{CommuneMatch: r, Label: communeLabel(r)})
	}
	return "", fmt.Sprintf("Có %d xã, phường hợp với «%s»: chọn một trong ô «Xã, phường» (danh sách gợi ý) rồi gửi lại.", len(found), typed), offer
}

// communeField is the data of the "communeinput" template.
type communeField struct {
	ID, Label, Value string
	Picks            []communePick
}

// newCommuneField is the template function that makes a communeField.
func newCommuneField(id, label, value string, picks []communePick) communeField {
	return communeField{ID: id, Label: label, Value: value, Picks: picks}
}

// communeValue is what a commune field shows for slug: its label, which
// names it exactly when sent back; "" for the province.
func (ad *adminSite) communeValue(slug string) string {
	if slug == "" || slug == "-" {
		return ""
	}
	if _, ok := ad.communes.Lookup(slug); !ok {
		return slug
	}
	return communeLabel(ad.communes.Match(slug))
}
