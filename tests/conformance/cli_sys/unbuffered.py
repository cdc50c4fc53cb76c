# -u makes stdout and stderr unbuffered (write-through).
import sys
print(sys.stdout.write_through, sys.stderr.write_through)
for i in range(3):
    print("line", i)
    print("err", i, file=sys.stderr)
