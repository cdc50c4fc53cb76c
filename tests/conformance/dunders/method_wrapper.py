# Slot wrappers bound to an instance are method-wrapper objects; wrapper argument checks.
print(None.__repr__())
m = [1,2].__len__
print(type(m).__name__, m.__name__, m.__qualname__, m.__self__, m.__objclass__, m())
print(repr(m).split(' at ')[0])
print(m == [1,2].__len__, m == (x := [1,2]).__len__, hash(m) == hash(m))
l = [3]
print(l.__len__ == l.__len__, l.__len__ is l.__len__)
print((5).__add__(3), (5).__add__.__self__)
print(type(None.__eq__).__name__, None.__eq__(None))
print(type(object().__str__).__name__)
class C: pass
c = C()
print(type(c.__str__).__name__, c.__str__.__self__ is c)
print(type(C.__init__).__name__, type(c.__init__).__name__)
print(type(int.__add__).__name__, type((1).__add__).__name__)
f = (1).__add__
print(f(2), f.__call__(3))
try: f()
except TypeError as e: print(e)
import copy
print(sorted(x for x in dir(m) if not x.startswith('__') or x in ('__self__','__name__')))
for e in ["[].__len__(1)", "(1).__add__()", "(1).__add__(1,2)", "[].__len__(x=1)", "list.__len__([], x=1)", "list.__len__([], 1)", "int.__add__(1)", "(1).__pow__()", "(1).__pow__(1,2,3)", "[].__setitem__(1)", "[].__delitem__()", "(1).__lt__()", "object().__setattr__('x')", "object().__delattr__()", "object().__getattribute__()", "[].__iter__(1)", "None.__hash__(1)", "[].__contains__()", "len.__call__.__name__"]:
    try: print(e, '->', eval(e))
    except Exception as x: print(e, type(x).__name__, x)
class D:
    def __get__(s, o, t=None): return 1
import types
for e in ["property().__get__()", "property().__get__(1,2,3)", "property().__set__(1)", "property().__delete__()", "[].__setitem__(1)", "[].__setitem__(1,2,3)", "object().__setattr__()", "object().__setattr__(1,2,3)", "object().__delattr__(1,2)", "(1).__round__(1,2,3)", "(1).__rpow__()", "(1).__divmod__()", "object().__init__(1)", "object().__init_subclass__(1)", "(1).__neg__(1)", "[].__iadd__()", "[].__imul__()", "(1).__bool__(1)", "iter([]).__next__(1)", "property().__get__(None, None)", "len.__call__(x=1)", "(lambda: 0).__call__(x=1)", "object.__new__()", "[].__init__(x=1)", "[].__init__([1],[2])", "''.__mul__()", "''.__mul__('a')", "[].__mul__(1.5)", "''.__add__()","''.__rmul__(1,2)"]:
    try: print(e, '->', eval(e))
    except Exception as x: print(e, type(x).__name__, x)
class L(list): pass
class L2(list):
    def __new__(cls, *a, **k): return super().__new__(cls)
    def __init__(self, *a, **k): super().__init__(*a)
class T(tuple): pass
class T2(tuple):
    def __init__(self, *a, **k): pass
for e in ['list(x=1)', 'list([], x=1)', 'list(iterable=[1])', 'tuple(iterable=[1])', 'L(x=1)', 'L2([1], x=1)', 'T(x=1)', 'T2([1], x=2)', 'list([1,2])', 'tuple("ab")', 'list(1,2)', 'tuple(1,2)']:
    try: print(e, eval(e))
    except Exception as x: print(e, type(x).__name__, x)
