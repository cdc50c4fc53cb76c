# f-strings: nested quotes (3.12+), backslashes in expressions, lambdas/walrus in parentheses, debug specifiers.
items = {"a b": 1, "c": [1, 2]}
print(f"{items["a b"]} {items['c'][-1]} {"nested " + f"{'deep'}"}")
newline = "\n"
print(f"{newline.join(['x', 'y'])}", f"{'\t'.join('ab')!r}")
print(f"{(lambda x: x * 2)(21)} {(n := 5) * n} {n}")
value, width = 3.14159, 12
print(f"{value=:{width}.2f}|", f"{value = !r:>20}|", f"{value!s:.4}")
print(f"{'{'}{'}'}", f"{{}}", f"{{{value:.1f}}}", f"{'%'} {100:%}")
print(f"{1:{'>'}{5}}", f"{'x':{'^'}{width}}|", f"{3:0{2}d}")
print(f"""{
    1 +
    2
}""", f"{'multi' 'part'}", f"{[x for x in range(3) if x != 1]}", f"{ {'set', 'x'} == {'x', 'set'} }")
class A:
    def __repr__(self):
        return "A-repr"
    def __str__(self):
        return "A-str"
a = A()
print(f"{a} {a!r} {a!s} {a=} {a=!s} {str(a)!r}")
print(f"{'é'!a} {'snake 🐍'!a} {b'bytes'} {None!r:>6}")
