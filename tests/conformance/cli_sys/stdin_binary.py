# sys.stdin.buffer gives bytes; non-UTF-8 input decoded with surrogateescape in UTF-8 mode.
import sys
data = sys.stdin.buffer.read()
print(data, len(data))
print(sys.stdin.buffer.read(), type(sys.stdin.buffer).__name__)
sys.stdout.flush()
sys.stdout.buffer.write(b"raw bytes to stdout\n")
sys.stdout.flush()
print("after raw write")
