// Package fault holds the errors that every layer shares: the sentinels
// callers test with errors.Is, and Error, the one error whose message may
// be shown to a user as it is.
package fault

import (
	"errors"
	"fmt"
)

// Sentinel errors callers can test with errors.Is.
var (
	// ErrNotFound means the thing asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid means the input was rejected as malformed or unsupported.
	ErrInvalid = errors.New("invalid input")
)

// Error is a refusal with a message a user may read as it is: Vietnamese
// first, English in brackets. It matches ErrInvalid, its Reason and its
// Cause with errors.Is; only Message is ever shown.
type Error struct {
	Message string // for the user
	Reason  error  // a finer sentinel callers test for; may be nil
	Cause   error  // for the log; may be nil
}

// Error returns the message, and the cause when any.
func (e *Error) Error() string {
	if e.Cause != nil {
		return e.Message + ": " + e.Cause.Error()
	}
	return e.Message
}

// Unwrap lets errors.Is find ErrInvalid, the reason and the cause.
func (e *Error) Unwrap() []error {
	out := []error{ErrInvalid}
	if e.Reason != nil {
		out = append(out, e.Reason)
	}
	if e.Cause != nil {
		out = append(out, e.Cause)
	}
	return out
}

// Invalid returns an *Error with a formatted message for the user.
func Invalid(format string, args ...any) error {
	return &Error{Message: fmt.Sprintf(format, args...)}
}

// Message returns the user-facing message of err when it holds an *Error,
// and fallback otherwise: an internal error's text is never shown.
func Message(err error, fallback string) string {
	if e, ok := errors.AsType[*Error](err); ok {
		return e.Message
	}
	return fallback
}
