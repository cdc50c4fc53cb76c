# strip family, padding, zfill, center, expandtabs, removeprefix/removesuffix.
for s in ["  hello  ", "\t\nhello\r\n", "xxhelloyy", "hello", "", "   ", "\u3000wide\u3000", "..a.."]:
    print(repr(s), repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip("xy")), repr(s.strip(".")))
for w in [0, 3, 8, 11]:
    print(repr("hello".ljust(w)), repr("hello".rjust(w, "*")), repr("hello".center(w, "-")), repr("hello".center(w)))
print("42".zfill(6), "-42".zfill(6), "+42".zfill(6), "abc".zfill(6), "".zfill(3), "-".zfill(3), "ab".center(5, "é"))
print(repr("a\tb\tc".expandtabs()), repr("a\tbb\tccc\t".expandtabs(4)), repr("\tx\n\ty".expandtabs(2)), repr("ab\t".expandtabs(0)))
print("prefix_body".removeprefix("prefix_"), "prefix_body".removeprefix("x"), "file.tar.gz".removesuffix(".gz"), "abc".removesuffix(""))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
