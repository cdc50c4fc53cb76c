# A package re-exporting submodule names; star import honours __all__; submodules become attributes.
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib2"))
import pkg_with_all
from pkg_with_all import *
print(run(Engine(5)), pkg_with_all.__version__, pkg_with_all.extras.HELPER)
print(sorted(n for n in dir() if not n.startswith("_")))
print(sorted(n for n in dir(pkg_with_all) if not n.startswith("__")))
print(pkg_with_all.core.Engine is Engine, sys.modules["pkg_with_all.core"] is pkg_with_all.core)
