"""A plain helper module that records how often it is executed."""

print("plainmod: executing module body")
LOADS = 1
_private = "hidden"
counter = 0


def bump():
    global counter
    counter += 1
    return counter


def where():
    return __name__
