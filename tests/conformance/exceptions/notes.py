# add_note and __notes__.
e = ValueError("base message")
print(hasattr(e, "__notes__"))
e.add_note("first note")
e.add_note("second note")
print(e.__notes__, str(e), e.args)
try:
    e.add_note(5)
except TypeError as err:
    print("TypeError:", err)
def parse(s):
    try:
        return int(s)
    except ValueError as err:
        err.add_note(f"while parsing {s!r}")
        raise
try:
    parse("x1")
except ValueError as err:
    print(err, err.__notes__)
class Custom(Exception):
    pass
c = Custom()
c.__notes__ = ["assigned directly"]
c.add_note("appended")
print(c.__notes__)
