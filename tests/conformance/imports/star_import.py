# from module import * honours __all__; without __all__, underscore names are skipped.
from shop.models import *
print(sorted(n for n in dir() if not n.startswith("__")))
try:
    HELPER_CONSTANT
except NameError as e:
    print("NameError:", e)
from shop import *
print(VERSION, Product.__name__)
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from plainmod import *
print("bump" in dir(), "_private" in dir(), counter, LOADS)
