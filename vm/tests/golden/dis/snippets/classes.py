class Empty:
    pass

class Base(object):
    x = 1
    def __init__(self, v):
        self.v = v
        self.w = [v]
    def method(self):
        return self.v + self.x
    @property
    def prop(self):
        return self.v
    @classmethod
    def cm(cls):
        return cls()
    @staticmethod
    def sm(a):
        return a

class Child(Base, metaclass=type):
    """Doc."""
    def __init__(self, v):
        super().__init__(v)
        super(Child, self).method()
    def method(self):
        return super().method() * 2
    def uses_class(self):
        return __class__
    def attrs(self):
        self.a = 1
        self.b, self.c = 2, 3
        other.d = 4

def factory(n):
    class Local:
        size = n
        def get(self):
            return n
    return Local

class Outer:
    class Inner:
        def deep(self):
            class Deeper:
                pass
            return Deeper
    y = [i for i in range(3)]
    z = (lambda: y)

@decorator
class Decorated(Base, x=1, **kw):
    a: int = 1
    b: str
