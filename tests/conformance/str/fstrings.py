# f-strings: expressions, conversions, format specs, nesting, = debugging, quotes.
name, n, pi = "Ada", 42, 3.14159
items = [1, 2, 3]
print(f"{name} {n} {pi:.2f} {n:#x} {n:>5}| {name!r} {name!a} {'é'!a}")
print(f"{n + 1} {items[-1]} {len(items)} {name.upper()} {'-'.join(map(str, items))}")
print(f"{n=} {pi=:.3f} {name = } {items[0]=!r} {n*2=}")
width, prec = 10, 3
print(f"[{pi:{width}.{prec}f}] [{name:^{width}}] [{n:{'>' if n else '<'}{width}}]")
print(f"{'nested {}'.format(1)} {f'{n}'} {f'{f"{n}"}'}")
print(f"{{braces}} {{{n}}} {'{'}")
d = {"k": "v"}
print(f"{d['k']} {d["k"]} {'x' if n > 40 else 'y'} {(lambda x: x * 2)(n)}")
print(f"{n:,} {2**40:_} {0.5:%} {-0.0:z.1f} {n:08b}")
print(f"multi{
    n
}line", f"""triple {
name}""")
class Fmt:
    def __format__(self, spec):
        return f"<{spec}>"
    def __repr__(self):
        return "Fmt()"
    def __str__(self):
        return "fmt-str"
print(f"{Fmt()} {Fmt():xyz} {Fmt()!r} {Fmt()!s} {Fmt()=}")
x = 5
print(f"{x if x else 0:>4}|", f"{x!r:>4}|", f"{'a' 'b'}", rf"\n{x}", fr"{x}\t")
print(f"{3.0:.0f} {1e20:.3g} {x:{x}}|")
print(f"{'😀'} {len(f'{name}{name}')}", f"{name:.1}", f"{[i * i for i in range(4)]}")
