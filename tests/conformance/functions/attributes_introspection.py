# Function attributes: __name__, __qualname__, __doc__, __module__, __dict__, __code__.
def outer():
    def inner(a, b=2, *args, c, **kw):
        "Inner doc."
        x = 1
        return x
    return inner
f = outer()
print(f.__name__, f.__qualname__, f.__doc__, f.__module__, f.__defaults__, f.__kwdefaults__)
code = f.__code__
print(code.co_name, code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount, code.co_varnames, code.co_qualname)
f.custom = "attr"
print(f.custom, f.__dict__, hasattr(f, "missing"))
def annotated(x: int, y: "str" = "a") -> list:
    pass
print(annotated.__annotations__)
class K:
    def method(self):
        pass
    @staticmethod
    def st():
        pass
print(K.method.__qualname__, K.st.__qualname__, K().method.__name__, K().method.__self__.__class__.__name__)
print(K().method.__func__ is K.method, callable(f), callable(5), type(f).__name__, type(K().method).__name__)
f.__name__ = "renamed"
print(f.__name__, f.__qualname__)
def nodoc():
    pass
print(nodoc.__doc__, (lambda: 0).__name__)
