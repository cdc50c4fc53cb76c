# Case conversion, including non-ASCII and special casing.
words = ["hello World", "ÉCOLE", "straße", "ǅemal", "ΣΊΣΥΦΟΣ", "i̇stanbul", "mIxEd CaSe 123", "o'neil's dog",
         "hello-world_foo bar", "ﬁnance", "ßig", "ΑΣ ΑΣ.", "123abc"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
for w in ["Hello", "hello", "HELLO", "Hello World", "hello World", "123", "", "A1B", "ǅ", "ΣΑ"]:
    print(repr(w), w.isupper(), w.islower(), w.istitle())
print("ß".upper(), len("ß".upper()), "İ".lower(), len("İ".lower()), "ŉ".upper())
