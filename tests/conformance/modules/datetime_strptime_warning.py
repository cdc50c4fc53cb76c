# The DeprecationWarning for a day of month without a year names the caller of strptime
# (the standard library frames are skipped), in time.strptime and datetime.strptime.
import warnings, datetime
warnings.simplefilter("always")
datetime.datetime.strptime("3 4", "%d %m")
import time
time.strptime("29 2", "%d %m")
