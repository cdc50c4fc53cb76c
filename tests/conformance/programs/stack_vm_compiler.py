# Compile arithmetic expressions (with variables and let) to stack-machine code, then run it.
def tokenize(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c.isspace():
            i += 1
        elif c.isdigit():
            j = i
            while j < len(s) and s[j].isdigit():
                j += 1
            out.append(int(s[i:j]))
            i = j
        elif c.isalpha():
            j = i
            while j < len(s) and s[j].isalnum():
                j += 1
            out.append(s[i:j])
            i = j
        else:
            out.append(c)
            i += 1
    return out
def parse(tokens):
    pos = 0
    def peek():
        return tokens[pos] if pos < len(tokens) else None
    def advance():
        nonlocal pos
        pos += 1
        return tokens[pos - 1]
    def expr():
        if peek() == "let":
            advance()
            name = advance()
            advance()  # '='
            value = expr()
            advance()  # 'in'
            return ("let", name, value, expr())
        node = term()
        while peek() in ("+", "-"):
            node = (advance(), node, term())
        return node
    def term():
        node = atom()
        while peek() in ("*", "/", "%"):
            node = (advance(), node, atom())
        return node
    def atom():
        t = advance()
        if t == "(":
            node = expr()
            advance()
            return node
        if t == "-":
            return ("neg", atom())
        return ("num", t) if isinstance(t, int) else ("var", t)
    return expr()
def compile_(node, code):
    kind = node[0]
    if kind == "num":
        code.append(("PUSH", node[1]))
    elif kind == "var":
        code.append(("LOAD", node[1]))
    elif kind == "neg":
        compile_(node[1], code)
        code.append(("NEG", None))
    elif kind == "let":
        compile_(node[2], code)
        code.append(("STORE", node[1]))
        compile_(node[3], code)
    else:
        compile_(node[1], code)
        compile_(node[2], code)
        code.append(({"+": "ADD", "-": "SUB", "*": "MUL", "/": "DIV", "%": "MOD"}[kind], None))
    return code
def run(code, env):
    stack, env = [], dict(env)
    for op, arg in code:
        if op == "PUSH":
            stack.append(arg)
        elif op == "LOAD":
            stack.append(env[arg])
        elif op == "STORE":
            env[arg] = stack.pop()
        elif op == "NEG":
            stack.append(-stack.pop())
        else:
            b, a = stack.pop(), stack.pop()
            stack.append({"ADD": a + b, "SUB": a - b, "MUL": a * b, "DIV": a // b, "MOD": a % b}[op])
    return stack.pop()
for src in ["1 + 2 * 3", "(1 + 2) * 3", "-x * (y - 4)", "let a = 5 in a * a + x", "100 / 7 % 4", "let b = x + 1 in let c = b * b in c - b"]:
    code = compile_(parse(tokenize(src)), [])
    print(f"{src:<40} {len(code):>2} ops -> {run(code, {'x': 3, 'y': 10})}")
print(compile_(parse(tokenize("let a = 2 in a * (a + 1)")), []))
