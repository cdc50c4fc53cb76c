# import executes a module once; later imports reuse sys.modules.
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
print("before import")
import plainmod
import plainmod as again
from plainmod import bump, counter as counter_copy
print(plainmod is again, plainmod is sys.modules["plainmod"], plainmod.LOADS)
print(bump(), bump(), plainmod.counter, counter_copy)
print(plainmod.__name__, plainmod.where(), plainmod.__doc__, os.path.basename(plainmod.__file__))
print(sorted(n for n in dir(plainmod) if not n.startswith("__")))
print(type(plainmod).__name__, repr(plainmod).startswith("<module 'plainmod' from "))
import plainmod
print("no second execution above")
del sys.modules["plainmod"]
import plainmod as fresh
print(fresh is plainmod, fresh.counter, plainmod.counter)
