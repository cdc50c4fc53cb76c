# sys.audit and sys.addaudithook: hooks see events in order with their argument tuple, the
# sys.addaudithook event, RuntimeError vetoes a new hook, other errors propagate, argument
# errors; glob raises its audit events.
import sys

seen = []
sys.audit("before.any.hook", 1, 2)
sys.addaudithook(lambda event, args: seen.append((event, args)))
sys.audit("my.event")
sys.audit("my.event", 1, "two", [3])
print(seen)


def picky(event, args):
    if event == "sys.addaudithook":
        raise RuntimeError("no more hooks")


sys.addaudithook(picky)
print(sys.addaudithook(lambda e, a: print("never added", e)))
sys.audit("after.veto")
print(seen[-3:])


seen.clear()
for bad in [lambda: sys.audit(), lambda: sys.audit(5), lambda: sys.audit("x", k=1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)

import glob
glob.glob("*.nothing-matches-this", recursive=True)
print([e for e in seen if e[0].startswith("glob")])
