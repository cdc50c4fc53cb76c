"""Extra helpers; imports the package itself (already partially initialised)."""
from . import core

HELPER = "extras helper using " + core.__name__
