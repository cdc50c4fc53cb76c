"""Regular expression operations (rpy's own re module).

Patterns are parsed, compiled and matched by rpy's native engine (`_rpyre`); this module
provides CPython's Pattern and Match objects, the module-level functions, the compile
cache, flags, replacement templates and re.error on top of it.
"""

import enum
import _rpyre

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag", "PatternError",
]

__version__ = "2.2.1"


class RegexFlag(enum.IntFlag, boundary=enum.KEEP):
    NOFLAG = 0
    ASCII = A = 256
    IGNORECASE = I = 2
    LOCALE = L = 4
    UNICODE = U = 32
    MULTILINE = M = 8
    DOTALL = S = 16
    VERBOSE = X = 64
    DEBUG = 128
    __str__ = object.__str__
    _numeric_repr_ = hex


enum.global_enum(RegexFlag)
NOFLAG = RegexFlag.NOFLAG
A = ASCII = RegexFlag.ASCII
I = IGNORECASE = RegexFlag.IGNORECASE
L = LOCALE = RegexFlag.LOCALE
U = UNICODE = RegexFlag.UNICODE
M = MULTILINE = RegexFlag.MULTILINE
S = DOTALL = RegexFlag.DOTALL
X = VERBOSE = RegexFlag.VERBOSE
DEBUG = RegexFlag.DEBUG


class PatternError(Exception):
    """Exception raised for invalid regular expressions.

    Attributes: msg (the unformatted message), pattern, pos (index where compilation
    failed, may be None), lineno and colno (may be None).
    """

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


PatternError.__module__ = "re"
error = PatternError

_MAXCACHE = 512
_cache = {}


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except KeyError:
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    p = Pattern(pattern, flags)
    if len(_cache) >= _MAXCACHE:
        try:
            del _cache[next(iter(_cache))]
        except (StopIteration, RuntimeError, KeyError):
            pass
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def purge():
    "Clear the regular expression caches"
    _cache.clear()


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning
    a Match object, or None if no match was found."""
    return _compile(pattern, flags).search(string)


class _ZeroSentinel(int):
    pass


_zero_sentinel = _ZeroSentinel()


def _legacy_args(fname, argname, nfixed, value, flags, args):
    """Unpacks a deprecated positional count/maxsplit (and flags) argument."""
    if value is not _zero_sentinel:
        raise TypeError("%s() got multiple values for argument '%s'" % (fname, argname))
    value, *args = args
    if args:
        if flags is not _zero_sentinel:
            raise TypeError("%s() got multiple values for argument 'flags'" % fname)
        flags, *args = args
        if args:
            raise TypeError("%s() takes from %d to %d positional arguments but %d were given"
                            % (fname, nfixed, nfixed + 2, nfixed + 2 + len(args)))
    import warnings
    warnings.warn("%r is passed as positional argument" % argname,
                  DeprecationWarning, stacklevel=3)
    return value, flags


def sub(pattern, repl, string, *args, count=_zero_sentinel, flags=_zero_sentinel):
    """Return the string obtained by replacing the leftmost
    non-overlapping occurrences of the pattern in string by the
    replacement repl."""
    if args:
        count, flags = _legacy_args("sub", "count", 3, count, flags, args)
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, *args, count=_zero_sentinel, flags=_zero_sentinel):
    """Return a 2-tuple containing (new_string, number)."""
    if args:
        count, flags = _legacy_args("subn", "count", 3, count, flags, args)
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, *args, maxsplit=_zero_sentinel, flags=_zero_sentinel):
    """Split the source string by the occurrences of the pattern,
    returning a list containing the resulting substrings."""
    if args:
        maxsplit, flags = _legacy_args("split", "maxsplit", 2, maxsplit, flags, args)
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the
    string.  For each match, the iterator returns a Match object."""
    return _compile(pattern, flags).finditer(string)


_special_chars_map = {i: "\\" + chr(i) for i in b"()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    pattern = str(pattern, "latin1")
    return pattern.translate(_special_chars_map).encode("latin1")


def _as_text(string):
    if isinstance(string, (str, bytes)):
        return string
    if isinstance(string, bytearray):
        return bytes(string)
    tobytes = getattr(type(string), "tobytes", None)
    if tobytes is not None:
        return tobytes(string)
    raise TypeError("expected string or bytes-like object, got '%s'"
                    % type(string).__name__)


class Pattern:
    """Compiled regular expression object."""

    __slots__ = ("pattern", "flags", "groups", "groupindex", "_prog", "_names",
                 "__weakref__")

    def __init__(self, pattern, flags):
        res = _rpyre.compile(pattern, flags)
        if len(res) == 2:
            msg, pos = res
            raise PatternError(msg, pattern, None if pos < 0 else pos)
        prog, groups, groupindex, final_flags = res
        self._prog = prog
        self.pattern = pattern
        self.flags = final_flags
        self.groups = groups
        names = [None] * (groups + 1)
        for name, idx in groupindex.items():
            names[idx] = name
        self._names = names
        self.groupindex = _mappingproxy(groupindex)

    def __repr__(self):
        flags = self.flags
        if isinstance(self.pattern, str):
            flags &= ~UNICODE.value
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        if not flags:
            return "re.compile(%s)" % text
        return "re.compile(%s, %s)" % (text, _flags_repr(flags))

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.pattern == other.pattern and self.flags == other.flags
                and type(self.pattern) is type(other.pattern))

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

    def _run(self, string, pos, endpos, mode):
        if endpos is None:
            endpos = _MAXINT
        spans = self._prog.match(_as_text(string), pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, spans, pos, endpos)

    def match(self, string, pos=0, endpos=None):
        """Matches zero or more characters at the beginning of the string."""
        return self._run(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=None):
        """Matches against all of the string."""
        return self._run(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=None):
        """Scan through string looking for a match, and return a corresponding
        match object instance. Return None if no position in the string matches."""
        return self._run(string, pos, endpos, 2)

    def _scan(self, string, pos=0, endpos=None, limit=0):
        if endpos is None:
            endpos = _MAXINT
        return self._prog.scan(_as_text(string), pos, endpos, limit)

    def finditer(self, string, pos=0, endpos=None):
        """Return an iterator over all non-overlapping matches for the RE pattern
        in string. For each match, the iterator returns a match object."""
        end = _MAXINT if endpos is None else endpos
        for spans in self._scan(string, pos, endpos):
            yield Match(self, string, spans, pos, end)

    def findall(self, string, pos=0, endpos=None):
        """Return a list of all non-overlapping matches of pattern in string."""
        all_spans = self._scan(string, pos, endpos)
        groups = self.groups
        string = _as_text(string)
        empty = string[:0]
        if groups == 0:
            return [string[s[0]:s[1]] for s in all_spans]
        if groups == 1:
            return [empty if s[2] < 0 else string[s[2]:s[3]] for s in all_spans]
        out = []
        for s in all_spans:
            out.append(tuple(empty if s[2 * g] < 0 else string[s[2 * g]:s[2 * g + 1]]
                             for g in range(1, groups + 1)))
        return out

    def split(self, string, maxsplit=0):
        """Split string by the occurrences of pattern."""
        if maxsplit < 0:
            return [string]
        out = []
        last = 0
        groups = self.groups
        string = _as_text(string)
        for s in self._scan(string, 0, None, maxsplit):
            out.append(string[last:s[0]])
            for g in range(1, groups + 1):
                out.append(None if s[2 * g] < 0 else string[s[2 * g]:s[2 * g + 1]])
            last = s[1]
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        """Return the tuple (new_string, number_of_subs_made)."""
        if count < 0:
            return (string, 0)
        string = _as_text(string)
        all_spans = self._scan(string, 0, None, count)
        if callable(repl):
            func = repl
            template = None
        else:
            func = None
            template = _parse_template(self, repl)
        parts = []
        last = 0
        for s in all_spans:
            parts.append(string[last:s[0]])
            if func is not None:
                r = func(Match(self, string, s, 0, _MAXINT))
                if r is not None:
                    parts.append(r)
            elif len(template) == 1 and not isinstance(template[0], int):
                parts.append(template[0])
            else:
                parts.append(_expand(template, string, s))
            last = s[1]
        parts.append(string[last:])
        return (_join(string, parts), len(all_spans))

    def sub(self, repl, string, count=0):
        """Return the string obtained by replacing the leftmost non-overlapping
        occurrences of pattern in string by the replacement repl."""
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        raise NotImplementedError("Pattern.scanner is not supported by rpy's re")


Pattern.__module__ = "re"
_MAXINT = 1 << 62


def _flags_repr(flags):
    names = []
    for name, value in (("TEMPLATE", 1), ("IGNORECASE", 2), ("LOCALE", 4),
                        ("MULTILINE", 8), ("DOTALL", 16), ("UNICODE", 32),
                        ("VERBOSE", 64), ("DEBUG", 128), ("ASCII", 256)):
        if flags & value:
            names.append("re." + name)
            flags &= ~value
    if flags:
        names.append(hex(flags))
    return "|".join(names)


class _mappingproxy(dict):
    pass


try:
    import types as _types
    _mappingproxy = _types.MappingProxyType
except (ImportError, AttributeError):
    pass


class Match:
    """The result of re.match() and re.search()."""

    __slots__ = ("re", "string", "_text", "_spans", "pos", "endpos")

    def __init__(self, pattern, string, spans, pos, endpos):
        self.re = pattern
        self.string = string
        # Groups of a bytearray or memoryview subject are bytes, as in CPython.
        self._text = _as_text(string)
        self._spans = spans
        n = len(string)
        self.pos = min(max(pos, 0), n)
        self.endpos = min(max(endpos, 0), n)

    def _index(self, g):
        if isinstance(g, (str, bytes)):
            idx = self.re.groupindex.get(g)
            if idx is not None:
                return idx
            raise IndexError("no such group")
        try:
            i = g.__index__()
        except (AttributeError, TypeError):
            raise IndexError("no such group") from None
        if 0 <= i <= self.re.groups:
            return i
        raise IndexError("no such group")

    def _get(self, g, default=None):
        s = self._spans
        i = self._index(g)
        a = s[2 * i]
        if a < 0:
            return default
        return self._text[a:s[2 * i + 1]]

    def group(self, *args):
        """Return one or more subgroups of the match."""
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(args[0])
        return tuple(self._get(g) for g in args)

    def __getitem__(self, g):
        return self._get(g)

    def groups(self, default=None):
        """Return a tuple containing all the subgroups of the match."""
        return tuple(self._get(g, default) for g in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        """Return a dictionary containing all the named subgroups of the match."""
        return {name: self._get(idx, default) for name, idx in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i], self._spans[2 * i + 1])

    @property
    def regs(self):
        s = self._spans
        return tuple((s[2 * i], s[2 * i + 1]) for i in range(self.re.groups + 1))

    @property
    def lastindex(self):
        v = self._spans[-1]
        return None if v < 0 else v

    @property
    def lastgroup(self):
        v = self._spans[-1]
        if v < 0:
            return None
        return self.re._names[v]

    def expand(self, template):
        """Return the string obtained by doing backslash substitution on the template."""
        return _expand(_parse_template(self.re, template), self._text, self._spans)

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group())

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


Match.__module__ = "re"

_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
            "v": "\v", "\\": "\\"}


def _parse_template(pattern, repl):
    """The replacement template as a list of literal strings and group numbers."""
    is_bytes = isinstance(repl, bytes)
    if is_bytes:
        text = repl.decode("latin1")
    elif isinstance(repl, str):
        text = repl
    else:
        raise TypeError("expected str instance, %s found" % type(repl).__name__)
    if "\\" not in text:
        return [repl]
    items = []
    lit = []
    i = 0
    n = len(text)
    groups = pattern.groups

    def flush():
        if lit:
            s = "".join(lit)
            items.append(s.encode("latin1") if is_bytes else s)
            lit.clear()

    while i < n:
        c = text[i]
        if c != "\\":
            lit.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            raise PatternError("bad escape (end of pattern)", repl, start)
        c = text[i]
        i += 1
        if c == "g":
            if i >= n or text[i] != "<":
                raise PatternError("missing <", repl, i)
            close = text.find(">", i + 1)
            if close < 0:
                raise PatternError("missing >, unterminated name", repl, i + 1)
            name = text[i + 1:close]
            if not name:
                raise PatternError("missing group name", repl, i + 1)
            if name.isdecimal() and name.isascii():
                idx = int(name)
                if idx > groups:
                    raise IndexError("invalid group reference %d" % idx)
            elif name.isidentifier():
                idx = pattern.groupindex.get(name)
                if idx is None:
                    raise IndexError("unknown group name '%s'" % name)
            else:
                raise PatternError("bad character in group name '%s'" % name, repl, i + 1)
            i = close + 1
            flush()
            items.append(idx)
        elif c == "0":
            v = 0
            k = 0
            while k < 2 and i < n and text[i] in "01234567":
                v = v * 8 + int(text[i])
                i += 1
                k += 1
            lit.append(chr(v))
        elif c in "123456789":
            if i < n and text[i] in "0123456789":
                if (c in "01234567" and text[i] in "01234567" and i + 1 < n
                        and text[i + 1] in "01234567"):
                    v = int(text[i - 1:i + 2], 8)
                    if v > 0o377:
                        raise PatternError("octal escape value \\%s outside of range 0-0o377"
                                           % text[i - 1:i + 2], repl, start)
                    lit.append(chr(v))
                    i += 2
                    continue
                idx = int(c + text[i])
                i += 1
            else:
                idx = int(c)
            if idx > groups:
                raise PatternError("invalid group reference %d" % idx, repl, start + 1)
            flush()
            items.append(idx)
        elif c in _ESCAPES:
            lit.append(_ESCAPES[c])
        elif c.isascii() and c.isalpha():
            raise PatternError("bad escape \\%s" % c, repl, start)
        else:
            lit.append("\\" + c)
    flush()
    return items


def _join(string, parts):
    """parts joined into a str, or into bytes for a bytes-like subject."""
    if isinstance(string, str):
        return "".join(parts)
    # Through latin-1 text, which maps every byte to one character and back.
    return "".join([p.decode("latin-1") for p in parts]).encode("latin-1")


def _expand(template, string, spans):
    out = []
    for item in template:
        if isinstance(item, int):
            a = spans[2 * item]
            if a >= 0:
                out.append(string[a:spans[2 * item + 1]])
        else:
            out.append(item)
    return _join(string, out)


def _pickle(p):
    return _compile, (p.pattern, p.flags)


try:
    import copyreg as _copyreg
    _copyreg.pickle(Pattern, _pickle, _compile)
except ImportError:
    pass
