# TypeError messages for calling things wrongly.
def f(a, b):
    pass
def g(*, k):
    pass
def h(a, /, b):
    pass
class C:
    def m(self, x):
        pass
    @classmethod
    def cm(cls):
        pass
    @staticmethod
    def sm(y):
        pass
cases = [lambda: f(), lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, b=2, c=3), lambda: f(1, a=1),
         lambda: g(1), lambda: g(), lambda: g(k=1, j=2), lambda: h(a=1, b=2), lambda: C().m(),
         lambda: C().m(1, 2), lambda: C.m(1), lambda: C.cm(1), lambda: C.sm(), lambda: C(1),
         lambda: len(), lambda: len(1, 2), lambda: abs(), lambda: isinstance(1), lambda: int(1, 2, 3),
         lambda: "x".join(), lambda: [].append(), lambda: {}.get(), lambda: print(sep=1), lambda: sorted(1, 2),
         lambda: (lambda: 0)(1), lambda: (lambda x, y=1: 0)(), lambda: max(key=len), lambda: divmod(1),
         lambda: getattr(), lambda: range(), lambda: range(1, 2, 3, 4), lambda: zip(strict=5, x=1)]
for c in cases:
    try:
        c()
        print("no error")
    except TypeError as e:
        print(type(e).__name__, e)
