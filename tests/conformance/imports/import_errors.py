# ImportError and ModuleNotFoundError messages; failed imports leave no module behind.
import os
import sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "lib"))
def clean(msg):
    return str(msg).replace(here, "<dir>")
try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import shop.nothing_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from plainmod import does_not_exist
except ImportError as e:
    print(type(e).__name__, clean(e), e.name)
try:
    from shop import missing_name
except ImportError as e:
    print(type(e).__name__, clean(e))
for attempt in range(2):
    try:
        import broken_mod
    except ValueError as e:
        print("attempt", attempt, "ValueError:", e, "broken_mod" in sys.modules)
try:
    import plainmod.sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))
