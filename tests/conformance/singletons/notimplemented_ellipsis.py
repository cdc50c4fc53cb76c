# NotImplemented and Ellipsis.
print(NotImplemented, repr(NotImplemented), type(NotImplemented).__name__)
print(Ellipsis, ..., repr(...), Ellipsis is ..., type(...).__name__, bool(...))
print((1).__add__("a") is NotImplemented, (1).__eq__("a") is NotImplemented)
class A:
    def __eq__(self, other):
        return NotImplemented
    def __lt__(self, other):
        return NotImplemented
a = A()
print(a == a, a != a, a == 1, a != 1)
try:
    a < 1
except TypeError as e:
    print("TypeError:", e)
x = [1, 2, 3]
class Sub:
    def __getitem__(self, key):
        return key
s = Sub()
print(s[...], s[1:2, ...], s[..., 0], s[::2])
def todo():
    ...
print(todo(), ... == ..., Ellipsis == None)
print(type(NotImplemented)() is NotImplemented, type(...)() is ...)
