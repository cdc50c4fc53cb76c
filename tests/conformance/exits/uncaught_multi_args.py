# An exception with several args prints the args tuple.
def fail():
    raise ValueError("bad value", 42)
print("start")
fail()
