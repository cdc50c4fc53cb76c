# Module-level __getattr__ / __dir__, and sys.modules injection.
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import lazy_attrs
print(lazy_attrs.present, lazy_attrs.dyn_hello, dir(lazy_attrs))
from lazy_attrs import dyn_world
print(dyn_world)
try:
    lazy_attrs.other
except AttributeError as e:
    print("AttributeError:", e)
class Fake:
    answer = 42
sys.modules["injected_module"] = Fake()
import injected_module
print(injected_module.answer, type(injected_module).__name__)
import types
mod = types.ModuleType("made_by_hand", "doc here")
mod.x = 5
sys.modules["made_by_hand"] = mod
from made_by_hand import x
print(x, mod.__name__, mod.__doc__, repr(mod))
