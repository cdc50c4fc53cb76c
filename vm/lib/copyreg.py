"""Helpers for copy and pickle: the registry of reduction functions and the
constructors that reductions name. rpy's own implementation of CPython's
`copyreg`, plus `_reduce_default`, the protocol-2+ reduction that CPython's
`object.__reduce_ex__` performs (rpy's `object` does not define it)."""

__all__ = ["pickle", "constructor",
           "add_extension", "remove_extension", "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def pickle_complex(c):
    return complex, (c.real, c.imag)


pickle(complex, pickle_complex, complex)


def pickle_union(obj):
    import functools
    import operator
    return functools.reduce, (operator.or_, obj.__args__)


def _reconstructor(cls, base, state):
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    """Used by pickle protocol 4, instead of __newobj__ to allow classes with
    keyword-only arguments to be pickled correctly.
    """
    return cls.__new__(cls, *args, **kwargs)


def _slotnames(cls):
    """The names of the instance slots of `cls` and its bases (private names
    mangled), cached in cls.__slotnames__."""
    names = cls.__dict__.get("__slotnames__")
    if names is not None:
        return names
    names = []
    if hasattr(cls, "__slots__"):
        for c in cls.__mro__:
            if "__slots__" not in c.__dict__:
                continue
            slots = c.__dict__["__slots__"]
            if isinstance(slots, str):
                slots = (slots,)
            for name in slots:
                if name in ("__dict__", "__weakref__"):
                    continue
                if name.startswith('__') and not name.endswith('__'):
                    stripped = c.__name__.lstrip('_')
                    if stripped:
                        name = f'_{stripped}{name}'
                names.append(name)
    try:
        cls.__slotnames__ = names
    except Exception:
        pass
    return names


# Builtin types whose instances (and subclass instances) are rebuilt from a
# plain value of the type: CPython gives them __getnewargs__.
_VALUE_TYPES = (int, float, complex, str, bytes, tuple, frozenset)


def _default_state(obj):
    """The state object.__getstate__() returns: the instance __dict__ (None when
    empty), paired with a dict of the set slots when the class has slots."""
    try:
        d = obj.__dict__
    except AttributeError:
        d = None
    state = d if d else None
    slots = {}
    for name in _slotnames(type(obj)):
        try:
            slots[name] = getattr(obj, name)
        except AttributeError:
            pass
    if slots:
        return (state, slots)
    return state


def _reducible(obj, cls, args):
    """Whether the default reduction can rebuild `obj`: instances of classes
    defined in Python, objects with a __dict__, and the plain-value builtins."""
    if args or hasattr(obj, "__dict__") or isinstance(obj, (list, dict)):
        return True
    return any("__module__" in c.__dict__ for c in cls.__mro__)


def _reduce_default(obj, protocol=4):
    """What object.__reduce_ex__(protocol) returns for `obj` (protocol >= 2)."""
    cls = type(obj)
    if isinstance(obj, set):
        getstate = getattr(obj, "__getstate__", None)
        state = getstate() if getstate is not None else _default_state(obj)
        return cls, (list(obj),), state
    getnewargs_ex = getattr(obj, "__getnewargs_ex__", None)
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex()
    else:
        getnewargs = getattr(obj, "__getnewargs__", None)
        if getnewargs is not None:
            args = getnewargs()
        else:
            for base in cls.__mro__:
                if base in _VALUE_TYPES:
                    args = (base(obj),)
                    break
            else:
                args = ()
        kwargs = None
    getstate = getattr(obj, "__getstate__", None)
    if getstate is not None:
        state = getstate()
    else:
        if not _reducible(obj, cls, args):
            raise TypeError(f"cannot pickle {cls.__name__!r} object")
        state = _default_state(obj)
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    if kwargs:
        return __newobj_ex__, (cls, args, kwargs), state, listitems, dictitems
    return __newobj__, (cls, *args), state, listitems, dictitems


# Extension registry (pickle protocol 2 opcodes): kept for API completeness.
_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def add_extension(module, name, code):
    """Register an extension code."""
    code = int(code)
    if not 1 <= code <= 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if (_extension_registry.get(key) == code and
            _inverted_registry.get(code) == key):
        return
    if key in _extension_registry:
        raise ValueError("key %s is already registered with code %s" %
                         (key, _extension_registry[key]))
    if code in _inverted_registry:
        raise ValueError("code %s is already in use for key %s" %
                         (code, _inverted_registry[code]))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    """Unregister an extension code.  For testing only."""
    key = (module, name)
    if (_extension_registry.get(key) != code or
            _inverted_registry.get(code) != key):
        raise ValueError("key %s is not registered with code %s" %
                         (key, code))
    del _extension_registry[key]
    del _inverted_registry[code]
    if code in _extension_cache:
        del _extension_cache[code]


def clear_extension_cache():
    _extension_cache.clear()
