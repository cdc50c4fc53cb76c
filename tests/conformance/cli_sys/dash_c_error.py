# An uncaught exception in `-c` code: the traceback names "<string>".
import sys
print("args", sys.argv[1:])
def inner():
    return {}["k"]
inner()
