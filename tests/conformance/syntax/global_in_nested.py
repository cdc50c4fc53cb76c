# global declared in nested functions and methods; globals() updates; names created in loops at module level.
total = 0
def add(n):
    def inner():
        global total
        total += n
    inner()
    return total
print(add(5), add(10), total)
class Registry:
    def register(self, name):
        global registered
        registered = name
        return self
Registry().register("first").register("second")
print(registered)
for i in range(3):
    globals()[f"dyn_{i}"] = i * i
print(dyn_0, dyn_1, dyn_2, sorted(k for k in globals() if k.startswith("dyn_")))
def shadow_then_global():
    total = "local"
    def g():
        global total
        return total
    return total, g()
print(shadow_then_global())
