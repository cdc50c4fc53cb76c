match = case = type = _ = 1
match command.split():
    case [action]:
        pass
    case [action, obj] if obj:
        pass
    case Point(x=0, y=0) | {"k": _} | [*_]:
        pass
    case _:
        pass
type Alias[T] = list[T]
def generic[T: int, *Ts, **P](x: T) -> T: return x
class C[T]: pass
async def f():
    async with x as y:
        await y
    async for i in y:
        yield i
print(True, False, None, not x, x is not y, x in y, x not in y)
lambda: (yield)
global g; nonlocal_ = 1
del match; assert type; raise _ from None
