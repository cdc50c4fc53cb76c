# A negative exit code wraps modulo 256.
import sys
print("negative")
sys.exit(-1)
