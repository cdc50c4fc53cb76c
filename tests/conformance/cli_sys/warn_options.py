# -W options become sys.warnoptions and filters at startup (invalid ones are reported on
# stderr and ignored); the last option given is the first filter.
import sys
import warnings

print(sys.warnoptions)
for f in warnings.filters[:4]:
    action, message, category, module, lineno = f
    print(action, message and message.pattern, category.__name__, module and module.pattern, lineno)

warnings.warn("quiet please")          # ignored by the message filter
warnings.warn("shown", RuntimeWarning)  # 'always'
try:
    warnings.warn("old", DeprecationWarning)
except DeprecationWarning as e:
    print("raised:", e)
warnings.warn("at line", SyntaxWarning)
