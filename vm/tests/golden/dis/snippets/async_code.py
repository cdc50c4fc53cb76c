import asyncio

async def simple():
    await asyncio.sleep(0)
    return 1

async def loops(ait):
    total = 0
    async for x in ait:
        total += x
    else:
        total = -1
    async for a, b in ait:
        if a:
            break
    return total

async def agen():
    yield 1
    await simple()
    yield 2

async def try_await():
    try:
        await simple()
    except Exception:
        await simple()
    finally:
        await simple()

async def gather():
    return await asyncio.gather(simple(), simple())

async def nested():
    async def inner():
        return await simple()
    return await inner()

async def agen_comp():
    return [x async for x in agen()]
