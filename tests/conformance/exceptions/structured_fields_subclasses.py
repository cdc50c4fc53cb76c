# Constructors fill the structured fields (value, code, errno, name, msg, ...) of the
# exception classes that have them, subclasses and multiple inheritance included; others
# get none.
class E(KeyError, AttributeError): pass
class S(StopIteration): pass
class O(OSError): pass
class M(ValueError, ImportError): pass
print(E("x").name, E("x").obj, S(5).value, O(2, "no such", "f").filename, M("m").msg, M("m", name="n").name)
print(StopIteration(1).value, SystemExit(3).code, SystemExit().code, OSError(2, "x").errno, ImportError("y").msg)
print(AttributeError("a").name, NameError("n").name, UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad").reason)
print(ExceptionGroup("g", [ValueError(1)]).exceptions, KeyError(1).args, StopAsyncIteration().args)
try:
    raise SyntaxError("s", ("f.py", 1, 2, "t", 1, 3))
except SyntaxError as e:
    print(e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
