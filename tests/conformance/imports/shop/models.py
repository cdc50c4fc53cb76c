"""Models of the shop package."""
from .utils.money import format_price

__all__ = ["Product", "make"]


class Product:
    def __init__(self, name, cents):
        self.name = name
        self.cents = cents

    def __repr__(self):
        return f"Product({self.name!r}, {format_price(self.cents)})"


def make(name, cents):
    return Product(name, cents)


def _internal():
    return "internal"


HELPER_CONSTANT = 7
