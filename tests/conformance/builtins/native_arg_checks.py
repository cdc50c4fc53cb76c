# Argument checks of native builtins (inline, messages out of line): the messages and the
# exact-class and general paths of isinstance.
for call in (lambda: len(), lambda: len(1, 2), lambda: len(x=1), lambda: isinstance(1),
             lambda: isinstance(1, int, 2), lambda: isinstance(1, int, x=2), lambda: repr(),
             lambda: iter(), lambda: iter(1, 2, 3), lambda: divmod(1), lambda: abs(),
             lambda: isinstance(1, (str, (int,))), lambda: isinstance(True, int),
             lambda: isinstance(1, 5), lambda: bytearray(1, 2, 3, 4)):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
class M(type):
    def __instancecheck__(cls, obj):
        print("check", obj)
        return True
class C(metaclass=M): pass
print(isinstance(3, C), isinstance(C(), C))
