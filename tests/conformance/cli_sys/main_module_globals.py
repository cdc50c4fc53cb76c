# Module-level dunder names of the __main__ module.
import os
print(__name__, __doc__, __package__, __spec__, __loader__ is not None)
print(os.path.basename(__file__), os.path.isabs(__file__), __builtins__ is not None)
print(sorted(k for k in globals() if k.startswith("__")))
