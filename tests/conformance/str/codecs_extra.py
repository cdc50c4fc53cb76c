# Less common codecs: UTF-16/32 with and without BOM, cp1252, and their errors.
s = "héllo ✓ 🐍"
for enc in ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "cp1252", "iso-8859-15"]:
    try:
        b = s.encode(enc)
        print(enc, b, b.decode(enc) == s)
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError:", e)
        print(enc, s.encode(enc, "replace"))
print(len("a🐍".encode("utf-16-le")), len("a🐍".encode("utf-32-le")))
print("x".encode("utf-16") in (b"\xff\xfex\x00", b"\xfe\xff\x00x"), b"\xff\xfex\x00".decode("utf-16"))
print(b"\x80\x9f\xe9".decode("cp1252"), "€".encode("cp1252"), "€".encode("iso-8859-15"))
for data, enc in [(b"\x00\xd8", "utf-16-le"), (b"a\x00b", "utf-16-le"), (b"\x81", "cp1252")]:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
