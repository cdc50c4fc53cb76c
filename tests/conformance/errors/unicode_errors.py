# UnicodeEncodeError / UnicodeDecodeError attributes and messages.
try:
    "héllo".encode("ascii")
except UnicodeEncodeError as e:
    print(e, "|", e.encoding, repr(e.object), e.start, e.end, e.reason)
try:
    b"\xe9t\xe9".decode("utf-8")
except UnicodeDecodeError as e:
    print(e, "|", e.encoding, e.object, e.start, e.end, e.reason)
try:
    b"\xc3".decode("utf-8")
except UnicodeDecodeError as e:
    print(e)
try:
    b"\xed\xa0\x80".decode("utf-8")
except UnicodeDecodeError as e:
    print(e)
try:
    b"\xff\xfe\xfd".decode("ascii")
except UnicodeDecodeError as e:
    print(e)
try:
    "\udc80".encode("utf-8")
except UnicodeEncodeError as e:
    print(e)
try:
    "日本".encode("latin-1")
except UnicodeEncodeError as e:
    print(e)
print(issubclass(UnicodeDecodeError, ValueError), UnicodeError.__mro__[1].__name__)
