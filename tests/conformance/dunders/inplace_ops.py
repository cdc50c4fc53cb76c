# In-place operators: __iadd__ etc., fallback to binary operators, and rebinding.
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        self.items.append(other)
        return self
    def __isub__(self, other):
        self.items.remove(other)
        return self
    def __imul__(self, n):
        self.items *= n
        return self
a = Acc()
ref = a
a += 1
a += 2
a -= 1
a *= 3
print(a.items, a is ref)
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        print("__add__ used")
        return OnlyAdd(self.v + other)
o = OnlyAdd(1)
old = o
o += 5
print(o.v, o is old)
class NoneReturning:
    def __iadd__(self, other):
        pass
n = NoneReturning()
n += 1
print(n)
class NI:
    def __iadd__(self, other):
        return NotImplemented
    def __add__(self, other):
        return "fell back to __add__"
x = NI()
x += 1
print(x)
lst = [1]
alias = lst
lst += [2]
print(alias, lst is alias)
tup = (1,)
talias = tup
tup += (2,)
print(talias, tup)
for op in ["+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="]:
    v = 12
    try:
        exec(f"v {op} 5" if op != "@=" else "v @= 5")
        print(op, "ok")
    except TypeError as e:
        print(op, "TypeError:", e)
y = 12
y **= 2
y //= 7
y <<= 3
y ^= 0b101
print(y)
class Counter:
    n = 0
counter = Counter()
counter.n += 1
d = {"k": [1]}
d["k"] += [2]
print(counter.n, d)
try:
    s = "abc"
    s -= "a"
except TypeError as e:
    print("TypeError:", e)
