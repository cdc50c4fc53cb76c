# bytes methods mirror str methods.
b = b"  The Quick brown fox, the END  "
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" TE"), b.upper(), b.lower(), b.title(), b.swapcase(), b.capitalize())
print(b.split(), b.split(b","), b.rsplit(None, 1), b.split(b" ", 3), b.partition(b","), b.rpartition(b"the"))
print(b.find(b"the"), b.rfind(b"e"), b.index(b"Quick"), b.count(b"o"), b.count(ord("e")), b.find(111), b.startswith(b"  T"), b.endswith((b"x", b"  ")))
print(b.replace(b"the", b"a"), b.replace(b" ", b""), b"-".join([b"a", b"b", b"c"]), b"".join([b"x", bytearray(b"y")]))
print(b"abc".center(9, b"*"), b"abc".ljust(5), b"abc".rjust(5, b"0"), b"42".zfill(5), b"a\tb".expandtabs(4))
print(b"abc123".isalnum(), b"abc".isalpha(), b"123".isdigit(), b"  ".isspace(), b"ABC".isupper(), b"abc".islower(), b"Ab Cd".istitle(), b"\x80".isascii())
print(b"line1\nline2\r\nline3".splitlines(), b"a\nb\n".splitlines(True), b"prefix-x".removeprefix(b"prefix-"), b"x.py".removesuffix(b".py"))
t = bytes.maketrans(b"abc", b"xyz")
print(b"aabbcc".translate(t), b"hello".translate(None, b"l"), b"abc".translate(t, b"c"))
print(b"hello world".title(), b"x".join([]), b"abc".index(b"c"), b"a,b,,c".split(b",", 1))
try:
    b"abc".index(b"z")
except ValueError as e:
    print("ValueError:", e)
try:
    b"a".join(["x"])
except TypeError as e:
    print("TypeError:", e)
