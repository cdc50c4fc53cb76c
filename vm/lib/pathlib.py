"""Object-oriented filesystem paths (rpy's own pathlib, POSIX flavour).

PurePath/PurePosixPath do path arithmetic without touching the filesystem; Path/PosixPath
add the filesystem operations real programs use (stat, exists/is_file/is_dir, open,
read_*/write_*, iterdir, glob/rglob, mkdir, unlink, rename, resolve, ...). Windows paths
are not supported: PureWindowsPath and WindowsPath raise on use.
"""

import os
import re

__all__ = ["PurePath", "PurePosixPath", "PureWindowsPath", "Path", "PosixPath",
           "WindowsPath", "UnsupportedOperation"]


class UnsupportedOperation(NotImplementedError):
    """An exception that is raised when an unsupported operation is attempted."""


def _split_root(path):
    """(root, rest) of a POSIX path string: root is '', '/' or '//'."""
    if not path.startswith("/"):
        return "", path
    if path.startswith("//") and not path.startswith("///"):
        return "//", path[2:]
    return "/", path.lstrip("/")


class PurePath:
    """Base class for manipulating paths without I/O."""

    __slots__ = ("_root", "_tail", "_str", "_hash")

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return object.__new__(cls)

    def __init__(self, *args):
        segments = []
        for a in args:
            if isinstance(a, PurePath):
                segments.append(str(a))
                continue
            try:
                s = os.fspath(a)
            except TypeError:
                raise TypeError("argument should be a str or an os.PathLike object "
                                "where __fspath__ returns a str, not %r"
                                % type(a).__name__) from None
            if not isinstance(s, str):
                raise TypeError("argument should be a str or an os.PathLike object "
                                "where __fspath__ returns a str, not %r"
                                % type(s).__name__)
            segments.append(s)
        root = ""
        tail = []
        for s in segments:
            r, rest = _split_root(s)
            if r:
                root = r
                tail = []
            tail.extend(p for p in rest.split("/") if p and p != ".")
        self._root = root
        self._tail = tail
        self._str = None
        self._hash = None

    def with_segments(self, *pathsegments):
        """Construct a new path object from any number of path-like objects."""
        return type(self)(*pathsegments)

    def _from_parts(self, root, tail):
        p = object.__new__(type(self))
        p._root = root
        p._tail = tail
        p._str = None
        p._hash = None
        return p

    def __str__(self):
        if self._str is None:
            s = self._root + "/".join(self._tail)
            self._str = s or "."
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        """Return the string representation of the path with forward (/) slashes."""
        return str(self)

    def __bytes__(self):
        return os.fsencode(str(self))

    def __repr__(self):
        return "%s(%r)" % (self.__class__.__name__, self.as_posix())

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative paths can't be expressed as file URIs")
        return "file://" + str(self)

    def __hash__(self):
        if self._hash is None:
            self._hash = hash(str(self))
        return self._hash

    def _key(self):
        return (self._root, self._tail)

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return str(self) == str(other)

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() >= other._key()

    @property
    def drive(self):
        return ""

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def parts(self):
        if self._root:
            return (self._root,) + tuple(self._tail)
        return tuple(self._tail)

    @property
    def name(self):
        return self._tail[-1] if self._tail else ""

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    def with_name(self, name):
        """Return a new path with the file name changed."""
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        if not name or "/" in name or name == ".":
            raise ValueError("Invalid name %r" % (name,))
        return self._from_parts(self._root, self._tail[:-1] + [name])

    def with_stem(self, stem):
        """Return a new path with the stem changed."""
        suffix = self.suffix
        if not suffix:
            return self.with_name(stem)
        if not stem:
            raise ValueError("%r has a non-empty suffix" % (self,))
        return self.with_name(stem + suffix)

    def with_suffix(self, suffix):
        """Return a new path with the file suffix changed."""
        if suffix and (not suffix.startswith(".") or suffix == "." or "/" in suffix):
            raise ValueError("Invalid suffix %r" % (suffix,))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        return self.with_name(self.stem + suffix)

    def relative_to(self, other, *, walk_up=False):
        """Return the relative path to another path."""
        other = self.with_segments(other)
        if self._root != other._root:
            raise ValueError("%r and %r have different anchors" % (str(self), str(other)))
        n = len(other._tail)
        if self._tail[:n] == other._tail:
            return self._from_parts("", self._tail[n:])
        if not walk_up:
            raise ValueError("%r is not in the subpath of %r" % (str(self), str(other)))
        common = 0
        while (common < n and common < len(self._tail)
               and self._tail[common] == other._tail[common]):
            common += 1
        if ".." in other._tail[common:]:
            raise ValueError("'..' segment in %r cannot be walked" % (str(other),))
        return self._from_parts("", [".."] * (n - common) + self._tail[common:])

    def is_relative_to(self, other):
        """Return True if the path is relative to another path or False."""
        other = self.with_segments(other)
        n = len(other._tail)
        return self._root == other._root and self._tail[:n] == other._tail

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def joinpath(self, *pathsegments):
        """Combine this path with one or several arguments."""
        return self.with_segments(self, *pathsegments)

    def __truediv__(self, key):
        try:
            return self.with_segments(self, key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self.with_segments(key, self)
        except TypeError:
            return NotImplemented

    @property
    def parent(self):
        """The logical parent of the path."""
        if not self._tail:
            return self
        return self._from_parts(self._root, self._tail[:-1])

    @property
    def parents(self):
        """A sequence of this path's logical parents."""
        return tuple(self._from_parts(self._root, self._tail[:i])
                     for i in range(len(self._tail) - 1, -1, -1))

    def full_match(self, pattern, *, case_sensitive=None):
        """Return True if this path matches the given glob-style pattern."""
        pat = self.with_segments(pattern)
        regex = _glob_regex(str(pat), case_sensitive)
        return re.fullmatch(regex, str(self)) is not None

    def match(self, path_pattern, *, case_sensitive=None):
        """Return True if this path matches the given pattern (from the right)."""
        pat = self.with_segments(path_pattern)
        if not pat.parts:
            raise ValueError("empty pattern")
        parts = list(self.parts)
        pparts = list(pat.parts)
        if pat._root and len(pparts) != len(parts):
            return False
        if len(pparts) > len(parts):
            return False
        for part, pp in zip(reversed(parts), reversed(pparts)):
            if re.fullmatch(_component_regex(pp), part,
                            0 if case_sensitive is not False else re.I) is None:
                return False
        return True


class PurePosixPath(PurePath):
    """PurePath subclass for non-Windows systems."""

    __slots__ = ()


class PureWindowsPath(PurePath):
    """Windows paths are not supported by rpy's pathlib."""

    __slots__ = ()

    def __init__(self, *args):
        raise UnsupportedOperation("rpy's pathlib does not support Windows paths")


def _component_regex(pattern):
    """A regex for one glob path component (*, ?, [...])."""
    out = []
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        i += 1
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = i
            if j < n and pattern[j] in "!^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 1
            if j >= n:
                out.append("\\[")
            else:
                body = pattern[i:j].replace("\\", "\\\\")
                if body[:1] == "!":
                    body = "^" + body[1:]
                out.append("[" + body + "]")
                i = j + 1
        else:
            out.append(re.escape(c))
    return "".join(out)


def _glob_regex(pattern, case_sensitive):
    parts = []
    for comp in pattern.split("/"):
        if comp == "**":
            parts.append("(?:.*)")
        else:
            parts.append(_component_regex(comp))
    regex = "/".join(parts).replace("(?:.*)/", "(?:.*/)?")
    if case_sensitive is False:
        regex = "(?i)" + regex
    return regex


class Path(PurePath):
    """PurePath subclass that can make system calls."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return object.__new__(cls)

    @classmethod
    def cwd(cls):
        """Return a new path pointing to the current working directory."""
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        """Return a new path pointing to expanduser('~')."""
        return cls(os.path.expanduser("~"))

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            return os.stat(self)
        return os.lstat(self)

    def lstat(self):
        return os.lstat(self)

    def exists(self, *, follow_symlinks=True):
        if follow_symlinks:
            return os.path.exists(self)
        return os.path.lexists(self)

    def is_dir(self, *, follow_symlinks=True):
        return os.path.isdir(self)

    def is_file(self, *, follow_symlinks=True):
        return os.path.isfile(self)

    def is_symlink(self):
        return os.path.islink(self)

    def is_mount(self):
        return os.path.ismount(self)

    def samefile(self, other_path):
        return os.path.samefile(self, other_path)

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        """Open the file pointed to by this path and return a file object."""
        if "b" not in mode and encoding is None:
            encoding = "utf-8"
        return open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open(mode="rb") as f:
            return f.read()

    def read_text(self, encoding=None, errors=None, newline=None):
        with self.open(mode="r", encoding=encoding, errors=errors, newline=newline) as f:
            return f.read()

    def write_bytes(self, data):
        with self.open(mode="wb") as f:
            return f.write(data)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError("data must be str, not %s" % data.__class__.__name__)
        with self.open(mode="w", encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def iterdir(self):
        """Yield path objects of the directory contents."""
        for name in os.listdir(self):
            yield self._from_parts(self._root, self._tail + [name])

    def glob(self, pattern, *, case_sensitive=None, recurse_symlinks=False):
        """Iterate over this subtree and yield all existing files matching the pattern."""
        pat = str(pattern) if isinstance(pattern, PurePath) else pattern
        if not pat:
            raise ValueError("Unacceptable pattern: %r" % (pattern,))
        if pat.startswith("/"):
            raise NotImplementedError("Non-relative patterns are unsupported")
        comps = [c for c in pat.split("/") if c and c != "."]
        yield from self._glob(comps, case_sensitive)

    def rglob(self, pattern, *, case_sensitive=None, recurse_symlinks=False):
        """Recursively yield all existing files matching the pattern."""
        return self.glob("**/" + str(pattern), case_sensitive=case_sensitive)

    def _glob(self, comps, case_sensitive):
        if not comps:
            yield self
            return
        first, rest = comps[0], comps[1:]
        flags = re.I if case_sensitive is False else 0
        if first == "**":
            for d in self._walk_dirs():
                if rest:
                    yield from d._glob(rest, case_sensitive)
                else:
                    yield d
            return
        if first == "..":
            yield from self.joinpath("..")._glob(rest, case_sensitive)
            return
        if not any(c in first for c in "*?["):
            child = self.joinpath(first)
            if rest:
                if child.is_dir():
                    yield from child._glob(rest, case_sensitive)
            elif child.exists():
                yield child
            return
        regex = re.compile(_component_regex(first), flags)
        try:
            names = sorted(os.listdir(self))
        except OSError:
            return
        for name in names:
            if name.startswith(".") and not first.startswith("."):
                continue
            if regex.fullmatch(name):
                child = self.joinpath(name)
                if rest:
                    if child.is_dir():
                        yield from child._glob(rest, case_sensitive)
                else:
                    yield child

    def _walk_dirs(self):
        stack = [self]
        while stack:
            d = stack.pop()
            yield d
            try:
                names = sorted(os.listdir(d), reverse=True)
            except OSError:
                continue
            for name in names:
                child = d.joinpath(name)
                if not name.startswith(".") and child.is_dir() and not child.is_symlink():
                    stack.append(child)

    def absolute(self):
        """Return an absolute version of this path."""
        if self.is_absolute():
            return self
        return self.with_segments(os.getcwd(), self)

    def resolve(self, strict=False):
        """Make the path absolute, resolving symlinks and normalizing '..'."""
        if strict and not self.exists():
            os.stat(self)
        return self.with_segments(os.path.realpath(self))

    def expanduser(self):
        """Return a new path with expanded ~ and ~user constructs."""
        if self._tail and self._tail[0].startswith("~") and not self._root:
            home = os.path.expanduser(self._tail[0])
            if home.startswith("~"):
                raise RuntimeError("Could not determine home directory.")
            return self.with_segments(home, *self._tail[1:])
        return self

    def readlink(self):
        return self.with_segments(os.readlink(self))

    def touch(self, mode=0o666, exist_ok=True):
        """Create this file with the given access mode, if it doesn't exist."""
        if self.exists():
            if not exist_ok:
                raise FileExistsError(17, "File exists", str(self))
            return
        fd = os.open(self, os.O_CREAT | os.O_WRONLY, mode)
        os.close(fd)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        """Create a new directory at this given path."""
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(self, mode)

    def unlink(self, missing_ok=False):
        """Remove this file or link."""
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self)

    def rename(self, target):
        os.rename(self, target)
        return self.with_segments(target)

    def replace(self, target):
        os.replace(self, target)
        return self.with_segments(target)

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(target, self)

    def hardlink_to(self, target):
        os.link(target, self)


class PosixPath(Path, PurePosixPath):
    """Path subclass for non-Windows systems."""

    __slots__ = ()


class WindowsPath(Path, PureWindowsPath):
    """Windows paths are not supported by rpy's pathlib."""

    __slots__ = ()
