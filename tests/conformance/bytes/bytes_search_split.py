# bytes search and split methods with single ints, subsequences, and bounds.
data = b"key1=value1;key2=value2;;key3="
print(data.split(b";"), data.split(b";", 1), data.rsplit(b";", 1), data.partition(b"="), data.rpartition(b"="))
print([kv.split(b"=") for kv in data.split(b";") if kv])
print(data.find(b"key"), data.find(b"key", 1), data.rfind(b"key"), data.count(b"key"), data.index(ord("=")), data.count(ord(";")))
print(data.startswith(b"key"), data.startswith((b"x", b"k")), data.endswith(b"="), b"" in data, 61 in data, 300 in data if False else None)
print(b"  pad  ".strip(), b"xxhixx".strip(b"x"), b"\t a \n".split(), b"a b  c".split(b" "), b"1,2,,3".split(b","))
print(b"hello world".capitalize(), b"HELLO".lower(), b"MiXeD".swapcase(), b"title case".title(), b"tab\tsep".expandtabs(2))
print(b"abc".ljust(6, b"."), b"abc".rjust(6, b"."), b"abc".center(7, b"*"), b"7".zfill(3), b"-7".zfill(3))
print(b"aaa".replace(b"a", b"bb", 2), b"abc".translate(None, b"b"), b".".join([b"1", b"2", b"3"]), b"abcabc".removeprefix(b"ab"))
try:
    b"abc".find("a")
except TypeError as e:
    print("TypeError:", e)
try:
    b"abc".count(256)
except ValueError as e:
    print("ValueError:", e)
