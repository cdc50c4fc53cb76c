"""Check mode: run each benchmarked function once and record what it computed.

The pyperformance harness (``pyperformance/launch.py --check``) switches this on before it
runs a workload. While a recorder is active, ``Runner.bench_func``/``bench_async_func`` call
the function once and record a canonical form of its return value, ``bench_time_func`` calls
the time function with ``loops=1``, and nothing is timed, printed or written. The harness
compares the recording of rpy with the one of CPython 3.14, so the workloads need no edits.

Canonical values are JSON-ready and independent of object identity: floats stay floats
(non-finite ones become tagged strings), tuples, sets, bytes, arrays and ranges are tagged,
objects with their own ``__repr__`` are recorded by it, other objects by their attributes,
and long sequences by their length, first items and an FNV-1a digest of their contents.
"""

from . import _json

_recorder = None

# Sequences and strings longer than these are summarized rather than stored in full.
MAX_ITEMS = 256
MAX_STR = 4096
MAX_DEPTH = 40

_FNV_OFFSET = 0xCBF29CE484222325
_FNV_PRIME = 0x100000001B3
_MASK64 = 0xFFFFFFFFFFFFFFFF


def fnv1a64(data):
    """64-bit FNV-1a digest of bytes (or of text, encoded as UTF-8), as 16 hex digits."""
    if isinstance(data, str):
        data = data.encode('utf-8', 'surrogatepass')
    digest = _FNV_OFFSET
    for byte in data:
        digest = ((digest ^ byte) * _FNV_PRIME) & _MASK64
    return '%016x' % digest


class Recorder:
    def __init__(self):
        self.returns = []
        self.names = set()

    def record(self, name, value):
        if name in self.names:
            raise ValueError('duplicated benchmark name: %r' % name)
        self.names.add(name)
        self.returns.append([name, canonical(value)])


def start():
    """Activate check mode for this process; returns the recorder."""
    global _recorder
    _recorder = Recorder()
    return _recorder


def active():
    return _recorder


def _summarize(items, tag):
    encoded = _json.dumps(items, sort_keys=True, separators=(',', ':'))
    return {tag: len(items), 'head': items[:8], 'fnv1a64': fnv1a64(encoded)}


# Total number of nodes one canonical() call may describe; object graphs that share or
# revisit nodes would otherwise blow up exponentially.
MAX_NODES = 200000


class _Walk:
    def __init__(self):
        self.nodes = 0
        self.path = set()


def _sequence(value, depth, walk):
    items = [_canon(item, depth + 1, walk) for item in value]
    if len(items) > MAX_ITEMS:
        return _summarize(items, 'length')
    return items


def canonical(value):
    """A JSON-ready description of ``value`` that is equal across correct interpreters."""
    return _canon(value, 0, _Walk())


def _canon(value, depth, walk):
    walk.nodes += 1
    if depth > MAX_DEPTH or walk.nodes > MAX_NODES:
        return {'truncated': type(value).__name__}
    if value is None or value is True or value is False:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if value != value or value in (float('inf'), -float('inf')):
            return {'float': repr(value)}
        return float(value)
    if isinstance(value, str):
        if len(value) <= MAX_STR:
            return str(value)
        return {'str_length': len(value), 'head': value[:64], 'fnv1a64': fnv1a64(value)}
    if isinstance(value, (bytes, bytearray)):
        if len(value) <= 64:
            return {'bytes': list(value)}
        return {'bytes_length': len(value), 'fnv1a64': fnv1a64(bytes(value))}
    if isinstance(value, range):
        return {'range': [value.start, value.stop, value.step]}
    if id(value) in walk.path:
        return {'cycle': type(value).__name__}
    walk.path.add(id(value))
    try:
        return _container(value, depth, walk)
    finally:
        walk.path.discard(id(value))


def _container(value, depth, walk):
    if isinstance(value, list):
        return _sequence(value, depth, walk)
    if isinstance(value, tuple):
        return {'tuple': _sequence(value, depth, walk)}
    if isinstance(value, dict):
        return {'dict': _sequence([[k, value[k]] for k in value], depth, walk)}
    if isinstance(value, (set, frozenset)):
        items = [_canon(item, depth + 1, walk) for item in value]
        items.sort(key=lambda item: _json.dumps(item, sort_keys=True))
        return {'set': items if len(items) <= MAX_ITEMS else _summarize(items, 'length')}
    kind = type(value)
    typecode = getattr(value, 'typecode', None)
    if kind.__name__ == 'array' and isinstance(typecode, str):
        return {'array': typecode, 'items': _sequence(list(value), depth, walk)}
    if kind.__repr__ is not object.__repr__:
        return {'type': kind.__name__, 'repr': repr(value)}
    names = list(getattr(value, '__dict__', {}))
    for klass in kind.__mro__:
        slots = klass.__dict__.get('__slots__', ())
        names.extend((slots,) if isinstance(slots, str) else slots)
    attrs = {}
    for name in names:
        if name not in attrs and not name.startswith('__') and hasattr(value, name):
            attrs[name] = _canon(getattr(value, name), depth + 1, walk)
    return {'type': kind.__name__, 'attrs': attrs}
