# A tiny Scheme-like interpreter: reader, environments, closures, recursion, tail of lists.
import operator as op
def tokenize(s):
    return s.replace("(", " ( ").replace(")", " ) ").split()
def read(tokens):
    tok = tokens.pop(0)
    if tok == "(":
        lst = []
        while tokens[0] != ")":
            lst.append(read(tokens))
        tokens.pop(0)
        return lst
    try:
        return int(tok)
    except ValueError:
        try:
            return float(tok)
        except ValueError:
            return tok
class Env(dict):
    def __init__(self, params=(), args=(), outer=None):
        super().__init__(zip(params, args))
        self.outer = outer
    def find(self, name):
        if name in self:
            return self
        if self.outer is None:
            raise NameError(f"unbound symbol {name}")
        return self.outer.find(name)
def standard_env():
    env = Env()
    env.update({"+": lambda *a: sum(a), "-": op.sub, "*": op.mul, "/": op.truediv, "<": op.lt, ">": op.gt,
                "=": op.eq, "<=": op.le, "car": lambda x: x[0], "cdr": lambda x: x[1:], "cons": lambda a, b: [a] + b,
                "list": lambda *a: list(a), "null?": lambda x: x == [], "length": len, "mod": op.mod})
    return env
class Lambda:
    def __init__(self, params, body, env):
        self.params, self.body, self.env = params, body, env
    def __call__(self, *args):
        return evaluate(self.body, Env(self.params, args, self.env))
def evaluate(x, env):
    while True:
        if isinstance(x, str):
            return env.find(x)[x]
        if not isinstance(x, list):
            return x
        head = x[0]
        if head == "quote":
            return x[1]
        if head == "if":
            _, test, conseq, alt = x
            x = conseq if evaluate(test, env) else alt
            continue
        if head == "define":
            env[x[1]] = evaluate(x[2], env)
            return None
        if head == "lambda":
            return Lambda(x[1], x[2], env)
        if head == "begin":
            for e in x[1:-1]:
                evaluate(e, env)
            x = x[-1]
            continue
        proc = evaluate(head, env)
        args = [evaluate(a, env) for a in x[1:]]
        if isinstance(proc, Lambda):
            x, env = proc.body, Env(proc.params, args, proc.env)
            continue
        return proc(*args)
def to_str(v):
    if isinstance(v, list):
        return "(" + " ".join(map(to_str, v)) + ")"
    if v is True:
        return "#t"
    if v is False:
        return "#f"
    return str(v)
genv = standard_env()
programs = """
(define fact (lambda (n) (if (<= n 1) 1 (* n (fact (- n 1))))))
(fact 20)
(define fib (lambda (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))))
(fib 15)
(define map (lambda (f xs) (if (null? xs) (quote ()) (cons (f (car xs)) (map f (cdr xs))))))
(map (lambda (x) (* x x)) (list 1 2 3 4 5))
(define count (lambda (n acc) (if (= n 0) acc (count (- n 1) (+ acc 1)))))
(count 5000 0)
(define make-adder (lambda (n) (lambda (x) (+ x n))))
((make-adder 10) 32)
(begin (define x 5) (define y 7) (* x y))
(length (list 1 2 3))
(undefined-thing 1)
(/ 7 2)
""".strip().splitlines()
for line in programs:
    try:
        result = evaluate(read(tokenize(line)), genv)
        print(f"{line[:50]:<52} -> {to_str(result)}")
    except NameError as e:
        print(f"{line[:50]:<52} !! {e}")
