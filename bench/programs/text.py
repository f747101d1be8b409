# Text: generate a document from a fixed vocabulary (fixed-seed LCG), then
# process it the way small scripts do: split into lines and words, strip
# punctuation, lower-case, count words in a dict, build an index from word to
# line numbers, find the most common words, capitalise sentences, replace and
# join. Checked by recounting the words a second, independent way (sorting
# and run-length counting) and by invariants of the index.
import benchlib

BENCH = {"kind": "single", "scale": 400000, "quick": 3000,
         "about": "str split/join/lower/replace, dict counting, sorting"}

VOCABULARY = (
    "the quick brown fox jumps over lazy dog while seven wizards quietly "
    "hex jolly giants and a sphinx of black quartz judges my vow "
    "pack boxes with five dozen liquor jugs how vexingly daft zebras jump "
    "python threads run free without global interpreter lock at last"
).split()
PUNCTUATION = [",", ".", ";", "!", "?", ""]


def generate(nwords, rng):
    lines = []
    words = []
    nvocab = len(VOCABULARY)
    npunct = len(PUNCTUATION)
    for i in range(nwords):
        r = rng.next_int(nvocab * 35 * npunct)
        w = VOCABULARY[r % nvocab]
        r = r // nvocab
        if r % 35 < 5:
            w = w.upper()
        elif r % 35 < 11:
            w = w.capitalize()
        w = w + PUNCTUATION[(r // 35) % npunct]
        words.append(w)
        if len(words) == 12:
            lines.append(" ".join(words))
            words = []
    if words:
        lines.append(" ".join(words))
    return "\n".join(lines)


def normalise(word):
    return word.strip(",.;!?").lower()


def process(document):
    counts = {}
    index = {}
    lines = document.split("\n")
    for number, line in enumerate(lines):
        for raw in line.split():
            word = normalise(raw)
            if not word:
                continue
            counts[word] = counts.get(word, 0) + 1
            where = index.get(word)
            if where is None:
                index[word] = [number]
            elif where[-1] != number:
                where.append(number)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    # Rewrite: capitalise each line, expand a word, re-join.
    rewritten = []
    for line in lines:
        line = line.lower().replace("fox", "wolf").replace(" a ", " one ")
        if line:
            line = line[0].upper() + line[1:]
        if line.endswith(".") or line.endswith("!") or line.endswith("?"):
            rewritten.append(line)
        else:
            rewritten.append(line + ".")
    text = "\n".join(rewritten)
    return counts, index, ranked, text, len(lines)


def recount(document):
    words = []
    for raw in document.split():
        w = normalise(raw)
        if w:
            words.append(w)
    words.sort()
    counts = {}
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and words[j] == words[i]:
            j += 1
        counts[words[i]] = j - i
        i = j
    return counts, len(words)


def main():
    nwords = benchlib.parse_args({"scale": BENCH["scale"]})["scale"]
    rng = benchlib.Lcg(7)
    document = generate(nwords, rng)  # not timed: LCG arithmetic, not text
    start = benchlib.clock()
    # Three passes over the same document; each builds fresh dicts.
    for _ in range(3):
        counts, index, ranked, text, nlines = process(document)
    elapsed = benchlib.clock() - start
    expected, total = recount(document)
    benchlib.check_equal(total, nwords, "number of words")
    benchlib.check_equal(counts, expected, "word counts")
    benchlib.check_equal(sum(counts.values()), nwords, "sum of counts")
    for word in index:
        lines = index[word]
        benchlib.check(lines == sorted(set(lines)), "index not increasing for " + word)
        benchlib.check(len(lines) <= counts[word], "index longer than count for " + word)
    for i in range(1, len(ranked)):
        benchlib.check(ranked[i - 1][1] >= ranked[i][1], "ranking not sorted")
    benchlib.check_equal(text.count("\n"), nlines - 1, "rewritten line count")
    benchlib.check("fox" not in text, "replace missed a word")
    benchlib.report(elapsed)


main()
