# Async generators: async for over them, asend/athrow/aclose, async comprehensions.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Yield:
    def __await__(self):
        yield
async def agen(n):
    for i in range(n):
        await Yield()
        yield i * i
    print("agen exhausted")
async def consume():
    out = [x async for x in agen(4)]
    evens = [x async for x in agen(6) if x % 2 == 0]
    pairs = {x: str(x) async for x in agen(3)}
    total = 0
    async for v in agen(5):
        total += v
    return out, evens, pairs, total
print(run(consume()))
async def echo():
    received = "start"
    try:
        while True:
            received = yield f"echo {received}"
    finally:
        print("echo cleanup")
async def drive():
    g = echo()
    print(type(g).__name__, g.__name__)
    print(await g.asend(None))
    print(await g.asend("one"))
    print(await g.asend("two"))
    await g.aclose()
    try:
        await g.asend("after close")
    except StopAsyncIteration:
        print("StopAsyncIteration after aclose")
    h = echo()
    await h.asend(None)
    try:
        await h.athrow(ValueError("thrown"))
    except ValueError as e:
        print("ValueError propagated:", e)
    return "drive done"
print(run(drive()))
async def catching():
    while True:
        try:
            yield "ready"
        except KeyError:
            yield "handled KeyError"
async def drive2():
    g = catching()
    print(await g.__anext__())
    print(await g.athrow(KeyError("k")))
    print(await anext(g))
    await g.aclose()
    it = aiter(agen(2))
    print(await anext(it), await anext(it))
    print(await anext(it, "default"))
    return "drive2 done"
print(run(drive2()))
