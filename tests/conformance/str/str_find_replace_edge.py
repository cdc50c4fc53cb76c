# Edge cases of find/replace/split/count with empty strings, overlapping matches and bounds beyond length.
s = "aaaa"
print(s.count("aa"), s.count("a", 1, 3), s.find("aa", 3), s.find("", 10), s.rfind(""), s.find("", 4), s.replace("aa", "b", 1))
print("".find(""), "".count(""), "abc".count("", 1), "abc".split("b", 0), "a b".split(None, 0), " a b ".split(None, 1))
print("abc".replace("", "|", 2), "abcabc".replace("bc", ""), "x".join(""), "x".join("y"), "mississippi".split("ss"))
print("abc".startswith(("z", "")), "abc".endswith("", 5), "abc".startswith("bc", 1), "abc".endswith("ab", 0, 2))
print("  x  y  ".rsplit(maxsplit=1), "a,b,c".rsplit(",", 1), "1-2-3".partition("x"), "1-2-3".rpartition("x"))
print("%s" % "", repr("".join([])), "".upper(), "".zfill(3), "".center(3), "".strip(), "" * 100, bool(""))
