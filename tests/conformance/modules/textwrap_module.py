# textwrap: chunking (hyphens, em-dashes, whitespace), filling, long words, max_lines and
# placeholders, sentence endings, shorten, dedent, indent, errors; plus a generated matrix.
import textwrap

text = ("Hello there -- you goof-ball, use the -b option! A self-evident, well-known "
        "state-of-the-art e-mail: x--y, 1-2-3 and ab-c-d. Tabs\there\tand\nnewlines.")
w = textwrap.TextWrapper()
print(w._split_chunks(text))
print(textwrap.TextWrapper(break_on_hyphens=False)._split_chunks(text))
for width in (1, 5, 10, 17, 30, 70):
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 24, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("supercalifragilisticexpialidocious-word here", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious-word here", 10, break_long_words=False))
print(textwrap.wrap("----------abc", 5))
print(textwrap.wrap("  leading and trailing  ", 8, drop_whitespace=False))
print(textwrap.wrap("One. Two! three? \"four.\" five", 12, fix_sentence_endings=True))
print(textwrap.wrap("a\tb\tc", 20, expand_tabs=False))
print(textwrap.wrap("a\tb\tc", 20, tabsize=4, replace_whitespace=False))
for n in (1, 2, 3):
    print(n, textwrap.wrap(text, 20, max_lines=n))
    print(n, textwrap.wrap(text, 20, max_lines=n, placeholder="..."))
print(textwrap.shorten("Hello  world!", width=12))
print(textwrap.shorten("Hello  world!", width=11))
print(textwrap.shorten("Hello world!", width=10, placeholder="..."))
print(repr(textwrap.dedent("    def f():\n        return 1\n  \n    x\n")))
print(repr(textwrap.dedent("\thello\n  \tworld")))
print(repr(textwrap.dedent("  a\n\t b\n")))
print(repr(textwrap.dedent("")), repr(textwrap.dedent("\n\n  \n")))
print(repr(textwrap.indent("a\n\n  \nb\r\nc", "> ")))
print(repr(textwrap.indent("a\n\nb", "> ", lambda line: True)))
for bad in (lambda: textwrap.wrap("x", 0),
            lambda: textwrap.wrap("abc def", 3, max_lines=2, placeholder=" [....]"),
            lambda: textwrap.dedent(b"  x"),
            lambda: textwrap.dedent(None)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(textwrap.__all__)

# A generated matrix (a small linear congruential generator keeps it deterministic).
state = 12345
def rand(n):
    global state
    state = (state * 1103515245 + 12345) % 2**31
    return state % n
alphabet = ["a", "b", "Z", "é", "1", "_", "-", "-", " ", " ", "\t", "\n", ".", "!", "'",
            ",", "&", "²", "\xa0", "--", "ab", "xyz"]
for _ in range(400):
    t = "".join(alphabet[rand(len(alphabet))] for _ in range(rand(30)))
    kw = {"width": 2 + rand(14)}
    for name in ("break_on_hyphens", "break_long_words", "drop_whitespace",
                 "fix_sentence_endings", "replace_whitespace"):
        if rand(3) == 0:
            kw[name] = bool(rand(2))
    if rand(4) == 0:
        kw["max_lines"] = 1 + rand(3)
    wrapper = textwrap.TextWrapper(**kw)
    try:
        print(wrapper._split_chunks(t), wrapper.wrap(t))
    except ValueError as e:
        print("ValueError", e)
    print(repr(textwrap.dedent(t)))
