# sys.exit(n) exits with status n and no traceback.
import sys
print("working")
sys.stdout.flush()
if len(sys.argv) == 1:
    sys.exit(3)
print("unreachable")
