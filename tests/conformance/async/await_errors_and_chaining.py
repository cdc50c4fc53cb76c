# Exceptions across await boundaries, try/finally in coroutines, and task cancellation by throw.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Yield:
    def __await__(self):
        yield
async def level3():
    await Yield()
    raise LookupError("deep")
async def level2():
    try:
        await level3()
    finally:
        print("level2 finally")
async def level1():
    try:
        await level2()
    except LookupError as e:
        raise RuntimeError("wrapped") from e
try:
    run(level1())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
class Cancelled(Exception):
    pass
async def long_task():
    try:
        for i in range(100):
            await Yield()
    except Cancelled:
        print("task saw cancellation")
        return "cleaned up"
t = long_task()
t.send(None)
t.send(None)
try:
    t.throw(Cancelled())
except StopIteration as e:
    print("result:", e.value)
async def ret_in_finally():
    try:
        await Yield()
        return "from try"
    finally:
        print("finally in coroutine")
print(run(ret_in_finally()))
async def uses_gen():
    results = []
    for coro in [level3()]:
        try:
            await coro
        except LookupError as e:
            results.append(str(e))
    return results
print(run(uses_gen()))
async def double_await():
    c = level3()
    try:
        await c
    except LookupError:
        pass
    await c
try:
    run(double_await())
except RuntimeError as e:
    print("RuntimeError:", e)
