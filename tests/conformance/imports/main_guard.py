# __name__ is "__main__" for the script and the module name for imports.
import os
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
print("script __name__:", __name__)
import mainguard
print(mainguard.main())
def main():
    print("script main() ran")
if __name__ == "__main__":
    main()
print(sys.modules["__main__"].__name__, sys.modules[__name__] is sys.modules["__main__"])
print(os.path.basename(__file__), __file__ == os.path.abspath(__file__), __doc__, __package__, __spec__ is None)
