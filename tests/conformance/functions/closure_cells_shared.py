# Closures sharing cells, rebinding through nonlocal, and cell contents after the outer call returns.
def make_account(balance):
    def deposit(x):
        nonlocal balance
        balance += x
        return balance
    def withdraw(x):
        nonlocal balance
        if x > balance:
            raise ValueError("insufficient")
        balance -= x
        return balance
    def get():
        return balance
    return deposit, withdraw, get
dep, wd, get = make_account(100)
print(dep(50), wd(30), get())
try:
    wd(1000)
except ValueError as e:
    print("ValueError:", e, get())
print([c.cell_contents for c in get.__closure__], dep.__closure__[0] is get.__closure__[0])
def counters():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    i = 100
    return fs
print([f() for f in counters()])
def generator_closure():
    total = 0
    def gen():
        nonlocal total
        for k in range(4):
            total += k
            yield total
    return gen, lambda: total
g, peek = generator_closure()
it = g()
print(next(it), peek(), next(it), next(it), peek())
def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            c = 3
            def l3():
                return a + b + c
            return l3
        return l2
    return l1
print(deep()()()(), deep()()().__code__.co_freevars)
