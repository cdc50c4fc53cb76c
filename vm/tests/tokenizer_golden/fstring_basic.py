name = "world"
width = 10
print(f"hello {name}!")
print(f'{name!r} {name!s} {name!a}')
print(f"{name:>{width}} | {3.14159:.2f} | {42:#x} | {1e6:,}")
print(F"{name}" f'{width}' rf"\d{name}" fR'{name}\n' Rf"{{}}")
print(f"{{literal}} {{{name}}} }}{{")
print(f"")
print(f"{name}{width}{name}")
print(f"{ name }" f"{ name = }" f"{name=!r:>20}")
print(f"{width:{'>' if width else '<'}{width}}")
print(f"{[x for x in range(3)]} {{1: 2}} { {1: 2}[1] } {(lambda: 1)()}")
print(f"{'a' 'b'} {name.upper()} {name[1:3]} {name[::-1]}")
