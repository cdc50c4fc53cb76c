# A circular `from x import y` fails with "partially initialized module" and leaves no broken module.
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib2"))
try:
    import partial_init
except ImportError as e:
    msg = str(e).replace(os.path.dirname(os.path.abspath(__file__)), "<dir>")
    print("ImportError:", msg)
print("partial_init" in sys.modules, "partial_other" in sys.modules)
