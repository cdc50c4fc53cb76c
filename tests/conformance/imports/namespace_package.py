# Implicit namespace packages (a directory without __init__.py).
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "nsroot"))
import ns_only.part
print(ns_only.part.NAME, ns_only.__file__ if getattr(ns_only, "__file__", None) else "no __file__")
print([os.path.basename(p) for p in ns_only.__path__])
from ns_only import part
print(part is ns_only.part)
