def gen(n):
    for i in range(n):
        yield i
    return "done"

def delegating():
    result = yield from gen(3)
    yield result

def sender():
    received = yield
    while received:
        received = yield received * 2

def genexp_arg(xs):
    return sum(x * x for x in xs)

def gen_with_try():
    try:
        yield 1
    finally:
        print("closed")

def gen_in_with(cm):
    with cm:
        yield cm

lazy = (i for i in range(10) if i % 3)
