# athrow(typ, val, tb) takes the same forms as generator throw() (an instance,
# a class with a value or argument tuple); an asend()/athrow() awaitable's own
# throw() goes straight into the generator; reuse messages name the kind.
import asyncio
async def agen():
    i = 0
    while i < 5:
        try:
            yield i
            i += 1
        except ValueError as e:
            print("  agen caught", repr(e), e.args)
async def main():
    g = agen()
    print(await anext(g))
    print(await g.athrow(ValueError("instance")))
    print(await anext(g))
    print(await g.athrow(ValueError))
    print(await g.athrow(ValueError, "val"))
    print(await g.athrow(ValueError, ("a", "b")))
    try:
        await g.athrow(ValueError("x"), "extra")
    except TypeError as e:
        print("TypeError:", e)
    try:
        await g.athrow(5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        await g.athrow(KeyError("k"))
    except KeyError as e:
        print("KeyError propagated", e)
    print(await anext(g, "exhausted"))
    g2 = agen()
    aw = g2.athrow(ValueError("before start"))
    try:
        await aw
    except ValueError as e:
        print("unstarted:", e)
    g3 = agen()
    await anext(g3)
    nx = g3.asend(None)
    try:
        nx.throw(ValueError("via asend.throw"))
    except StopIteration as e:
        print("asend.throw result", e.value)
    nx2 = g3.asend(None)
    try:
        nx2.throw(RuntimeError, RuntimeError("inst"))
    except RuntimeError as e:
        print("RuntimeError:", e)
asyncio.run(main())
def gen():
    try:
        yield 1
    except Exception as e:
        yield repr(e)
g = gen(); next(g)
print(g.throw(TypeError, TypeError("t1")))
g = gen(); next(g)
print(g.throw(TypeError, "msg"))
g = gen(); next(g)
try:
    g.throw(TypeError("a"), "b")
except TypeError as e:
    print("TypeError:", e)
async def agen2():
    yield 1
    yield 2
async def main2():
    g = agen2()
    a = g.asend(None)
    print(await a)
    for label, aw in [("asend", a)]:
        try:
            await aw
        except RuntimeError as e:
            print(label, "RuntimeError:", e)
    t = g.athrow(ValueError)
    try:
        await t
    except ValueError:
        print("thrown out")
    try:
        await t
    except RuntimeError as e:
        print("athrow RuntimeError:", e)
    g2 = agen2()
    await anext(g2)
    c = g2.aclose()
    await c
    try:
        await c
    except RuntimeError as e:
        print("aclose RuntimeError:", e)
    try:
        c.throw(ValueError)
    except RuntimeError as e:
        print("aclose throw RuntimeError:", e)
    g3 = agen2()
    await anext(g3)
    c3 = g3.aclose()
    try:
        c3.throw(KeyError("k"))
    except KeyError as e:
        print("aclose.throw KeyError", e)
    async def ignores():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    g4 = ignores()
    await anext(g4)
    try:
        await g4.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)
asyncio.run(main2())
