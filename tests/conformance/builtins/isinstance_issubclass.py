# isinstance/issubclass with tuples, nested tuples, ABC-like hooks and errors.
print(isinstance(1, int), isinstance(1, (str, float)), isinstance(1, (str, (float, int))), isinstance(True, int))
print(isinstance("s", str), isinstance(b"s", (bytes, bytearray)), isinstance([], list), isinstance((), list))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(type, object), isinstance(object, type))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(list, list), issubclass(dict, (list, tuple)))
class A: pass
class B(A): pass
class C: pass
print(isinstance(B(), A), isinstance(A(), B), issubclass(B, (C, A)), issubclass(C, ()), isinstance(B(), ()))
for bad in [lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: isinstance(1, (int, 2)), lambda: issubclass(int, [int])]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
print(isinstance(1, int | str), issubclass(bool, int | None), isinstance(None, int | None))
