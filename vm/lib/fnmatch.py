"""Filename matching with shell patterns (rpy's own fnmatch module).

fnmatch(FILENAME, PATTERN) matches according to the local convention.
fnmatchcase(FILENAME, PATTERN) always takes case in account.

The functions operate by translating the pattern into a regular
expression.  They cache the compiled regular expressions for speed.

The function translate(PATTERN) returns a regular expression
corresponding to PATTERN.  (It does not compile it.)
"""

import functools
import os
import posixpath
import re

__all__ = ["filter", "filterfalse", "fnmatch", "fnmatchcase", "translate"]


def fnmatch(name, pat):
    """Test whether FILENAME matches PATTERN.

    Patterns are Unix shell style:

    *       matches everything
    ?       matches any single character
    [seq]   matches any character in seq
    [!seq]  matches any char not in seq

    An initial period in FILENAME is not special.
    Both FILENAME and PATTERN are first case-normalized
    if the operating system requires it.
    If you don't want this, use fnmatchcase(FILENAME, PATTERN).
    """
    return fnmatchcase(os.path.normcase(name), os.path.normcase(pat))


@functools.lru_cache(maxsize=32768, typed=True)
def _compile_pattern(pat):
    # Bytes patterns go through latin-1 so that every byte maps to one character and back.
    if isinstance(pat, bytes):
        regex = translate(str(pat, "ISO-8859-1")).encode("ISO-8859-1")
    else:
        regex = translate(pat)
    return re.compile(regex).match


def _matching(names, pat, keep):
    """The names whose match against pat (case-normalized) is `keep`."""
    match = _compile_pattern(os.path.normcase(pat))
    # normcase is the identity on POSIX: skip calling it per name there.
    if os.path is posixpath:
        return [name for name in names if (match(name) is not None) is keep]
    return [name for name in names if (match(os.path.normcase(name)) is not None) is keep]


def filter(names, pat):
    """Construct a list from those elements of the iterable NAMES that match PAT."""
    return _matching(names, pat, True)


def filterfalse(names, pat):
    """Construct a list from those elements of the iterable NAMES that do not match PAT."""
    return _matching(names, pat, False)


def fnmatchcase(name, pat):
    """Test whether FILENAME matches PATTERN, including case.

    This is a version of fnmatch() which doesn't case-normalize
    its arguments.
    """
    return _compile_pattern(pat)(name) is not None


def translate(pat):
    """Translate a shell PATTERN to a regular expression.

    There is no way to quote meta-characters.
    """
    parts, stars = _translate(pat, "*", ".")
    return _join_translated_parts(parts, stars)


_escape_set_ops = re.compile(r"([&~|])").sub
_escape_char = functools.lru_cache(maxsize=512)(re.escape)


def _bracket_ranges(body, negated):
    """The set body for a bracket expression containing '-': ranges kept as ranges (empty
    ones such as z-a dropped, as they are errors in a regex), other hyphens escaped."""
    # A hyphen right after the opening bracket (or '[!') is literal; after a range a-b the
    # next hyphen can only start a new range two characters later, so the search resumes
    # there. `pieces` are the texts between range-forming hyphens.
    pieces = []
    start = 0
    pos = 2 if negated else 1
    while (pos := body.find("-", pos)) >= 0:
        pieces.append(body[start:pos])
        start = pos + 1
        pos += 3
    if start < len(body):
        pieces.append(body[start:])
    else:
        pieces[-1] += "-"  # a trailing hyphen is literal
    # Walking right to left, a range whose ends are out of order vanishes together with
    # its two end characters; the neighbouring pieces merge.
    for k in range(len(pieces) - 1, 0, -1):
        left, right = pieces[k - 1], pieces[k]
        if left[-1] > right[0]:
            pieces[k - 1] = left[:-1] + right[1:]
            del pieces[k]
    return "-".join(p.replace("\\", "\\\\").replace("-", "\\-") for p in pieces)


def _bracket(body):
    """The regex for the bracket expression whose text between '[' and ']' is body."""
    if "-" in body:
        body = _bracket_ranges(body, body.startswith("!"))
    else:
        body = body.replace("\\", "\\\\")
    if not body:
        return "(?!)"  # an empty set never matches
    if body == "!":
        return "."  # a negated empty set matches any character
    # Escape characters that would form set operations (&&, ~~, ||) in future regexes.
    body = _escape_set_ops(r"\\\1", body)
    if body[0] == "!":
        body = "^" + body[1:]
    elif body[0] in "^[":
        body = "\\" + body
    return f"[{body}]"


def _translate(pat, star, question_mark):
    """The regex pieces for pat and the indices of the pieces that are stars; runs of '*'
    count as one. glob reuses this with its own star and question-mark regexes."""
    parts = []
    stars = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            stars.append(len(parts))
            parts.append(star)
            while i < n and pat[i] == "*":
                i += 1
        elif c == "?":
            parts.append(question_mark)
        elif c == "[":
            # The set ends at the first ']' that is not its first member ('[]' or '[!]'
            # start a set containing ']').
            j = i
            if j < n and pat[j] == "!":
                j += 1
            if j < n and pat[j] == "]":
                j += 1
            j = pat.find("]", j)
            if j < 0:
                parts.append("\\[")  # unclosed: a literal bracket
            else:
                parts.append(_bracket(pat[i:j]))
                i = j + 1
        else:
            parts.append(_escape_char(c))
    return parts, stars


def _join_translated_parts(parts, stars):
    """The final regex: fixed text between stars is matched lazily inside atomic groups, so
    that a pattern with many stars cannot backtrack exponentially; the last star is greedy."""
    if not stars:
        return rf'(?s:{"".join(parts)})\z'
    out = parts[:stars[0]]
    for prev, star in zip(stars, stars[1:]):
        out.append("(?>.*?")
        out.extend(parts[prev + 1:star])
        out.append(")")
    out.append(".*")
    out.extend(parts[stars[-1] + 1:])
    return rf'(?s:{"".join(out)})\z'
