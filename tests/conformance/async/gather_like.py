# A gather()/sleep() implementation on a Python event loop: results keep argument order.
import heapq
class Loop:
    def __init__(self):
        self.time = 0
        self.ready = []
        self.seq = 0
    def call_at(self, when, task, value=None):
        heapq.heappush(self.ready, (when, self.seq, task, value))
        self.seq += 1
    def run_until_complete(self, coro):
        main = Task(coro, self)
        while not main.done:
            when, _, task, value = heapq.heappop(self.ready)
            self.time = max(self.time, when)
            task.step(value)
        return main.result
class Task:
    def __init__(self, coro, loop):
        self.coro, self.loop = coro, loop
        self.done, self.result, self.waiters = False, None, []
        loop.call_at(loop.time, self)
    def step(self, value):
        try:
            request = self.coro.send(value)
        except StopIteration as e:
            self.done, self.result = True, e.value
            for w in self.waiters:
                self.loop.call_at(self.loop.time, w)
            return
        kind, arg = request
        if kind == "sleep":
            self.loop.call_at(self.loop.time + arg, self)
        elif kind == "wait":
            if arg.done:
                self.loop.call_at(self.loop.time, self)
            else:
                arg.waiters.append(self)
class _Req:
    def __init__(self, kind, arg):
        self.kind, self.arg = kind, arg
    def __await__(self):
        return (yield (self.kind, self.arg))
def sleep(t):
    return _Req("sleep", t)
LOOP = Loop()
async def gather(*coros):
    tasks = [Task(c, LOOP) for c in coros]
    for t in tasks:
        await _Req("wait", t)
    return [t.result for t in tasks]
async def fetch(name, delay):
    print(f"t={LOOP.time} start {name}")
    await sleep(delay)
    print(f"t={LOOP.time} done {name}")
    return f"{name}:{delay}"
async def main():
    first = await gather(fetch("a", 3), fetch("b", 1), fetch("c", 2))
    second = await gather(fetch("d", 1), gather(fetch("e", 2), fetch("f", 1)))
    return first, second, LOOP.time
print(LOOP.run_until_complete(main()))
