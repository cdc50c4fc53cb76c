# sys.exit(0) and sys.exit(None) are success; finally blocks still run.
import sys
try:
    print("in try")
    sys.exit(0)
finally:
    print("finally runs during exit")
