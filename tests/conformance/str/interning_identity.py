# String equality vs identity; sys.intern.
import sys
a = "hello world"
b = "hello " + "world"
print(a == b, hash(a) == hash(b))
c = sys.intern("".join(["dyn", "amic"]))
d = sys.intern("dynamic")
print(c is d, c == d)
print(sys.intern("x") is sys.intern("x"))
try:
    sys.intern(5)
except TypeError as e:
    print("TypeError:", e)
class S(str):
    pass
try:
    sys.intern(S("abc"))
except TypeError as e:
    print("TypeError:", e)
keys = {}
for word in "a b a c b a".split():
    keys[word] = keys.get(word, 0) + 1
print(sorted(keys.items()))
