# LEGB name resolution, builtins shadowing, class scope skipping, and locals().
x = "global x"
def outer():
    x = "enclosing x"
    def inner():
        return x
    return inner()
print(outer())
def shadow_builtin():
    len = lambda s: "shadowed"
    return len("abc")
print(shadow_builtin(), len("abc"))
import builtins
print(builtins.len("xy"), builtins.__name__)
class K:
    x = "class x"
    def method(self):
        return x
print(K().method())
def locals_demo(a, b=2):
    c = a + b
    return sorted(locals().items())
print(locals_demo(1))
def counter_factory():
    count = 0
    def up():
        nonlocal count
        count += 1
        return count
    def down():
        nonlocal count
        count -= 1
        return count
    return up, down
up, down = counter_factory()
print(up(), up(), down(), up())
def uses_global_before_assign():
    global late_global
    late_global = "assigned in function"
uses_global_before_assign()
print(late_global)
def conditional_local(flag):
    if flag:
        value = "set"
    try:
        return value
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"
print(conditional_local(True), conditional_local(False))
def comprehension_does_not_leak():
    [leak for leak in range(3)]
    return "leak" in locals()
print(comprehension_does_not_leak())
try:
    print(undefined_anywhere)
except NameError as e:
    print("NameError:", e)
