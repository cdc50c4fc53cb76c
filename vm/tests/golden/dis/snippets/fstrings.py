name = "world"
width = 10
a = f"hello {name}"
b = f"{name!r} {name!s} {name!a}"
c = f"{name:>10} {name:{width}} {3.14159:.{2}f}"
d = f"{name=} {width = :>5}"
e = f"{'nested' + f'{name}'}"
f = f"{{literal}} {name}{{}}"
g = f"""multi
{name}
line"""
h = rf"\d{name}"
i = f"{name}" f"{width}" "plain"
j = f"{ {1: 2}[1] }"
k = f"{(lambda: 1)()}"
t1 = t"hello {name}"
t2 = t"{name!r:>{width}} and {width=}"
t3 = t"plain"
def in_function(x):
    return f"{x}", t"{x}", f"{x:{x}}"
