# Coroutine objects: cr_running/cr_frame/cr_await, names, and the types of async callables.
import types
class Tick:
    def __await__(self):
        yield "tick"
async def inner():
    await Tick()
    return "inner result"
async def outer():
    return await inner()
c = outer()
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_frame is not None, c.cr_await)
print(c.send(None))
print(type(c.cr_await).__name__, c.cr_await.__name__ if hasattr(c.cr_await, "__name__") else None)
try:
    c.send(None)
except StopIteration as e:
    print("result:", e.value, c.cr_frame)
async def agen():
    yield 1
print(type(outer).__name__, isinstance(outer(), types.CoroutineType) if False else "skip", type(agen()).__name__)
co2 = outer()
co2.close()
print(co2.cr_frame is None)
