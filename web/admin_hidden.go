package web

import (
	"net/url"

	"github.com/gin-gonic/gin"
)

// handleHide hides a procedure from the residents the user answers for:
// an officer's commune, or the whole province for its administrator. The
// document stays, for the other communes and for the admin pages.
func (s *Server) handleHide(c *gin.Context) {
	s.setHidden(c, true)
}

// handleUnhide shows a hidden procedure again.
func (s *Server) handleUnhide(c *gin.Context) {
	s.setHidden(c, false)
}

func (s *Server) setHidden(c *gin.Context, hide bool) {
	d, ok := s.document(c, false)
	if !ok {
		return
	}
	u := adminUser(c)
	var err error
	msg := "Đã ẩn thủ tục này với người dân."
	if hide {
		err = s.cfg.Knowledge.Hide(c.Request.Context(), d.ID, u.Commune, u.Name)
	} else {
		err = s.cfg.Knowledge.Unhide(c.Request.Context(), d.ID, u.Commune)
		msg = "Người dân đã thấy lại thủ tục này."
	}
	if err != nil {
		s.failPage(c, err)
		return
	}
	seeOther(c, "/admin/documents/"+url.PathEscape(d.ID), msg)
}
