"""Package whose __init__ re-exports names from submodules and defines __all__."""
from .core import run, Engine
from . import extras

__all__ = ["run", "Engine"]
__version__ = "0.3"
