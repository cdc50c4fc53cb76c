# SystemExit(True) exits with 1, SystemExit(False) would be 0.
import sys
print("exiting with True")
sys.exit(True)
