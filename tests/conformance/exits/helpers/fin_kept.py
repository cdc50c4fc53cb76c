# A module kept alive past the collection (an attribute of `sys` holds it): its globals
# are wiped, names with one leading underscore first, then the others.


class Reporter:
    def __init__(self, name): self.name = name
    def __del__(self):
        # By now other globals of this module may already be None.
        print("del", self.name, "| _private is", type(_private).__name__)

first = Reporter("fin_kept.first")
_private = Reporter("fin_kept._private")
__dunder = Reporter("fin_kept.__dunder")
last = Reporter("fin_kept.last")
