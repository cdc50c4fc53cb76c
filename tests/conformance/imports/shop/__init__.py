"""A package with subpackages and relative imports."""
print("shop/__init__ executing, __name__ =", __name__, "__package__ =", __package__)
from .models import Product
from . import utils

VERSION = "1.2"
__all__ = ["Product", "VERSION"]
