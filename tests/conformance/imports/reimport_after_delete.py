# Deleting a module from sys.modules forces re-execution; old references keep the old module object.
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import plainmod as first
first.bump()
del sys.modules["plainmod"]
import plainmod as second
print(first is second, first.counter, second.counter)
second.bump()
second.bump()
print(first.counter, second.counter, sys.modules["plainmod"] is second)
from plainmod import bump
print(bump.__globals__ is vars(second), bump())
