package upload

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxName bounds a sanitised name in bytes; file systems allow 255.
const maxName = 120

// fallbackName is used when nothing of a name is left.
const fallbackName = "tai-lieu"

// SafeName sanitises a file name for storage and display: the base name
// only (after "/" or "\"), NFC, without control or invisible formatting
// characters (such as the right-to-left override that disguises
// "exe.pdf"), without characters Windows forbids, without leading dots
// or "..", at most 120 bytes with its extension kept, and never empty.
// "../../etc/passwd.md" becomes "passwd.md".
func SafeName(name string) string {
	name = strings.ToValidUTF8(name, "")
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = norm.NFC.String(name)
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), r == utf8.RuneError:
			continue
		case strings.ContainsRune(`<>:"|?*`, r):
			b.WriteRune('_')
		case unicode.IsSpace(r):
			b.WriteRune(' ')
		default:
			b.WriteRune(r)
		}
	}
	name = strings.Join(strings.Fields(b.String()), " ")
	for strings.Contains(name, "..") {
		name = strings.ReplaceAll(name, "..", ".")
	}
	name = strings.Trim(name, ". ")
	stem := strings.TrimSuffix(name, path.Ext(name))
	if stem == "" {
		name = fallbackName + name
	}
	name = cut(name)
	// After the cut, which can leave a reserved stem ("CON.0000…" cut
	// to "CON" and a long extension); the prefix may need a cut again.
	if reserved(strings.TrimSuffix(name, path.Ext(name))) {
		name = cut("_" + name)
	}
	return name
}

// cut bounds a name to maxName bytes, keeping an extension of up to 16
// bytes and whole runes.
func cut(name string) string {
	if len(name) <= maxName {
		return name
	}
	ext := path.Ext(name)
	if len(ext) > 16 {
		ext = ""
	}
	stem := strings.TrimSuffix(name, ext)
	at := maxName - len(ext)
	for at > 0 && !utf8.RuneStart(stem[at]) {
		at--
	}
	return strings.TrimRight(stem[:at], ". ") + ext
}

// reserved reports names Windows cannot store (CON, NUL, COM1, ...).
func reserved(stem string) bool {
	switch strings.ToUpper(stem) {
	case "CON", "PRN", "AUX", "NUL",
		"COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
		"LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9":
		return true
	}
	return false
}
