# Output to stderr with exit status 0; stdout and stderr are separate streams.
import sys
print("to stdout")
print("to stderr", file=sys.stderr)
sys.stderr.write("written directly\n")
print("more stdout")
sys.stdout.write("no newline at end")
