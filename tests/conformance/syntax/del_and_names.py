# del of names, items, slices and attributes; NameError/UnboundLocalError after del.
x = 10
del x
try:
    x
except NameError as e:
    print("NameError:", e)
lst = list(range(10))
del lst[0], lst[-1]
del lst[::3]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["a"], d["c"]
print(d)
class O:
    pass
o = O()
o.attr = 1
del o.attr
print(hasattr(o, "attr"))
def local_del():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"
print(local_del())
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
try:
    del undefined_thing
except NameError as e:
    print("NameError:", e)
try:
    del d["zzz"]
except KeyError as e:
    print("KeyError:", e)
try:
    del o.nothing
except AttributeError as e:
    print("AttributeError:", e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
