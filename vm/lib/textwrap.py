"""Text wrapping and filling (rpy's implementation of CPython 3.14's `textwrap`).

Wrapping works on chunks: runs of whitespace, and words cut after the hyphens of compound
words and before em-dashes ('--'). Lines are filled greedily from the chunks; words longer
than a line are cut; `max_lines` truncates with a placeholder.
"""

import re

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# Only the US-ASCII whitespace separates words: a no-break space (U+00A0) must not.
_whitespace = '\t\n\x0b\x0c\r '


def _is_space(c):
    return c in _whitespace


def _is_word(c):
    # `\w` of a str pattern: alphanumeric or underscore.
    return c.isalnum() or c == '_'


def _is_letter(c):
    # A word character that is not a decimal digit.
    return (c.isalnum() or c == '_') and not c.isdecimal()


def _is_word_punct(c):
    return _is_word(c) or c in '!"\'&.,?'


def _dash_run_then_word(text, i):
    """Whether `text[i:]` is two or more hyphens followed by a word character; returns the
    index past the hyphens, or -1."""
    j = i
    n = len(text)
    while j < n and text[j] == '-':
        j += 1
    if j - i >= 2 and j < n and _is_word(text[j]):
        return j
    return -1


def _compound_hyphen(text, h):
    """Whether a line may break right after the hyphen at `h`: the hyphen ends two letters
    or letter-hyphen-letter-hyphen, and a letter (optionally a hyphen) and a letter follow."""
    def letter_at(k):
        return 0 <= k < len(text) and _is_letter(text[k])

    before = (letter_at(h - 1) and letter_at(h - 2)) or (
        letter_at(h - 1) and h >= 2 and text[h - 2] == '-' and letter_at(h - 3))
    if not before:
        return False
    k = h + 1
    if not letter_at(k):
        return False
    k += 1
    if k < len(text) and text[k] == '-':
        k += 1
    return letter_at(k)


def _split_words(text):
    """The chunks of `text` when breaking on hyphens is allowed: whitespace runs, em-dashes
    between words, and words cut after compound-word hyphens and before em-dashes."""
    chunks = []
    n = len(text)
    p = 0
    while p < n:
        c = text[p]
        if _is_space(c):
            e = p + 1
            while e < n and _is_space(text[e]):
                e += 1
        elif p > 0 and c == '-' and _is_word_punct(text[p - 1]) and (
                (dashes_end := _dash_run_then_word(text, p)) >= 0):
            e = dashes_end
        else:
            # The shortest run of non-space characters that ends a word: before a break
            # after a compound hyphen, before whitespace or the end, or before an em-dash.
            e = p + 1
            while True:
                if e < n and text[e] == '-' and _compound_hyphen(text, e):
                    e += 1
                    break
                if e == n or _is_space(text[e]):
                    break
                if _is_word_punct(text[e - 1]) and _dash_run_then_word(text, e) >= 0:
                    break
                e += 1
        chunks.append(text[p:e])
        p = e
    return chunks


def _split_on_spaces(text):
    """The chunks of `text` when hyphens do not break: whitespace runs and the rest."""
    chunks = []
    n = len(text)
    p = 0
    while p < n:
        space = _is_space(text[p])
        e = p + 1
        while e < n and _is_space(text[e]) == space:
            e += 1
        chunks.append(text[p:e])
        p = e
    return chunks


def _ends_sentence(chunk):
    # A lowercase ASCII letter, then '.', '!' or '?', then maybe a closing quote.
    if chunk[-1:] in ('"', "'"):
        chunk = chunk[:-1]
    return (len(chunk) >= 2 and chunk[-1] in '.!?'
            and 'a' <= chunk[-2] <= 'z')


class TextWrapper:
    """
    Object for wrapping/filling text. wrap() and fill() are the interface; the other
    methods are steps a subclass may override.

    Attributes (constructor arguments of the same names):
      width (70): maximum width of wrapped lines, indents included.
      initial_indent (""), subsequent_indent (""): prefixes of the first and later lines.
      expand_tabs (True), tabsize (8): expand tabs with str.expandtabs(tabsize) first.
      replace_whitespace (True): turn each whitespace character into a space (after tab
        expansion).
      fix_sentence_endings (False): two spaces after sentence-ending punctuation.
      break_long_words (True): cut words longer than the width.
      drop_whitespace (True): drop whitespace at the start and end of lines.
      break_on_hyphens (True): lines may break after hyphens of compound words.
      max_lines (None): keep at most this many lines...
      placeholder (' [...]'): ...ending the last one with this.
    """

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(' '))

    # A compiled pattern here replaces the built-in hyphen-aware chunker: `_split` then
    # splits with it as CPython's wrapper splits with its own `wordsep_re`.
    wordsep_re = None

    # Splitting on whitespace only (`break_on_hyphens=False`).
    wordsep_simple_re = re.compile('([\t\n\x0b\x0c\r ]+)')

    sentence_end_re = re.compile('[a-z][.!?]["\']?\\Z')

    def __init__(self,
                 width=70,
                 initial_indent="",
                 subsequent_indent="",
                 expand_tabs=True,
                 replace_whitespace=True,
                 fix_sentence_endings=False,
                 break_long_words=True,
                 drop_whitespace=True,
                 break_on_hyphens=True,
                 tabsize=8,
                 *,
                 max_lines=None,
                 placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    # -- Steps (subclasses may override) ---------------------------------

    def _munge_whitespace(self, text):
        """Expands tabs and turns whitespace into spaces, as the options say."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        """Cuts `text` into chunks: whitespace runs and words (or word parts)."""
        # Only `True` itself selects the hyphen-aware chunks, as under CPython.
        if self.break_on_hyphens is True:
            if self.wordsep_re is not None:
                return [c for c in self.wordsep_re.split(text) if c]
            return _split_words(text)
        if type(self).wordsep_simple_re is not TextWrapper.wordsep_simple_re:
            return [c for c in self.wordsep_simple_re.split(text) if c]
        return _split_on_spaces(text)

    def _fix_sentence_endings(self, chunks):
        """Makes the single space after a sentence end two spaces, in place."""
        i = 0
        custom = type(self).sentence_end_re is not TextWrapper.sentence_end_re
        while i < len(chunks) - 1:
            ends = (self.sentence_end_re.search(chunks[i]) if custom
                    else _ends_sentence(chunks[i]))
            if chunks[i + 1] == " " and ends:
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Puts as much of the next chunk (too long for any line) on the current line as
        fits, cutting after a hyphen when that is allowed and possible."""
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words and space_left > 0:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # Cut after the last hyphen that fits, unless only hyphens precede it.
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            # Not allowed to cut: the word goes whole on a line of its own.
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        """Fills lines from `chunks` (consumed); returns the lines."""
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        placeholder = self.placeholder
        if self.max_lines is not None:
            indent = (self.subsequent_indent if self.max_lines > 1
                      else self.initial_indent)
            if len(indent) + len(placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")

        lines = []
        pending = chunks
        pending.reverse()  # taken from the end
        while pending:
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            line = []
            used = 0
            # Whitespace at the start of a line other than the first is dropped.
            if self.drop_whitespace and lines and pending[-1].strip() == '':
                del pending[-1]
            while pending and used + len(pending[-1]) <= width:
                used += len(pending[-1])
                line.append(pending.pop())
            if pending and len(pending[-1]) > width:
                self._handle_long_word(pending, line, used, width)
                used = sum(map(len, line))
            if self.drop_whitespace and line and line[-1].strip() == '':
                used -= len(line[-1])
                del line[-1]
            if not line:
                continue
            last_allowed = self.max_lines is None or len(lines) + 1 < self.max_lines
            rest_is_blank = not pending or (
                self.drop_whitespace and len(pending) == 1 and not pending[0].strip())
            if last_allowed or (rest_is_blank and used <= width):
                lines.append(indent + ''.join(line))
                continue
            # The line limit is reached with text left: end with the placeholder.
            while line:
                if line[-1].strip() and used + len(placeholder) <= width:
                    line.append(placeholder)
                    lines.append(indent + ''.join(line))
                    return lines
                used -= len(line[-1])
                del line[-1]
            if lines:
                prev = lines[-1].rstrip()
                if len(prev) + len(placeholder) <= self.width:
                    lines[-1] = prev + placeholder
                    return lines
            lines.append(indent + placeholder.lstrip())
            return lines
        return lines

    def _split_chunks(self, text):
        return self._split(self._munge_whitespace(text))

    # -- Interface -----------------------------------------------------

    def wrap(self, text):
        """wrap(text : string) -> [string]

        Reformat the single paragraph in 'text' so it fits in lines of
        no more than 'self.width' columns, and return a list of wrapped
        lines.
        """
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """fill(text : string) -> string

        Reformat the single paragraph in 'text' to fit in lines of no
        more than 'self.width' columns, and return the lines joined by
        newlines.
        """
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap a single paragraph of text, returning a list of wrapped lines
    (see TextWrapper for the keyword arguments)."""
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    """Fill a single paragraph of text, returning a new string (see TextWrapper for the
    keyword arguments)."""
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapse and truncate the given text to fit in the given width.

    The whitespace is collapsed; if the text then fits it is returned, else as many words
    as fit are kept and the placeholder is appended::

        >>> textwrap.shorten("Hello  world!", width=12)
        'Hello world!'
        >>> textwrap.shorten("Hello  world!", width=11)
        'Hello [...]'
    """
    wrapper = TextWrapper(width=width, max_lines=1, **kwargs)
    return wrapper.fill(' '.join(text.strip().split()))


def dedent(text):
    """Remove any common leading whitespace from every line in `text`.

    Tabs and spaces both count as whitespace but are not equal: "  hello" and "\\thello"
    have no common leading whitespace. Lines holding only whitespace become empty.
    """
    try:
        lines = text.split('\n')
    except (AttributeError, TypeError):
        msg = f'expected str object, not {type(text).__qualname__!r}'
        raise TypeError(msg) from None
    # The common margin of all non-blank lines is the common prefix of the smallest and
    # the largest of them, cut at the first character that is not a space or a tab.
    text_lines = [line for line in lines if line and not line.isspace()]
    margin = 0
    if text_lines:
        low = min(text_lines)
        high = max(text_lines)
        for a, b in zip(low, high):
            if a != b or a not in ' \t':
                break
            margin += 1
    return '\n'.join('' if line.isspace() else line[margin:] for line in lines)


def indent(text, prefix, predicate=None):
    """Adds 'prefix' to the beginning of selected lines in 'text': those for which
    'predicate(line)' is true, by default those not made only of whitespace."""
    out = []
    for line in text.splitlines(True):
        if (not line.isspace()) if predicate is None else predicate(line):
            out.append(prefix)
        out.append(line)
    return ''.join(out)
