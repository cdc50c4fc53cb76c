# shlex: split in POSIX and classic modes, comments, quoting and escapes, errors, quote/join,
# the shlex class (get_token/push_token/read_token, whitespace_split, punctuation_chars,
# wordchars, lineno, sourcing through a pushed stream, error_leader).
import shlex

cases = ['a b c', '  a   "b c"  d ', "it's", "'it'\\''s'", 'a\\ b', '"a\\"b"', "'a\\'", 'a"b"c',
         '"" \'\'', 'x # comment', 'x#y', 'é ß', 'a\\\nb', '"\\$\\\\\\x"', "a;b|c&&d", "\\",
         "'unterminated", '"unterminated', 'trailing\\', 'a=1 b="2 3"', '$(echo "x y")', '']
for s in cases:
    for kw in ({}, {"comments": True}, {"posix": False}):
        try:
            print(repr(s), kw, shlex.split(s, **kw))
        except ValueError as e:
            print(repr(s), kw, "ValueError", e)
try:
    shlex.split(None)
except ValueError as e:
    print("ValueError", e)

for s in ["", "abc", "a b", "it's", "$HOME", "a\tb", "-x=1,2:3@4%+./", "é", "a\nb", "'", '"']:
    print(repr(s), shlex.quote(s))
print(shlex.join(["ls", "-l", "my file", "it's"]), shlex.split(shlex.join(["a b", "c'd", ""])))
try:
    shlex.quote(b"abc")
except TypeError as e:
    print("TypeError", e)


def tokens(lex, limit=50):
    out = []
    for _ in range(limit):
        t = lex.get_token()
        out.append(t)
        if t == lex.eof:
            break
    return out


print(tokens(shlex.shlex("a b;c 'd e' \"f\" 12.5 x#y\nz")))
print(tokens(shlex.shlex("a b;c 'd e' \"f\" 12.5 x#y\nz", posix=True)))
for pc in (True, "|", "();"):
    lex = shlex.shlex("a && b || (c;d) > out.txt ~/x-y=z", posix=True, punctuation_chars=pc)
    print(repr(lex.punctuation_chars), tokens(lex))
    lex = shlex.shlex("a&&b;c", punctuation_chars=pc)
    lex.whitespace_split = True
    print(list(lex))
lex = shlex.shlex("one two\nthree\n\nfour", posix=True)
print([(lex.get_token(), lex.lineno) for _ in range(5)])
lex = shlex.shlex("a b c")
lex.push_token("first")
print(lex.get_token(), lex.get_token(), lex.read_token(), list(lex))
lex = shlex.shlex("x y")
lex.push_source("inner1 inner2")
print(list(lex), lex.error_leader(), lex.error_leader("f.txt", 3))
lex = shlex.shlex("a-b.c:d", posix=True)
lex.wordchars += "-.:"
print(list(lex))
lex = shlex.shlex("a b", posix=True)
lex.whitespace = " b"
print(list(lex))
lex = shlex.shlex("%a b%c %d%", posix=True)
lex.quotes = "%"
print(list(lex))
lex = shlex.shlex("abc#c1\ndef", posix=False)
print(list(lex))
print(shlex.__all__, shlex.shlex("").eof, shlex.shlex("", posix=True).eof)
