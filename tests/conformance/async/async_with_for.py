# async with and async for driven by a minimal runner.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Yield:
    def __await__(self):
        yield
class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("aenter", self.name)
        await Yield()
        return self.name.upper()
    async def __aexit__(self, exc_type, exc, tb):
        print("aexit", self.name, exc_type.__name__ if exc_type else None)
        await Yield()
        return exc_type is KeyError
class Ticker:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Yield()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i * 10
async def main():
    async with Resource("db") as r:
        print("using", r)
    async with Resource("swallow"):
        raise KeyError("suppressed")
    try:
        async with Resource("leak"):
            raise ValueError("escapes")
    except ValueError as e:
        print("caught", e)
    values = []
    async for v in Ticker(4):
        values.append(v)
    print(values)
    async for v in Ticker(2):
        print("tick", v)
    else:
        print("async for else")
    async with Resource("a") as a, Resource("b") as b:
        print("both", a, b)
    return "main done"
print(run(main()))
class NoAexit:
    async def __aenter__(self):
        return 1
async def bad_with():
    async with NoAexit():
        pass
try:
    run(bad_with())
except TypeError as e:
    print("TypeError:", e)
async def bad_for():
    async for x in [1, 2]:
        pass
try:
    run(bad_for())
except TypeError as e:
    print("TypeError:", e)
