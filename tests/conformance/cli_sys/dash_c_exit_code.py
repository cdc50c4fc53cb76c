# `-c` code ending with sys.exit(n): exit status and stdout are kept.
import sys
print("from -c, argv:", sys.argv)
sys.exit(int(sys.argv[1]))
