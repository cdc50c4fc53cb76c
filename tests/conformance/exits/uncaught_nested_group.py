# Nested exception groups with a cause.
try:
    raise KeyError("root cause")
except KeyError as root:
    inner = ExceptionGroup("inner", [ValueError("v1"), OSError("disk")])
    raise ExceptionGroup("outer", [inner, RuntimeError("rt")]) from root
