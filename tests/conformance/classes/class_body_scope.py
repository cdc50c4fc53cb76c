# Class body scoping: names visible in methods only via self/cls; comprehensions in class bodies.
x = "global"
class C:
    x = "class"
    y = x + "!"
    items = [x for _ in range(2)]
    def method(self):
        return x
    def method2(self):
        return self.x
print(C.y, C.items, C().method(), C().method2())
class Counter:
    n = 0
    for i in range(5):
        n += i
    del i
print(Counter.n, hasattr(Counter, "i"))
def factory(val):
    class Inner:
        value = val
        def get(self):
            return val
    return Inner
print(factory(3).value, factory(4)().get(), factory(5).__qualname__)
class Outer:
    class Nested:
        def hello(self):
            return "nested"
    def make(self):
        return self.Nested()
print(Outer().make().hello(), Outer.Nested.__qualname__)
class WithLocals:
    a = 1
    b = [a * i for i in range(3)] if False else [1 * i for i in range(3)]
    names = sorted(k for k in locals() if not k.startswith("__"))
print(WithLocals.names)
