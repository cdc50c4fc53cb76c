# str methods on non-ASCII text: case mapping lengths, strip of Unicode spaces, split on Unicode whitespace.
s = "\u2003 Grüße, Ελλάδα!\u00a0\u3000"
print(repr(s.strip()), repr(s.split()), s.upper(), s.lower(), s.casefold(), s.title(), len(s.upper()) - len(s))
print("ǈ".upper(), "ǈ".lower(), "ǈ".title(), "ǈ".istitle(), "ﬀ".upper(), "İ".casefold(), "ς".upper(), "Σ".lower())
print("a\u2028b\u2029c\x1dd".splitlines(), "a\u00a0b".split(), "a\u200bb".split(), "x\u3000y".split("\u3000"))
print("١٢٣".isdigit(), int("١٢٣"), "Ⅷ".isnumeric(), "½".isdecimal(), "𝟙𝟚".isdigit(), int("𝟙𝟚"))
print("café".center(10, "·"), "日本".ljust(5, "_"), "🐍".rjust(3, "*"), "ß".swapcase(), "Straße".count("s"))
print(sorted(["éclair", "eclair", "Eclair", "zèbre", "zebra"]), max("日本語"), min("🐍🐢"))
