import sys
pass
global_name = 1
del global_name
print("x", file=sys.stderr)
if __name__ == "__main__":
    sys.exit(0)
for _ in ():
    pass
while False:
    pass
def f():
    pass
class C:
    pass
x = [1, 2]
x.append(3)
x[0] += 1
raise SystemExit if x else None
