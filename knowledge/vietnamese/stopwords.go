package vietnamese

// IsStopword reports whether folded, a syllable as returned by Words, is
// question filler that carries no content of its own: pronouns, question
// words, particles and verbs of wanting or asking.
//
// Syllables that name things in procedure titles stay content even when they
// are also common in questions (ky, dang, giay, cap, lai, con, nha, so, ho, tu, di, do).
// A folded syllable can stand for several accented ones, so a few listed here
// also occur in titles ("can" is cần and căn, "the" is thế and thẻ, "sao" is
// sao and bản sao, "cho" is cho and tặng cho); their neighbours keep such
// titles findable.
func IsStopword(folded string) bool {
	_, ok := stopwords[folded]
	return ok
}

// stopwords is read-only after initialisation.
var stopwords = map[string]struct{}{
	// pronouns and forms of address
	"toi": {}, "minh": {}, "em": {}, "chau": {}, "tui": {}, "tao": {},
	// wanting, asking, needing
	"muon": {}, "can": {}, "hoi": {}, "xem": {}, "biet": {}, "giup": {},
	"vui": {},
	// question words
	"gi": {}, "the": {}, "nao": {}, "sao": {}, "dau": {}, "bao": {},
	"nhieu": {}, "khong": {}, "co": {}, "phai": {}, "ai": {}, "may": {},
	"khi": {}, "luc": {},
	// verbs and fillers that appear in almost every question
	"lam": {}, "o": {}, "cho": {}, "duoc": {}, "la": {}, "va": {},
	"voi": {}, "nhung": {}, "cac": {}, "de": {}, "ma": {}, "nay": {},
	"kia": {}, "ay": {}, "rang": {}, "neu": {}, "vao": {}, "ra": {},
	"tren": {}, "roi": {}, "se": {}, "da": {}, "nhu": {},
	// particles
	"a": {}, "ah": {}, "ak": {}, "nhe": {}, "vay": {}, "nhi": {}, "oi": {},
	"u": {}, "ne": {},
	// teencode for the above: "e bị mất thẻ r, lm lại mất bn tiền vậy ad"
	// (em, rồi, làm, bao nhiêu, admin)
	"ko": {}, "k": {}, "j": {}, "dc": {}, "z": {}, "v": {}, "mk": {},
	"e": {}, "r": {}, "lm": {}, "bn": {}, "ad": {}, "admin": {}, "ntn": {}, "vs": {},
}

// teencode are the shorthand syllables residents type for a word a
// dictionary term may hold ("xin lm hộ nghèo" is "xin làm hộ nghèo"),
// read as that word, folded.
var teencode = map[string]string{
	"lm": "lam", "dc": "duoc", "ko": "khong", "k": "khong", "j": "gi", "r": "roi", "e": "em", "mk": "minh", "vs": "voi",
}

// ambiguousStopwords fold from filler and from title words alike; typed
// without diacritics they are kept as content.
var ambiguousStopwords = map[string]struct{}{
	"can": {}, // cần / căn (căn cước)
	"the": {}, // thế / thẻ
	"sao": {}, // sao / bản sao
	"bao": {}, // bao nhiêu / bảo hiểm
	"dau": {}, // đâu / đầu (lần đầu), dấu
	"ma":  {}, // mà / mã số
	"co":  {}, // có / cổ phần
	"may": {}, // mấy / máy
	"de":  {}, // để / đề nghị
	"la":  {}, // là / lá
	"nhu": {}, // như / nhu cầu
}

// pairJudged are syllables read as filler or chit-chat, or as a title
// word whose title reading comes in a fixed pair ("căn cước", "lần đầu",
// "mã số", "đề nghị", "di sản", "cấp xã", "chứng chỉ", "ở nhờ"). Typed
// without diacritics, or with those of a reading listed here, they are
// filler outside such a pair. "bao" is not among them: "báo" stands alone
// ("báo cho ai").
var pairJudged = map[string][]string{
	"can": nil, "the": nil, "sao": nil, "dau": nil, "ma": nil, "co": nil,
	"may": nil, "de": nil, "la": nil, "nhu": nil, "di": {"đi"}, "xa": nil,
	"anh": nil, "chi": {"chị", "chỉ"}, "nho": {"nhờ"}, "ranh": nil,
	"chao": {"chào"},
}

// accentedStopwords are the filler syllables as typed with diacritics.
var accentedStopwords = map[string]struct{}{
	"tôi": {}, "mình": {}, "cháu": {}, "muốn": {}, "cần": {}, "hỏi": {},
	"giúp": {}, "gì": {}, "thế": {}, "nào": {}, "đâu": {}, "nhiêu": {},
	"không": {}, "có": {}, "phải": {}, "mấy": {}, "lúc": {}, "làm": {},
	"ở": {}, "được": {}, "là": {}, "và": {}, "với": {}, "những": {},
	"các": {}, "để": {}, "mà": {}, "này": {}, "ấy": {}, "rằng": {},
	"nếu": {}, "vào": {}, "trên": {}, "rồi": {}, "sẽ": {}, "đã": {},
	"như": {}, "ạ": {}, "à": {}, "nhé": {}, "vậy": {}, "nhỉ": {}, "ơi": {},
	"ừ": {}, "nè": {}, "biết": {}, "đc": {}, "nhá": {}, "dạ": {},
	"thì": {}, "chúng": {}, "nên": {}, "chuyện": {}, "cảm": {}, "cám": {},
	"ơn": {}, "lắm": {}, "chút": {}, "rành": {},
}

// fillerPairs are two-syllable question phrases whose syllables, alone,
// could be title words ("bao nhiêu" is filler, "bảo" is not).
var fillerPairs = map[string]struct{}{
	"bao nhieu": {}, "bao lau": {}, "the nao": {}, "can gi": {},
	"can nhung": {}, "o dau": {}, "la gi": {}, "co the": {},
	"co khong": {}, "can phai": {}, "de lam": {}, "nhu the": {},
	"cam on": {}, "xin chao": {},
}

// insertable are the filler syllables that may stand inside a dictionary
// term as the resident types it, the modal and aspect words of a verb
// phrase: "không muốn nhận phần" still says "không nhận phần". Words that
// join phrases ("trên", "cho", "ở") are not among them: "tầng trên đất"
// is not "tặng đất".
var insertable = map[string]struct{}{
	"muon": {}, "da": {}, "duoc": {}, "phai": {}, "can": {}, "se": {},
	"co": {}, "roi": {},
}

// skippable reports whether a syllable, normalised (a) and folded (f), may
// stand inside a dictionary term (see insertable).
func skippable(a, f string) bool {
	if _, ok := insertable[f]; !ok {
		return false
	}
	return isFiller(a, f) || a == f && IsStopword(f)
}
