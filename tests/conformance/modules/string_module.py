# string module constants, capwords, Template, Formatter.
import string
print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits, repr(string.whitespace), string.punctuation)
print(len(string.printable), string.capwords("hello   wide  world"), string.capwords("a-b c-d", "-"))
t = string.Template("$who likes ${what}s and pays $$5")
print(t.substitute(who="Tim", what="cake"), t.safe_substitute(who="Ann"), t.substitute({"who": "X", "what": "pie"}))
try:
    t.substitute(who="only")
except KeyError as e:
    print("KeyError:", e)
try:
    string.Template("$").substitute()
except ValueError as e:
    print("ValueError:", e)
f = string.Formatter()
print(f.format("{0}-{x}", 1, x=2), list(f.parse("a{b}c{d!r:>3}")))
print(sorted(t.get_identifiers()) if hasattr(t, "get_identifiers") else "n/a", t.is_valid() if hasattr(t, "is_valid") else "n/a")
