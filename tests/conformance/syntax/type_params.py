# PEP 695 syntax: type aliases and generic functions/classes (3.12+).
type Number = int | float
type Pair[T] = tuple[T, T]
print(Number.__name__, Pair.__name__, len(Pair.__type_params__), Pair.__type_params__[0].__name__)
def first[T](items: list[T]) -> T:
    return items[0]
print(first([3, 2, 1]), first("abc"), [p.__name__ for p in first.__type_params__])
class Box[T]:
    def __init__(self, item: T):
        self.item = item
    def get(self) -> T:
        return self.item
b = Box(5)
print(b.get(), [p.__name__ for p in Box.__type_params__], Box.__name__)
class Registry[K, V]:
    def __init__(self):
        self.data: dict[K, V] = {}
    def put(self, k: K, v: V) -> None:
        self.data[k] = v
r = Registry()
r.put("a", 1)
print(r.data, len(Registry.__type_params__))
