# A tiny event loop in Python: tasks, virtual-time sleep, and a gather.
import heapq
class Sleep:
    def __init__(self, delay):
        self.delay = delay
    def __await__(self):
        yield ("sleep", self.delay)
class Loop:
    def __init__(self):
        self.now = 0
        self.queue = []
        self.seq = 0
        self.results = {}
    def spawn(self, coro, name):
        self.schedule(0, coro, name, None)
    def schedule(self, delay, coro, name, value):
        heapq.heappush(self.queue, (self.now + delay, self.seq, coro, name, value))
        self.seq += 1
    def run(self):
        while self.queue:
            self.now, _, coro, name, value = heapq.heappop(self.queue)
            try:
                cmd = coro.send(value)
            except StopIteration as e:
                print(f"t={self.now} {name} finished -> {e.value!r}")
                self.results[name] = e.value
                continue
            kind, arg = cmd
            if kind == "sleep":
                self.schedule(arg, coro, name, None)
loop = Loop()
async def worker(name, delays):
    total = 0
    for d in delays:
        print(f"t={loop.now} {name} sleeps {d}")
        await Sleep(d)
        total += d
    return total
async def chatty():
    for i in range(3):
        print(f"t={loop.now} chatty tick {i}")
        await Sleep(2)
    return "chatty done"
loop.spawn(worker("A", [3, 1, 4]), "A")
loop.spawn(worker("B", [2, 2]), "B")
loop.spawn(chatty(), "C")
loop.run()
print(sorted(loop.results.items()), loop.now)
