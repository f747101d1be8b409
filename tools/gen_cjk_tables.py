#!/usr/bin/env python3
"""Generate ftpy's CJK codec tables by probing the host python3's codecs.

Usage: gen_cjk_tables.py OUTPUT.inc

No mapping table is copied from anywhere: every entry is what the running
python3 answers when asked to decode a byte sequence or encode a character.
The output is included by src/modules/cjk_tables.cpp only.

Stateless codecs (shift_jis, euc_kr, gbk, big5, ...) become a byte-driven
automaton of rows: row 0 is indexed by the first byte; an entry is a BMP
character, an index into the codec's "extras" (a non-BMP character or a
pair of characters), an illegal-sequence length, or "read one more byte
in row r". Running out of input while a row wants a byte is CPython's
"incomplete multibyte sequence". Identical rows are stored once, across
codecs too (big5/cp950, gbk/gb18030, the JIS X 0213 pairs share most).

Encoding is a table per 256-code-point BMP page (code < 0x100 is one byte,
0x2121..0x7e7e is EUC's three-byte 0x8f form, 0xffff unmappable, 0xfffe
gb18030's four-byte form), sorted (code point, code) pairs outside the
BMP, and the two-character sequences that have one code of their own
(JIS X 0213's kana + semi-voiced mark, HKSCS's Ê + macron).

gb18030's four-byte sequences are linear: runs of (first code point,
first linear index, length) serve both directions.

The ISO-2022 family and HZ switch between 94x94 character sets; each set's
table is probed through a codec that designates it (ESC $ B for JIS X 0208,
...), and each codec's encoder choice (which set a character goes to) is
recorded where it is not simply "the first set in the codec's order that
has it".
"""
import codecs
import sys

STATELESS = ['big5', 'big5hkscs', 'cp932', 'cp949', 'cp950', 'euc_jis_2004',
             'euc_jisx0213', 'euc_jp', 'euc_kr', 'gb18030', 'gb2312', 'gbk',
             'johab', 'shift_jis', 'shift_jis_2004', 'shift_jisx0213']

# Special decode entries (see cjk_tables.h).
EXTRA_BASE, EXTRA_MAX = 0xD800, 0x700
ROW_BASE, ROW_MAX = 0xDF00, 0xE0
ERR_BASE = 0xDFF0      # + n: illegal sequence of n bytes
GB4 = 0xDFF8           # gb18030 four-byte sequence
KR_MAKEUP = 0xDFF9     # euc_kr's eight-byte A4 D4 A4 x A4 y A4 z syllable
UNMAPPED, GB4_ENC, KR_MAKEUP_ENC = 0xFFFF, 0xFFFE, 0xFFFD


class Pool:
    """One uint16 array; identical runs are stored once."""

    def __init__(self):
        self.data = []
        self.index = {}

    def add(self, seq):
        key = tuple(seq)
        if not key:
            return 0
        off = self.index.get(key)
        if off is None:
            off = len(self.data)
            self.data.extend(key)
            self.index[key] = off
        return off


def decode_probe(dec, bs, skip=0):
    """('ok', str) | ('err', length) | ('more',)"""
    try:
        s, _ = dec(bs)
        return ('ok', s)
    except UnicodeDecodeError as e:
        if e.reason == 'incomplete multibyte sequence':
            return ('more',)
        assert e.start == skip, (bs, e)
        return ('err', e.end - e.start)


class StatelessCodec:
    def __init__(self, name, dpool, epool):
        self.name = name
        info = codecs.lookup(name)
        self.dec = info.decode
        self.enc = info.encode
        self.dpool, self.epool = dpool, epool
        self.rows = []        # (lo, hi, default, off)
        self.row_keys = {}
        self.extras = []      # (a, b): b == 0 means the single character a
        self.extra_index = {}
        self.gb4_runs = []
        self.decode_tables()
        self.encode_tables()

    def extra(self, s):
        key = (ord(s[0]), ord(s[1]) if len(s) > 1 else 0)
        assert len(s) <= 2
        i = self.extra_index.get(key)
        if i is None:
            i = len(self.extras)
            assert i < EXTRA_MAX, self.name
            self.extras.append(key)
            self.extra_index[key] = i
        return EXTRA_BASE + i

    def entry(self, prefix):
        r = decode_probe(self.dec, bytes(prefix))
        if r[0] == 'ok':
            s = r[1]
            if len(s) == 1 and ord(s) < 0x10000 and not 0xD800 <= ord(s) < 0xE000:
                return ord(s)
            return self.extra(s)
        if r[0] == 'err':
            return ERR_BASE + r[1]
        if self.name == 'gb18030' and len(prefix) == 2:
            return GB4
        if self.name == 'euc_kr' and prefix == [0xA4, 0xD4]:
            return KR_MAKEUP
        return self.row(prefix)

    def row(self, prefix):
        entries = [self.entry(prefix + [b]) for b in range(256)]
        # The default is the most common entry; the stored range covers
        # every other one.
        counts = {}
        for e in entries:
            counts[e] = counts.get(e, 0) + 1
        default = max(counts, key=lambda e: (counts[e], e >= ERR_BASE))
        if not prefix:
            lo, hi = 0, 255
        else:
            others = [b for b in range(256) if entries[b] != default]
            lo, hi = (others[0], others[-1]) if others else (1, 0)
        key = (lo, hi, default, tuple(entries[lo:hi + 1]))
        r = self.row_keys.get(key)
        if r is None:
            r = len(self.rows)
            assert r < ROW_MAX, self.name
            self.rows.append((lo, hi, default, self.dpool.add(entries[lo:hi + 1])))
            self.row_keys[key] = r
        return ROW_BASE + r

    def decode_tables(self):
        self.rows.append(None)  # row 0 is the first byte's
        self.row_keys = {}
        tmp = self.row([])
        # row([]) appended itself at the end; move it to slot 0.
        r = tmp - ROW_BASE
        self.rows[0] = self.rows[r]
        if r == len(self.rows) - 1:
            self.rows.pop()
        if self.name == 'gb18030':
            self.gb18030_runs()
        self.makeup = []
        if self.name == 'euc_kr':
            self.makeup_tables()

    def makeup_tables(self):
        # For the second byte of each A4 xx pair: its index as initial,
        # medial and final jamo of a composed syllable, or 0xff.
        def probe(x, y, z):
            r = decode_probe(self.dec, bytes([0xA4, 0xD4, 0xA4, x, 0xA4, y, 0xA4, z]))
            return ord(r[1]) - 0xAC00 if r[0] == 'ok' and len(r[1]) == 1 else None
        cho, jung, jong = [], [], []
        for x in range(256):
            v = probe(x, 0xBF, 0xD4)
            cho.append(0xFF if v is None else v // 588)
            v = probe(0xA1, x, 0xD4)
            jung.append(0xFF if v is None else v % 588 // 28)
            v = probe(0xA1, 0xBF, x)
            jong.append(0xFF if v is None else v % 28)
        for x, y, z in ((0xA1, 0xBF, 0xD4), (0xBE, 0xD3, 0xBE), (0xA1, 0xA1, 0xA1), (0xD4, 0xBF, 0xD4)):
            ok = cho[x] != 0xFF and jung[y] != 0xFF and jong[z] != 0xFF
            r = probe(x, y, z)
            assert (r is not None) == ok, (x, y, z)
            assert not ok or r == cho[x] * 588 + jung[y] * 28 + jong[z]
            if not ok:
                assert decode_probe(self.dec, bytes([0xA4, 0xD4, 0xA4, x, 0xA4, y, 0xA4, z])) == ('err', 1)
        self.makeup = cho + jung + jong

    def gb18030_runs(self):
        # Linear index of b1 b2 b3 b4 (b1 0x81-0xfe, b2 0x30-0x39, ...).
        def seq(i):
            b4 = i % 10; i //= 10
            b3 = i % 126; i //= 126
            b2 = i % 10; b1 = i // 10
            return bytes([0x81 + b1, 0x30 + b2, 0x81 + b3, 0x30 + b4])
        runs = []
        for i in range(126 * 10 * 126 * 10):
            if i >= 39420 and i < 189000:
                continue
            if i >= 189000:
                cp = 0x10000 + (i - 189000)
                if cp > 0x10FFFF:
                    break
                if (i - 189000) % 4096 != 0 and cp != 0x10FFFF:
                    # The supplementary planes are one linear run; probe
                    # a sample of it and check the ends below.
                    if runs and runs[-1][0] + runs[-1][2] == cp and runs[-1][1] + runs[-1][2] == i:
                        runs[-1][2] += 1
                        continue
            r = decode_probe(self.dec, seq(i))
            if r[0] != 'ok':
                assert r == ('err', 1), (seq(i), r)
                continue
            cp = ord(r[1])
            if runs and runs[-1][0] + runs[-1][2] == cp and runs[-1][1] + runs[-1][2] == i:
                runs[-1][2] += 1
            else:
                runs.append([cp, i, 1])
        assert decode_probe(self.dec, seq(i)) == ('err', 1)
        for bad in (b'\x81\x30\x20\x30', b'\x81\x30\x81\x20', b'\x81\x30\xff\x30'):
            assert decode_probe(self.dec, bad) == ('err', 1)
        self.gb4_runs = runs

    def predicted_encoder(self):
        """What the runtime builds: the first code (in byte order) that
        decodes to each character, gb18030's four-byte runs, euc_kr's
        composed syllables."""
        pred = {}

        def walk(r, prefix):
            lo, hi, default, off = self.rows[r]
            for b in range(256):
                e = self.dpool.data[off + b - lo] if lo <= b <= hi else default
                seq = prefix + [b]
                if ROW_BASE <= e < ROW_BASE + ROW_MAX:
                    walk(e - ROW_BASE, seq)
                    continue
                if e >= ERR_BASE and e < 0xE000:
                    continue
                if EXTRA_BASE <= e < EXTRA_BASE + EXTRA_MAX:
                    a, b2 = self.extras[e - EXTRA_BASE]
                    if b2:
                        continue
                    cp = a
                else:
                    cp = e
                code = self.seq_code(seq)
                pred.setdefault(cp, code)
        walk(0, [])
        for cp0, idx, n in self.gb4_runs:
            for cp in range(cp0, min(cp0 + n, 0x10000)):
                pred.setdefault(cp, GB4_ENC)
        if self.makeup:
            for cp in range(0xAC00, 0xD7A4):
                pred.setdefault(cp, KR_MAKEUP_ENC)
        return pred

    def seq_code(self, seq):
        if len(seq) == 3:
            assert seq[0] == 0x8F
            return (seq[1] & 0x7F) << 8 | (seq[2] & 0x7F)
        return seq[0] if len(seq) == 1 else seq[0] << 8 | seq[1]

    def encode_tables(self):
        enc = self.enc
        codes = {}
        extra_cps = [a for a, b in self.extras if b == 0]
        cps = list(range(0x10000)) + extra_cps
        for cp in cps:
            if 0xD800 <= cp < 0xE000:
                continue
            try:
                out, _ = enc(chr(cp))
            except UnicodeEncodeError:
                continue
            codes[cp] = self.code(out, cp)
        pred = self.predicted_encoder()
        self.exceptions = sorted((cp, codes.get(cp, UNMAPPED)) for cp in set(codes) | set(pred)
                                 if codes.get(cp, UNMAPPED) != pred.get(cp, UNMAPPED))
        # Two characters with one code.
        self.pairs = []
        for a, b in self.extras:
            if b == 0:
                continue
            out, _ = enc(chr(a) + chr(b))
            self.pairs.append((a, b, self.code(out, None)))
        self.pairs.sort()

    def code(self, out, cp):
        if len(out) == 1:
            return out[0]
        if len(out) == 2:
            assert out[0] >= 0x80
            return out[0] << 8 | out[1]
        if len(out) == 3:
            assert out[0] == 0x8F and out[1] >= 0xA1 and out[2] >= 0xA1
            return (out[1] & 0x7F) << 8 | (out[2] & 0x7F)
        if len(out) == 8 and self.name == 'euc_kr':
            # A4 D4 then A4 + the first byte of each jamo's index.
            m = self.makeup
            s = cp - 0xAC00
            want = [0xA4, 0xD4]
            for table, idx in ((m[0:256], s // 588), (m[256:512], s % 588 // 28), (m[512:768], s % 28)):
                want += [0xA4, table.index(idx)]
            assert out == bytes(want), (hex(cp), out, want)
            return KR_MAKEUP_ENC
        assert len(out) == 4 and self.name == 'gb18030', (self.name, out)
        assert cp is not None and cp < 0x10000
        return GB4_ENC


# --- ISO-2022 and HZ -----------------------------------------------------------

# Character sets: (id name, probe codec, designation escape, 94 or 96 / width)
CHARSETS = [
    # name, codec used to probe, escape that designates it to G0, bytes
    ('jisx0208', 'iso2022_jp', b'\x1b$B', 2),
    ('jisx0208_1978', 'iso2022_jp', b'\x1b$@', 2),
    ('jisx0212', 'iso2022_jp_1', b'\x1b$(D', 2),
    ('gb2312', 'iso2022_jp_2', b'\x1b$A', 2),
    ('ksx1001', 'iso2022_jp_2', b'\x1b$(C', 2),
    ('jisx0213_2000_1', 'iso2022_jp_3', b'\x1b$(O', 2),
    ('jisx0213_2', 'iso2022_jp_3', b'\x1b$(P', 2),
    ('jisx0213_2004_1', 'iso2022_jp_2004', b'\x1b$(Q', 2),
    ('jisx0201_roman', 'iso2022_jp', b'\x1b(J', 1),
    ('jisx0201_kana', 'iso2022_jp_ext', b'\x1b(I', 1),
]


def charset_decode(name, codec, esc, width, ext_out):
    """94 or 94x94 entries: BMP char, 0 = none, or EXTRA_BASE + i."""
    dec = codecs.lookup(codec).decode
    table = []
    if width == 1:
        for b in range(0x21, 0x7F):
            r = decode_probe(dec, esc + bytes([b]), len(esc))
            table.append(ord(r[1]) if r[0] == 'ok' else 0)
        return table
    for a in range(0x21, 0x7F):
        for b in range(0x21, 0x7F):
            r = decode_probe(dec, esc + bytes([a, b]), len(esc))
            if r[0] != 'ok':
                table.append(0)
                continue
            s = r[1]
            if len(s) == 1 and ord(s) < 0x10000:
                table.append(ord(s))
            else:
                key = (ord(s[0]), ord(s[1]) if len(s) > 1 else 0)
                if key not in ext_out:
                    ext_out[key] = len(ext_out)
                table.append(EXTRA_BASE + ext_out[key])
    return table


# The ISO-2022 codecs: the character sets each one decodes (by CHARSETS
# index) and the order in which its encoder tries them; the generator
# records where CPython's choice is not "the first set in that order that
# has the character, at its first code" (ISO2022_ENC_EXC).
ISO2022 = [
    # name, decodable sets, encoder order, flags (1 shift SO/SI, 2 G2, 4 ESC & @)
    ('iso2022_kr', ['ksx1001'], ['ksx1001'], 1),
    ('iso2022_jp', ['jisx0208', 'jisx0208_1978', 'jisx0201_roman'],
     ['jisx0208', 'jisx0201_roman', 'jisx0208_1978'], 4),
    ('iso2022_jp_1', ['jisx0208', 'jisx0208_1978', 'jisx0201_roman', 'jisx0212'],
     ['jisx0208', 'jisx0212', 'jisx0201_roman', 'jisx0208_1978'], 4),
    ('iso2022_jp_2', ['jisx0208', 'jisx0208_1978', 'jisx0201_roman', 'jisx0212', 'ksx1001', 'gb2312'],
     ['jisx0208', 'jisx0212', 'ksx1001', 'gb2312', 'jisx0201_roman', 'jisx0208_1978'], 2 | 4),
    ('iso2022_jp_2004', ['jisx0208', 'jisx0213_2004_1', 'jisx0213_2'],
     ['jisx0208', 'jisx0213_2004_1', 'jisx0213_2'], 4),
    ('iso2022_jp_3', ['jisx0208', 'jisx0213_2000_1', 'jisx0213_2'],
     ['jisx0208', 'jisx0213_2000_1', 'jisx0213_2'], 4),
    ('iso2022_jp_ext', ['jisx0208', 'jisx0208_1978', 'jisx0201_roman', 'jisx0212', 'jisx0201_kana'],
     ['jisx0208', 'jisx0212', 'jisx0201_roman', 'jisx0201_kana', 'jisx0208_1978'], 4),
]


def iso2022_encoder(codec, order, tables, ext_list):
    """(exceptions [(cp, set index or 255, code)], pairs [(a, b, set, code)])"""
    names = [c[0] for c in CHARSETS]
    esc_of = {c[2]: names.index(c[0]) for c in CHARSETS}
    for c in CHARSETS:  # both forms of a double-byte designation
        if c[3] == 2:
            f = c[2][-1:]
            esc_of[b'\x1b$(' + f] = esc_of[b'\x1b$' + f] = names.index(c[0])
    inverse = {}  # set index -> {cp: code}, first code in byte order

    def inv(ci):
        if ci not in inverse:
            m = {}
            width = CHARSETS[ci][3]
            for k, e in enumerate(tables[ci]):
                if e == 0:
                    continue
                if EXTRA_BASE <= e < EXTRA_BASE + EXTRA_MAX:
                    a, b = ext_list[e - EXTRA_BASE]
                    if b:
                        continue
                    cp = a
                else:
                    cp = e
                code = 0x21 + k if width == 1 else (0x21 + k // 94) << 8 | (0x21 + k % 94)
                m.setdefault(cp, code)
            inverse[ci] = m
        return inverse[ci]

    order_idx = [names.index(n) for n in order]

    def predict(cp):
        for ci in order_idx:
            code = inv(ci).get(cp)
            if code is not None:
                return (ci, code)
        return None

    def parse(out):
        # designation + bytes + reset; the character's set and code
        cur = None
        i = 0
        codes = []
        while i < len(out):
            if out[i] == 0x1B:
                for esc in sorted(esc_of, key=len, reverse=True):
                    if out[i:i + len(esc)] == esc:
                        cur = esc_of[esc]
                        i += len(esc)
                        break
                else:
                    if out[i:i + 4] == b'\x1b$)C':
                        cur = names.index('ksx1001')
                        i += 4
                    elif out[i:i + 3] == b'\x1b(B':
                        cur = None
                        i += 3
                    else:
                        raise AssertionError(out)
                continue
            if out[i] in (0x0E, 0x0F):
                i += 1
                continue
            width = CHARSETS[cur][3]
            codes.append((cur, out[i] if width == 1 else out[i] << 8 | out[i + 1]))
            i += width
        return codes

    enc = codecs.lookup(codec).encode
    exc = []
    cps = list(range(0x80, 0x10000)) + sorted({a for a, b in ext_list if b == 0 and a >= 0x10000})
    for cp in cps:
        if 0xD800 <= cp < 0xE000:
            continue
        try:
            out, _ = enc(chr(cp))
            got = parse(out)
            assert len(got) == 1, (codec, hex(cp), out)
            got = got[0]
        except UnicodeEncodeError:
            got = None
        if got != predict(cp):
            exc.append((cp, 255, 0) if got is None else (cp, got[0], got[1]))
    pairs = []
    for a, b in ext_list:
        if not b:
            continue
        try:
            out, _ = enc(chr(a) + chr(b))
        except UnicodeEncodeError:
            continue
        got = parse(out)
        if len(got) == 1:
            pairs.append((a, b, got[0][0], got[0][1]))
    return exc, sorted(pairs)


def c_array(ctype, name, vals, per_line=24, fmt='%d'):
    out = ['static const %s %s[] = {' % (ctype, name)]
    for i in range(0, len(vals), per_line):
        out.append('  ' + ', '.join(fmt % v for v in vals[i:i + per_line]) + ',')
    if not vals:
        out.append('  0')
    out.append('};')
    return '\n'.join(out)


def main():
    out_path = sys.argv[1]
    dpool, epool = Pool(), Pool()
    parts = ['// Generated by tools/gen_cjk_tables.py from the host python3\'s codecs. Do not edit.']
    descs = []
    for name in STATELESS:
        c = StatelessCodec(name, dpool, epool)
        n = name.upper()
        rows = []
        for lo, hi, d, off in c.rows:
            rows.extend([lo, hi, d, off])
        parts.append(c_array('uint32_t', 'k%sRows' % n, rows, 16, '%d'))
        parts.append(c_array('uint32_t', 'k%sExtras' % n, [v for p in c.extras for v in p], 8))
        parts.append(c_array('uint32_t', 'k%sExceptions' % n, [v for p in c.exceptions for v in p], 8))
        parts.append(c_array('uint32_t', 'k%sPairs' % n, [v for p in c.pairs for v in p], 9))
        parts.append(c_array('uint32_t', 'k%sGb4' % n, [v for r in c.gb4_runs for v in r], 9))
        parts.append(c_array('uint8_t', 'k%sMakeup' % n, c.makeup, 16))
        descs.append('  {"%s", k%sRows, %d, k%sExtras, k%sExceptions, %d, k%sPairs, %d, k%sGb4, %d, k%sMakeup, %d},'
                     % (name, n, len(c.rows), n, n, len(c.exceptions), n, len(c.pairs), n, len(c.gb4_runs), n,
                        len(c.makeup)))
        print(name, 'rows', len(c.rows), 'exceptions', len(c.exceptions), file=sys.stderr)
    parts.append(c_array('uint16_t', 'kDecPool', dpool.data))
    parts.append('const StatelessTables kStatelessTables[] = {\n' + '\n'.join(descs) + '\n};')

    # Character sets for the ISO-2022 family and HZ.
    ext = {}
    cs_rows = []
    cs_tables = []
    for name, codec, esc, width in CHARSETS:
        t = charset_decode(name, codec, esc, width, ext)
        cs_tables.append(t)
        parts.append(c_array('uint16_t', 'kCs_%s' % name, t))
        cs_rows.append('  {"%s", kCs_%s, %d},' % (name, name, width))
    ext_list = sorted(ext, key=lambda k: ext[k])
    parts.append(c_array('uint32_t', 'kCsExtras', [v for p in ext_list for v in p], 8))
    parts.append('const CharsetTable kCharsets[] = {\n' + '\n'.join(cs_rows) + '\n};')

    # ISO 8859-7 as G2 of iso2022_jp_2 (ESC . F, then ESC N + one byte).
    dec = codecs.lookup('iso2022_jp_2').decode
    g2 = []
    for b in range(0x20, 0x80):
        r = decode_probe(dec, b'\x1b.F\x1bN' + bytes([b]), 3)
        g2.append(ord(r[1]) if r[0] == 'ok' else 0)
    parts.append(c_array('uint16_t', 'kIso8859_7', g2))

    names = [c[0] for c in CHARSETS]
    tables = cs_tables
    iso_rows = []
    for codec, decodable, order, flags in ISO2022:
        exc, pairs = iso2022_encoder(codec, order, tables, ext_list)
        n = codec.upper()
        dmask = sum(1 << names.index(x) for x in decodable)
        parts.append(c_array('uint8_t', 'k%sOrder' % n, [names.index(x) for x in order]))
        parts.append(c_array('uint32_t', 'k%sEncExc' % n, [v for e in exc for v in e], 12))
        parts.append(c_array('uint32_t', 'k%sPairs' % n, [v for e in pairs for v in e], 12))
        iso_rows.append('  {"%s", %d, %d, k%sOrder, %d, k%sEncExc, %d, k%sPairs, %d},'
                        % (codec, flags, dmask, n, len(order), n, len(exc), n, len(pairs)))
        print(codec, 'encoder exceptions', len(exc), 'pairs', len(pairs), file=sys.stderr)
    parts.append('const Iso2022Codec kIso2022Codecs[] = {\n' + '\n'.join(iso_rows) + '\n};')
    with open(out_path, 'w') as f:
        f.write('\n'.join(parts) + '\n')


if __name__ == '__main__':
    main()
