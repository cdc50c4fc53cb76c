# Async generator finalization: aclose runs finally blocks; breaking out of async for.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Tick:
    def __await__(self):
        yield
async def numbers(limit):
    try:
        for i in range(limit):
            await Tick()
            yield i
    finally:
        print(f"numbers({limit}) cleanup")
async def main():
    agen = numbers(10)
    async for n in agen:
        if n == 2:
            break
    print("broke out, closing explicitly")
    await agen.aclose()
    total = 0
    async for n in numbers(3):
        total += n
    print("total", total)
    g = numbers(5)
    print(await g.__anext__(), await g.__anext__())
    try:
        await g.athrow(RuntimeError("stop"))
    except RuntimeError as e:
        print("athrow propagated:", e)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted after athrow")
    return "ok"
print(run(main()))
