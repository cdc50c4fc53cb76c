# -X options appear in sys._xoptions (key=value as str, bare key as True).
import sys
x = sys._xoptions
print(x.get("utf8"), x.get("custom"), x.get("flag"), x.get("absent"), type(x).__name__)
print(sys.flags.utf8_mode)
