# fnmatch: translate's exact regex text (ranges, negation, empty/reversed ranges, set-operation
# escapes, star runs), matching of str and bytes, filter/filterfalse, normcase on POSIX.
import fnmatch

pats = ["", "*", "**", "?", "a*b", "*a*b*", "a*b*c*d", "[abc]", "[!abc]", "[]]", "[!]]", "[]-]",
        "[a-z]", "[z-a]", "[!z-a]", "[a-]", "[-a]", "[!-a]", "[a-c-e]", "[a-cx-z]", "[c-az-x]",
        "[b-az-a]", "[\\]", "[a\\-z]", "[!]", "[", "[!", "a[", "[^x]", "[[x]", "[&&x]", "[a~~b]",
        "[x||y]", "[!^]", ".", "a.b", "\\*", "\\", "$^+{}()|", "é*ß", "a\nb", "[ab]*[!cd]?",
        "*.py", "test_*.py", "[0-9][0-9]*", "[!.]*", "[*]", "[?]", "[[]", "[]]x]", "[a-]b-c]"]
for p in pats:
    print(repr(p), fnmatch.translate(p))

names = ["a.py", "b.PY", ".hidden", "abc", "a]b", "[x]", "a\nb", "ab-c", "-", "z"]
for p in ["*.py", "*.PY", "a*", "?", "[!a]*", "a[]]b", "[[]x]", "*b*", "a?b", "[a-c-]*", "[a-]", "*\n*"]:
    print(p.encode(), [n for n in names if fnmatch.fnmatch(n, p)], fnmatch.filter(names, p),
          fnmatch.filterfalse(names, p))
print(fnmatch.fnmatchcase("ABC", "abc"), fnmatch.fnmatch("ABC", "abc"), fnmatch.fnmatchcase("abc", "abc"))
print(fnmatch.fnmatch(b"abc.py", b"*.py"), fnmatch.filter([b"x.c", b"y.h", b"\xff.c"], b"*.c"),
      fnmatch.fnmatchcase(b"\xe9", b"?"), fnmatch.fnmatchcase(b"a", b"[\x00-\xff]"))
print(fnmatch.filter(iter(["a", "b"]), "a"), fnmatch.filter((), "*"))
print(fnmatch.fnmatch("a" * 50 + "b", "*a*a*a*a*a*a*a*a*a*c"))
for bad in [(1, "*"), ("a", 1), ("a", b"a"), (b"a", "a")]:
    try:
        print(fnmatch.fnmatch(*bad))
    except TypeError as e:
        print("TypeError", e)
print(fnmatch.__all__)
