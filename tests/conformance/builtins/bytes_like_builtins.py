# bytes(), bytearray(), memoryview(), frozenset(), set(), dict() constructor forms.
print(bytes(3), bytes([1, 2]), bytes("ok", "ascii"), bytes(b"x"), bytearray("é", "utf-8"), bytearray(2))
mv = memoryview(b"abcdef")
print(mv[1], bytes(mv[1:3]), len(mv), mv.tobytes(), mv.readonly, list(mv[:2]))
mb = memoryview(bytearray(b"xyz"))
mb[0] = ord("X")
print(mb.obj, mb.readonly, bytes(mb))
print(frozenset("aab") == frozenset("ab"), set(range(3)), dict(a=1), dict([("b", 2)], c=3), dict({"d": 4}))
print(list(), tuple(), str(), int(), float(), complex(), bool(), set(), frozenset(), dict(), bytes(), bytearray())
