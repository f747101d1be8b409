async def agen():
    for i in range(3):
        yield i
async def main():
    a = [x async for x in agen()]
    b = [x * 2 async for x in agen() if x]
    return a, b
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
