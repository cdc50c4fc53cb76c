"""The interactive-convenience objects the startup "site" step adds to builtins: exit and
quit, copyright, credits and license, and help."""

import sys


class Quitter:
    """``exit`` / ``quit``: calling one raises SystemExit."""

    def __init__(self, name, eof):
        self.name = name
        self.eof = eof

    def __repr__(self):
        return f"Use {self.name}() or {self.eof} to exit"

    def __call__(self, code=None):
        # Like CPython, close stdin first so an interactive reader sees EOF.
        try:
            sys.stdin.close()
        except Exception:
            pass
        raise SystemExit(code)


class _Printer:
    """``copyright`` / ``credits`` / ``license``: shows a text when called or printed."""

    MAXLINES = 23

    def __init__(self, name, data):
        self.__name = name
        self.__lines = data.split("\n")

    def __repr__(self):
        if len(self.__lines) <= self.MAXLINES:
            return "\n".join(self.__lines)
        return "Type %s() to see the full %s text" % ((self.__name,) * 2)

    def __call__(self):
        print("\n".join(self.__lines))


class _Helper:
    """``help``: the interactive help system (needs ``pydoc``)."""

    def __repr__(self):
        return "Type help() for interactive help, or help(object) for help about object."

    def __call__(self, *args, **kwds):
        import pydoc

        return pydoc.help(*args, **kwds)


_CREDITS = """\
    rpy is a Python 3.14 virtual machine written in Rust. Python itself is developed
    by the Python Software Foundation and a large community of contributors."""

_LICENSE = """\
See https://www.python.org/psf/license/ for the license of the Python language."""


def install(namespace):
    """Adds the objects to the builtins namespace ``namespace`` (a dict)."""
    eof = "Ctrl-D (i.e. EOF)"
    namespace["quit"] = Quitter("quit", eof)
    namespace["exit"] = Quitter("exit", eof)
    namespace["copyright"] = _Printer("copyright", sys.copyright)
    namespace["credits"] = _Printer("credits", _CREDITS)
    namespace["license"] = _Printer("license", _LICENSE)
    namespace["help"] = _Helper()
