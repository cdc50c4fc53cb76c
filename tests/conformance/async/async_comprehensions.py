# Async comprehensions with await inside, nested async for, conditions and generator expressions.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Tick:
    def __await__(self):
        yield
async def double(x):
    await Tick()
    return 2 * x
async def arange(n):
    for i in range(n):
        await Tick()
        yield i
async def main():
    a = [await double(i) for i in range(4)]
    b = [x async for x in arange(6) if x % 2]
    c = [await double(x) async for x in arange(3)]
    d = {x: [y async for y in arange(x)] async for x in arange(4)}
    e = {x % 3 async for x in arange(10)}
    gen = (await double(x) async for x in arange(3))
    f = [v async for v in gen]
    return a, b, c, d, sorted(e), f
print(run(main()))
