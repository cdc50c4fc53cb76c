# Replacing sys.stdout redirects print; restoring it works.
import io
import sys
original = sys.stdout
buf = io.StringIO()
sys.stdout = buf
print("captured 1")
print("captured", 2, sep="-")
sys.stdout = original
print("restored; buffer had", repr(buf.getvalue()))
class Upper:
    def write(self, s):
        original.write(s.upper())
        return len(s)
    def flush(self):
        pass
sys.stdout = Upper()
print("shouting now")
sys.stdout = sys.__stdout__
print("quiet again")
