"""Circular partner: imports a name partial_init has not defined yet."""
from partial_init import READY  # noqa: F401

VALUE = 1
