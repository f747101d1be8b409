# Bad newline= values: TextIOWrapper/open name the value as it is, StringIO by repr.
import io, os, tempfile
p = os.path.join(tempfile.mkdtemp(), 'f.txt')
for nl in ['x', '\t', '\n\n', ' ']:
    for make in [lambda: open(p, 'w', newline=nl), lambda: io.TextIOWrapper(io.BytesIO(), newline=nl),
                 lambda: io.StringIO(newline=nl)]:
        try:
            make()
        except ValueError as e:
            print(repr(str(e)))
for bad in [1, b'\n']:
    try:
        open(p, 'w', newline=bad)
    except TypeError as e:
        print('TypeError', e)
os.remove(p) if os.path.exists(p) else None
os.rmdir(os.path.dirname(p))
