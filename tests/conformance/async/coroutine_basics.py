# Driving coroutines by hand with send(); custom awaitables via __await__.
class Ready:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        got = yield f"suspend for {self.value}"
        return (self.value, got)
async def add(a, b):
    x = await Ready(a)
    y = await Ready(b)
    return x, y
coro = add(1, 2)
print(type(coro).__name__, coro.__name__, coro.__qualname__)
print(coro.send(None))
print(coro.send("first resume"))
try:
    coro.send("second resume")
except StopIteration as e:
    print("returned", e.value)
async def simple():
    return 42
c = simple()
try:
    c.send(None)
except StopIteration as e:
    print("simple ->", e.value)
async def nested():
    r = await simple()
    s = await add(3, 4)
    return r, s
n = nested()
out = []
value = None
while True:
    try:
        out.append(n.send(value))
        value = len(out)
    except StopIteration as e:
        print("nested ->", e.value, out)
        break
async def failing():
    await Ready(0)
    raise ValueError("inside coroutine")
f = failing()
f.send(None)
try:
    f.send(None)
except ValueError as e:
    print("ValueError:", e)
t = add(5, 6)
t.send(None)
try:
    t.throw(KeyError("thrown in"))
except KeyError as e:
    print("KeyError:", e)
u = add(7, 8)
u.send(None)
u.close()
print(u.cr_frame is None)
try:
    u.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
class NotAwaitable:
    pass
async def bad():
    await NotAwaitable()
b = bad()
try:
    b.send(None)
except TypeError as e:
    print("TypeError:", e)
