def ident[T](x: T) -> T:
    return x

def bounded[T: int, U: (str, bytes)](a: T, b: U) -> tuple[T, U]:
    return a, b

def variadic[*Ts, **P](*args: *Ts) -> None:
    pass

def defaults[T = int, *Ts = *tuple[int], **P = [int]]() -> T:
    pass

class Box[T]:
    def get(self) -> T:
        return self.item
    def map[U](self, f: "Callable[[T], U]") -> "Box[U]":
        return Box()

class Sub[T](Box[T], metaclass=type):
    pass

type Alias = int
type Generic[T] = list[T]
type Bounded[T: str] = dict[T, T]
type Recursive = list[Recursive] | int

def outer():
    type Local[K] = dict[K, int]
    class Inner[V]:
        x: V
    return Local, Inner
