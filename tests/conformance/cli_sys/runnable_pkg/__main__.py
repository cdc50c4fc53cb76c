import os
import sys
from . import helper
print("__main__ of package:", __name__, __package__, sys.argv[1:], os.path.basename(sys.argv[0]))
print(helper.greet("world"))
