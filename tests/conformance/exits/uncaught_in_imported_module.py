# A traceback that passes through a helper module in a sibling directory.
import sys
sys.path.insert(0, "helpers")
import failing_helper
print("calling helper")
failing_helper.explode(3)
