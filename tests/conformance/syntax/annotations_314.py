# Annotations are evaluated lazily in 3.14 (PEP 649): undefined names are fine until inspected.
def f(x: UndefinedType, y: int = 3) -> "Later":
    return x
print(f(1))
try:
    f.__annotations__
except NameError as e:
    print("NameError:", e)
class UndefinedType:
    pass
print(sorted(f.__annotations__), f.__annotations__["y"], f.__annotations__["x"].__name__)
class Model:
    name: str
    count: int = 0
    tags: "list[str]"
print(Model.count, sorted(Model.__annotations__), "name" in vars(Model))
x: int = 5
y: float
print(x, "y" in globals(), __annotations__ if False else "module annotations exist")
def g(a: 1 + 1, b: print("evaluated b")) -> None:
    pass
print("defined g")
print(g.__annotations__)
