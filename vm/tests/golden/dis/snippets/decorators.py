import functools

def deco(f):
    return f

def deco_factory(arg):
    def wrap(f):
        return f
    return wrap

@deco
def a():
    pass

@deco_factory(1)
@deco
def b():
    pass

@functools.lru_cache(maxsize=None)
def c(n):
    return n

@(lambda f: f)
def d():
    pass

class K:
    @deco
    @deco_factory("x")
    def m(self):
        pass

    @property
    def p(self):
        return 1

    @p.setter
    def p(self, v):
        pass

@deco
class Decorated:
    pass
