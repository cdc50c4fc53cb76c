# PEP 442: __del__ of cyclic garbage runs once, resurrected objects survive, and a
# finalizer that already ran is not run again.
import gc

gc.disable()
gc.collect()
log = []


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)


a = D("a")
b = D("b")
a.other = b
b.other = a
del a, b
print("collected:", gc.collect())
print("finalized:", sorted(log))
log.clear()

saved = []


class Phoenix:
    def __del__(self):
        log.append("phoenix del")
        saved.append(self)


p = Phoenix()
p.me = p
del p
gc.collect()
print(log, len(saved), saved[0].me is saved[0])
print("is_finalized:", gc.is_finalized(saved[0]))
log.clear()
saved.clear()
print("second time, no __del__:", gc.collect(), log)


class Partner:
    def __del__(self):
        log.append("partner del")
        holder.append(self.friend)


holder = []
x = Partner()
y = D("y")
x.friend = y
y.friend = x
del x, y
gc.collect()
print(sorted(log), len(holder), holder[0].name, type(holder[0].friend).__name__)
log.clear()
holder.clear()
gc.collect()
print("after release:", log)


obj = D("plain")
print("not finalized:", gc.is_finalized(obj), gc.is_finalized(1))

# Resurrected objects are not counted as collected.
keep = []


class R:
    def __del__(self):
        keep.append(self)


a = R()
b = R()
a.o = b
b.o = a
del a, b
print("resurrected pair:", gc.collect(), len(keep))
keep.clear()
print("released pair:", gc.collect())
