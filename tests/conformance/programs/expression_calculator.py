# A tokenizer and recursive-descent parser/evaluator for arithmetic with variables and functions.
import math
class Token:
    def __init__(self, kind, text):
        self.kind, self.text = kind, text
    def __repr__(self):
        return f"{self.kind}:{self.text}"
def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            tokens.append(Token("num", src[i:j]))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(Token("name", src[i:j]))
            i = j
        elif c in "+-*/^(),=":
            tokens.append(Token("op", c))
            i += 1
        else:
            raise SyntaxError(f"unexpected character {c!r} at {i}")
    tokens.append(Token("end", ""))
    return tokens
class Parser:
    FUNCS = {"sqrt": math.sqrt, "abs": abs, "max": max, "min": min, "round": round}
    def __init__(self, tokens, env):
        self.toks, self.pos, self.env = tokens, 0, env
    def peek(self):
        return self.toks[self.pos]
    def take(self, text=None):
        tok = self.toks[self.pos]
        if text is not None and tok.text != text:
            raise SyntaxError(f"expected {text!r}, got {tok.text!r}")
        self.pos += 1
        return tok
    def statement(self):
        if self.peek().kind == "name" and self.toks[self.pos + 1].text == "=":
            name = self.take().text
            self.take("=")
            value = self.expr()
            self.env[name] = value
            return value
        return self.expr()
    def expr(self):
        value = self.term()
        while self.peek().text in ("+", "-"):
            op = self.take().text
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value
    def term(self):
        value = self.factor()
        while self.peek().text in ("*", "/"):
            op = self.take().text
            rhs = self.factor()
            value = value * rhs if op == "*" else value / rhs
        return value
    def factor(self):
        base = self.unary()
        if self.peek().text == "^":
            self.take()
            return base ** self.factor()
        return base
    def unary(self):
        if self.peek().text == "-":
            self.take()
            return -self.unary()
        return self.atom()
    def atom(self):
        tok = self.take()
        if tok.kind == "num":
            return float(tok.text) if "." in tok.text else int(tok.text)
        if tok.kind == "name":
            if self.peek().text == "(":
                self.take("(")
                args = [self.expr()]
                while self.peek().text == ",":
                    self.take()
                    args.append(self.expr())
                self.take(")")
                return self.FUNCS[tok.text](*args)
            if tok.text not in self.env:
                raise NameError(f"undefined variable {tok.text!r}")
            return self.env[tok.text]
        if tok.text == "(":
            value = self.expr()
            self.take(")")
            return value
        raise SyntaxError(f"unexpected token {tok!r}")
env = {"pi": math.pi}
program = ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "x = 10", "y = x / 4", "x * y - 3",
           "sqrt(16) + abs(-3)", "max(1, x, y, 7)", "round(pi * 100) / 100", "r = 2.5", "pi * r ^ 2",
           "1 / 0", "z + 1", "3 $ 4", "(1 + 2", "min(3, 2) * -(-4)"]
for line in program:
    try:
        print(f"{line:<24} => {Parser(tokenize(line), env).statement()!r}")
    except (SyntaxError, NameError, ZeroDivisionError) as e:
        print(f"{line:<24} !! {type(e).__name__}: {e}")
print(sorted(env.items()))
