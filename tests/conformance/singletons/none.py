# None: identity, truthiness, repr, comparisons, as default return.
def nothing():
    pass
def early(x):
    if x:
        return
    return 1
print(nothing(), early(True), early(False), repr(None), str(None), type(None).__name__)
print(None is None, None == None, None != 0, bool(None), not None, None or "default", None and 1)
print([None, None].count(None), {None: 1}[None], hash(None) == hash(None))
x = None
print(x is not None, "x is None" if x is None else "no")
try:
    None < 1
except TypeError as e:
    print("TypeError:", e)
try:
    f = None
    f()
except TypeError as e:
    print("TypeError:", e)
try:
    None.foo
except AttributeError as e:
    print("AttributeError:", e)
try:
    len(None)
except TypeError as e:
    print("TypeError:", e)
print(type(None)() is None, type(None).__bool__(None))
d = {}
print(d.get("k"), d.setdefault("k"), d, [].sort(), print("inner"))
