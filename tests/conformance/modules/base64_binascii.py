import base64, binascii, random
random.seed(5)
for n in [0, 1, 2, 3, 4, 5, 7, 20, 127]:
    d = random.randbytes(n)
    for enc, dec in [(base64.b64encode, base64.b64decode), (base64.urlsafe_b64encode, base64.urlsafe_b64decode),
                     (base64.b32encode, base64.b32decode), (base64.b32hexencode, base64.b32hexdecode),
                     (base64.b16encode, base64.b16decode), (base64.a85encode, base64.a85decode),
                     (base64.b85encode, base64.b85decode), (base64.z85encode, base64.z85decode)]:
        e = enc(d)
        assert dec(e) == d, (enc, n)
        assert dec(e.decode()) == d
        print(enc.__name__, n, e[:40])
    print(base64.a85encode(d, wrapcol=10, adobe=True), base64.a85encode(d, pad=True, foldspaces=True))
    print(base64.b85encode(d, pad=True), base64.encodebytes(d * 3))
print(base64.a85encode(b'\0\0\0\0\0'), base64.a85encode(b'    '), base64.a85encode(b'    ', foldspaces=True), base64.a85decode(b'z!!'))
for bad in [lambda: base64.b64decode('abc'), lambda: base64.b64decode('ab$c=', validate=True), lambda: base64.b32decode('AAA'),
            lambda: base64.b32decode('AAAAAAA1'), lambda: base64.b16decode('0g'), lambda: base64.a85decode(b'xyz'),
            lambda: base64.b85decode(b'|NsC0~'), lambda: base64.b85decode(b'"'), lambda: base64.b64encode('x'),
            lambda: binascii.crc32(b'hello'), lambda: binascii.crc32(b'hello', -5), lambda: binascii.hexlify(b'abcde', ':', 2),
            lambda: base64.z85decode(b'"'), lambda: base64.b32decode('AA======'), lambda: base64.b32decode('AAA====='), lambda: base64.a85decode(b'<~abc', adobe=True)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
