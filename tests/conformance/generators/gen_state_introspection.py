# Generator attributes: gi_running, gi_frame, gi_code, gi_yieldfrom, and re-entrance errors.
def g():
    yield gen.gi_running
    yield 2
gen = g()
print(gen.gi_running, gen.gi_frame is not None, gen.gi_code.co_name, gen.__name__)
print(next(gen), gen.gi_running)
list(gen)
print(gen.gi_frame)
def reenter():
    yield next(r)
r = reenter()
try:
    next(r)
except ValueError as e:
    print("ValueError:", e)
def outer():
    yield from inner_gen
inner_gen = iter([1, 2])
o = outer()
next(o)
print(o.gi_yieldfrom is inner_gen)
def raises_stop():
    yield 1
    raise StopIteration("inside")
try:
    list(raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
