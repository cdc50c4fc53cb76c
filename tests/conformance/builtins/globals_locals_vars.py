# globals(), locals(), vars() in module, function and class scopes.
g_value = "module level"
print("g_value" in globals(), globals()["g_value"], globals() is vars(), __name__ in ("__main__",))
def func(a, b=2):
    c = 3
    loc = locals()
    return sorted(loc), loc["a"] + loc["b"] + loc["c"]
print(func(1))
class Klass:
    x = 1
    y = 2
    snapshot = sorted(k for k in locals() if not k.startswith("__"))
print(Klass.snapshot)
def modify_locals():
    v = 1
    locals()["v"] = 100
    return v
print(modify_locals())
def closure_locals():
    free = "free var"
    def inner():
        return sorted(locals()), free
    return inner()
print(closure_locals())
globals()["dynamic_global"] = 7
print(dynamic_global)
print(sorted(k for k in vars() if not k.startswith("__"))[:5])
