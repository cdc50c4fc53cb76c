# str() and repr() of exceptions with unusual arguments, and format in f-strings.
errs = [KeyError(""), KeyError(1), KeyError((1, 2)), KeyError(["l"]), ValueError(None), ValueError(""),
        OSError(), OSError(1), OSError(1, "two"), OSError(1, "two", "three"), OSError(1, "two", "three", None, "four"),
        FileNotFoundError(2, "No such file", "x.txt"), SyntaxError("msg", ("f.py", 3, 4, "code\n")), SyntaxError(),
        StopIteration(), UnicodeError("u"), Exception(1, 2, 3), BaseException("base")]
for e in errs:
    print(type(e).__name__, "|", str(e), "|", repr(e), "|", f"{e!s}", "|", e.args)
s = SyntaxError("invalid thing", ("prog.py", 7, 3, "x === y\n", 7, 6))
print(s.msg, s.filename, s.lineno, s.offset, repr(s.text), s.end_lineno, s.end_offset, str(s))
