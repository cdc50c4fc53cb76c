# An indentation-aware tokenizer for a tiny language, emitting INDENT/DEDENT like Python's tokenizer.
SOURCE = """def f(x):
    if x:
        return 1
    else:
        y = x + 2
        return y
print(f(0))
"""
def tokenize(src):
    indents = [0]
    out = []
    for lineno, line in enumerate(src.splitlines(), 1):
        if not line.strip():
            continue
        width = len(line) - len(line.lstrip(" "))
        if width > indents[-1]:
            indents.append(width)
            out.append(("INDENT", lineno))
        while width < indents[-1]:
            indents.pop()
            out.append(("DEDENT", lineno))
        if width != indents[-1]:
            raise IndentationError(f"line {lineno}: unindent does not match any outer level")
        word = ""
        for ch in line.strip() + " ":
            if ch.isalnum() or ch == "_":
                word += ch
                continue
            if word:
                out.append(("NAME" if not word.isdigit() else "NUMBER", word))
                word = ""
            if not ch.isspace():
                out.append(("OP", ch))
        out.append(("NEWLINE", lineno))
    while len(indents) > 1:
        indents.pop()
        out.append(("DEDENT", "eof"))
    return out
toks = tokenize(SOURCE)
for kind, value in toks:
    print(kind, value)
print(sum(1 for t in toks if t[0] == "INDENT"), sum(1 for t in toks if t[0] == "DEDENT"))
try:
    tokenize("if x:\n    a\n  b\n")
except IndentationError as e:
    print("IndentationError:", e)
