# Functions inside classes inside functions: closures over function locals from methods and class bodies.
def make_class(prefix):
    counter = 0
    class Greeter:
        greeting = prefix.upper()
        def greet(self, name):
            nonlocal counter
            counter += 1
            return f"{prefix} {name} (#{counter})"
        @staticmethod
        def count():
            return counter
        shout = staticmethod(lambda s: (prefix + " " + s).upper())
    return Greeter
G = make_class("hello")
g = G()
print(g.greet("ann"), g.greet("bob"), G.count(), G.greeting, G.shout("x"), G.__qualname__)
H = make_class("hi")
print(H().greet("cy"), H.count(), G.count())
def outer():
    x = "outer x"
    class Inner:
        x = "class x"
        def method(self):
            return x
        value = x
    return Inner().method(), Inner.value
print(outer())
