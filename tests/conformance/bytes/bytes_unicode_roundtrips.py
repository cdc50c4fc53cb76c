# Round trips between str and bytes in UTF-8, latin-1 and ASCII with error handlers.
texts = ["plain", "café", "naïve résumé", "日本語", "emoji 🐍🎉", "mixed \u00e9\u0301"]
for t in texts:
    u8 = t.encode("utf-8")
    print(repr(t), len(t), len(u8), u8.decode("utf-8") == t, t.encode("ascii", "replace"), t.encode("latin-1", "ignore"))
raw = bytes(range(0xE0, 0x100))
print(raw.decode("latin-1"), raw.decode("utf-8", "replace").count("\ufffd"), len(raw.decode("utf-8", "ignore")))
s = raw.decode("utf-8", "surrogateescape")
print(len(s), s.encode("utf-8", "surrogateescape") == raw, ascii(s[:3]))
print("𝔘𝔫𝔦𝔠𝔬𝔡𝔢".encode("utf-8").hex(" ", 4), "𝔘".encode("utf-16-le"), len("𝔘".encode("utf-16-le")))
