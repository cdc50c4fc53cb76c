# `-m MODULE` runs a module from sys.path as __main__.
import os
import sys
print(__name__, os.path.basename(sys.argv[0]), sys.argv[1:])
print(os.path.basename(__file__), __spec__.name if __spec__ else None)
if __name__ == "__main__":
    print("ran as main module")
