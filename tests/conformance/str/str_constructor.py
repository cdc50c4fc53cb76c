# str() on many objects, and str subclasses.
print(str(), str(1), str(-1.5), str(True), str(None), str([1, "a"]), str({"a": 1}), str((1,)), str({1}))
print(str(b"abc"), str(b"abc", "ascii"), str(bytearray(b"x\xe9"), "latin-1"), str(b"\xff", "utf-8", "replace"))
print(str(object=5), str(encoding="utf-8", object=b"hi"), type(str("x")).__name__)
class S(str):
    def shout(self):
        return self.upper() + "!"
s = S("hey")
print(s, s.shout(), type(s).__name__, type(s + "x").__name__, type(s.upper()).__name__, isinstance(s, str), s == "hey")
print(len(s), s[0], type(s[0]).__name__, str(s), type(str(s)).__name__, repr(s))
class Upper(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
print(Upper("abc"), Upper("abc") == "ABC", hash(Upper("x")) == hash("X"))
class Weird:
    def __str__(self):
        return 42
try:
    str(Weird())
except TypeError as e:
    print("TypeError:", e)
