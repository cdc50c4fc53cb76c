def simple(path):
    with open(path) as f:
        return f.read()

def multiple(a, b):
    with a as x, b as y:
        use(x, y)
    with a, b:
        pass
    with (a as p,
          b as q):
        pass

def in_loop(items):
    for i in items:
        with i:
            if i:
                break
            continue
    return None

def nested_with(lock):
    with lock:
        with lock:
            raise ValueError

async def async_with(lock):
    async with lock as l:
        await l
    async with lock, lock:
        return 1

with open(__file__) as fh:
    data = fh.read()
