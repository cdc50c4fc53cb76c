# contextlib.asynccontextmanager driven by hand, AbstractContextManager, and chdir.
import contextlib
import os
@contextlib.asynccontextmanager
async def session(name):
    print("open", name)
    yield f"session:{name}"
    print("close", name)
async def main():
    async with session("db") as s:
        print("got", s)
    return "done"
coro = main()
try:
    coro.send(None)
except StopIteration as e:
    print(e.value)
class Managed(contextlib.AbstractContextManager):
    def __exit__(self, *exc):
        print("exit via ABC")
        return None
with Managed() as m:
    print("enter returns self:", isinstance(m, Managed))
start = os.getcwd()
with contextlib.chdir(".."):
    print(os.path.basename(os.getcwd()) == os.path.basename(os.path.dirname(start)))
print(os.getcwd() == start)
