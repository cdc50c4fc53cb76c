f = lambda x, *a, y=1, **k: (x, a, y, k)
g = lambda: lambda: None
d = {k: v for k, v in {}.items() if k}
s = {x for x in ()} | {1, 2} & {2}
l = [*range(3), *[4]]
t = 1,
e = ()
