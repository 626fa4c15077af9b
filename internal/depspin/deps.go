// Package depspin keeps modules the work in progress needs in go.mod; it is
// removed once real code imports them.
package depspin

import (
	_ "github.com/prometheus/client_golang/prometheus"
	_ "github.com/prometheus/client_golang/prometheus/promhttp"
	_ "go.yaml.in/yaml/v3"
	_ "golang.org/x/crypto/bcrypt"
)
