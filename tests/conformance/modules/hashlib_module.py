import hashlib
for n in (0, 1, 55, 56, 63, 64, 65, 119, 120, 1000):
    d = bytes(range(256)) * 4
    d = d[:n]
    for name in ('md5', 'sha1', 'sha256'):
        h = hashlib.new(name, d)
        print(name, n, h.hexdigest(), getattr(hashlib, name)(d).digest()[:4], h.digest_size, h.block_size, h.name)
h = hashlib.md5(); h.update(b'abc'); c = h.copy(); c.update(b'def'); print(h.hexdigest(), c.hexdigest(), hashlib.md5(b'abcdef').hexdigest())
for bad in ["hashlib.md5('x')", "hashlib.new('foo')", "hashlib.sha256(1)"]:
    try: eval(bad)
    except Exception as e: print(type(e).__name__, e)
print(sorted(hashlib.algorithms_guaranteed & {'md5', 'sha1', 'sha256'}))
