# Kept alive by sys at exit, so its globals are wiped while the instances are alive:
# `_r` goes first (one leading underscore), while `helper` is still set; `r` afterwards.
def helper():
    return "helper still set"

class R:
    def __init__(self, name): self.name = name
    def __del__(self):
        try:
            print("del", self.name, helper())
        except TypeError as e:
            print("del", self.name, "TypeError:", e)

r = R("r")
_r = R("_r")
z = R("z")
