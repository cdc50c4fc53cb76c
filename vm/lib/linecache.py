"""Source lines of Python files, read once and kept (the `linecache` module).

A cache entry is `(size, mtime, lines, fullname)`, or a one-tuple `(get_lines,)` for a
lazily loaded module whose loader can give its source. Pseudo-files (`<stdin>`,
`<string>`) have no lines unless the interpreter registered their source.
"""

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

cache = {}
_interactive_cache = {}


def clearcache():
    """Clear the cache entirely."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line `lineno` (1-based, with its newline) of `filename`, or '' when absent."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """All lines of `filename`, loading them into the cache when needed."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def _is_pseudo(filename):
    # `<frozen x>` names still find their source through the module's `__file__`.
    return filename.startswith('<') and filename.endswith('>') \
        and not filename.startswith('<frozen ')


def checkcache(filename=None):
    """Drop the entries whose file changed size or modification time since loading."""
    import os
    names = list(cache) if filename is None else [filename]
    for name in names:
        entry = cache.get(name)
        if entry is None or len(entry) == 1:
            continue
        size, mtime, _lines, fullname = entry
        if mtime is None:
            continue
        try:
            st = os.stat(fullname)
        except (OSError, ValueError):
            cache.pop(name, None)
            continue
        if (size, mtime) != (st.st_size, st.st_mtime):
            cache.pop(name, None)


def _coding_of(data):
    """The source encoding: a BOM, else a PEP 263 cookie on line 1 or 2, else UTF-8."""
    if data.startswith(b'\xef\xbb\xbf'):
        return 'utf-8-sig'
    import re
    for n, line in enumerate(data.split(b'\n', 2)[:2]):
        m = re.match(rb'^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)', line)
        if m:
            name = m.group(1).decode('ascii').lower().replace('_', '-')
            if name == 'utf-8' or name.startswith('utf-8-'):
                return 'utf-8'
            if name in ('latin-1', 'iso-8859-1', 'iso-latin-1') or \
                    name.startswith(('latin-1-', 'iso-8859-1-', 'iso-latin-1-')):
                return 'iso-8859-1'
            return name
        stripped = line.strip()
        if stripped and not stripped.startswith(b'#'):
            break
    return 'utf-8'


def _split_lines(text):
    """`readlines()` of text read with universal newlines."""
    text = text.replace('\r\n', '\n').replace('\r', '\n')
    lines = text.split('\n')
    last = lines.pop()
    out = [line + '\n' for line in lines]
    if last:
        out.append(last)
    return out


def _read_file(fullname):
    with open(fullname, 'rb') as f:
        data = f.read()
    return _split_lines(data.decode(_coding_of(data)))


def _from_loader(entry, filename, module_globals):
    """Lines from a lazy entry or the module's loader: a list, [] when the loader has no
    source, None when there is no loader."""
    lazy = entry if entry is not None and len(entry) == 1 else None
    if lazy is None:
        lazy = _make_lazycache_entry(filename, module_globals)
    if lazy is None:
        return None
    try:
        data = lazy[0]()
    except (ImportError, OSError):
        return None
    if data is None:
        return []
    lines = [line + '\n' for line in data.splitlines()]
    cache[filename] = (len(data), None, lines, filename)
    return lines


def updatecache(filename, module_globals=None):
    """(Re)load the lines of `filename` into the cache and return them ([] on failure)."""
    import os
    import sys
    entry = cache.pop(filename, None)
    if not filename:
        return []
    if _is_pseudo(filename):
        import _rpytraceback
        lines = _rpytraceback.registered_lines(filename)
        return list(lines) if lines else []
    if filename.startswith('<frozen '):
        fullname = module_globals.get('__file__') if module_globals else None
        if fullname is None:
            return []
    else:
        fullname = filename
    try:
        st = os.stat(fullname)
    except ValueError:
        return []
    except OSError:
        lines = _from_loader(entry, filename, module_globals)
        if lines is not None:
            return lines
        if os.path.isabs(filename):
            return []
        # A relative name: look along the module search path.
        for dirname in sys.path:
            try:
                fullname = os.path.join(dirname, filename)
                st = os.stat(fullname)
                break
            except (OSError, ValueError, TypeError, AttributeError):
                pass
        else:
            return []
    try:
        lines = _read_file(fullname)
    except (OSError, UnicodeDecodeError, LookupError, SyntaxError):
        return []
    if not lines:
        lines = ['\n']
    elif not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    cache[filename] = (st.st_size, st.st_mtime, lines, fullname)
    return lines


def lazycache(filename, module_globals):
    """Register `module_globals`' loader to give `filename`'s source when first asked.

    Returns True when a lazy entry is (already) in the cache; an existing full entry is
    left alone and gives False.
    """
    entry = cache.get(filename)
    if entry is not None:
        return len(entry) == 1
    lazy = _make_lazycache_entry(filename, module_globals)
    if lazy is None:
        return False
    cache[filename] = lazy
    return True


def _make_lazycache_entry(filename, module_globals):
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return None
    if not module_globals or '__name__' not in module_globals:
        return None
    spec = module_globals.get('__spec__')
    name = getattr(spec, 'name', None) or module_globals['__name__']
    loader = getattr(spec, 'loader', None)
    if loader is None:
        loader = module_globals.get('__loader__')
    get_source = getattr(loader, 'get_source', None)
    if not (name and get_source):
        return None

    def get_lines(name=name, *args, **kwargs):
        return get_source(name, *args, **kwargs)
    return (get_lines,)
