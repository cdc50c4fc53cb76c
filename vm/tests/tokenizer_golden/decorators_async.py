@decorator
@decorator.attr(arg)
@(lambda f: f)
class K:
    @property
    def p(self) -> int: ...
    async def a(self):
        return [await x async for x in self]
m @= n
