# A cooperative producer/consumer with an async queue on a round-robin scheduler.
from collections import deque
class Suspend:
    def __await__(self):
        yield
class Queue:
    def __init__(self, cap):
        self.items = deque()
        self.cap = cap
    async def put(self, item):
        while len(self.items) >= self.cap:
            await Suspend()
        self.items.append(item)
    async def get(self):
        while not self.items:
            await Suspend()
        return self.items.popleft()
def run_all(coros):
    ready = deque(coros)
    results = []
    while ready:
        c = ready.popleft()
        try:
            c.send(None)
            ready.append(c)
        except StopIteration as e:
            results.append(e.value)
    return results
q = Queue(2)
log = []
async def producer(name, items):
    for it in items:
        await q.put((name, it))
        log.append(f"{name} put {it}")
    return f"{name} produced {len(items)}"
async def consumer(count):
    got = []
    for _ in range(count):
        got.append(await q.get())
        log.append(f"consumer got {got[-1]}")
    return got
print(run_all([producer("p1", [1, 2, 3]), producer("p2", ["a", "b"]), consumer(5)]))
print("\n".join(log))
