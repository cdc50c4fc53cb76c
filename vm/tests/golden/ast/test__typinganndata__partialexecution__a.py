v1: int

from . import b

v2: int
