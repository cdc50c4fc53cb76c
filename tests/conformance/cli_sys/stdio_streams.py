# sys.stdin/stdout/stderr: write return values, reading lines, isatty, names.
import sys
n = sys.stdout.write("written via sys.stdout\n")
print(n)
sys.stderr.write("stderr line\n")
print(sys.stdout.isatty(), sys.stdin.isatty(), sys.stdout.name, sys.stderr.name, sys.stdin.name)
print(sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr, sys.stdout.mode, sys.stdout.fileno(), sys.stderr.fileno())
lines = [line.rstrip("\n") for line in sys.stdin]
print(lines, len(lines))
print(sys.stdin.read(), repr(sys.stdin.readline()))
sys.stdout.writelines(["a\n", "b\n"])
sys.stdout.flush()
print(sys.stdout.errors, sys.stdout.line_buffering)
