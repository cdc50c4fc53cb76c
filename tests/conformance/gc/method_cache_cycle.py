# A class whose methods reach it (through a closure or through a module's globals) dies
# with gc.collect() once nothing else holds it, even after its methods were looked up.
import gc
import sys
import weakref

def make():
    class E:
        def __init__(self):
            self.kind = E
        def describe(self):
            return E.__name__
    e = E()
    e.describe()
    E().describe()
    return weakref.ref(E)

r = make()
gc.collect()
print("closure class collected:", r() is None)

sys.path.insert(0, "helpers")
import cache_cycle_helper
ref = weakref.ref(cache_cycle_helper.Thing)
glob = weakref.ref(cache_cycle_helper.make)
del sys.modules["cache_cycle_helper"], cache_cycle_helper
gc.collect()
print("module class collected:", ref() is None, glob() is None)
