# NameError and UnboundLocalError messages.
def uses_undefined():
    return undefined_function()
def unbound_before_assignment():
    print(value)
    value = 1
def unbound_in_loop():
    for i in range(2):
        if i == 1:
            print(item)
        item = i
def free_var_unbound():
    def inner():
        return later
    r = inner
    try:
        return r()
    finally:
        later = 1
class K:
    def m(self):
        return class_level_name
    class_level_name = 1
def del_then_use():
    x = 1
    del x
    return x
for f in [uses_undefined, unbound_before_assignment, unbound_in_loop, free_var_unbound, K().m,
          lambda: del_then_use(), lambda: [missing_in_comp for _ in range(1)], lambda: eval("nowhere")]:
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e, repr(getattr(e, "name", None)))
try:
    print(__undefined_dunder__)
except NameError as e:
    print(type(e).__name__, e)
