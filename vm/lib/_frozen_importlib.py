"""rpy's import-system objects: the module specs the import system attaches to modules
(``__spec__``) and the loaders they name (``__loader__``). The import system itself is
native (vm/src/exec/import.rs); these classes carry CPython's attribute names so code
that inspects a module's spec or loader works."""


class ModuleSpec:
    """Where a module came from and how it was loaded."""

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodules = []
        self._set_fileattr = False
        self._cached = None
        self._initializing = False

    def __repr__(self):
        args = [f"name={self.name!r}", f"loader={self.loader!r}"]
        if self.origin is not None:
            args.append(f"origin={self.origin!r}")
        if self.submodule_search_locations is not None:
            args.append(f"submodule_search_locations={self.submodule_search_locations}")
        return f"{self.__class__.__name__}({', '.join(args)})"

    def __eq__(self, other):
        smsl = self.submodule_search_locations
        try:
            return (
                self.name == other.name
                and self.loader == other.loader
                and self.origin == other.origin
                and smsl == other.submodule_search_locations
                and self.cached == other.cached
                and self.has_location == other.has_location
            )
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        # rpy writes no bytecode cache (sys.implementation.cache_tag is None).
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        if self.submodule_search_locations is None:
            return self.name.rpartition(".")[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


class BuiltinImporter:
    """The loader of modules implemented in Rust inside rpy."""

    _ORIGIN = "built-in"

    @classmethod
    def is_package(cls, fullname):
        return False

    @classmethod
    def get_source(cls, fullname):
        return None


class FrozenImporter:
    """The loader of the Python modules embedded in the rpy binary."""

    _ORIGIN = "frozen"

    @classmethod
    def is_package(cls, fullname):
        spec = _spec_of(fullname)
        return spec is not None and spec.submodule_search_locations is not None


class SourceFileLoader:
    """The loader of a module read from a ``.py`` file."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def get_filename(self, name=None):
        return self.path

    def is_package(self, fullname):
        filename = self.path.rpartition("/")[2]
        return filename.rpartition(".")[0] == "__init__"

    def get_data(self, path):
        with open(path, "rb") as f:
            return f.read()

    def get_source(self, fullname):
        return self.get_data(self.path).decode("utf-8")


class NamespaceLoader:
    """The loader of an implicit namespace package (a directory without __init__.py)."""

    def __init__(self, name, path):
        self._path = path

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ""


class _NamespacePath:
    """A namespace package's ``__path__``: its portions' directories."""

    def __init__(self, name, path):
        self._name = name
        self._path = list(path)

    def __iter__(self):
        return iter(self._path)

    def __getitem__(self, index):
        return self._path[index]

    def __setitem__(self, index, path):
        self._path[index] = path

    def __len__(self):
        return len(self._path)

    def __contains__(self, item):
        return item in self._path

    def __repr__(self):
        return f"_NamespacePath({self._path!r})"

    def append(self, item):
        self._path.append(item)


def _spec_of(fullname):
    import sys

    module = sys.modules.get(fullname)
    return getattr(module, "__spec__", None)
