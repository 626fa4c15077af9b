package records

import (
	"crypto/rand"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hoidap/hoidap/knowledge/vietnamese"
	"github.com/trustelem/zxcvbn"
)

// dummyHash is compared against when the name is unknown, so that a login
// takes as long whether the name exists or not.
const dummyHash = "$2a$10$O90.LjCC1ByRhITkCIAlzeVBk1Yr9gJ/0XiCG8NHtW6nYJ.2Ui7XO"

// CheckPassword returns an error (wrapping ErrInvalid, with a Vietnamese
// message) when pw is too short, too long, or easy to guess: zxcvbn's
// estimate below minPasswordScore, with the service's and the user's own
// words (userWords, e.g. the user name) and the Vietnamese words for
// "password" counted as known.
func CheckPassword(pw string, userWords ...string) error {
	switch {
	case utf8.RuneCountInString(pw) < MinPassword:
		return inputError("Mật khẩu cần ít nhất %d ký tự. (Password too short)", MinPassword)
	case len(pw) > maxPassword:
		return inputError("Mật khẩu dài quá %d byte. (Password too long)", maxPassword)
	}
	known := append(slices.Clone(guessableWords), userWords...)
	// Typed with or without diacritics, "mậtkhẩu" is the same guess.
	score := min(zxcvbn.PasswordStrength(pw, known).Score, zxcvbn.PasswordStrength(vietnamese.Fold(pw), known).Score)
	if score < minPasswordScore {
		return inputError("Mật khẩu quá dễ đoán: hãy dùng một câu dài vài từ, hoặc trộn chữ, số và ký hiệu. (Password too easy to guess)")
	}
	return nil
}

// userWords are the words of a user's name and commune an attacker tries
// first: "hungdao.a", "hungdao", "hung-dao-hai-phong", "haiphong".
func userWords(name, commune string) []string {
	words := []string{name}
	for _, s := range []string{name, commune} {
		parts := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '-' || r == '_' })
		words = append(words, parts...)
		words = append(words, strings.Join(parts, ""))
		for i := 0; i+1 < len(parts); i++ {
			words = append(words, parts[i]+parts[i+1])
		}
	}
	return words
}

// minPasswordScore is the least zxcvbn score (0–4) a password needs:
// 3 is "safely unguessable" against an online attack with throttling
// and a slow hash.
const minPasswordScore = 3

// guessableWords are words an attacker tries first on this service, beyond
// zxcvbn's English dictionaries.
var guessableWords = []string{"matkhau", "mat khau", "mật khẩu", "hoidap", "hoi dap", "quantri", "quan tri", "admin",
	"canbo", "can bo", "ubnd", "uybannhandan", "vietnam", "việt nam", "xinchao", "anhyeuem", "iloveyou"}

// OneTimePassword is a random password that is easy to type: 20
// characters without look-alikes (about 99 bits).
func OneTimePassword() (string, error) {
	const alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
	const limit = 256 - 256%len(alphabet) // bytes at or over it would favour the first letters
	var b strings.Builder
	buf := make([]byte, 32)
	for b.Len() < 20 {
		if _, err := rand.Read(buf); err != nil {
			return "", fmt.Errorf("records: one-time password: %w", err)
		}
		for _, x := range buf {
			if int(x) < limit && b.Len() < 20 {
				b.WriteByte(alphabet[int(x)%len(alphabet)])
			}
		}
	}
	return b.String(), nil
}
