# Module state is shared by every importer; functions see their own module's globals.
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import plainmod
from plainmod import bump
counter = "main's counter"
print(bump(), bump(), plainmod.counter, counter)
plainmod.counter = 100
print(bump(), plainmod.counter)
print(bump.__globals__ is vars(plainmod), bump.__module__)
g = globals()
g["created_via_globals"] = "yes"
print(created_via_globals, "plainmod" in g, g["__name__"])
