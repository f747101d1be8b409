def g():
    while True:
        v = yield
        print("got", repr(v))
gen = g()
gen.send(None)
next(gen)
gen.send(0)
gen.send("")
gen.send(None)
gen.close()
