# Iterating strings, enumerate, zip, sorted, reversed, map.
s = "añ🐍"
for i, ch in enumerate(s):
    print(i, ch, ord(ch))
print(list(reversed(s)), sorted("hello world"), list(zip("abc", "xyz12")), list(map(str.upper, "xyz")))
it = iter("ab")
print(next(it), next(it), next(it, "done"))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items()))
print([c for c in "Hello World" if c.isupper()], "".join(c * 2 for c in "abc"))
print(any(c.isdigit() for c in "ab3"), all(c.isalpha() for c in "ab3"))
print("a" in "abc", list(enumerate("xy", start=1)))
