# Indexing and slicing by code point on non-ASCII strings.
s = "héllo wörld ✓ 日本語 🐍!"
print(len(s), s[0], s[1], s[12], s[-1], s[-2], s[14:17], s[::-1])
for i in range(len(s)):
    print(i, repr(s[i]), ord(s[i]))
print(s[2:20:3], s[-5:], s[:-5], s[100:], s[-100:3], s[5:2], s[::4])
print("🐍" * 3, len("🐍" * 3), ("a🐍b")[1], "a🐍b".index("b"), "a🐍b".find("🐍"))
t = "\u00e9"
u = "e\u0301"
print(len(t), len(u), t == u, [hex(ord(c)) for c in u])
print("\U0001F600" < "\uffff", max("abc✓"), min("zé"), sorted("dåcb"))
print(list("naïve"), tuple("ab"), "".join(reversed("añb")))
