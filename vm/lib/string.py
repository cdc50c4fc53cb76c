"""String constants, capwords(), Template strings and the Formatter class: rpy's own
implementation of CPython's `string`.

rpy has no `re` module, so Template placeholders are scanned by hand; the default
placeholder syntax (and any `delimiter`) is supported, and a subclass that customizes
the regular expressions (idpattern, braceidpattern, flags, pattern) is refused with
NotImplementedError rather than handled differently from CPython.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.
    """
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


# ---------------------------------------------------------------------- Template

_DEFAULT_IDPATTERN = r'(?a:[_a-z][_a-z0-9]*)'
_IGNORECASE = 2  # re.IGNORECASE
_ID_START = frozenset('_' + ascii_letters)
_ID_CHARS = frozenset('_' + ascii_letters + digits)
_sentinel_dict = {}


class _Placeholder:
    """One match of the placeholder pattern: `kind` is 'escaped', 'named',
    'braced' or 'invalid'; `start`/`end` delimit the matched text."""

    __slots__ = ('kind', 'name', 'start', 'end', 'invalid_at')

    def __init__(self, kind, name, start, end, invalid_at):
        self.kind = kind
        self.name = name
        self.start = start
        self.end = end
        self.invalid_at = invalid_at


def _scan_identifier(text, i):
    """The end of the identifier starting at text[i], or i when there is none."""
    n = len(text)
    if i < n and text[i] in _ID_START:
        i += 1
        while i < n and text[i] in _ID_CHARS:
            i += 1
    return i


def _placeholders(template, delimiter):
    """The placeholders of `template`, left to right (what re.finditer finds with
    CPython's default Template pattern)."""
    n = len(template)
    dlen = len(delimiter)
    i = 0
    while True:
        i = template.find(delimiter, i)
        if i < 0 or not delimiter:
            return
        j = i + dlen
        if template.startswith(delimiter, j):
            yield _Placeholder('escaped', None, i, j + dlen, None)
            i = j + dlen
            continue
        end = _scan_identifier(template, j)
        if end > j:
            yield _Placeholder('named', template[j:end], i, end, None)
            i = end
            continue
        if j < n and template[j] == '{':
            end = _scan_identifier(template, j + 1)
            if end > j + 1 and end < n and template[end] == '}':
                yield _Placeholder('braced', template[j + 1:end], i, end + 1, None)
                i = end + 1
                continue
        yield _Placeholder('invalid', None, i, j, j)
        i = j


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None
    flags = _IGNORECASE

    def __init_subclass__(cls):
        super().__init_subclass__()
        if ('pattern' in cls.__dict__ or cls.idpattern != _DEFAULT_IDPATTERN
                or cls.braceidpattern is not None or cls.flags != _IGNORECASE):
            raise NotImplementedError(
                'string.Template subclasses with custom patterns need the re module, '
                'which rpy does not provide')

    def __init__(self, template):
        self.template = template

    def _invalid(self, placeholder):
        i = placeholder.invalid_at
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _substitute(self, mapping, safe):
        template = self.template
        out = []
        last = 0
        for p in _placeholders(template, self.delimiter):
            out.append(template[last:p.start])
            last = p.end
            if p.kind == 'escaped':
                out.append(self.delimiter)
            elif p.kind == 'invalid':
                if not safe:
                    self._invalid(p)
                out.append(template[p.start:p.end])
            elif safe:
                try:
                    out.append(str(mapping[p.name]))
                except KeyError:
                    out.append(template[p.start:p.end])
            else:
                out.append(str(mapping[p.name]))
        out.append(template[last:])
        return ''.join(out)

    def _mapping(self, mapping, kws):
        if mapping is _sentinel_dict:
            return kws
        if kws:
            from collections import ChainMap
            return ChainMap(kws, mapping)
        return mapping

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._substitute(self._mapping(mapping, kws), False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._substitute(self._mapping(mapping, kws), True)

    def is_valid(self):
        for p in _placeholders(self.template, self.delimiter):
            if p.kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for p in _placeholders(self.template, self.delimiter):
            if p.name is not None and p.name not in ids:
                ids.append(p.name)
        return ids


# --------------------------------------------------------------------- Formatter

def _parse_format(s):
    """Yields (literal_text, field_name, format_spec, conversion) for each piece of a
    format string, with CPython's errors for malformed ones."""
    n = len(s)
    i = 0
    while i < n:
        start = i
        while i < n and s[i] not in '{}':
            i += 1
        literal = s[start:i]
        if i == n:
            yield literal, None, None, None
            return
        brace = s[i]
        if i + 1 < n and s[i + 1] == brace:
            yield literal + brace, None, None, None
            i += 2
            continue
        if brace == '}':
            raise ValueError("Single '}' encountered in format string")
        if i + 1 == n:
            raise ValueError("Single '{' encountered in format string")
        i += 1
        # The field name runs to '!', ':' or '}' outside square brackets.
        name_start = i
        in_brackets = False
        while i < n:
            c = s[i]
            if in_brackets:
                if c == ']':
                    in_brackets = False
            elif c == '[':
                in_brackets = True
            elif c in '!:}':
                break
            i += 1
        if i == n:
            raise ValueError("expected '}' before end of string")
        field_name = s[name_start:i]
        conversion = None
        if s[i] == '!':
            i += 1
            if i == n:
                raise ValueError('end of string while looking for conversion specifier')
            conversion = s[i]
            i += 1
            if i == n:
                raise ValueError("unmatched '{' in format spec")
            if s[i] not in ':}':
                raise ValueError("expected ':' after conversion specifier")
        spec = ''
        if s[i] == ':':
            i += 1
            spec_start = i
            depth = 1
            while i < n:
                c = s[i]
                if c == '{':
                    depth += 1
                elif c == '}':
                    depth -= 1
                    if depth == 0:
                        break
                i += 1
            if i == n:
                raise ValueError("unmatched '{' in format spec")
            spec = s[spec_start:i]
        i += 1  # the closing brace
        yield literal, field_name, spec, conversion


def _split_field_name(field_name):
    """(first, [(is_attribute, key), ...]) for a field name such as 'a.b[0]'."""
    n = len(field_name)
    i = 0
    while i < n and field_name[i] not in '.[':
        i += 1
    first = field_name[:i]
    if first.isdigit() and first.isascii():
        first = int(first)
    rest = []
    while i < n:
        c = field_name[i]
        i += 1
        if c == '.':
            start = i
            while i < n and field_name[i] not in '.[':
                i += 1
            if i == start:
                raise ValueError('Empty attribute in format string')
            rest.append((True, field_name[start:i]))
        elif c == '[':
            start = i
            while i < n and field_name[i] != ']':
                i += 1
            if i == n:
                raise ValueError("Missing ']' in format string")
            key = field_name[start:i]
            if key.isdigit() and key.isascii():
                key = int(key)
            rest.append((False, key))
            i += 1
            if i < n and field_name[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, rest


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            # '{}' and '{.attr}' number the fields automatically.
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from automatic field '
                                     'numbering to manual field specification')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        """(literal_text, field_name, format_spec, conversion) for each piece of
        format_string; field_name is None after trailing literal text."""
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
