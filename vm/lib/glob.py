"""Filename globbing utility (rpy's own glob module).

glob/iglob expand shell wildcards (*, ?, [seq], and ** with recursive=True) against the file
system, one path segment at a time; escape quotes the wildcard characters; translate turns a
whole path pattern into a regular expression.
"""

import fnmatch
import itertools
import os
import re
import stat
import sys

__all__ = ["glob", "iglob", "escape", "translate"]


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
         include_hidden=False):
    """Return a list of paths matching a `pathname` pattern.

    The pattern may contain simple shell-style wildcards a la
    fnmatch. Unlike fnmatch, filenames starting with a
    dot are special cases that are not matched by '*' and '?'
    patterns by default.

    The order of the returned list is undefined. Sort it if you need a
    particular order.

    If `root_dir` is not None, it should be a path-like object specifying
    the root directory for searching.  It has the same effect as changing
    the current directory before calling it (without actually changing it).
    If pathname is relative, the result will contain paths relative to
    `root_dir`.

    If `dir_fd` is not None, it should be a file descriptor referring to a
    directory, and paths will then be relative to that directory.

    If `include_hidden` is true, wildcards can match path segments beginning
    with a dot ('.').

    If `recursive` is true, the pattern '**' will match any files and
    zero or more directories and subdirectories.
    """
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive,
                      include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
          include_hidden=False):
    """Return an iterator which yields the paths matching a `pathname` pattern.

    The arguments and the matching rules are those of glob(); the paths come one at a
    time, as the directories are read.
    """
    sys.audit("glob.glob", pathname, recursive)
    sys.audit("glob.glob/2", pathname, recursive, root_dir, dir_fd)
    root = _Root(os.fspath(root_dir) if root_dir is not None else pathname[:0], dir_fd)
    it = _iglob(pathname, root, recursive, False, include_hidden)
    # An empty pattern, or a leading '**' segment, makes the walk yield the empty path
    # (the root itself) first: that is not a result.
    if not pathname or recursive and _isrecursive(pathname[:2]):
        first = next(it, None)
        if first:
            it = itertools.chain((first,), it)
    return it


class _Root:
    """Where relative paths are looked up: a directory path (possibly empty, meaning the
    current directory) and optionally a directory file descriptor it is relative to."""

    __slots__ = ("dir", "fd")

    def __init__(self, dir, fd):
        self.dir = dir
        self.fd = fd

    def path(self, relative):
        return _join(self.dir, relative)

    def _full(self, path):
        # rpy's os functions have no *at() variants yet; a descriptor is reached through
        # Linux's /proc/self/fd links, which resolve relative paths the same way.
        if self.fd is None or os.path.isabs(path):
            return path
        base = f"/proc/self/fd/{self.fd}"
        if isinstance(path, bytes):
            base = os.fsencode(base)
        return os.path.join(base, path) if path else base

    def lexists(self, path):
        try:
            os.lstat(self._full(path))
        except (OSError, ValueError):
            return False
        return True

    def isdir(self, path):
        try:
            st = os.stat(self._full(path))
        except (OSError, ValueError):
            return False
        return stat.S_ISDIR(st.st_mode)

    def names(self, dirname, dironly):
        """The entry names of directory dirname (only subdirectories if dironly); none if
        it cannot be read."""
        if dirname:
            arg = self._full(dirname)
        elif self.fd is not None:
            arg = self._full(dirname)
        else:
            arg = os.curdir if isinstance(dirname, str) else os.curdir.encode("ASCII")
        names = []
        try:
            with os.scandir(arg) as it:
                for entry in it:
                    try:
                        if not dironly or entry.is_dir():
                            names.append(entry.name)
                    except OSError:
                        pass
        except OSError:
            return []
        if isinstance(dirname, bytes) and names and isinstance(names[0], str):
            names = [os.fsencode(n) for n in names]
        return names


def _iglob(pathname, root, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        # A literal path: it matches itself if it exists (a trailing slash asks for a
        # directory).
        if basename:
            if root.lexists(root.path(pathname)):
                yield pathname
        elif root.isdir(root.path(dirname)):
            yield pathname
        return
    if not dirname:
        yield from _glob_in(root, root.dir, basename, recursive, dironly, include_hidden)
        return
    # os.path.split returns a drive or UNC root unchanged as its dirname: recursing on it
    # would never end.
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    for d in dirs:
        for name in _glob_in(root, root.path(d), basename, recursive, dironly,
                             include_hidden):
            yield os.path.join(d, name)


def _glob_in(root, dirname, pattern, recursive, dironly, include_hidden):
    """The names in directory dirname matching one pattern segment."""
    if not has_magic(pattern):
        return _literal(root, dirname, pattern)
    if recursive and _isrecursive(pattern):
        return _recursive(root, dirname, pattern, dironly, include_hidden)
    return _wildcard(root, dirname, pattern, dironly, include_hidden)


def _wildcard(root, dirname, pattern, dironly, include_hidden):
    names = root.names(dirname, dironly)
    # Hidden names only match patterns that themselves start with a dot.
    if not (include_hidden or _ishidden(pattern)):
        names = [x for x in names if not _ishidden(x)]
    return fnmatch.filter(names, pattern)


def _literal(root, dirname, basename):
    if basename:
        if root.lexists(_join(dirname, basename)):
            return [basename]
    elif root.isdir(dirname):
        # An empty basename comes from a pattern ending in a separator: directories only.
        return [basename]
    return []


def _recursive(root, dirname, pattern, dironly, include_hidden):
    if not dirname or root.isdir(dirname):
        yield pattern[:0]
    yield from _walk(root, dirname, dironly, include_hidden)


def _walk(root, dirname, dironly, include_hidden):
    """Relative paths of everything below dirname, depth first, parents before children."""
    for name in root.names(dirname, dironly):
        if include_hidden or not _ishidden(name):
            yield name
            sub = _join(dirname, name) if dirname else name
            for below in _walk(root, sub, dironly, include_hidden):
                yield _join(name, below)


_deprecated_function_message = (
    "{name} is deprecated and will be removed in Python {remove}. Use "
    "glob.glob and pass a directory to its root_dir argument instead."
)


def glob0(dirname, pattern):
    import warnings
    warnings._deprecated("glob.glob0", _deprecated_function_message, remove=(3, 15))
    return _literal(_Root(dirname[:0], None), dirname, pattern)


def glob1(dirname, pattern):
    import warnings
    warnings._deprecated("glob.glob1", _deprecated_function_message, remove=(3, 15))
    return _wildcard(_Root(dirname[:0], None), dirname, pattern, False, False)


def _join(dirname, basename):
    if not dirname or not basename:
        return dirname or basename
    return os.path.join(dirname, basename)


magic_check = re.compile("([*?[])")
magic_check_bytes = re.compile(b"([*?[])")


def has_magic(s):
    check = magic_check_bytes if isinstance(s, bytes) else magic_check
    return check.search(s) is not None


def _ishidden(path):
    return path[0] in (".", b"."[0])


def _isrecursive(pattern):
    return pattern == (b"**" if isinstance(pattern, bytes) else "**")


def escape(pathname):
    """Escape all special characters.
    """
    # Each of *?[ is wrapped in brackets; the drive part is never a pattern, so it is kept.
    drive, pathname = os.path.splitdrive(pathname)
    if isinstance(pathname, bytes):
        return drive + magic_check_bytes.sub(rb"[\1]", pathname)
    return drive + magic_check.sub(r"[\1]", pathname)


def translate(pat, *, recursive=False, include_hidden=False, seps=None):
    """Translate a pathname with shell wildcards to a regular expression.

    If `recursive` is true, the pattern segment '**' will match any number
    of path segments.

    If `include_hidden` is true, wildcards can match path segments beginning
    with a dot ('.').

    If a sequence of separator characters is given to `seps`, they will be
    used to split the pattern into segments and match path separators.  If
    not given, os.path.sep and os.path.altsep (where available) are used.
    """
    if not seps:
        seps = (os.path.sep, os.path.altsep) if os.path.altsep else os.path.sep
    escaped = "".join(map(re.escape, seps))
    any_sep = f"[{escaped}]" if len(seps) > 1 else escaped
    not_sep = f"[^{escaped}]"
    if include_hidden:
        last_segment = f"{not_sep}+"
        segment = f"{last_segment}{any_sep}"
        any_segments = f"(?:.+{any_sep})?"
        any_last_segments = ".*"
    else:
        last_segment = f"[^{escaped}.]{not_sep}*"
        segment = f"{last_segment}{any_sep}"
        any_segments = f"(?:{segment})*"
        any_last_segments = f"{any_segments}(?:{last_segment})?"

    out = []
    parts = re.split(any_sep, pat)
    last = len(parts) - 1
    for idx, part in enumerate(parts):
        if part == "*":
            out.append(segment if idx < last else last_segment)
        elif recursive and part == "**":
            # Consecutive '**' segments mean the same as one.
            if idx == last:
                out.append(any_last_segments)
            elif parts[idx + 1] != "**":
                out.append(any_segments)
        else:
            if part:
                if not include_hidden and part[0] in "*?":
                    out.append(r"(?!\.)")
                out.extend(fnmatch._translate(part, f"{not_sep}*", not_sep)[0])
            if idx < last:
                out.append(any_sep)
    return rf'(?s:{"".join(out)})\z'
