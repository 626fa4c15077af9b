package ingest

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/hoidap/hoidap/knowledge/portal"
)

// PortalID names a national portal record: portal.IDPrefix and its code, with
// "-" and the commune for a commune's own copy. The code keeps letters,
// digits, dots and underscores only: no "-", so that no code can end in a
// commune's name and make another commune's id ("9.999001-tran" uploaded
// for hung-dao-hai-phong is not 9.999001 of tran-hung-dao-hai-phong).
func PortalID(code, commune string) string {
	var b strings.Builder
	b.WriteString(portal.IDPrefix)
	for _, r := range code {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '.' || r == '_' {
			b.WriteRune(r)
		}
	}
	if commune != "" {
		b.WriteString("-" + commune)
	}
	return b.String()
}

func randomID(prefix string) (string, error) {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("ingest: random id: %w", err)
	}
	return prefix + hex.EncodeToString(b), nil
}
