# binascii's uuencode and quoted-printable functions (b2a_uu/a2b_uu,
# b2a_qp/a2b_qp), and the modules built on them: uu, quopri.
import binascii
import io
import quopri
import warnings

for data in [b"", b"a", b"hi", b"abc", bytes(range(45)), b"\x00\x00\x00"]:
    enc = binascii.b2a_uu(data)
    print(enc, binascii.b2a_uu(data, backtick=True), binascii.a2b_uu(enc) == data)
for line in [b"", b"\n", b" ", b"#86)C", b"#86)C   \r\n", b"#86)C``\n", b"#86", b"!!!", b"\xff",
             "#86)C", b"#86)Cx", b"!\x19", b"!a", b'"!!!!\n']:
    try:
        print(repr(line), binascii.a2b_uu(line))
    except binascii.Error as e:
        print(repr(line), "Error:", e)
for bad in [(b"a" * 46,), ("text",)]:
    try:
        binascii.b2a_uu(*bad)
    except (binascii.Error, TypeError) as e:
        print(type(e).__name__, e)
try:
    binascii.a2b_uu("é")
except ValueError as e:
    print("ValueError", e)

texts = [b"hello world", b"caf\xc3\xa9 = 3\xe2\x82\xac", b"trailing space \nand tab\t\nend",
         b"line1\r\nline2 \r\n", b".\nsingle dot", b"under_score and space", b"x" * 100,
         b"=" * 30, b"\t lead", b"end with space ", b"a\rb"]
for t in texts:
    print(binascii.b2a_qp(t))
    print(" ", binascii.b2a_qp(t, quotetabs=True), binascii.b2a_qp(t, istext=False),
          binascii.b2a_qp(t, header=True))
    assert binascii.a2b_qp(binascii.b2a_qp(t)) == t
for enc in [b"a=", b"a=4", b"a=41", b"a=4g", b"a==41", b"a=\nb", b"a=\r\nb", b"a= \nb", b"a=\rb",
            b"a_b", b"=ff=FF=fF", "soft=\nbreak"]:
    print(repr(enc), binascii.a2b_qp(enc), binascii.a2b_qp(enc, header=True))

out = io.BytesIO()
quopri.encode(io.BytesIO(b"R\xe9sum\xe9 = CV \nok"), out, quotetabs=False)
print(out.getvalue(), quopri.decodestring(out.getvalue()), quopri.encodestring(b"a b", quotetabs=True, header=True))

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import uu
src = io.BytesIO(b"The uu module's payload\n" * 3)
dst = io.BytesIO()
uu.encode(src, dst, name="payload.txt", mode=0o600)
print(dst.getvalue().decode())
back = io.BytesIO()
uu.decode(io.BytesIO(dst.getvalue()), back, quiet=True)
print(back.getvalue())
