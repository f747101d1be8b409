from harness import mine, eq, true, raises, host
textwrap = mine('textwrap')

TEXTS = [
    'The quick brown fox jumps over the lazy dog. A well-known, state-of-the-art sentence! Another  one?  Yes.',
    'supercalifragilisticexpialidocious word and then some-more-hyphen--dashes here -- there',
    'Hello there.  How are you? "Fine." she said.\tTabs\tand\nnewlines\rand-so-on.',
    'a-b-c-d e--f g---h 12-34 x-1 ab-cd-ef-gh-ij',
    '',
    '   leading and trailing   ',
    'x' * 50 + ' ' + 'y-' * 20,
]
OPTS = [dict(width=20), dict(width=12, break_on_hyphens=False), dict(width=7),
        dict(width=15, initial_indent='* ', subsequent_indent='  '),
        dict(width=30, fix_sentence_endings=True), dict(width=10, break_long_words=False),
        dict(width=25, max_lines=2), dict(width=18, drop_whitespace=False),
        dict(width=30, replace_whitespace=False, expand_tabs=False),
        dict(width=16, max_lines=3, placeholder='...'), dict(width=1)]


def test_wrap_against_host():
    code = ('import textwrap\nout=[]\nfor t in %r:\n    for o in %r:\n'
            '        out.append(textwrap.wrap(t, **o))\nprint(repr(out))' % (TEXTS, OPTS))
    expected = eval(host(code))
    got = [textwrap.wrap(t, **o) for t in TEXTS for o in OPTS]
    eq(len(got), len(expected))
    for i, (g, e) in enumerate(zip(got, expected)):
        eq(g, e, 'case %d (%r, %r)' % (i, TEXTS[i // len(OPTS)][:20], OPTS[i % len(OPTS)]))


def test_dedent_indent_shorten():
    cases = ['  a\n    b\n   \n  c\n', '\tx\n\ty', '  a\n\tb', 'no indent\n  x',
             '    \n  a\n', '']
    code = ('import textwrap\nprint(repr([textwrap.dedent(c) for c in %r]))' % (cases,))
    eq([textwrap.dedent(c) for c in cases], eval(host(code)))
    eq(textwrap.indent('a\n\nb\n', '> '), '> a\n\n> b\n')
    eq(textwrap.indent('a\n\nb', '+', lambda l: True), '+a\n+\n+b')
    t = TEXTS[0]
    for w in (10, 15, 40, 200):
        eq(textwrap.shorten(t, w), eval(host('import textwrap; print(repr(textwrap.shorten(%r, %d)))' % (t, w))))
    eq(textwrap.fill('a b c', 3), 'a b\nc')
    with raises(ValueError, 'invalid width 0 (must be > 0)'):
        textwrap.wrap('abc', 0)
    with raises(ValueError, 'placeholder too large for max width'):
        textwrap.shorten('hello world', 3)
