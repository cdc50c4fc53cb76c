# ImportError/ModuleNotFoundError messages from the import statement.
tests = ["import zz_missing_module", "from zz_missing_module import x", "import os.nonexistent",
         "from math import nonexistent", "import math.sqrt"]
for src in tests:
    try:
        exec(src)
    except ImportError as e:
        print(type(e).__name__, e, repr(e.name))
try:
    exec("from . import x")
except ImportError as e:
    print(type(e).__name__, e)
