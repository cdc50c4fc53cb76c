from __future__ import annotations

x: int = 1
y: list[str]

def f(a: int, b: "str" = "") -> dict[str, int]:
    c: float = 1.0
    return {}

class C:
    attr: C
    def m(self) -> C:
        return self
