# A task group written in Python collects failures into an ExceptionGroup handled with except*.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
class Tick:
    def __await__(self):
        yield
class TaskGroup:
    def __init__(self):
        self.coros = []
    def create_task(self, coro):
        self.coros.append(coro)
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        pending = list(enumerate(self.coros))
        results, errors = {}, []
        while pending:
            still = []
            for i, c in pending:
                try:
                    c.send(None)
                    still.append((i, c))
                except StopIteration as e:
                    results[i] = e.value
                except Exception as e:
                    errors.append(e)
            pending = still
            await Tick()
        self.results = [results.get(i) for i in range(len(self.coros))]
        if errors:
            raise ExceptionGroup("task group failed", errors)
        return False
async def job(n):
    for _ in range(n):
        await Tick()
    if n == 2:
        raise ValueError(f"job {n} failed")
    if n == 4:
        raise KeyError(n)
    return n * 10
async def main():
    async with TaskGroup() as tg:
        for n in (1, 3):
            tg.create_task(job(n))
    print("all ok:", tg.results)
    try:
        async with TaskGroup() as tg2:
            for n in (1, 2, 3, 4):
                tg2.create_task(job(n))
    except* ValueError as eg:
        print("value errors:", [str(e) for e in eg.exceptions])
    except* KeyError as eg:
        print("key errors:", [repr(e) for e in eg.exceptions])
    print("partial results:", tg2.results)
    return "main done"
print(run(main()))
