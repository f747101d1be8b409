async def boom():
    raise ValueError("in coroutine")
async def main():
    try:
        await boom()
    except ValueError as e:
        return f"caught {e}"
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
async def noop():
    return 1
c = noop()
try:
    c.send(None)
except StopIteration:
    pass
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    async def bad():
        await 5
    bad().send(None)
except TypeError as e:
    print(type(e).__name__, e)
c = noop()
try:
    c.throw(KeyError("thrown"))
except KeyError as e:
    print("throw propagated", e)
print(c.cr_frame, c.cr_running)
