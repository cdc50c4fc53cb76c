# A coroutine dropped before it ever ran warns through the warnings module: filters,
# catch_warnings and the default display (with the tracemalloc hint) all apply.
import gc
import warnings


async def job():
    return 1


def make_and_drop():
    job()


make_and_drop()
print("after default display")

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    job()
    gc.collect()
print([(w.category.__name__, str(w.message), w.lineno) for w in caught])

with warnings.catch_warnings():
    warnings.simplefilter("ignore", RuntimeWarning)
    job()
print("ignored")

c = job()
c.close()
print("closed coroutine does not warn")

try:
    job().send(None)
except StopIteration as e:
    print("ran", e.value)
