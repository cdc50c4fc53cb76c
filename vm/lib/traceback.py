"""Extracting, formatting and printing stack traces and exceptions (`traceback`).

The text is the interpreter's own: each frame (source lines and `^~~` carets) and each
SyntaxError block is drawn by the native printer's code (`_rpytraceback`), so a traceback
printed here equals the one an uncaught exception prints.
"""

import collections.abc
import itertools
import linecache
import sys
import textwrap
import _rpytraceback

__all__ = ['extract_stack', 'extract_tb', 'format_exception',
           'format_exception_only', 'format_list', 'format_stack',
           'format_tb', 'print_exc', 'format_exc', 'print_exception',
           'print_last', 'print_stack', 'print_tb', 'clear_frames',
           'FrameSummary', 'StackSummary', 'TracebackException',
           'walk_stack', 'walk_tb', 'print_list']

_RECURSIVE_CUTOFF = 3

_cause_message = ("\nThe above exception was the direct cause "
                  "of the following exception:\n\n")
_context_message = ("\nDuring handling of the above exception, "
                    "another exception occurred:\n\n")


def _write_all(lines, file):
    if file is None:
        file = sys.stderr
    for text in lines:
        print(text, file=file, end="")


def _safe_string(value, what, func=str):
    try:
        return func(value)
    except:
        return f'<{what} {func.__name__}() failed>'


# -- stacks and lists of frames

def print_list(extracted_list, file=None):
    """Print a list of frames (as `extract_tb`/`extract_stack` give) to `file`."""
    _write_all(StackSummary.from_list(extracted_list).format(), file)


def format_list(extracted_list):
    """The formatted lines of a list of FrameSummary objects or 4-tuples."""
    return StackSummary.from_list(extracted_list).format()


def print_tb(tb, limit=None, file=None):
    """Print up to `limit` entries of traceback `tb`."""
    print_list(extract_tb(tb, limit=limit), file=file)


def format_tb(tb, limit=None):
    """`format_list(extract_tb(tb, limit))`."""
    return extract_tb(tb, limit=limit).format()


def extract_tb(tb, limit=None):
    """A StackSummary of traceback `tb`, outermost frame first."""
    return StackSummary._extract_from_extended_frame_gen(
        _walk_tb_with_full_positions(tb), limit=limit)


def print_stack(f=None, limit=None, file=None):
    """Print the stack from frame `f` (default: the caller's)."""
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def format_stack(f=None, limit=None):
    """`format_list(extract_stack(f, limit))`."""
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def extract_stack(f=None, limit=None):
    """A StackSummary of the stack from frame `f` (default: the caller's), oldest first."""
    if f is None:
        f = sys._getframe().f_back
    stack = StackSummary.extract(walk_stack(f), limit=limit)
    stack.reverse()
    return stack


def clear_frames(tb):
    """Clear the local variables of the frames of a traceback."""
    while tb is not None:
        try:
            tb.tb_frame.clear()
        except (RuntimeError, AttributeError):
            pass
        tb = tb.tb_next


def walk_stack(f):
    """Yield `(frame, lineno)` following `f_back` from `f` (default: the caller)."""
    if f is None:
        f = sys._getframe().f_back

    def frames(frame):
        while frame is not None:
            yield frame, frame.f_lineno
            frame = frame.f_back
    return frames(f)


def walk_tb(tb):
    """Yield `(frame, lineno)` following `tb_next`."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def _get_code_position(code, instruction_index):
    if instruction_index < 0:
        return (None, None, None, None)
    return next(itertools.islice(code.co_positions(), instruction_index // 2, None))


def _walk_tb_with_full_positions(tb):
    # (frame, (lineno, end_lineno, colno, end_colno)), tb_lineno standing in for a
    # missing line.
    while tb is not None:
        pos = _get_code_position(tb.tb_frame.f_code, tb.tb_lasti)
        if pos[0] is None:
            pos = (tb.tb_lineno,) + tuple(pos[1:])
        yield tb.tb_frame, pos
        tb = tb.tb_next


# -- exceptions

class _Sentinel:
    def __repr__(self):
        return "<implicit>"


_sentinel = _Sentinel()
BUILTIN_EXCEPTION_LIMIT = object()


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is None:
            return None, None
        if isinstance(exc, BaseException):
            return exc, exc.__traceback__
        raise TypeError(f'Exception expected for value, {type(exc).__name__} found')
    return value, tb


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True, **kwargs):
    """Print an exception with its traceback and chained exceptions to `file`."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    te.print(file=file, chain=chain)


def _print_exception_bltin(exc, /):
    file = sys.stderr if sys.stderr is not None else sys.__stderr__
    return print_exception(exc, limit=BUILTIN_EXCEPTION_LIMIT, file=file)


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True, **kwargs):
    """The lines `print_exception` prints, as a list of strings."""
    value, tb = _parse_value_tb(exc, value, tb)
    te = TracebackException(type(value), value, tb, limit=limit, compact=True)
    return list(te.format(chain=chain))


def format_exception_only(exc, /, value=_sentinel, *, show_group=False, **kwargs):
    """The exception's message lines (with a SyntaxError's location) and its notes."""
    if value is _sentinel:
        value = exc
    te = TracebackException(type(value), value, None, compact=True)
    return list(te.format_exception_only(show_group=show_group))


def _format_final_exc_line(etype, value, *, insert_final_newline=True, colorize=False):
    valuestr = _safe_string(value, 'exception')
    end = "\n" if insert_final_newline else ""
    if value is None or not valuestr:
        return f"{etype}{end}"
    return f"{etype}: {valuestr}{end}"


def print_exc(limit=None, file=None, chain=True):
    """Print the exception being handled (`sys.exception()`)."""
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def format_exc(limit=None, chain=True):
    """The text `print_exc` prints."""
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_last(limit=None, file=None, chain=True):
    """Print `sys.last_exc` (or `sys.last_type`/`last_value`/`last_traceback`)."""
    if not hasattr(sys, "last_exc") and not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    if hasattr(sys, "last_exc"):
        print_exception(sys.last_exc, limit=limit, file=file, chain=chain)
    else:
        print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                        limit=limit, file=file, chain=chain)


class FrameSummary:
    """One frame of a stack: `filename`, `lineno`, `name`, `line` (the stripped source
    line, looked up in linecache), the source span and optionally `locals` (reprs)."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_lines', '_lines_dedented', 'locals', '_code')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None, **kwargs):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = lineno if end_lineno is None else end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._code = kwargs.get("_code")
        self._lines = line
        self._lines_dedented = None
        if lookup_line:
            self.line
        if locals:
            self.locals = {k: _safe_string(v, 'local', func=repr)
                           for k, v in locals.items()}
        else:
            self.locals = None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename, self.lineno, self.name, self.locals) == \
                (other.filename, other.lineno, other.name, other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return f"<FrameSummary file {self.filename}, line {self.lineno} in {self.name}>"

    def __len__(self):
        return 4

    def _source_lines(self):
        """The raw source lines `lineno..end_lineno`, right-stripped."""
        return [linecache.getline(self.filename, n).rstrip()
                for n in range(self.lineno, self.end_lineno + 1)]

    def _set_lines(self):
        if self._lines is None and self.lineno is not None \
                and self.end_lineno is not None:
            self._lines = "\n".join(self._source_lines()) + "\n"

    @property
    def _original_lines(self):
        self._set_lines()
        return self._lines

    @property
    def _dedented_lines(self):
        self._set_lines()
        if self._lines_dedented is None and self._lines is not None:
            self._lines_dedented = textwrap.dedent(self._lines)
        return self._lines_dedented

    @property
    def line(self):
        self._set_lines()
        if self._lines is None:
            return None
        return self._lines.partition("\n")[0].strip()


class StackSummary(list):
    """A list of FrameSummary objects."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True,
                capture_locals=False):
        """A StackSummary from `(frame, lineno)` pairs (`walk_stack`, `walk_tb`)."""
        def extended():
            for f, lineno in frame_gen:
                yield f, (lineno, None, None, None)
        return klass._extract_from_extended_frame_gen(
            extended(), limit=limit, lookup_lines=lookup_lines,
            capture_locals=capture_locals)

    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, *, limit=None,
                                         lookup_lines=True, capture_locals=False):
        from_builtin = limit is BUILTIN_EXCEPTION_LIMIT
        if limit is None or from_builtin:
            limit = getattr(sys, 'tracebacklimit', None)
            if limit is not None and limit < 0:
                limit = 0
        if limit is not None:
            if from_builtin:
                frames = tuple(frame_gen)
                frame_gen = frames[len(frames) - limit:]
            elif limit >= 0:
                frame_gen = itertools.islice(frame_gen, limit)
            else:
                frame_gen = collections.deque(frame_gen, maxlen=-limit)
        result = klass()
        filenames = set()
        for f, (lineno, end_lineno, colno, end_colno) in frame_gen:
            code = f.f_code
            filenames.add(code.co_filename)
            linecache.lazycache(code.co_filename, f.f_globals)
            result.append(FrameSummary(
                code.co_filename, lineno, code.co_name, lookup_line=False,
                locals=f.f_locals if capture_locals else None,
                end_lineno=end_lineno, colno=colno, end_colno=end_colno,
                _code=code))
        for name in filenames:
            linecache.checkcache(name)
        if lookup_lines:
            for fs in result:
                fs.line
        return result

    @classmethod
    def from_list(klass, a_list):
        """A StackSummary from FrameSummary objects or `(filename, lineno, name, line)`."""
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary, **kwargs):
        """The text of one frame: its `File` line, source lines with carets, locals."""
        fs = frame_summary
        filename = fs.filename
        if filename.startswith("<stdin-") and filename.endswith(">"):
            filename = "<stdin>"
        lines = fs._original_lines
        if isinstance(fs.lineno, int) and isinstance(fs.end_lineno, int) \
                and lines is not None:
            text = _rpytraceback.format_frame(
                filename, fs.lineno, fs.name, fs.end_lineno, fs.colno,
                fs.end_colno, lines.split("\n"))
        else:
            text = f'  File "{filename}", line {fs.lineno}, in {fs.name}\n'
            dedented = fs._dedented_lines
            if dedented and dedented.strip():
                text += textwrap.indent(fs.line, '    ') + "\n"
        if fs.locals:
            for name, value in sorted(fs.locals.items()):
                text += f'    {name} = {value}\n'
        return text

    def format(self, **kwargs):
        """The formatted frames, runs of more than three identical ones summarized."""
        result = []
        last = None
        count = 0
        for fs in self:
            formatted = self.format_frame_summary(fs)
            if formatted is None:
                continue
            key = (fs.filename, fs.lineno, fs.name)
            if last is None or None in last or key != last:
                if count > _RECURSIVE_CUTOFF:
                    result.append(_repeated(count - _RECURSIVE_CUTOFF))
                last = key
                count = 0
            count += 1
            if count <= _RECURSIVE_CUTOFF:
                result.append(formatted)
        if count > _RECURSIVE_CUTOFF:
            result.append(_repeated(count - _RECURSIVE_CUTOFF))
        return result


def _repeated(count):
    return f'  [Previous line repeated {count} more time{"s" if count > 1 else ""}]\n'


class _ExceptionPrintContext:
    def __init__(self):
        self.seen = set()
        self.exception_group_depth = 0
        self.need_close = False

    def indent(self):
        return ' ' * (2 * self.exception_group_depth)

    def emit(self, text_gen, margin_char=None):
        prefix = self.indent()
        if self.exception_group_depth:
            prefix += (margin_char or '|') + ' '
        if isinstance(text_gen, str):
            text_gen = [text_gen]
        for text in text_gen:
            yield textwrap.indent(text, prefix, lambda line: True)


class TracebackException:
    """An exception captured for formatting: its type's name, `str()`, notes, stack
    (a StackSummary) and the TracebackExceptions of its `__cause__`, `__context__`
    and, for exception groups, `exceptions`."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None,
                 lookup_lines=True, capture_locals=False, compact=False,
                 max_group_width=15, max_group_depth=10, save_exc_type=True,
                 _seen=None):
        top = _seen is None
        if top:
            _seen = set()
        _seen.add(id(exc_value))
        self.max_group_width = max_group_width
        self.max_group_depth = max_group_depth
        self.stack = StackSummary._extract_from_extended_frame_gen(
            _walk_tb_with_full_positions(exc_traceback), limit=limit,
            lookup_lines=lookup_lines, capture_locals=capture_locals)
        self._exc_type = exc_type if save_exc_type else None
        self._str = _safe_string(exc_value, 'exception')
        try:
            self.__notes__ = getattr(exc_value, '__notes__', None)
        except Exception as e:
            self.__notes__ = [
                f"Ignored error getting __notes__: {_safe_string(e, '__notes__', repr)}"]
        self._is_syntax_error = False
        self._have_exc_type = exc_type is not None
        if exc_type is not None:
            self.exc_type_qualname = exc_type.__qualname__
            self.exc_type_module = exc_type.__module__
        else:
            self.exc_type_qualname = None
            self.exc_type_module = None
        if exc_type and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            end_lno = exc_value.end_lineno
            self.end_lineno = str(end_lno) if end_lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.end_offset = exc_value.end_offset
            self.msg = exc_value.msg
            self._is_syntax_error = True
        elif isinstance(exc_value, BaseException):
            self._str += _rpytraceback.suggestion(exc_value)
        if lookup_lines:
            for fs in self.stack:
                fs.line
        self.__suppress_context__ = \
            exc_value.__suppress_context__ if exc_value is not None else False
        if top:
            self._capture_chain(exc_value, limit, lookup_lines, capture_locals,
                                compact, _seen)

    def _capture_chain(self, exc_value, limit, lookup_lines, capture_locals,
                       compact, seen):
        # Breadth by a work list rather than recursion: chains can be long.
        def wrap(e):
            return TracebackException(
                type(e), e, e.__traceback__, limit=limit, lookup_lines=lookup_lines,
                capture_locals=capture_locals, max_group_width=self.max_group_width,
                max_group_depth=self.max_group_depth, _seen=seen)
        work = [(self, exc_value)]
        while work:
            te, e = work.pop()
            cause = None
            if e is not None and e.__cause__ is not None \
                    and id(e.__cause__) not in seen:
                cause = wrap(e.__cause__)
            need_context = True
            if compact:
                need_context = cause is None and e is not None \
                    and not e.__suppress_context__
            context = None
            if e is not None and e.__context__ is not None and need_context \
                    and id(e.__context__) not in seen:
                context = wrap(e.__context__)
            exceptions = None
            if e is not None and isinstance(e, BaseExceptionGroup):
                exceptions = [wrap(x) for x in e.exceptions]
            te.__cause__ = cause
            te.__context__ = context
            te.exceptions = exceptions
            if cause:
                work.append((cause, e.__cause__))
            if context:
                work.append((context, e.__context__))
            if exceptions:
                work.extend(zip(exceptions, e.exceptions))

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        """A TracebackException of exception `exc`."""
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    @property
    def exc_type(self):
        import warnings
        warnings.warn('Deprecated in 3.13. Use exc_type_str instead.',
                      DeprecationWarning, stacklevel=2)
        return self._exc_type

    @property
    def exc_type_str(self):
        if not self._have_exc_type:
            return None
        name = self.exc_type_qualname
        module = self.exc_type_module
        if module not in ("__main__", "builtins"):
            if not isinstance(module, str):
                module = "<unknown>"
            name = module + '.' + name
        return name

    def _load_lines(self):
        for fs in self.stack:
            fs.line

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def _notes_lines(self, indent):
        notes = self.__notes__
        if isinstance(notes, collections.abc.Sequence) \
                and not isinstance(notes, (str, bytes)):
            for note in notes:
                for line in _safe_string(note, 'note').split('\n'):
                    yield indent + line + '\n'
        elif notes is not None:
            yield indent + _safe_string(notes, '__notes__', func=repr) + '\n'

    def format_exception_only(self, *, show_group=False, _depth=0, **kwargs):
        """Yield the message line(s) (a SyntaxError's location first), then the notes;
        with `show_group`, a group's members follow, indented by depth."""
        indent = 3 * _depth * ' '
        if not self._have_exc_type:
            yield indent + _format_final_exc_line(None, self._str)
            return
        stype = self.exc_type_str
        if self._is_syntax_error:
            text = _rpytraceback.syntax_error(
                stype, self.filename, self.lineno, self.end_lineno, self.text,
                self.offset, self.end_offset, self.msg)
            for line in text.splitlines(keepends=True):
                yield indent + line
        elif _depth > 0:
            for line in _format_final_exc_line(
                    stype, self._str, insert_final_newline=False).split('\n'):
                yield indent + line + '\n'
        else:
            yield _format_final_exc_line(stype, self._str)
        yield from self._notes_lines(indent)
        if self.exceptions and show_group:
            for ex in self.exceptions:
                yield from ex.format_exception_only(show_group=show_group,
                                                    _depth=_depth + 1)

    def _chain(self, chain):
        """(separator message or None, TracebackException), innermost last."""
        out = []
        exc = self
        while exc is not None:
            if not chain:
                out.append((None, exc))
                break
            if exc.__cause__ is not None:
                nxt, msg = exc.__cause__, _cause_message
            elif exc.__context__ is not None and not exc.__suppress_context__:
                nxt, msg = exc.__context__, _context_message
            else:
                nxt, msg = None, None
            out.append((msg, exc))
            exc = nxt
        return reversed(out)

    def format(self, *, chain=True, _ctx=None, **kwargs):
        """Yield the lines of the full report: chained exceptions first, separated by
        CPython's messages; exception groups drawn as boxes."""
        if _ctx is None:
            _ctx = _ExceptionPrintContext()
        for msg, exc in self._chain(chain):
            if msg is not None:
                yield from _ctx.emit(msg)
            if exc.exceptions is None:
                if exc.stack:
                    yield from _ctx.emit('Traceback (most recent call last):\n')
                    yield from _ctx.emit(exc.stack.format())
                yield from _ctx.emit(exc.format_exception_only())
            elif _ctx.exception_group_depth > self.max_group_depth:
                yield from _ctx.emit(
                    f"... (max_group_depth is {self.max_group_depth})\n")
            else:
                yield from exc._format_group(chain, _ctx, self.max_group_width)

    def _format_group(self, chain, ctx, max_width):
        toplevel = ctx.exception_group_depth == 0
        if toplevel:
            ctx.exception_group_depth += 1
        if self.stack:
            yield from ctx.emit('Exception Group Traceback (most recent call last):\n',
                                margin_char='+' if toplevel else None)
            yield from ctx.emit(self.stack.format())
        yield from ctx.emit(self.format_exception_only())
        total = len(self.exceptions)
        shown = total if total <= max_width else max_width + 1
        ctx.need_close = False
        for i in range(shown):
            last = i == shown - 1
            if last:
                ctx.need_close = True
            truncated = max_width is not None and i >= max_width
            title = '...' if truncated else f'{i + 1}'
            yield (ctx.indent() + ('+-' if i == 0 else '  ')
                   + f'+---------------- {title} ----------------\n')
            ctx.exception_group_depth += 1
            if truncated:
                rest = total - max_width
                yield from ctx.emit(
                    f"and {rest} more exception{'s' if rest > 1 else ''}\n")
            else:
                yield from self.exceptions[i].format(chain=chain, _ctx=ctx)
            if last and ctx.need_close:
                yield ctx.indent() + "+------------------------------------\n"
                ctx.need_close = False
            ctx.exception_group_depth -= 1
        if toplevel:
            ctx.exception_group_depth = 0

    def print(self, *, file=None, chain=True, **kwargs):
        """Print `format(chain=chain)` to `file` (default `sys.stderr`)."""
        _write_all(self.format(chain=chain), file)
