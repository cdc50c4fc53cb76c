# -I: isolated mode; the script's directory is not put on sys.path.
import os
import sys
here = os.path.dirname(os.path.abspath(__file__))
print(sys.flags.isolated, sys.flags.ignore_environment, sys.flags.no_user_site, sys.flags.safe_path)
print(here in sys.path, sys.path[0] == here if sys.path else None)
try:
    import runnable_pkg
    print("imported from script dir (wrong)")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
