# Options after the script name belong to the script, not to the interpreter.
import sys
print(sys.argv[1:], sys.flags.isolated, sys.flags.optimize)
