# sys.exit() inside an except block: the status wins, no traceback, finally blocks still run.
import sys
def main():
    try:
        {}["missing"]
    except KeyError as e:
        print("handling", repr(e))
        sys.exit(5)
    finally:
        print("finally in main")
try:
    main()
finally:
    print("module-level finally")
