# encode/decode with utf-8, latin-1, ascii and error handlers.
s = "héllo wörld ✓ 🐍"
for enc in ["utf-8", "latin-1", "ascii", "utf8", "UTF-8", "Latin1"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
        try:
            b = s.encode(enc, errors)
            print(enc, errors, b)
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError:", e)
data = "añ✓🐍".encode()
print(data, len(data), data.decode(), data.decode("utf-8"), data.decode("latin-1"))
bad = b"ok\xff\xfeok\xc3"
for errors in ["ignore", "replace", "backslashreplace", "surrogateescape"]:
    print(errors, repr(bad.decode("utf-8", errors)))
try:
    bad.decode()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e, e.start, e.end, e.reason, e.encoding)
print("\udcff".encode("utf-8", "surrogateescape"), "\ud800".encode("utf-8", "surrogatepass"))
try:
    "\ud800".encode()
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
print(b"abc".decode("ascii"), "abc".encode("ascii"), str(b"h\xc3\xa9", "utf-8"), str(b"\xe9", "latin-1"))
print("\ufeffbom".encode("utf-8-sig")[:3], b"\xef\xbb\xbfbom".decode("utf-8-sig"), "x".encode("utf-16")[:2] in (b"\xff\xfe", b"\xfe\xff"))
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print("LookupError:", e)
