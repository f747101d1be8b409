"""Unix shell-style filename matching (ftpy): *, ?, [seq], [!seq].

Matching is done by a small backtracking matcher, so `re` is not needed;
translate() still returns a regular expression for callers that want one.
On POSIX, fnmatch() is case-sensitive (os.path.normcase is the identity)."""

__all__ = ['filter', 'fnmatch', 'fnmatchcase', 'translate']

from functools import lru_cache as _lru_cache


def fnmatch(name, pat):
    """Test whether name matches the shell pattern pat."""
    return fnmatchcase(name, pat)


def filter(names, pat):
    """The names in the iterable that match pat."""
    matcher = _compile(pat)
    return [n for n in names if matcher(n)]


def fnmatchcase(name, pat):
    """Test whether name matches pat, case-sensitively."""
    return _compile(pat)(name)


def _parse(pat):
    """Pattern -> list of tokens: ('lit', str), ('any',) for ?, ('star',),
    ('set', negated, [(lo, hi), ...])."""
    tokens = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not tokens or tokens[-1] != ('star',):
                tokens.append(('star',))
        elif c == '?':
            tokens.append(('any',))
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                tokens.append(('lit', '['))     # no closing bracket: literal
                continue
            body = pat[i:j]
            i = j + 1
            negated = body.startswith('!')
            if negated:
                body = body[1:]
            ranges = []
            k = 0
            while k < len(body):
                if k + 2 < len(body) and body[k + 1] == '-':
                    lo, hi = body[k], body[k + 2]
                    if lo <= hi:
                        ranges.append((lo, hi))
                    k += 3
                else:
                    ranges.append((body[k], body[k]))
                    k += 1
            tokens.append(('set', negated, ranges))
        else:
            if tokens and tokens[-1][0] == 'lit':
                tokens[-1] = ('lit', tokens[-1][1] + c)
            else:
                tokens.append(('lit', c))
    return tokens


def _one(tok, ch):
    if tok[0] == 'any':
        return True
    inside = any(lo <= ch <= hi for lo, hi in tok[2])
    return inside != tok[1]


@_lru_cache(maxsize=32768, typed=True)
def _compile(pat):
    tokens = _parse(pat)

    def match(name):
        # Iterative matcher with backtracking to the last star only
        # (enough for glob patterns: linear in practice).
        ti = ni = 0
        star_ti = star_ni = -1
        nt, nn = len(tokens), len(name)
        while True:
            if ti < nt:
                tok = tokens[ti]
                kind = tok[0]
                if kind == 'star':
                    star_ti, star_ni = ti, ni
                    ti += 1
                    continue
                if kind == 'lit':
                    lit = tok[1]
                    if name.startswith(lit, ni):
                        ti += 1
                        ni += len(lit)
                        continue
                elif ni < nn and _one(tok, name[ni]):
                    ti += 1
                    ni += 1
                    continue
            elif ni == nn:
                return True
            if star_ti < 0 or star_ni >= nn:
                return False
            star_ni += 1
            ti, ni = star_ti + 1, star_ni
    return match


_SPECIAL = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def _escape(s):
    return ''.join('\\' + c if c in _SPECIAL else c for c in s)


def translate(pat):
    """A regular expression (as a string) equivalent to the shell pattern:
    '(?s:...)\\Z'."""
    parts = []
    for tok in _parse(pat):
        kind = tok[0]
        if kind == 'lit':
            parts.append(_escape(tok[1]))
        elif kind == 'any':
            parts.append('.')
        elif kind == 'star':
            parts.append('.*')
        else:
            negated, ranges = tok[1], tok[2]
            if not ranges:
                parts.append('.' if negated else '(?!)')
                continue
            body = ''.join(
                (_escape_set(lo) if lo == hi else _escape_set(lo) + '-' + _escape_set(hi))
                for lo, hi in ranges)
            parts.append('[%s%s]' % ('^' if negated else '', body))
    return '(?s:%s)\\Z' % ''.join(parts)


def _escape_set(c):
    return '\\' + c if c in '\\]^-[' else c
