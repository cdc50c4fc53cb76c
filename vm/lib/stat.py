"""Constants/functions for interpreting results of os.stat() and os.lstat() (rpy's own stat
module).

The file type and permission bits of st_mode (Linux values), the S_IS* tests, S_IMODE,
S_IFMT and filemode, the indices into a stat tuple, the BSD/macOS st_flags bits and the
Windows file attributes CPython's module also defines on every platform.
"""

import operator as _operator

# Indices into the tuple os.stat() returns.
ST_MODE = 0
ST_INO = 1
ST_DEV = 2
ST_NLINK = 3
ST_UID = 4
ST_GID = 5
ST_SIZE = 6
ST_ATIME = 7
ST_MTIME = 8
ST_CTIME = 9

# File types (the S_IFMT bits of st_mode).
S_IFDIR = 0o040000
S_IFCHR = 0o020000
S_IFBLK = 0o060000
S_IFREG = 0o100000
S_IFIFO = 0o010000
S_IFLNK = 0o120000
S_IFSOCK = 0o140000
# Solaris doors and event ports and BSD whiteouts do not exist on Linux.
S_IFDOOR = 0
S_IFPORT = 0
S_IFWHT = 0

# Permission and mode bits.
S_ISUID = 0o4000
S_ISGID = 0o2000
S_ENFMT = S_ISGID
S_ISVTX = 0o1000
S_IREAD = 0o0400
S_IWRITE = 0o0200
S_IEXEC = 0o0100
S_IRWXU = 0o0700
S_IRUSR = 0o0400
S_IWUSR = 0o0200
S_IXUSR = 0o0100
S_IRWXG = 0o0070
S_IRGRP = 0o0040
S_IWGRP = 0o0020
S_IXGRP = 0o0010
S_IRWXO = 0o0007
S_IROTH = 0o0004
S_IWOTH = 0o0002
S_IXOTH = 0o0001

# st_flags bits (BSD and macOS).
UF_SETTABLE = 0x0000ffff
UF_NODUMP = 0x00000001
UF_IMMUTABLE = 0x00000002
UF_APPEND = 0x00000004
UF_OPAQUE = 0x00000008
UF_NOUNLINK = 0x00000010
UF_COMPRESSED = 0x00000020
UF_TRACKED = 0x00000040
UF_DATAVAULT = 0x00000080
UF_HIDDEN = 0x00008000
SF_SETTABLE = 0xffff0000
SF_ARCHIVED = 0x00010000
SF_IMMUTABLE = 0x00020000
SF_APPEND = 0x00040000
SF_RESTRICTED = 0x00080000
SF_NOUNLINK = 0x00100000
SF_SNAPSHOT = 0x00200000
SF_FIRMLINK = 0x00800000
SF_DATALESS = 0x40000000

# Windows file attributes (st_file_attributes).
FILE_ATTRIBUTE_ARCHIVE = 32
FILE_ATTRIBUTE_COMPRESSED = 2048
FILE_ATTRIBUTE_DEVICE = 64
FILE_ATTRIBUTE_DIRECTORY = 16
FILE_ATTRIBUTE_ENCRYPTED = 16384
FILE_ATTRIBUTE_HIDDEN = 2
FILE_ATTRIBUTE_INTEGRITY_STREAM = 32768
FILE_ATTRIBUTE_NORMAL = 128
FILE_ATTRIBUTE_NOT_CONTENT_INDEXED = 8192
FILE_ATTRIBUTE_NO_SCRUB_DATA = 131072
FILE_ATTRIBUTE_OFFLINE = 4096
FILE_ATTRIBUTE_READONLY = 1
FILE_ATTRIBUTE_REPARSE_POINT = 1024
FILE_ATTRIBUTE_SPARSE_FILE = 512
FILE_ATTRIBUTE_SYSTEM = 4
FILE_ATTRIBUTE_TEMPORARY = 256
FILE_ATTRIBUTE_VIRTUAL = 65536


def _mode(mode):
    """mode as the C mode_t CPython's _stat converts it to (an unsigned 32-bit int)."""
    mode = _operator.index(mode)
    if mode < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if mode > 0xFFFFFFFF:
        raise OverflowError("mode out of range")
    return mode


def S_IMODE(mode):
    """Return the portion of the file's mode that can be set by os.chmod()."""
    return _mode(mode) & 0o7777


def S_IFMT(mode):
    """Return the portion of the file's mode that describes the file type."""
    return _mode(mode) & 0o170000


def S_ISDIR(mode):
    """S_ISDIR(mode) -> bool

Return True if mode is from a directory."""
    return S_IFMT(mode) == S_IFDIR


def S_ISCHR(mode):
    """S_ISCHR(mode) -> bool

Return True if mode is from a character special device file."""
    return S_IFMT(mode) == S_IFCHR


def S_ISBLK(mode):
    """S_ISBLK(mode) -> bool

Return True if mode is from a block special device file."""
    return S_IFMT(mode) == S_IFBLK


def S_ISREG(mode):
    """S_ISREG(mode) -> bool

Return True if mode is from a regular file."""
    return S_IFMT(mode) == S_IFREG


def S_ISFIFO(mode):
    """S_ISFIFO(mode) -> bool

Return True if mode is from a FIFO (named pipe)."""
    return S_IFMT(mode) == S_IFIFO


def S_ISLNK(mode):
    """S_ISLNK(mode) -> bool

Return True if mode is from a symbolic link."""
    return S_IFMT(mode) == S_IFLNK


def S_ISSOCK(mode):
    """S_ISSOCK(mode) -> bool

Return True if mode is from a socket."""
    return S_IFMT(mode) == S_IFSOCK


def S_ISDOOR(mode):
    """S_ISDOOR(mode) -> bool

Return True if mode is from a door."""
    _mode(mode)
    return False


def S_ISPORT(mode):
    """S_ISPORT(mode) -> bool

Return True if mode is from an event port."""
    _mode(mode)
    return False


def S_ISWHT(mode):
    """S_ISWHT(mode) -> bool

Return True if mode is from a whiteout."""
    _mode(mode)
    return False


# For filemode: per position, the (bits, character) choices, first match wins.
_filemode_table = (
    ((S_IFLNK, "l"),
     (S_IFSOCK, "s"),  # must come before S_IFREG: its bits include S_IFREG's
     (S_IFREG, "-"),
     (S_IFBLK, "b"),  # likewise before S_IFDIR
     (S_IFDIR, "d"),
     (S_IFCHR, "c"),
     (S_IFIFO, "p")),
    ((S_IRUSR, "r"),),
    ((S_IWUSR, "w"),),
    ((S_IXUSR | S_ISUID, "s"),
     (S_ISUID, "S"),
     (S_IXUSR, "x")),
    ((S_IRGRP, "r"),),
    ((S_IWGRP, "w"),),
    ((S_IXGRP | S_ISGID, "s"),
     (S_ISGID, "S"),
     (S_IXGRP, "x")),
    ((S_IROTH, "r"),),
    ((S_IWOTH, "w"),),
    ((S_IXOTH | S_ISVTX, "t"),
     (S_ISVTX, "T"),
     (S_IXOTH, "x")),
)


def filemode(mode):
    """Convert a file's mode to a string of the form '-rwxrwxrwx'"""
    mode = _mode(mode)
    out = []
    for position, choices in enumerate(_filemode_table):
        for bits, char in choices:
            # The type is compared as a whole field, the permission bits one by one.
            if (mode & 0o170000 == bits) if position == 0 else (mode & bits == bits):
                out.append(char)
                break
        else:
            out.append("?" if position == 0 else "-")
    return "".join(out)
