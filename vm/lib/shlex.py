"""A lexical analyzer class for simple shell-like syntaxes (rpy's own shlex module).

`shlex` tokenizes a stream in classic (posix=False) or POSIX mode, optionally splitting
runs of punctuation characters into their own tokens; `split`, `quote` and `join` are the
convenience functions built on it.
"""

import sys
from collections import deque as _deque
from io import StringIO

__all__ = ["shlex", "split", "quote", "join"]

# Lexer states besides a quote or escape character (the state is then that character).
_SPACE = " "      # between tokens
_WORD = "a"       # inside a word
_PUNCT = "c"      # inside a run of punctuation characters
_EOF = None       # input exhausted


class shlex:
    "A lexical analyzer class for simple shell-like syntaxes."

    def __init__(self, instream=None, infile=None, posix=False,
                 punctuation_chars=False):
        if isinstance(instream, str):
            instream = StringIO(instream)
        if instream is None:
            self.instream = sys.stdin
            self.infile = None
        else:
            self.instream = instream
            self.infile = infile
        self.posix = posix
        self.eof = None if posix else ""
        self.commenters = "#"
        self.wordchars = ("abcdfeghijklmnopqrstuvwxyz"
                          "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
        if posix:
            self.wordchars += ("ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ"
                               "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ")
        self.whitespace = " \t\r\n"
        self.whitespace_split = False
        self.quotes = "'\""
        self.escape = "\\"
        self.escapedquotes = '"'
        self.state = _SPACE
        self.pushback = _deque()
        self.lineno = 1
        self.debug = 0
        self.token = ""
        self.filestack = _deque()
        self.source = None
        if not punctuation_chars:
            punctuation_chars = ""
        elif punctuation_chars is True:
            punctuation_chars = "();<>|&"
        self._punctuation_chars = punctuation_chars
        if punctuation_chars:
            # Characters read ahead while ending a punctuation run, to be read again.
            self._pushback_chars = _deque()
            # Characters common in file names, options and wildcards join words; any of
            # them chosen as punctuation does not.
            self.wordchars += "~-./*?="
            self.wordchars = "".join(c for c in self.wordchars
                                     if c not in punctuation_chars)

    @property
    def punctuation_chars(self):
        return self._punctuation_chars

    def push_token(self, tok):
        "Push a token onto the stack popped by the get_token method"
        if self.debug >= 1:
            print("shlex: pushing token " + repr(tok))
        self.pushback.appendleft(tok)

    def push_source(self, newstream, newfile=None):
        "Push an input source onto the lexer's input source stack."
        if isinstance(newstream, str):
            newstream = StringIO(newstream)
        self.filestack.appendleft((self.infile, self.instream, self.lineno))
        self.infile = newfile
        self.instream = newstream
        self.lineno = 1
        if self.debug:
            if newfile is not None:
                print("shlex: pushing to file %s" % (self.infile,))
            else:
                print("shlex: pushing to stream %s" % (self.instream,))

    def pop_source(self):
        "Pop the input source stack."
        self.instream.close()
        self.infile, self.instream, self.lineno = self.filestack.popleft()
        if self.debug:
            print("shlex: popping to %s, line %d" % (self.instream, self.lineno))
        self.state = _SPACE

    def get_token(self):
        "Get a token from the input stream (or from stack if it's nonempty)"
        if self.pushback:
            tok = self.pushback.popleft()
            if self.debug >= 1:
                print("shlex: popping token " + repr(tok))
            return tok
        raw = self.read_token()
        # `source` names a keyword whose following token is a file to read tokens from.
        if self.source is not None:
            while raw == self.source:
                spec = self.sourcehook(self.read_token())
                if spec:
                    newfile, newstream = spec
                    self.push_source(newstream, newfile)
                raw = self.get_token()
        # The end of a pushed source resumes the one below it.
        while raw == self.eof:
            if not self.filestack:
                return self.eof
            self.pop_source()
            raw = self.get_token()
        if self.debug >= 1:
            if raw != self.eof:
                print("shlex: token=" + repr(raw))
            else:
                print("shlex: token=EOF")
        return raw

    def _next_char(self):
        if self._punctuation_chars and self._pushback_chars:
            return self._pushback_chars.pop()
        return self.instream.read(1)

    def _skip_comment(self):
        self.instream.readline()
        self.lineno += 1

    def read_token(self):
        # `quoted`: the token had quotes, so in POSIX mode it exists even when empty.
        # `resume`: the state an escape character returns to.
        quoted = False
        resume = _SPACE
        while True:
            ch = self._next_char()
            if ch == "\n":
                self.lineno += 1
            if self.debug >= 3:
                print("shlex: in state %r I see character: %r" % (self.state, ch))
            state = self.state
            if state is _EOF:
                self.token = ""
                break
            if state == _SPACE:
                if not ch:
                    self.state = _EOF
                    break
                if ch in self.whitespace:
                    if self.debug >= 2:
                        print("shlex: I see whitespace in whitespace state")
                    if self.token or (self.posix and quoted):
                        break
                elif ch in self.commenters:
                    self._skip_comment()
                elif self.posix and ch in self.escape:
                    resume = _WORD
                    self.state = ch
                elif ch in self.wordchars:
                    self.token = ch
                    self.state = _WORD
                elif ch in self._punctuation_chars:
                    self.token = ch
                    self.state = _PUNCT
                elif ch in self.quotes:
                    if not self.posix:
                        self.token = ch
                    self.state = ch
                elif self.whitespace_split:
                    self.token = ch
                    self.state = _WORD
                else:
                    # Any other character is a token by itself.
                    self.token = ch
                    break
            elif state in self.quotes:
                quoted = True
                if not ch:
                    if self.debug >= 2:
                        print("shlex: I see EOF in quotes state")
                    raise ValueError("No closing quotation")
                if ch == state:
                    if not self.posix:
                        # Classic mode keeps the quotes and ends the token.
                        self.token += ch
                        self.state = _SPACE
                        break
                    self.state = _WORD
                elif self.posix and ch in self.escape and state in self.escapedquotes:
                    resume = state
                    self.state = ch
                else:
                    self.token += ch
            elif state in self.escape:
                if not ch:
                    if self.debug >= 2:
                        print("shlex: I see EOF in escape state")
                    raise ValueError("No escaped character")
                # Inside quotes a POSIX shell only lets the escape character escape the
                # quote and itself: before anything else it stays literal.
                if resume in self.quotes and ch != state and ch != resume:
                    self.token += state
                self.token += ch
                self.state = resume
            elif state in (_WORD, _PUNCT):
                if not ch:
                    self.state = _EOF
                    break
                if ch in self.whitespace:
                    if self.debug >= 2:
                        print("shlex: I see whitespace in word state")
                    self.state = _SPACE
                    if self.token or (self.posix and quoted):
                        break
                elif ch in self.commenters:
                    # Classic mode goes on with the same word after the comment line.
                    self._skip_comment()
                    if self.posix:
                        self.state = _SPACE
                        if self.token or (self.posix and quoted):
                            break
                elif state == _PUNCT:
                    if ch in self._punctuation_chars:
                        self.token += ch
                    else:
                        if ch not in self.whitespace:
                            self._pushback_chars.append(ch)
                        self.state = _SPACE
                        break
                elif self.posix and ch in self.quotes:
                    self.state = ch
                elif self.posix and ch in self.escape:
                    resume = _WORD
                    self.state = ch
                elif (ch in self.wordchars or ch in self.quotes
                      or (self.whitespace_split and ch not in self._punctuation_chars)):
                    self.token += ch
                else:
                    # A character that ends the word is read again: as the next token
                    # (classic) or as the start of a punctuation run.
                    if self._punctuation_chars:
                        self._pushback_chars.append(ch)
                    else:
                        self.pushback.appendleft(ch)
                    if self.debug >= 2:
                        print("shlex: I see punctuation in word state")
                    self.state = _SPACE
                    if self.token or (self.posix and quoted):
                        break
        result = self.token
        self.token = ""
        if self.posix and not quoted and result == "":
            result = None
        if self.debug > 1:
            if result:
                print("shlex: raw token=" + repr(result))
            else:
                print("shlex: raw token=EOF")
        return result

    def sourcehook(self, newfile):
        "Hook called on a filename to be sourced."
        import os.path
        if newfile[0] == '"':
            newfile = newfile[1:-1]
        # Like cpp, a relative name is relative to the including file's directory.
        if isinstance(self.infile, str) and not os.path.isabs(newfile):
            newfile = os.path.join(os.path.dirname(self.infile), newfile)
        return (newfile, open(newfile, "r"))

    def error_leader(self, infile=None, lineno=None):
        "Emit a C-compiler-like, Emacs-friendly error-message leader."
        if infile is None:
            infile = self.infile
        if lineno is None:
            lineno = self.lineno
        return "\"%s\", line %d: " % (infile, lineno)

    def __iter__(self):
        return self

    def __next__(self):
        token = self.get_token()
        if token == self.eof:
            raise StopIteration
        return token


def split(s, comments=False, posix=True):
    """Split the string *s* using shell-like syntax."""
    if s is None:
        raise ValueError("s argument must not be None")
    lex = shlex(s, posix=posix)
    lex.whitespace_split = True
    if not comments:
        lex.commenters = ""
    return list(lex)


def join(split_command):
    """Return a shell-escaped string from *split_command*."""
    return " ".join(quote(arg) for arg in split_command)


_SAFE = frozenset("%+,-./0123456789:=@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz")


def quote(s):
    """Return a shell-escaped version of the string *s*."""
    if not s:
        return "''"
    if not isinstance(s, str):
        raise TypeError(f"expected string object, got {type(s).__name__!r}")
    if all(c in _SAFE for c in s):
        return s
    # Single quotes protect everything but a single quote, which is closed, given in
    # double quotes, and reopened: $'b becomes '$'"'"'b'.
    return "'" + s.replace("'", "'\"'\"'") + "'"


def _print_tokens(lexer):
    while tt := lexer.get_token():
        print("Token: " + repr(tt))


if __name__ == "__main__":
    if len(sys.argv) == 1:
        _print_tokens(shlex())
    else:
        with open(sys.argv[1]) as f:
            _print_tokens(shlex(f, sys.argv[1]))
