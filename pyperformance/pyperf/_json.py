"""JSON text <-> Python values for pyperf result files, without the json module.

rpy cannot import CPython's json package (it leans on the _json accelerator and re), so
the pyperf package carries the small encoder and decoder it needs. Output matches what
``json.dumps(..., sort_keys=True)`` writes for the values pyperf files hold (None, bools,
ints, floats, strings, lists, tuples, dicts with string keys), including ``NaN`` and
``Infinity`` for non-finite floats and ASCII-only strings.
"""

_ESCAPES = {
    '"': '\\"',
    '\\': '\\\\',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\b': '\\b',
    '\f': '\\f',
}

# Nesting deeper than this is not something a pyperf file contains; refuse it instead of
# exhausting the interpreter's recursion limit.
MAX_DEPTH = 200


def _encode_str(text):
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif 0x20 <= code < 0x7F:
            out.append(ch)
        elif code <= 0xFFFF:
            out.append('\\u%04x' % code)
        else:
            # Astral characters become a UTF-16 surrogate pair, as in ensure_ascii output.
            code -= 0x10000
            out.append('\\u%04x\\u%04x' % (0xD800 | (code >> 10), 0xDC00 | (code & 0x3FF)))
    out.append('"')
    return ''.join(out)


def _encode_float(value):
    if value != value:
        return 'NaN'
    if value == float('inf'):
        return 'Infinity'
    if value == -float('inf'):
        return '-Infinity'
    return repr(value)


def dumps(value, sort_keys=False, indent=None, separators=None):
    """Return the JSON text of ``value`` (the subset of json.dumps that pyperf uses)."""
    if separators is not None:
        item_sep, key_sep = separators
    elif indent is not None:
        item_sep, key_sep = ',', ': '
    else:
        item_sep, key_sep = ', ', ': '
    out = []
    _encode(value, out, sort_keys, indent, item_sep, key_sep, 0)
    return ''.join(out)


def _newline(out, indent, depth):
    if indent is not None:
        out.append('\n' + ' ' * (indent * depth))


def _encode(value, out, sort_keys, indent, item_sep, key_sep, depth):
    if depth > MAX_DEPTH:
        raise ValueError('JSON value nested too deeply')
    if value is None:
        out.append('null')
    elif value is True:
        out.append('true')
    elif value is False:
        out.append('false')
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_encode_float(value))
    elif isinstance(value, str):
        out.append(_encode_str(value))
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append('[]')
            return
        out.append('[')
        first = True
        for item in value:
            if not first:
                out.append(item_sep)
            first = False
            _newline(out, indent, depth + 1)
            _encode(item, out, sort_keys, indent, item_sep, key_sep, depth + 1)
        _newline(out, indent, depth)
        out.append(']')
    elif isinstance(value, dict):
        if not value:
            out.append('{}')
            return
        keys = list(value)
        for key in keys:
            if not isinstance(key, str):
                raise TypeError('JSON object keys must be str, not %s' % type(key).__name__)
        if sort_keys:
            keys.sort()
        out.append('{')
        first = True
        for key in keys:
            if not first:
                out.append(item_sep)
            first = False
            _newline(out, indent, depth + 1)
            out.append(_encode_str(key))
            out.append(key_sep)
            _encode(value[key], out, sort_keys, indent, item_sep, key_sep, depth + 1)
        _newline(out, indent, depth)
        out.append('}')
    else:
        raise TypeError('Object of type %s is not JSON serializable' % type(value).__name__)


class JSONDecodeError(ValueError):
    def __init__(self, msg, pos):
        ValueError.__init__(self, '%s at offset %d' % (msg, pos))
        self.pos = pos


_WHITESPACE = ' \t\n\r'
_NUMBER_CHARS = '+-0123456789.eE'
_SIMPLE_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f',
                   'n': '\n', 'r': '\r', 't': '\t'}
_LITERALS = (('null', None), ('true', True), ('false', False),
             ('NaN', float('nan')), ('Infinity', float('inf')),
             ('-Infinity', -float('inf')))


class _Decoder:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def skip_ws(self):
        text = self.text
        pos = self.pos
        while pos < len(text) and text[pos] in _WHITESPACE:
            pos += 1
        self.pos = pos

    def value(self, depth):
        if depth > MAX_DEPTH:
            raise JSONDecodeError('JSON value nested too deeply', self.pos)
        self.skip_ws()
        text = self.text
        if self.pos >= len(text):
            raise JSONDecodeError('Expecting value', self.pos)
        ch = text[self.pos]
        if ch == '{':
            return self.obj(depth)
        if ch == '[':
            return self.array(depth)
        if ch == '"':
            return self.string()
        for word, result in _LITERALS:
            if text.startswith(word, self.pos):
                self.pos += len(word)
                return result
        return self.number()

    def obj(self, depth):
        self.pos += 1
        result = {}
        self.skip_ws()
        if self.text.startswith('}', self.pos):
            self.pos += 1
            return result
        while True:
            self.skip_ws()
            if not self.text.startswith('"', self.pos):
                raise JSONDecodeError('Expecting property name enclosed in double quotes',
                                      self.pos)
            key = self.string()
            self.skip_ws()
            if not self.text.startswith(':', self.pos):
                raise JSONDecodeError("Expecting ':' delimiter", self.pos)
            self.pos += 1
            result[key] = self.value(depth + 1)
            self.skip_ws()
            if self.text.startswith(',', self.pos):
                self.pos += 1
            elif self.text.startswith('}', self.pos):
                self.pos += 1
                return result
            else:
                raise JSONDecodeError("Expecting ',' delimiter", self.pos)

    def array(self, depth):
        self.pos += 1
        result = []
        self.skip_ws()
        if self.text.startswith(']', self.pos):
            self.pos += 1
            return result
        while True:
            result.append(self.value(depth + 1))
            self.skip_ws()
            if self.text.startswith(',', self.pos):
                self.pos += 1
            elif self.text.startswith(']', self.pos):
                self.pos += 1
                return result
            else:
                raise JSONDecodeError("Expecting ',' delimiter", self.pos)

    def hex4(self, pos):
        digits = self.text[pos:pos + 4]
        if len(digits) != 4 or any(c not in '0123456789abcdefABCDEF' for c in digits):
            raise JSONDecodeError('Invalid \\uXXXX escape', pos)
        return int(digits, 16)

    def string(self):
        text = self.text
        pos = self.pos + 1
        out = []
        while True:
            end = pos
            while end < len(text) and text[end] not in '"\\' and text[end] >= ' ':
                end += 1
            out.append(text[pos:end])
            if end >= len(text):
                raise JSONDecodeError('Unterminated string', self.pos)
            ch = text[end]
            if ch == '"':
                self.pos = end + 1
                return ''.join(out)
            if ch != '\\':
                raise JSONDecodeError('Invalid control character', end)
            esc = text[end + 1:end + 2]
            if esc in _SIMPLE_ESCAPES:
                out.append(_SIMPLE_ESCAPES[esc])
                pos = end + 2
            elif esc == 'u':
                code = self.hex4(end + 2)
                pos = end + 6
                if 0xD800 <= code < 0xDC00 and text.startswith('\\u', pos):
                    low = self.hex4(pos + 2)
                    if 0xDC00 <= low < 0xE000:
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        pos += 6
                out.append(chr(code))
            else:
                raise JSONDecodeError('Invalid \\escape', end)

    def number(self):
        text = self.text
        start = self.pos
        end = start
        while end < len(text) and text[end] in _NUMBER_CHARS:
            end += 1
        token = text[start:end]
        if not token:
            raise JSONDecodeError('Expecting value', start)
        self.pos = end
        try:
            if '.' in token or 'e' in token or 'E' in token:
                return float(token)
            return int(token)
        except ValueError:
            raise JSONDecodeError('Invalid number %r' % token, start)


def loads(text):
    """Parse JSON text into Python values (dicts, lists, str, int, float, bool, None)."""
    decoder = _Decoder(text)
    result = decoder.value(0)
    decoder.skip_ws()
    if decoder.pos != len(text):
        raise JSONDecodeError('Extra data', decoder.pos)
    return result
