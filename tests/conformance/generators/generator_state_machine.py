# A tokenizer written as a generator state machine, plus a generator-based coroutine parser.
def tokens(text):
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            yield ("NUM", int(text[i:j]))
            i = j
        elif ch.isalpha():
            j = i
            while j < len(text) and text[j].isalnum():
                j += 1
            yield ("ID", text[i:j])
            i = j
        elif text.startswith("==", i) or text.startswith("!=", i):
            yield ("OP", text[i:i + 2])
            i += 2
        else:
            yield ("OP", ch)
            i += 1
    yield ("END", None)
print(list(tokens("x1 = 42 + y*(7-3) == z != 10")))
def rpn():
    stack = []
    result = None
    while True:
        tok = yield result
        result = None
        if isinstance(tok, int):
            stack.append(tok)
        elif tok == "=":
            result = stack.pop()
        else:
            b, a = stack.pop(), stack.pop()
            stack.append({"+": a + b, "-": a - b, "*": a * b, "/": a // b}[tok])
calc = rpn()
next(calc)
for t in [3, 4, "+", 2, "*", 7, "-", "="]:
    r = calc.send(t)
    if r is not None:
        print("rpn result", r)
