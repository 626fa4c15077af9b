package vietnamese

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/token/shingle"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"golang.org/x/text/unicode/norm"
)

// Names of the analyzers that AddAnalyzers registers on a mapping.
const (
	// AnalyzerAccent keeps diacritics: NFC, lower-case syllable tokens.
	AnalyzerAccent = "vi"
	// AnalyzerFold folds the syllables of AnalyzerAccent: đ→d, no diacritics.
	AnalyzerFold = "vi_fold"
	// AnalyzerBigram indexes folded syllable pairs ("dang ky", "ky khai")
	// as single tokens, which ranks multi-syllable words above scattered
	// syllables.
	AnalyzerBigram = "vi_bigram"
)

// Names of the building blocks registered in bleve's registry.
const (
	// TokenizerSyllable is the tokenizer type that splits text into NFC,
	// lower-cased runs of letters and digits.
	TokenizerSyllable = "vi_syllable"
	// FilterFold is the token filter type that folds each term with Fold.
	FilterFold = "vi_fold"
	// filterBigram is the configured shingle filter that AddAnalyzers adds.
	filterBigram = "vi_bigram_shingle"
)

func init() {
	// bleve's registry is its own plugin mechanism: types are registered once
	// per process, analyzers are then configured per mapping.
	if err := registry.RegisterTokenizer(TokenizerSyllable, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return syllableTokenizer{}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenFilter(FilterFold, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{}, nil
	}); err != nil {
		panic(err)
	}
}

// AddAnalyzers adds the shingle filter configuration and the analyzers
// AnalyzerAccent, AnalyzerFold and AnalyzerBigram to m.
func AddAnalyzers(m *mapping.IndexMappingImpl) error {
	if err := m.AddCustomTokenFilter(filterBigram, map[string]interface{}{
		"type":            shingle.Name,
		"min":             2.0,
		"max":             2.0,
		"output_original": false,
		"separator":       " ",
	}); err != nil {
		return fmt.Errorf("vietnamese: add filter %s: %w", filterBigram, err)
	}
	analyzers := []struct {
		name    string
		filters []string
	}{
		{AnalyzerAccent, nil},
		{AnalyzerFold, []string{FilterFold}},
		{AnalyzerBigram, []string{FilterFold, filterBigram}},
	}
	for _, a := range analyzers {
		config := map[string]interface{}{
			"type":      custom.Name,
			"tokenizer": TokenizerSyllable,
		}
		if a.filters != nil {
			config["token_filters"] = a.filters
		}
		if err := m.AddCustomAnalyzer(a.name, config); err != nil {
			return fmt.Errorf("vietnamese: add analyzer %s: %w", a.name, err)
		}
	}
	return nil
}

// syllableTokenizer emits runs of letters, digits and combining marks. Start
// and End are byte offsets in the input as given (so highlighting works on
// NFD text too); the term is NFC and lower-case.
type syllableTokenizer struct{}

func (syllableTokenizer) Tokenize(input []byte) analysis.TokenStream {
	var out analysis.TokenStream
	start := -1
	numeric := true
	emit := func(end int) {
		term := norm.NFC.Bytes(input[start:end])
		out = append(out, &analysis.Token{
			Term:     lowerBytes(term),
			Start:    start,
			End:      end,
			Position: len(out) + 1,
			Type:     tokenType(numeric),
		})
		start = -1
	}
	for i := 0; i < len(input); {
		r, size := utf8.DecodeRune(input[i:])
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) ||
			start >= 0 && unicode.In(r, unicode.Mn, unicode.Mc)
		switch {
		case inWord && start < 0:
			start, numeric = i, unicode.IsDigit(r)
		case inWord:
			numeric = numeric && unicode.IsDigit(r)
		case start >= 0:
			emit(i)
		}
		i += size
	}
	if start >= 0 {
		emit(len(input))
	}
	return out
}

func tokenType(numeric bool) analysis.TokenType {
	if numeric {
		return analysis.Numeric
	}
	return analysis.AlphaNumeric
}

// lowerBytes lower-cases b; it returns a new slice so the input is never
// modified.
func lowerBytes(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		out = utf8.AppendRune(out, unicode.ToLower(r))
		i += size
	}
	return out
}

// foldFilter folds every term: "đăng" becomes "dang".
type foldFilter struct{}

func (foldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		t.Term = []byte(Fold(string(t.Term)))
	}
	return input
}
