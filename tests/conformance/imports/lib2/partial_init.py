"""Imports a name from a module that is still initializing (circular from-import)."""
from partial_other import VALUE  # noqa: F401
READY = True
