"""Base16, Base32, Base64 (RFC 3548), Base85 and Ascii85 data encodings (rpy's own module).

The byte loops live in rpy's native `binascii` and `_rpybase64`; this module checks and
converts arguments like CPython's base64 and adds the options (altchars, casefold, map01,
wrapcol, adobe, ...).
"""

import binascii
from _rpybase64 import (_b64encode, _b64decode, _b16encode, _b16decode, _b32encode,
                        _b32decode, _85encode, _85decode, _a85wrap)

__all__ = [
    "encode", "decode", "encodebytes", "decodebytes",
    "b64encode", "b64decode", "b32encode", "b32decode",
    "b32hexencode", "b32hexdecode", "b16encode", "b16decode",
    "b85encode", "b85decode", "a85encode", "a85decode", "z85encode", "z85decode",
    "standard_b64encode", "standard_b64decode",
    "urlsafe_b64encode", "urlsafe_b64decode",
]

bytes_types = (bytes, bytearray)


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters")
    if isinstance(s, bytes_types):
        return bytes(s)
    raise TypeError("argument should be a bytes-like object or ASCII "
                    "string, not %r" % s.__class__.__name__) from None


def _bytes_arg(s):
    if isinstance(s, bytes_types):
        return s
    raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)


def b64encode(s, altchars=None):
    """Encode the bytes-like object s using Base64 and return a bytes object."""
    return _b64encode(_bytes_arg(s), altchars)


def b64decode(s, altchars=None, validate=False):
    """Decode the Base64 encoded bytes-like object or ASCII string s."""
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
    return _b64decode(s, altchars, validate)


def standard_b64encode(s):
    """Encode bytes-like object s using the standard Base64 alphabet."""
    return b64encode(s)


def standard_b64decode(s):
    """Decode bytes encoded with the standard Base64 alphabet."""
    return b64decode(s)


def urlsafe_b64encode(s):
    """Encode bytes using the URL- and filesystem-safe Base64 alphabet."""
    return _b64encode(_bytes_arg(s), b"-_")


def urlsafe_b64decode(s):
    """Decode bytes using the URL- and filesystem-safe Base64 alphabet."""
    return _b64decode(_bytes_from_decode_data(s), b"-_", False)


_b32alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_b32hexalphabet = b"0123456789ABCDEFGHIJKLMNOPQRSTUV"


def _b32decode_common(alphabet, s, casefold=False, map01=None):
    s = _bytes_from_decode_data(s)
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
    return _b32decode(alphabet, s, casefold, map01)


def b32encode(s):
    """Encode the bytes-like objects using base32 and return a bytes object."""
    return _b32encode(_b32alphabet, _bytes_arg(s))


def b32decode(s, casefold=False, map01=None):
    """Decode the base32 encoded bytes-like object or ASCII string s."""
    return _b32decode_common(_b32alphabet, s, casefold, map01)


def b32hexencode(s):
    """Encode the bytes-like objects using base32hex and return a bytes object."""
    return _b32encode(_b32hexalphabet, _bytes_arg(s))


def b32hexdecode(s, casefold=False):
    """Decode the base32hex encoded bytes-like object or ASCII string s."""
    return _b32decode_common(_b32hexalphabet, s, casefold)


def b16encode(s):
    """Encode the bytes-like object s using Base16 and return a bytes object."""
    return _b16encode(_bytes_arg(s))


def b16decode(s, casefold=False):
    """Decode the Base16 encoded bytes-like object or ASCII string s."""
    return _b16decode(_bytes_from_decode_data(s), casefold)


_A85START = b"<~"
_A85END = b"~>"
_a85alphabet = bytes(range(33, 118))
_b85alphabet = (b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                b"abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~")
_z85alphabet = (b"0123456789abcdefghijklmnopqrstuvwxyz"
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#")


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    """Encode bytes-like object b using Ascii85 and return a bytes object."""
    result = _85encode(_bytes_arg(b), _a85alphabet, pad, True, foldspaces)
    if adobe or wrapcol:
        result = _a85wrap(result, wrapcol, adobe)
    return result


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b" \t\n\r\v"):
    """Decode the Ascii85 encoded bytes-like object or ASCII string b."""
    b = _bytes_from_decode_data(b)
    if adobe:
        if b[-2:] != _A85END:
            raise ValueError(
                "Ascii85 encoded byte sequences must end with {!r}".format(_A85END))
        if b[:2] == _A85START:
            b = b[2:-2]
        else:
            b = b[:-2]
    return _85decode(b, _a85alphabet, True, foldspaces, bytes(ignorechars))


def b85encode(b, pad=False):
    """Encode bytes-like object b in base85 format and return a bytes object."""
    return _85encode(_bytes_arg(b), _b85alphabet, pad, False, False)


def b85decode(b):
    """Decode the base85-encoded bytes-like object or ASCII string b."""
    return _85decode(_bytes_from_decode_data(b), _b85alphabet, False, False, b"")


def z85encode(s, pad=False):
    """Encode bytes-like object b in z85 format and return a bytes object."""
    return _85encode(_bytes_arg(s), _z85alphabet, pad, False, False)


def z85decode(s):
    """Decode the z85-encoded bytes-like object or ASCII string b."""
    try:
        return _85decode(_bytes_from_decode_data(s), _z85alphabet, False, False, b"")
    except ValueError as e:
        raise ValueError(e.args[0].replace("base85", "z85")) from None


MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def encode(input, output):
    """Encode a file; input and output are binary files."""
    while s := input.read(MAXBINSIZE):
        while len(s) < MAXBINSIZE and (ns := input.read(MAXBINSIZE - len(s))):
            s += ns
        output.write(binascii.b2a_base64(s))


def decode(input, output):
    """Decode a file; input and output are binary files."""
    while line := input.readline():
        output.write(binascii.a2b_base64(line))


def _input_type_check(s):
    if not isinstance(s, bytes_types):
        raise TypeError("expected bytes-like object, not %s" % s.__class__.__name__)


def encodebytes(s):
    """Encode a bytestring into a bytes object containing multiple lines
    of base-64 data."""
    _input_type_check(s)
    pieces = []
    for i in range(0, len(s), MAXBINSIZE):
        pieces.append(binascii.b2a_base64(s[i: i + MAXBINSIZE]).decode("ascii"))
    return "".join(pieces).encode("ascii")


def decodebytes(s):
    """Decode a bytestring of base-64 data into a bytes object."""
    _input_type_check(s)
    return binascii.a2b_base64(s)
