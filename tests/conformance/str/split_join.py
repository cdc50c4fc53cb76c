# split, rsplit, splitlines, partition, rpartition, join.
cases = ["a,b,,c", "  leading and   trailing  ", "one", "", ",", "a, b, c", "x\ty\nz  w"]
for c in cases:
    print(repr(c), c.split(), c.split(","), c.split(",", 1), c.rsplit(",", 1), c.split(" "), c.rsplit(None, 1))
print("a-b-c-d".split("-", 2), "a-b-c-d".rsplit("-", 2), "a-b-c-d".split("-", 0), "a-b-c-d".split("-", -1))
print("aXXbXXc".split("XX"), "XXaXX".split("XX"), "abc".split("abc"), "1 2 3".split(maxsplit=1))
text = "line1\nline2\r\nline3\rline4\n\nline6\x0bline7\x1cline8\u2028end"
print(text.splitlines(), text.splitlines(keepends=True), "".splitlines(), "x\n".splitlines())
for s in ["key=value=more", "novalue", "=start", "end="]:
    print(s.partition("="), s.rpartition("="))
print(", ".join(["a", "b", "c"]), "".join([]), "-".join("xyz"), "🐍".join(["1", "2"]), " ".join(str(i) for i in range(5)))
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    "a".partition("")
except ValueError as e:
    print("ValueError:", e)
